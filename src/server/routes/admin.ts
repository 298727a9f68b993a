// Administration: users, grants to restricted cases, API tokens and the audit log.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, password, userFields } from '../../domain/entities.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import { getRecord } from '../../store/records.ts';
import {
  createApiToken, createUser, grantCase, listApiTokens, listGrants, listUsers, revokeApiToken, revokeGrant, setPassword, updateUser,
} from '../../store/users.ts';
import { requireRole } from '../auth.ts';
import { Problem } from '../errors.ts';
import { listQueryBase, problems as problemsFor } from './records.ts';
import { userSchema } from './auth.ts';
import { decodeCursor, encodeCursor } from '../../store/cursor.ts';
import { hidesAnyCase } from '../../store/visibility.ts';

const problems = problemsFor(400, 401, 403, 404, 409, 422);

export function registerAdminRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', {
    schema: { tags: ['Administration'], summary: 'List users', response: { 200: z.object({ items: z.array(userSchema), next: z.null() }), ...problems } },
  }, async (request) => {
    requireRole(request, 'admin');
    return { items: await listUsers(db), next: null };
  });

  r.post('/api/users', {
    schema: {
      tags: ['Administration'], summary: 'Create a user',
      body: z.strictObject({ ...userFields.shape, password }),
      response: { 201: userSchema, ...problems },
    },
  }, async (request, reply) => {
    const admin = requireRole(request, 'admin');
    return reply.code(201).send(await createUser(db, admin.id, request.body));
  });

  r.patch('/api/users/:id', {
    schema: {
      tags: ['Administration'], summary: "Change a user's display name, e-mail address, role, or disable them",
      description: 'The e-mail address receives alert e-mails and the daily digest for the cases the user is on the team of (when the deployment has SMTP set up); null removes it. '
        + 'Disabling ends the user\'s sessions and stops their API tokens at once; enabling lets them sign in again. Nobody changes their own role or disables themselves (409).',
      params: z.object({ id }),
      body: userFields.pick({ displayName: true, email: true }).extend({
        role: userFields.shape.role.optional(),
        disabled: z.boolean().optional(),
      }).strict(),
      response: { 200: userSchema, ...problems },
    },
  }, async (request) => {
    const admin = requireRole(request, 'admin');
    return updateUser(db, admin.id, request.params.id, request.body);
  });

  r.post('/api/users/:id/password', {
    schema: {
      tags: ['Administration'], summary: "Set a user's password",
      description: 'Ends every session of the user; they sign in with the new password. The password is never shown again.',
      params: z.object({ id }),
      body: z.strictObject({ password }),
      response: { 204: z.null(), ...problems },
    },
  }, async (request, reply) => {
    const admin = requireRole(request, 'admin');
    await setPassword(db, admin.id, { id: request.params.id }, request.body.password);
    return reply.code(204).send(null);
  });

  r.post('/api/tokens', {
    schema: {
      tags: ['Administration'],
      summary: 'Create an API token for yourself; shown once',
      description: 'A token acts as its user. Tokens for others are made on the command line (`habeas token create`), so that no one can act as another user over HTTP. '
        + 'Without `expiresInDays` the token works until it is revoked.',
      body: z.strictObject({
        name: z.string().trim().min(1).max(100),
        expiresInDays: z.int().min(1).max(3650).optional().meta({ description: 'The token stops working this many days from now' }),
      }),
      response: { 201: z.object({ id, token: z.string(), expiresAt: z.string().nullable() }), ...problems },
    },
  }, async (request, reply) => {
    const user = requireRole(request, 'viewer');
    return reply.code(201).send(await createApiToken(db, user.id, user.id, request.body.name, request.body.expiresInDays ?? null));
  });

  const tokenSchema = z.object({
    id, name: z.string(), userId: id, username: z.string(), createdAt: z.string(),
    expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  }).meta({ id: 'ApiToken', description: 'An API token without its secret (which is shown only when it is made)' });

  r.get('/api/tokens', {
    schema: {
      tags: ['Administration'], summary: 'List API tokens, newest first',
      description: 'Your own tokens; an administrator sees everyone\'s, so that a token that leaked can be revoked. Never the token itself or its hash.',
      response: { 200: z.object({ items: z.array(tokenSchema), next: z.null() }), ...problems },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    return { items: await listApiTokens(db, user.role === 'admin' ? null : user.id), next: null };
  });

  r.delete('/api/tokens/:id', {
    schema: {
      tags: ['Administration'], summary: 'Revoke an API token',
      description: 'The token stops working at once. Your own tokens; an administrator may revoke anyone\'s. Revoking a revoked token is a no-op.',
      params: z.object({ id }),
      response: { 204: z.null(), ...problems },
    },
  }, async (request, reply) => {
    const user = requireRole(request, 'viewer');
    await revokeApiToken(db, user.id, request.params.id, user.role === 'admin' ? null : user.id);
    return reply.code(204).send(null);
  });

  const grantParams = z.object({ id, userId: id });
  r.get('/api/cases/:id/grants', {
    schema: {
      tags: ['Administration'], summary: 'Who holds a grant to a case',
      description: 'A restricted case is seen only by holders of a grant; the one who opened a case holds one. A case the administrator cannot see is 404.',
      params: z.object({ id }),
      response: {
        200: z.object({
          items: z.array(z.object({
            userId: id, username: z.string(), displayName: z.string().nullable(), role: z.enum(['admin', 'editor', 'viewer']),
            disabled: z.boolean(), grantedAt: z.string(), grantedBy: id.nullable(),
          })),
          next: z.null(),
        }),
        ...problems,
      },
    },
  }, async (request) => {
    const admin = requireRole(request, 'admin');
    await getRecord(db, { userId: admin.id }, 'case', request.params.id);
    return { items: await listGrants(db, request.params.id), next: null };
  });

  r.put('/api/cases/:id/grants/:userId', {
    schema: { tags: ['Administration'], summary: 'Let a user see a restricted case', params: grantParams, response: { 204: z.null(), ...problems } },
  }, async (request, reply) => {
    const admin = requireRole(request, 'admin');
    // Only someone who can see the case can share it.
    await getRecord(db, { userId: admin.id }, 'case', request.params.id);
    await grantCase(db, admin.id, request.params.userId, request.params.id);
    return reply.code(204).send(null);
  });

  r.delete('/api/cases/:id/grants/:userId', {
    schema: { tags: ['Administration'], summary: 'Withdraw a grant', params: grantParams, response: { 204: z.null(), ...problems } },
  }, async (request, reply) => {
    const admin = requireRole(request, 'admin');
    await getRecord(db, { userId: admin.id }, 'case', request.params.id);
    if (request.params.userId === admin.id) throw new Problem('conflict', 'You cannot withdraw your own grant.');
    await revokeGrant(db, admin.id, request.params.userId, request.params.id);
    return reply.code(204).send(null);
  });

  r.get('/api/audit', {
    schema: {
      tags: ['Administration'], summary: 'The audit log, newest first',
      querystring: z.object({ ...listQueryBase, recordId: z.string().max(100).optional() }),
      response: {
        200: z.object({
          items: z.array(z.object({
            seq: z.number(), at: z.string(), actorId: z.string().nullable(), action: z.string(),
            recordType: z.string(), recordId: z.string(), before: z.unknown(), after: z.unknown(), hash: z.string(),
          })),
          next: z.string().nullable(),
        }),
        ...problems,
      },
    },
  }, async (request) => {
    const admin = requireRole(request, 'admin');
    const { cursor, limit, recordId } = request.query;
    const params: unknown[] = [admin.id, limit + 1];
    const where: string[] = [`NOT ${hidesAnyCase('case_ids')}`];
    if (recordId) { params.push(recordId); where.push(`record_id = $${params.length}`); }
    if (cursor) { params.push(cursorSeq(cursor)); where.push(`seq < $${params.length}`); }
    const rows = await db.query<Record<string, unknown>>(
      `SELECT seq, at, actor_id, action, record_type, record_id, before, after, hash FROM audit_log
       WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        seq: row.seq as number, at: (row.at as Date).toISOString(), actorId: row.actor_id as string | null,
        action: row.action as string, recordType: row.record_type as string, recordId: row.record_id as string,
        before: row.before, after: row.after, hash: row.hash as string,
      })),
      next: rows.length > limit ? encodeCursor(new Date(0), seqId(page.at(-1)!.seq as number)) : null,
    };
  });

  r.get('/api/audit/verify', {
    schema: {
      tags: ['Administration'], summary: 'Check that the audit chain is intact',
      response: { 200: z.object({ ok: z.boolean(), entries: z.number(), brokenAt: z.number().optional(), reason: z.string().optional() }), ...problems },
    },
  }, async (request) => {
    requireRole(request, 'admin');
    return verifyAuditChain(db);
  });
}

// The audit cursor reuses the opaque cursor format, carrying the sequence number in the id slot.
const seqId = (seq: number) => `00000000-0000-0000-0000-${seq.toString().padStart(12, '0')}`;
function cursorSeq(cursor: string): number {
  const seq = decodeCursor(cursor)[1].slice(24);
  if (!/^\d{12}$/.test(seq)) throw new Problem('validation-failed', 'cursor: not a cursor this server gave out', [
    { field: 'cursor', message: 'not a cursor this server gave out' },
  ]);
  return Number(seq);
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../store/db.ts';
import {
  checkPassword, clearLoginFailures, countLoginAttempt, createSession, endSession,
} from '../../store/users.ts';
import { requireRole, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import type { Config } from '../config.ts';
import { Problem } from '../errors.ts';
import { problemSchema } from './records.ts';

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(['admin', 'editor', 'viewer']),
  email: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
}).meta({ id: 'User' });

export function registerAuthRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    schema: {
      tags: ['Sign in'],
      summary: 'Sign in; sets an HttpOnly session cookie',
      description: 'After 5 failed attempts for one username (or 20 from one address) in 15 minutes, answers 429 with Retry-After.',
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1_000) }),
      response: { 200: z.object({ user: userSchema }), 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const wait = await countLoginAttempt(db, username, request.ip);
    if (wait > 0) {
      throw new Problem('too-many-attempts', `Too many failed attempts; try again in ${Math.ceil(wait / 60)} minute(s).`, undefined, { retryAfter: wait });
    }
    const user = await checkPassword(db, username, password);
    if (!user) throw new Problem('invalid-credentials');
    await clearLoginFailures(db, username);
    const token = await createSession(db, user, config.sessionHours);
    setSessionCookie(reply, token, config.sessionHours, config.secureCookies);
    return { user };
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['Sign in'], summary: 'Sign out (ends the session)', response: { 204: z.null(), 401: problemSchema } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/auth/me', {
    schema: { tags: ['Sign in'], summary: 'Who is signed in', response: { 200: z.object({ user: userSchema }), 401: problemSchema } },
  }, async (request) => ({ user: requireRole(request, 'viewer') }));
}

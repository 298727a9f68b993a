// Create, read, update, list and retract for every record kind of the case model, generated from
// the domain schemas so that validation, types and the OpenAPI description cannot drift apart.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, KINDS, recordMeta, type KindName } from '../../domain/entities.ts';
import type { Db } from '../../store/db.ts';
import { createRecord, getRecord, KIND_LABEL, listRecords, retractRecord, updateRecord } from '../../store/records.ts';
import { TABLES } from '../../store/tables.ts';
import { requireRole } from '../auth.ts';
import { enrichCases } from './cases.ts';

export const ROUTE_OF: Record<KindName, { path: string; tag: string }> = {
  person: { path: 'persons', tag: 'People' },
  organization: { path: 'organizations', tag: 'Organisations' },
  place: { path: 'places', tag: 'Places' },
  case: { path: 'cases', tag: 'Cases' },
  detention_period: { path: 'detention-periods', tag: 'Detention' },
  event: { path: 'events', tag: 'Events' },
  health_condition: { path: 'health-conditions', tag: 'Health' },
  care_request: { path: 'care-requests', tag: 'Health' },
  visit: { path: 'visits', tag: 'Monitoring visits' },
  source: { path: 'sources', tag: 'Sources' },
  claim: { path: 'claims', tag: 'Claims' },
};

// Loose: some problems carry a member of their own (a conflict's existingId).
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** The problem+json answers a route may give, for its OpenAPI description. */
export const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, problemSchema]));

export const listQueryBase = {
  cursor: z.string().max(500).optional().meta({ description: 'The `next` value of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

function filterSchema(kind: KindName) {
  const shape = KINDS[kind].fields.shape as Record<string, z.ZodType>;
  const filters: Record<string, z.ZodType> = {};
  for (const field of TABLES[kind].filters) {
    filters[field] = field.endsWith('Id') ? id.optional() : (shape[field] ?? z.string()).optional();
  }
  if (kind === 'visit' || kind === 'source') {
    filters.caseId = id.optional().meta({ description: 'Only those about this case' });
  }
  if (kind === 'case') {
    filters.tag = z.string().max(60).optional();
    filters.hasAlerts = z.enum(['true', 'false']).optional().meta({ description: 'Only cases with (true) or without (false) open alerts' });
    filters.q = z.string().trim().min(1).max(200).optional()
      .meta({ description: "The subject's name in any spelling or script (a part of it will do)" });
    filters.sort = z.enum(['created', 'updated', 'daysHeld']).optional()
      .meta({ description: 'Oldest first (created, the default), most recently updated first, or longest held first (unknown last)' });
  }
  return filters;
}

export function registerRecordRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of Object.keys(KINDS) as KindName[]) {
    const { path, tag } = ROUTE_OF[kind];
    const one = `${/^[aeiou]/.test(KIND_LABEL[kind]) ? 'an' : 'a'} ${KIND_LABEL[kind]}`;
    const fields = KINDS[kind].fields;
    // Typed loosely: one loop serves every kind, and the store's records are checked by the schema at run time.
    const record: z.ZodType<Record<string, unknown>> = z.looseObject({ ...recordMeta.shape, ...fields.partial().shape }).meta({
      id: `${kind.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`,
    });
    const params = z.object({ id });
    const enrich = kind === 'case' ? (items: Record<string, unknown>[]) => enrichCases(db, items) : async () => {};

    r.get(`/api/${path}`, {
      schema: {
        tags: [tag], summary: `List ${path.replace('-', ' ')}`,
        querystring: z.object({ ...listQueryBase, ...filterSchema(kind) }),
        response: { 200: z.object({ items: z.array(record), next: z.string().nullable() }), ...problems(400, 401) },
      },
    }, async (request) => {
      const user = requireRole(request, 'viewer');
      const { cursor, limit, ...filters } = request.query as Record<string, string | undefined> & { limit: number };
      const page = await listRecords(db, { userId: user.id }, kind, { cursor, limit, filters });
      await enrich(page.items);
      return page;
    });

    r.post(`/api/${path}`, {
      schema: {
        tags: [tag], summary: `Create ${one}`,
        body: z.strictObject(fields.shape),
        response: { 201: record, ...problems(400, 401, 403, 409, 422) },
      },
    }, async (request, reply) => {
      const user = requireRole(request, 'editor');
      const created = await createRecord(db, { userId: user.id }, kind, request.body as Record<string, unknown>);
      await enrich([created]);
      return reply.code(201).header('location', `/api/${path}/${String(created.id)}`).send(created);
    });

    r.get(`/api/${path}/:id`, {
      schema: { tags: [tag], summary: `Read ${one}`, params, response: { 200: record, ...problems(400, 401, 404) } },
    }, async (request) => {
      const user = requireRole(request, 'viewer');
      const found = await getRecord(db, { userId: user.id }, kind, request.params.id);
      await enrich([found]);
      return found;
    });

    r.patch(`/api/${path}/:id`, {
      schema: {
        tags: [tag], summary: `Change ${one}`, params,
        body: z.strictObject(fields.partial().shape),
        response: { 200: record, ...problems(400, 401, 403, 404, 409, 422) },
      },
    }, async (request) => {
      const user = requireRole(request, 'editor');
      const updated = await updateRecord(db, { userId: user.id }, kind, request.params.id, request.body as Record<string, unknown>);
      await enrich([updated]);
      return updated;
    });

    r.delete(`/api/${path}/:id`, {
      schema: {
        tags: [tag], summary: `Retract ${one} (kept in the store and the audit log)`, params,
        querystring: z.object({ reason: z.string().max(1_000).optional() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    }, async (request, reply) => {
      const user = requireRole(request, 'editor');
      await retractRecord(db, { userId: user.id }, kind, request.params.id, request.query.reason);
      return reply.code(204).send(null);
    });
  }
}

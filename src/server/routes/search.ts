import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_STATUSES } from '../../domain/vocabularies.ts';
import type { Db } from '../../store/db.ts';
import { search } from '../../store/search.ts';
import { requireRole } from '../auth.ts';
import { problemSchema } from './records.ts';

const kind = z.enum(['person', 'source', 'event']);

const hit = z.object({
  kind,
  id: z.uuid(),
  title: z.string(),
  snippet: z.string().nullable()
    .meta({ description: 'Sources: a passage with the matched words between « and »; events: the description' }),
  fragments: z.array(z.object({ text: z.string(), match: z.boolean() })).optional()
    .meta({ description: 'Sources and events: the passage in pieces, the words the query matched marked, to highlight without parsing' }),
  score: z.number(),
  caseId: z.uuid().nullable(),
  caseStatus: z.string().nullable().optional().meta({ description: "People and events: the status of their case" }),
  matched: z.string().optional().meta({ description: 'For people: the spelling that matched' }),
});

const count = z.object({ key: z.string(), count: z.int() });

export function registerSearchRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/search', {
    schema: {
      tags: ['Search'],
      summary: 'People by any spelling or script, and full text of sources and events',
      description:
        'People come first (Атамбаев, Atambaev and atambayev find the same person), then ranked text matches. ' +
        '`facets` count every match (at most 500 of each kind) by kind, and by the status and country of the cases the ' +
        'hit belongs to; each facet counts what the other filters keep. `kind`, `status` and `country` filter the items.',
      querystring: z.object({
        q: z.string().trim().min(1).max(500),
        kind: kind.optional(),
        status: z.enum(CASE_STATUSES).optional().meta({ description: "Only hits belonging to a case with this status" }),
        country: z.string().regex(/^[A-Z]{2}$/).optional().meta({ description: 'Only hits belonging to a case in this country (ISO 3166 alpha-2)' }),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: {
        200: z.object({
          items: z.array(hit),
          next: z.null(),
          facets: z.object({ kind: z.array(count), status: z.array(count), country: z.array(count) }),
        }),
        400: problemSchema,
        401: problemSchema,
      },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    const { q, limit, ...filters } = request.query;
    const { items, facets } = await search(db, user.id, q, filters, limit);
    return { items, next: null, facets };
  });
}

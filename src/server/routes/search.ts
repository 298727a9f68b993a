import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { search, type SearchKind } from '../../store/search.ts';
import { requireRole } from '../auth.ts';
import { problemSchema } from './records.ts';

const hit = z.object({
  kind: z.enum(['person', 'source', 'event']),
  id: z.uuid(),
  title: z.string(),
  snippet: z.string().nullable(),
  score: z.number(),
  caseId: z.uuid().nullable(),
  matched: z.string().optional().meta({ description: 'For people: the spelling that matched' }),
});

export function registerSearchRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/search', {
    schema: {
      tags: ['Search'],
      summary: 'People by any spelling or script, and full text of sources and events',
      description: 'People come first (Атамбаев, Atambaev and atambayev find the same person), then ranked text matches.',
      querystring: z.object({
        q: z.string().trim().min(1).max(500),
        kind: z.enum(['person', 'source', 'event']).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(hit), next: z.null() }), 400: problemSchema, 401: problemSchema },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    const { q, kind, limit } = request.query;
    const kinds: SearchKind[] = kind ? [kind] : ['person', 'source', 'event'];
    return { items: await search(db, user.id, q, kinds, limit), next: null };
  });
}

// Review: run extraction on a source, list its suggestions, and accept, merge or reject each.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import type { Db } from '../../store/db.ts';
import { acceptSuggestion, listSuggestions, mergeSuggestion, rejectSuggestion, runExtraction } from '../../store/suggestions.ts';
import { requireRole } from '../auth.ts';
import { problems as problemsFor } from './records.ts';

const suggestion = z.object({
  id,
  sourceId: id,
  kind: z.enum(['person', 'organization', 'place', 'event']),
  payload: z.record(z.string(), z.unknown()).meta({ description: 'What extraction found: name, kind or role, mentions and linking candidates; or an event with its type, date, subject and evidence' }),
  start: z.int(),
  end: z.int(),
  confidence: z.number(),
  status: z.enum(['pending', 'accepted', 'merged', 'rejected']),
  disputes: z.array(id).meta({ description: 'Existing records this suggestion contradicts' }),
  resultRecordType: z.string().nullable(),
  resultRecordId: id.nullable(),
}).meta({ id: 'Suggestion' });

const problems = problemsFor(400, 401, 403, 404, 409, 422);
const params = z.object({ id });

export function registerSuggestionRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/sources/:id/extract', {
    schema: {
      tags: ['Review'], summary: "Run extraction on a source's text; adds only suggestions not made before", params,
      response: { 200: z.object({ added: z.int(), known: z.int() }), ...problems },
    },
  }, async (request) => runExtraction(db, { userId: requireRole(request, 'editor').id }, request.params.id));

  r.get('/api/sources/:id/suggestions', {
    schema: {
      tags: ['Review'], summary: "A source's suggestions in text order", params,
      response: { 200: z.object({ items: z.array(suggestion), next: z.null() }), ...problems },
    },
  }, async (request) => ({
    items: await listSuggestions(db, { userId: requireRole(request, 'viewer').id }, request.params.id),
    next: null,
  }));

  r.post('/api/suggestions/:id/accept', {
    schema: {
      tags: ['Review'], summary: 'Accept: create the record and a claim quoting the source (optionally edited first)', params,
      body: z.strictObject({
        caseId: id.optional().meta({ description: 'For an event, when the source is about several cases' }),
        fields: z.record(z.string(), z.unknown()).optional().meta({ description: 'Fields that replace what was suggested' }),
      }).nullish(), // a POST without a body accepts as suggested
      response: { 200: suggestion, ...problems },
    },
  }, async (request) => acceptSuggestion(db, { userId: requireRole(request, 'editor').id }, request.params.id, request.body ?? {}));

  r.post('/api/suggestions/:id/merge', {
    schema: {
      tags: ['Review'], summary: 'Merge into an existing person, organisation or place (its spelling becomes an alias)', params,
      body: z.strictObject({ recordId: id }),
      response: { 200: suggestion, ...problems },
    },
  }, async (request) => mergeSuggestion(db, { userId: requireRole(request, 'editor').id }, request.params.id, request.body.recordId));

  r.post('/api/suggestions/:id/reject', {
    schema: { tags: ['Review'], summary: 'Reject: kept as rejected, never suggested again for this source', params, response: { 200: suggestion, ...problems } },
  }, async (request) => rejectSuggestion(db, { userId: requireRole(request, 'editor').id }, request.params.id));
}

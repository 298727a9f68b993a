// Uploading a document: the raw bytes in the body, any format intake reads; the source is
// created (or found, when the same document is already there) and extraction runs on it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import { MAX_DOCUMENT_BYTES } from '../../intake/index.ts';
import type { Db } from '../../store/db.ts';
import { importDocument } from '../../store/import.ts';
import { requireRole } from '../auth.ts';
import { Problem } from '../errors.ts';
import { problemSchema } from './records.ts';

export function registerImportRoutes(app: FastifyInstance, db: Db) {
  // Its own scope: only here does any content type arrive, as bytes.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/sources/upload', {
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags: ['Review'],
        summary: 'Upload a document (text, Markdown, HTML, PDF, DOCX) as the raw body; extraction runs on it',
        description: 'Send the file as the body with its Content-Type (or application/octet-stream) and its name in `filename`. The same bytes, or the same text, find the source that already holds them (`duplicate: true`).',
        querystring: z.object({ filename: z.string().trim().min(1).max(255).optional(), caseId: id.optional() }),
        response: {
          201: z.object({ sourceId: id, duplicate: z.literal(false), title: z.string(), suggestions: z.object({ added: z.int(), known: z.int() }) }),
          200: z.object({ sourceId: id, duplicate: z.literal(true), title: z.string(), suggestions: z.object({ added: z.int(), known: z.int() }) }),
          400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema,
        },
      },
    }, async (request, reply) => {
      const user = requireRole(request, 'editor');
      const body = request.body;
      if (!(body instanceof Buffer) || body.length === 0) throw new Problem('validation-failed', 'The body is empty: send the document as the body.');
      const result = await importDocument(db, { userId: user.id }, {
        bytes: body,
        filename: request.query.filename,
        mediaType: request.headers['content-type'],
        caseIds: request.query.caseId ? [request.query.caseId] : [],
      });
      return reply.code(result.duplicate ? 200 : 201).send(result as never);
    });
  });
}

// Uploading a document: the raw bytes in the body, any format intake reads; the source is
// created (or found, when the same document is already there) and extraction runs on it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import { fetchUrl, MAX_DOCUMENT_BYTES, requirePublicDestination } from '../../intake/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../../store/db.ts';
import { importDocument } from '../../store/import.ts';
import { requireRole } from '../auth.ts';
import { Problem } from '../errors.ts';
import { problems } from './records.ts';

const importResult = {
  201: z.object({ sourceId: id, duplicate: z.literal(false), title: z.string(), suggestions: z.object({ added: z.int(), known: z.int() }) }),
  200: z.object({ sourceId: id, duplicate: z.literal(true), title: z.string(), suggestions: z.object({ added: z.int(), known: z.int() }) }),
  ...problems(400, 401, 403, 413, 415, 422),
};

export function registerImportRoutes(app: FastifyInstance, db: Db, config: Config) {
  app.withTypeProvider<ZodTypeProvider>().post('/api/sources/fetch', {
    schema: {
      tags: ['Review'],
      summary: 'Import a document from a URL (http or https); extraction runs on it',
      description: 'Fetched with a 15 s limit, at most 20 MB and 5 redirects; private and local addresses are refused unless HABEAS_FETCH_PRIVATE_URLS=true.',
      body: z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2_000), caseId: id.optional() }),
      response: importResult,
    },
  }, async (request, reply) => {
    const user = requireRole(request, 'editor');
    const fetched = await fetchUrl(request.body.url, {
      checkDestination: config.fetchPrivateUrls ? undefined : requirePublicDestination,
    });
    const filename = decodeURIComponent(new URL(fetched.finalUrl).pathname.split('/').pop() || '') || undefined;
    const result = await importDocument(db, { userId: user.id }, {
      bytes: fetched.bytes, filename, mediaType: fetched.mediaType,
      caseIds: request.body.caseId ? [request.body.caseId] : [],
    });
    return reply.code(result.duplicate ? 200 : 201).send(result as never);
  });

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
        response: importResult,
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

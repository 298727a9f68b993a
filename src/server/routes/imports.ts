// Uploading a document: the raw bytes in the body, any format intake reads; the source is
// created (or found, when the same document is already there) and extraction runs on it. Or
// several at once as an import job that runs in the background and reports its progress.
import multipart, { type Multipart } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import { fetchUrl, MAX_DOCUMENT_BYTES, megabytes, requirePublicDestination } from '../../intake/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../../store/db.ts';
import { importDocument } from '../../store/import.ts';
import { checkRefs } from '../../store/refs.ts';
import { requireRole } from '../auth.ts';
import { invalid, notFound, Problem } from '../errors.ts';
import { inMemoryImportJobs, type UploadedFile } from '../import-jobs.ts';
import { problems, problemSchema } from './records.ts';

const importResult = {
  201: z.object({ sourceId: id, duplicate: z.literal(false), title: z.string(), suggestions: z.object({ added: z.int(), known: z.int() }) }),
  200: z.object({ sourceId: id, duplicate: z.literal(true), title: z.string(), suggestions: z.object({ added: z.int(), known: z.int() }) }),
  ...problems(400, 401, 403, 413, 415, 422),
};

const MAX_FILES_PER_IMPORT = 100;

/** zod's checks, but not for a multipart body: the handler reads it part by part (request.body stays empty) and its schema only describes the form. */
const allButBody: FastifySchemaCompiler<z.ZodType> = (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route));

const importJob = z.object({
  id,
  status: z.enum(['running', 'finished']),
  caseId: id.nullable().meta({ description: 'The case every document is filed under' }),
  total: z.int(),
  done: z.int().meta({ description: 'Documents handled so far, imported or not' }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  items: z.array(z.object({
    filename: z.string(),
    status: z.enum(['pending', 'imported', 'duplicate', 'failed']),
    sourceId: id.optional(),
    title: z.string().optional(),
    suggestions: z.object({ added: z.int(), known: z.int() }).optional(),
    reason: z.string().optional().meta({ description: 'Why the document failed, in a sentence' }),
    problem: problemSchema.optional().meta({ description: 'The problem an upload of this document alone would have answered' }),
  })).meta({ description: 'One per file, in the order sent' }),
}).meta({ id: 'ImportJob' });

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

  const jobs = inMemoryImportJobs(db, app.log);
  // The server closes the store after this: documents in hand finish first, no new one starts.
  app.addHook('onClose', () => jobs.close());

  // Its own scope: only here are multipart bodies read.
  app.register(async (scope) => {
    scope.setValidatorCompiler(allButBody);
    await scope.register(multipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: MAX_FILES_PER_IMPORT, fields: 5, fieldSize: 100, parts: MAX_FILES_PER_IMPORT + 5 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/imports', {
      schema: {
        tags: ['Review'],
        summary: 'Import several documents in the background; answers at once with the job, whose progress GET /api/imports/{id} shows',
        description: `multipart/form-data: each document in a part named \`file\` (its file name and media type as the browser sends them; at most ${MAX_FILES_PER_IMPORT}, each smaller than ${megabytes(MAX_DOCUMENT_BYTES)}) and optionally the \`caseId\` they are about. Answers 202 with the job, its address in Location. Each document is imported as an upload is: found again when already there, or failed alone with the reason an upload would give.`,
        consumes: ['multipart/form-data'],
        body: z.object({
          file: z.array(z.string().meta({ format: 'binary' })).min(1).max(MAX_FILES_PER_IMPORT),
          caseId: id.optional(),
        }),
        response: { 202: importJob, ...problems(400, 401, 403, 413, 422) },
      },
    }, async (request, reply) => {
      const user = requireRole(request, 'editor');
      if (!request.isMultipart()) {
        throw new Problem('validation-failed', 'Send the documents as multipart/form-data, each in a part named "file".');
      }
      const { files, caseId } = await readForm(request.parts());
      if (caseId) await checkRefs(db, user.id, [{ path: 'caseId', table: 'cases', id: caseId }]);
      const job = jobs.start(user.id, files, { caseId });
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(job);
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/imports/:id', {
    schema: {
      tags: ['Review'], summary: 'An import job and its progress (only its starter sees it)',
      params: z.object({ id }),
      response: { 200: importJob, ...problems(400, 401, 404) },
    },
  }, async (request) => {
    const job = jobs.get(requireRole(request, 'viewer').id, request.params.id);
    if (!job) throw notFound('import job');
    return job;
  });

  r.get('/api/imports', {
    schema: {
      tags: ['Review'], summary: 'Your import jobs, newest first (kept 24 h after they finish)',
      response: { 200: z.object({ items: z.array(importJob), next: z.null() }), ...problems(401) },
    },
  }, async (request) => ({ items: jobs.list(requireRole(request, 'viewer').id), next: null }));
}

/** The files (into memory: the job runs after the request has ended) and the case of an import form. */
async function readForm(parts: AsyncIterable<Multipart>): Promise<{ files: UploadedFile[]; caseId?: string }> {
  const files: UploadedFile[] = [];
  let caseId: string | undefined;
  try {
    for await (const part of parts) {
      if (part.type === 'file' && part.fieldname === 'file') {
        const filename = part.filename || `document ${files.length + 1}`;
        if (filename.length > 255) throw invalid([{ field: 'file', message: `the file name "${filename.slice(0, 40)}…" is longer than 255 characters` }]);
        files.push({ filename, mediaType: part.mimetype, bytes: await part.toBuffer() });
      } else if (part.type === 'field' && part.fieldname === 'caseId') {
        const parsed = id.safeParse(part.value);
        if (!parsed.success) throw invalid([{ field: 'caseId', message: 'is not a case id' }]);
        caseId = parsed.data;
      } else {
        throw invalid([{ field: part.fieldname, message: 'unexpected: send documents as "file" and optionally "caseId"' }]);
      }
    }
  } catch (error) {
    const code = (error as FastifyError).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const filename = (error as { part?: { filename?: string } }).part?.filename;
      throw new Problem('payload-too-large', `${filename ? `"${filename}"` : 'A document'} is too large: each must be smaller than ${megabytes(MAX_DOCUMENT_BYTES)}.`);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new Problem('payload-too-large', `An import takes at most ${MAX_FILES_PER_IMPORT} documents and a caseId.`);
    }
    throw error;
  }
  if (files.length === 0) throw invalid([{ field: 'file', message: 'no document: send each in a part named "file"' }]);
  return { files, caseId };
}

// Data in and out over HTTP: the store (or one case) as JSON Lines, streamed; an export restored
// into an empty store; a spreadsheet of prisoners added as cases. The same functions as
// `habeas export` and `habeas import-data`.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../domain/entities.ts';
import { CONFIDENTIALITY_LEVELS } from '../../domain/vocabularies.ts';
import type { Db } from '../../store/db.ts';
import { exportCase, exportStore } from '../../store/export.ts';
import { jsonLine, jsonLinesHeader, readJsonLines } from '../../store/export-formats.ts';
import { getRecord } from '../../store/records.ts';
import { restoreRecords } from '../../store/restore.ts';
import { importSpreadsheet, readSpreadsheet } from '../../store/spreadsheet.ts';
import { requireRole } from '../auth.ts';
import { Problem } from '../errors.ts';
import { problems } from './records.ts';

/** An export or a spreadsheet may be large: up to 200 MB in one request. */
const MAX_DATA_BYTES = 200 * 1024 * 1024;

export function registerDataRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/export', {
    schema: {
      tags: ['Administration'],
      summary: 'The records you may see as JSON Lines: the whole store (admins), or one case (editors)',
      description: 'A header line `{"format":"habeas-export","version":1,…}`, then one `{"kind":…,"record":{…}}` per line, references before the records that name them. Streamed a page at a time.',
      querystring: z.object({ caseId: id.optional() }),
      response: { 200: z.string().meta({ description: 'application/x-ndjson' }), ...problems(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { caseId } = request.query;
    const user = requireRole(request, caseId ? 'editor' : 'admin');
    const actor = { userId: user.id };
    if (caseId) await getRecord(db, actor, 'case', caseId); // 404 before the stream starts
    async function* lines() {
      yield jsonLinesHeader(caseId ? { caseId } : {});
      for await (const item of caseId ? exportCase(db, actor, caseId) : exportStore(db, actor)) yield jsonLine(item);
    }
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="habeas-${caseId ? `case-${caseId.slice(0, 8)}` : 'export'}-${day}.jsonl"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()) as never);
  });

  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DATA_BYTES }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const bodyOf = (body: unknown) => {
      if (!(body instanceof Buffer) || body.length === 0) throw new Problem('validation-failed', 'The body is empty: send the file as the body.');
      return body;
    };

    r.post('/api/import-data', {
      bodyLimit: MAX_DATA_BYTES,
      schema: {
        tags: ['Administration'],
        summary: 'Restore a JSON Lines export into an empty store (admins): all of it, or nothing',
        description: 'Send the export as the body. Each record is checked as an API write is; one wrong record writes nothing and is named by its line.',
        response: { 200: z.object({ restored: z.record(z.string(), z.int()) }), ...problems(400, 401, 403, 409, 413, 422) },
      },
    }, async (request) => {
      const user = requireRole(request, 'admin');
      const lines = readJsonLines(Readable.from(bodyOf(request.body)));
      // A malformed line is the sender's mistake, not the server's.
      async function* checked() {
        try {
          yield* lines;
        } catch (error) {
          throw error instanceof Problem ? error : new Problem('validation-failed', error instanceof Error ? error.message : String(error));
        }
      }
      return { restored: await restoreRecords(db, { userId: user.id }, checked()) };
    });

    r.post('/api/import-data/spreadsheet', {
      bodyLimit: MAX_DATA_BYTES,
      schema: {
        tags: ['Administration'],
        summary: 'Add the cases of a spreadsheet of prisoners (CSV as the body; editors)',
        description: 'Columns are found by their headings (Name, Other names, Status, Country, Held since, Held until, Prison, Tags, Summary, …) or mapped with `map=field=Heading` (repeatable). Every row is checked first: one wrong cell writes nothing, and every problem is listed by row and heading.',
        querystring: z.object({
          map: z.union([z.string().max(300), z.array(z.string().max(300)).max(20)]).optional(),
          confidentiality: z.enum(CONFIDENTIALITY_LEVELS).default('internal'),
        }),
        response: {
          200: z.object({ created: z.int(), existing: z.array(z.object({ row: z.int(), name: z.string() })) }),
          ...problems(400, 401, 403, 413),
        },
      },
    }, async (request) => {
      const user = requireRole(request, 'editor');
      const { map, confidentiality } = request.query;
      const { rows, issues } = readSpreadsheet(bodyOf(request.body).toString('utf8'), map === undefined ? [] : [map].flat(), { confidentiality });
      if (issues.length > 0) throw new Problem('validation-failed', `${issues.length} problem${issues.length === 1 ? '' : 's'} in the spreadsheet; nothing was added.`, issues);
      return importSpreadsheet(db, { userId: user.id }, rows);
    });
  });
}

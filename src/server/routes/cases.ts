// What a case adds to its record: the subject's names, days in detention derived from the
// detention periods, the current facility; and the case timeline.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateFromDb, daysBetween, formatDayRange, formatPreciseDate, todayUtc, totalDays } from '../../domain/dates.ts';
import { caseFields, id, personFields } from '../../domain/entities.ts';
import { EVENT_KIND_OF, type EventType } from '../../domain/vocabularies.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { createRecordIn } from '../../store/records.ts';
import { hiddenSubject, hidesAnyCase, visibleSql } from '../../store/visibility.ts';
import { requireRole } from '../auth.ts';
import { notFound } from '../errors.ts';
import { problems, problemSchema } from './records.ts';

type Rec = Record<string, unknown>;

export interface DetentionSummary {
  days: { min: number; max: number } | null;
  label: string;
  ongoing: boolean;
  since: string | null;
}

/** Days in detention are never typed in: they follow from the periods, at the precision they allow. */
export function summariseDetention(periods: Array<{ start: string; end: string | null }>, today = todayUtc()): DetentionSummary {
  const ranges = periods.map((p) => {
    const start = dateFromDb(p.start)!;
    const end = dateFromDb(p.end);
    return daysBetween(start, end ?? 'today', today);
  });
  const ongoing = periods.some((p) => p.end === null);
  if (periods.length === 0) return { days: null, label: 'no detention recorded', ongoing: false, since: null };
  if (ranges.some((r) => r === null)) return { days: null, label: 'unknown length', ongoing, since: null };
  const days = totalDays(ranges as Array<{ min: number; max: number }>);
  const current = periods.find((p) => p.end === null);
  return { days, label: formatDayRange(days), ongoing, since: current ? formatPreciseDate(dateFromDb(current.start)!) : null };
}

export async function enrichCases(db: Queryable, cases: Rec[]): Promise<void> {
  if (cases.length === 0) return;
  const caseIds = cases.map((c) => c.id);
  const subjects = await db.query<{ id: string; canonical_name: string; aliases: string[] }>(
    'SELECT id, canonical_name, aliases FROM persons WHERE id = ANY($1::uuid[])',
    [cases.map((c) => c.subjectPersonId)],
  );
  const periods = await db.query<{ case_id: string; start: string; end: string | null; facility_id: string | null; facility: string | null }>(
    `SELECT d.case_id, d.start, d."end", d.facility_id, p.name AS facility
     FROM detention_periods d LEFT JOIN places p ON p.id = d.facility_id
     WHERE d.case_id = ANY($1::uuid[]) AND d.retracted_at IS NULL
     ORDER BY d.start_earliest`,
    [caseIds],
  );
  const alertCounts = await db.query<{ case_id: string; n: number }>(
    `SELECT case_id, count(*)::int AS n FROM alerts WHERE case_id = ANY($1::uuid[]) AND closed_at IS NULL GROUP BY case_id`,
    [caseIds],
  );
  const openAlerts = new Map(alertCounts.map((a) => [a.case_id, Number(a.n)]));
  const subjectById = new Map(subjects.map((s) => [s.id, s]));
  for (const c of cases) {
    const subject = subjectById.get(c.subjectPersonId as string);
    c.subject = subject ? { id: subject.id, canonicalName: subject.canonical_name, aliases: subject.aliases } : null;
    const own = periods.filter((p) => p.case_id === c.id);
    c.daysInDetention = summariseDetention(own);
    const latest = own.at(-1);
    c.currentFacility = latest?.facility_id ? { id: latest.facility_id, name: latest.facility } : null;
    c.openAlerts = openAlerts.get(c.id as string) ?? 0;
  }
}

const timelineItem: z.ZodType<Rec> = z.looseObject({
  id,
  type: z.string(),
  kind: z.string(),
  date: z.string().nullable(),
  dateLabel: z.string(),
  precision: z.string().nullable(),
  earliest: z.string().nullable().meta({ description: 'The first day the date may be (YYYY-MM-DD)' }),
  latest: z.string().nullable().meta({ description: 'The last day the date may be (YYYY-MM-DD)' }),
  description: z.string().nullable(),
  disputed: z.boolean(),
  verified: z.boolean(),
  claims: z.array(z.looseObject({ id, stance: z.string(), quote: z.string() })),
});

export function registerCaseRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/case-files', {
    schema: {
      tags: ['Cases'],
      summary: 'Open a case for a person not yet in the store: the person and the case in one transaction',
      description: 'Either both are created or neither is. For a person already recorded, POST /api/cases with subjectPersonId.',
      body: z.strictObject({ subject: z.strictObject(personFields.shape), case: z.strictObject(caseFields.omit({ subjectPersonId: true }).shape) }),
      response: { 201: z.looseObject({ id }), ...problems(400, 401, 403, 422) },
    },
  }, async (request, reply) => {
    const actor = { userId: requireRole(request, 'editor').id };
    const created = await db.transaction(async (tx) => {
      const person = await createRecordIn(tx, actor, 'person', request.body.subject);
      return createRecordIn(tx, actor, 'case', { ...request.body.case, subjectPersonId: person.id });
    });
    await enrichCases(db, [created]);
    return reply.code(201).header('location', `/api/cases/${String(created.id)}`).send(created as Rec & { id: string });
  });
  r.get('/api/cases/:id/timeline', {
    // The store builds this answer itself, so it is sent as it is: re-checking a 10 kB timeline
    // against its schema on every request cost about 7 % of the server's time (npm run bench).
    serializerCompiler: () => (data) => JSON.stringify(data),
    schema: {
      tags: ['Cases'],
      summary: "A case's events in date order, each with its claims and sources",
      description: 'Partial dates sort by their first possible day; `disputed` is true when a claim disputes the event.',
      params: z.object({ id }),
      response: { 200: z.object({ items: z.array(timelineItem), next: z.null() }), 401: problemSchema, 404: problemSchema },
    },
  }, async (request) => {
    const user = requireRole(request, 'viewer');
    const items = await caseTimeline(db, user.id, request.params.id);
    if (!items) throw notFound('case');
    return { items, next: null };
  });
}

/**
 * One round trip: the case's visibility and its events in date order, each with its participants
 * and its claims with their sources. Null when the case does not exist for this user.
 */
export async function caseTimeline(db: Queryable, userId: string, caseId: string): Promise<Rec[] | null> {
  const rows = await db.query<Rec>(
    `SELECT e.* FROM (SELECT 1 FROM cases c WHERE c.id = $2 AND c.retracted_at IS NULL AND ${visibleSql('self', 'c')}) found
     LEFT JOIN LATERAL (
       SELECT e.id, e.type, e.date, e.date_precision, e.date_earliest, e.date_latest, e.created_at,
         e.place_id, pl.name AS place_name, e.attributes, e.description,
         coalesce((
           SELECT json_agg(json_build_object('role', ep.role, 'personId', p.id,
                    'organizationId', ep.organization_id, 'name', coalesce(p.canonical_name, o.name)) ORDER BY ep.position)
           FROM event_participants ep
           -- A person known only through cases hidden from the user is shown without name or id.
           LEFT JOIN persons p ON p.id = ep.person_id AND NOT ${hiddenSubject('p.id')}
           LEFT JOIN organizations o ON o.id = ep.organization_id
           WHERE ep.event_id = e.id), '[]') AS participants,
         coalesce((
           SELECT json_agg(json_build_object('id', t.id, 'field', t.field, 'stance', t.stance,
                    'credibility', t.credibility, 'quote', t.quote, 'start', t.start, 'end', t."end",
                    'source', json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'url', s.url,
                      'publishedDate', s.published_date, 'reliability', s.reliability)) ORDER BY t.created_at, t.id)
           FROM claims t JOIN sources s ON s.id = t.source_id
           -- The claim's record is this event of a visible case; its source must be visible too.
           WHERE t.record_id = e.id AND t.retracted_at IS NULL AND s.retracted_at IS NULL
             AND NOT ${hidesAnyCase('s.case_ids')}), '[]') AS claims
       FROM events e LEFT JOIN places pl ON pl.id = e.place_id
       WHERE e.case_id = $2 AND e.retracted_at IS NULL
     ) e ON TRUE
     ORDER BY coalesce(e.date_earliest, e.date_latest) NULLS LAST, e.date_latest NULLS LAST, e.created_at, e.id`,
    [userId, caseId],
  );
  if (rows.length === 0) return null;
  return rows.filter((e) => e.id !== null).map((e) => {
    const date = dateFromDb(e.date as string | null);
    const claims = e.claims as Array<{ stance: string; credibility: number; source: { reliability: string } }>;
    const disputed = claims.some((c) => c.stance === 'disputes');
    // Verified: a reliable source (A/B) states it with good credibility (1–2), and nobody disputes it.
    const verified = !disputed && claims.some((c) => ['A', 'B'].includes(c.source.reliability) && c.credibility <= 2);
    return {
      id: e.id,
      type: e.type,
      kind: EVENT_KIND_OF[e.type as EventType],
      date: e.date ?? null,
      dateLabel: date ? formatPreciseDate(date) : 'date unknown',
      // The first and last day the date may be: a partial date is drawn as the span it covers.
      earliest: (e.date_earliest as string | null) ?? null,
      latest: (e.date_latest as string | null) ?? null,
      precision: e.date_precision ?? null,
      place: e.place_id ? { id: e.place_id, name: e.place_name } : null,
      attributes: e.attributes,
      description: e.description ?? null,
      participants: e.participants,
      disputed,
      verified,
      claims,
    };
  });
}

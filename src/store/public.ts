// What anyone may read without signing in: cases marked public, their events, and the sources
// filed under public cases only. This is the one place that rule is written. A source that is
// also about an internal or restricted case is left out (with the claims quoting it), so that
// nothing about a case that is not public — not even that it exists — reaches a public page.
import type { Queryable } from './db.ts';

type Rec = Record<string, unknown>;

/**
 * A source is public only when every case it is about is public. `$1` is the case at hand; in a
 * preview it counts as public already (it is the one about to be published).
 */
const PUBLIC_SOURCE = (s: string, preview = false) => `${s}.retracted_at IS NULL AND cardinality(${s}.case_ids) > 0 AND NOT EXISTS (
  SELECT 1 FROM cases x WHERE x.id = ANY(${s}.case_ids) ${preview ? 'AND x.id <> $1' : ''}
  AND (x.confidentiality <> 'public' OR x.retracted_at IS NOT NULL))`;

const PUBLIC_CASE = (c: string) => `${c}.confidentiality = 'public' AND ${c}.retracted_at IS NULL`;

export interface PublicSource {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedDate: string | null;
}

export interface PublicEvent {
  id: string;
  type: string;
  date: string | null;
  description: string | null;
  place: string | null;
  /** The public sources the event rests on, and whether one disputes it. */
  sourceIds: string[];
  disputed: boolean;
}

export interface PublicCase {
  id: string;
  name: string;
  aliases: string[];
  status: string;
  country: string | null;
  summary: string | null;
  updatedAt: string;
  periods: Array<{ start: string; end: string | null; facility: string | null }>;
  events: PublicEvent[];
  sources: PublicSource[];
}

export interface PublicCaseRef {
  id: string;
  name: string;
  status: string;
  country: string | null;
  updatedAt: string;
}

/** Every public case, most recently updated first. */
export async function publicCases(db: Queryable, limit = 500): Promise<PublicCaseRef[]> {
  const rows = await db.query<{ id: string; name: string; status: string; country: string | null; updated_at: Date }>(
    `SELECT c.id, p.canonical_name AS name, c.status, c.country, c.updated_at
     FROM cases c JOIN persons p ON p.id = c.subject_person_id
     WHERE ${PUBLIC_CASE('c')} ORDER BY c.updated_at DESC, c.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, country: r.country, updatedAt: r.updated_at.toISOString() }));
}

/**
 * Public cases whose id begins with `idPrefix` (a page's address carries its first eight hex
 * digits): a range of ids, so the primary key finds them without reading every case.
 */
export async function publicCaseIds(db: Queryable, idPrefix: string): Promise<Array<{ id: string; name: string }>> {
  return db.query<{ id: string; name: string }>(
    `SELECT c.id, p.canonical_name AS name FROM cases c JOIN persons p ON p.id = c.subject_person_id
     WHERE ${PUBLIC_CASE('c')} AND c.id BETWEEN $1::uuid AND $2::uuid ORDER BY c.id LIMIT 10`,
    [`${idPrefix}-0000-0000-0000-000000000000`, `${idPrefix}-ffff-ffff-ffff-ffffffffffff`],
  );
}

/**
 * One public case with its public timeline and sources; null when there is no such public case.
 * `preview`: the case as its page would be if it were public (the caller checks who may see it).
 */
export async function publicCase(db: Queryable, id: string, { preview = false } = {}): Promise<PublicCase | null> {
  const [kase] = await db.query<Rec>(
    `SELECT c.id, c.status, c.country, c.summary, c.updated_at, p.canonical_name, p.aliases
     FROM cases c JOIN persons p ON p.id = c.subject_person_id
     WHERE c.id = $1 AND ${preview ? 'c.retracted_at IS NULL' : PUBLIC_CASE('c')}`,
    [id],
  );
  if (!kase) return null;
  const [periods, sources, events, claims] = await Promise.all([
    db.query<{ start: string; end: string | null; facility: string | null }>(
      `SELECT d.start, d."end", pl.name AS facility FROM detention_periods d LEFT JOIN places pl ON pl.id = d.facility_id
       WHERE d.case_id = $1 AND d.retracted_at IS NULL ORDER BY d.start_earliest NULLS FIRST, d.created_at`,
      [id],
    ),
    db.query<{ id: string; title: string; publisher: string | null; url: string | null; published_date: string | null }>(
      `SELECT s.id, s.title, s.publisher, s.url, s.published_date FROM sources s
       WHERE $1::uuid = ANY(s.case_ids) AND ${PUBLIC_SOURCE('s', preview)}
       ORDER BY s.published_date_earliest NULLS LAST, s.created_at, s.id`,
      [id],
    ),
    db.query<{ id: string; type: string; date: string | null; description: string | null; place: string | null }>(
      `SELECT e.id, e.type, e.date, e.description, pl.name AS place FROM events e LEFT JOIN places pl ON pl.id = e.place_id
       WHERE e.case_id = $1 AND e.retracted_at IS NULL
       ORDER BY coalesce(e.date_earliest, e.date_latest) NULLS LAST, e.date_latest NULLS LAST, e.created_at, e.id`,
      [id],
    ),
    db.query<{ record_id: string; source_id: string; stance: string }>(
      `SELECT t.record_id, t.source_id, t.stance FROM claims t JOIN sources s ON s.id = t.source_id
       WHERE t.case_id = $1 AND t.record_type = 'event' AND t.retracted_at IS NULL AND ${PUBLIC_SOURCE('s', preview)}
       ORDER BY t.created_at, t.id`,
      [id],
    ),
  ]);
  return {
    id: kase.id as string,
    name: kase.canonical_name as string,
    aliases: (kase.aliases as string[]) ?? [],
    status: kase.status as string,
    country: (kase.country as string | null) ?? null,
    summary: (kase.summary as string | null) ?? null,
    updatedAt: (kase.updated_at as Date).toISOString(),
    periods,
    sources: sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, url: s.url, publishedDate: s.published_date })),
    events: events.map((e) => {
      const own = claims.filter((c) => c.record_id === e.id);
      return { ...e, sourceIds: [...new Set(own.map((c) => c.source_id))], disputed: own.some((c) => c.stance === 'disputes') };
    }),
  };
}

export interface PublicUpdate {
  eventId: string;
  caseId: string;
  name: string;
  type: string;
  date: string | null;
  description: string | null;
  recordedAt: string;
}

/** The facts most recently recorded about public cases, newest first (for the Atom feed). */
export async function publicUpdates(db: Queryable, limit = 50): Promise<PublicUpdate[]> {
  const rows = await db.query<{ id: string; case_id: string; name: string; type: string; date: string | null; description: string | null; updated_at: Date }>(
    `SELECT e.id, e.case_id, p.canonical_name AS name, e.type, e.date, e.description, e.updated_at
     FROM events e JOIN cases c ON c.id = e.case_id JOIN persons p ON p.id = c.subject_person_id
     WHERE e.retracted_at IS NULL AND ${PUBLIC_CASE('c')}
     ORDER BY e.updated_at DESC, e.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    eventId: r.id, caseId: r.case_id, name: r.name, type: r.type, date: r.date, description: r.description, recordedAt: r.updated_at.toISOString(),
  }));
}

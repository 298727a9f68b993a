// Search: people by any spelling or script (folded search keys, trigram similarity), and full
// text over sources and events (PostgreSQL text search, ranked), with facets (kind, and the
// status and country of the cases a hit belongs to) that count and filter the matches.
// Restricted cases stay invisible: never found, never counted.
import { searchKey } from '../domain/names.ts';
import type { Db, Queryable } from './db.ts';
import { visibleSql } from './visibility.ts';

export type SearchKind = 'person' | 'source' | 'event';
export const SEARCH_KINDS: SearchKind[] = ['person', 'source', 'event'];

/** A piece of a snippet; `match` when it is a word the query matched. */
export interface Fragment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  /** Sources: a passage with the matched words between « and »; events: the description. */
  snippet: string | null;
  /** The snippet in pieces, the matched words marked, for a client to highlight without parsing. */
  fragments?: Fragment[];
  score: number;
  caseId: string | null;
  /** The status of the hit's case (people and events). */
  caseStatus?: string | null;
  matched?: string;
}

/** What facets and filters read of a hit: the statuses and countries of its visible cases. */
interface Candidate extends SearchHit {
  statuses: string[];
  countries: string[];
}

export interface SearchFilters {
  kind?: SearchKind;
  status?: string;
  country?: string;
}

export interface Count {
  key: string;
  count: number;
}

export interface Facets {
  kind: Count[];
  status: Count[];
  country: Count[];
}

/**
 * Ranking every match of a common word is what makes full-text search slow (a third of the
 * sources can match "detention"): only this many matches are ranked, so for very common terms
 * the order is approximate while rare terms rank exactly. Facets count the same candidates, so for
 * such words they count at most this many of each kind.
 */
export const RANKED_CANDIDATES = 500;

// Highlight markers from ts_headline: private-use characters, which no text of ours holds (they
// are taken out of the text first), so a « or » of a Russian quotation is never mistaken for one.
const START = '\uE000';
const STOP = '\uE001';
const MARKERS = `'${START}${STOP}'`;

function fragmentsOf(marked: string): Fragment[] {
  const out: Fragment[] = [];
  for (const [i, piece] of marked.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (piece) out.push({ text: piece, match: i % 2 === 1 });
  }
  return out;
}

const legacySnippet = (marked: string) => marked.replaceAll(START, '«').replaceAll(STOP, '»');

/**
 * People whose spellings match the query through the trigram index. With `loose`, the bar is
 * lowered to catch a typing slip ("Zhapraov"); callers use it only when nothing else matched,
 * since a low bar also finds names that merely share a few letters.
 */
export async function searchPeople(
  db: Db,
  userId: string,
  query: string,
  limit: number,
  { loose = false } = {},
): Promise<SearchHit[]> {
  return (await peopleCandidates(db, userId, query, limit, { loose })).map(hitOnly);
}

async function peopleCandidates(db: Db, userId: string, query: string, limit: number, { loose = false } = {}): Promise<Candidate[]> {
  const key = searchKey(query);
  if (!key) return [];
  if (!loose) return matchPeople(db, userId, key, query, limit);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, ['0.3']);
    return matchPeople(tx, userId, key, query, limit);
  });
}

async function matchPeople(db: Queryable, userId: string, key: string, query: string, limit: number): Promise<Candidate[]> {
  const rows = await db.query<{
    id: string; canonical_name: string; matched: string; score: number; case_id: string | null; status: string | null; country: string | null;
  }>(
    `WITH matches AS (
       SELECT n.entity_id, n.name,
              greatest(similarity(n.search_key, $2), word_similarity($2, n.search_key)) AS score
       FROM entity_names n
       WHERE n.entity_type = 'person' AND (n.search_key % $2 OR $2 <% n.search_key)
     ), best AS (
       -- Spellings that fold alike score alike: the one holding the query as typed (its script) is shown.
       SELECT DISTINCT ON (entity_id) entity_id, name, score FROM matches
       ORDER BY entity_id, score DESC, strpos(lower(name), lower($4)) > 0 DESC, length(name), name
     )
     SELECT t.id, t.canonical_name, b.name AS matched, b.score, c.id AS case_id, c.status, c.country
     FROM best b JOIN persons t ON t.id = b.entity_id
     LEFT JOIN LATERAL (SELECT c.id, c.status, c.country FROM cases c WHERE c.subject_person_id = t.id AND c.retracted_at IS NULL
             AND ${visibleSql('self', 'c')} ORDER BY c.created_at LIMIT 1) c ON TRUE
     WHERE t.retracted_at IS NULL AND ${visibleSql('subject')}
     ORDER BY b.score DESC, t.canonical_name LIMIT $3`,
    [userId, key, limit, query.trim()],
  );
  return rows.map((r) => ({
    kind: 'person', id: r.id, title: r.canonical_name, snippet: null, score: r.score,
    caseId: r.case_id, caseStatus: r.status, matched: r.matched,
    statuses: r.status ? [r.status] : [], countries: r.country ? [r.country] : [],
  }));
}

async function sourceCandidates(db: Queryable, userId: string, query: string): Promise<Candidate[]> {
  const rows = await db.query<{ id: string; score: number; statuses: string[]; countries: string[] }>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q),
     candidates AS (
       SELECT t.id, t.case_ids, t.search FROM sources t, q
       WHERE t.search @@ q.q AND t.retracted_at IS NULL AND ${visibleSql('cases')} LIMIT ${RANKED_CANDIDATES}
     )
     SELECT c.id, ts_rank_cd(c.search, q.q) AS score,
            coalesce(k.statuses, '{}') AS statuses, coalesce(k.countries, '{}') AS countries
     FROM candidates c CROSS JOIN q
     LEFT JOIN LATERAL (SELECT array_agg(DISTINCT k.status) AS statuses,
                               array_agg(DISTINCT k.country) FILTER (WHERE k.country IS NOT NULL) AS countries
                        FROM cases k WHERE k.id = ANY(c.case_ids) AND k.retracted_at IS NULL) k ON TRUE
     ORDER BY score DESC, c.id`,
    [userId, query],
  );
  return rows.map((r) => ({
    kind: 'source', id: r.id, title: '', snippet: null, score: r.score, caseId: null, statuses: r.statuses, countries: r.countries,
  }));
}

async function eventCandidates(db: Queryable, userId: string, query: string): Promise<Candidate[]> {
  const rows = await db.query<{
    id: string; type: string; date: string | null; case_id: string; description: string | null; score: number; status: string; country: string | null;
  }>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q),
     candidates AS (
       SELECT t.id, t.type, t.date, t.case_id, t.description, t.search FROM events t, q
       WHERE t.search @@ q.q AND t.retracted_at IS NULL AND ${visibleSql('case')} LIMIT ${RANKED_CANDIDATES}
     )
     SELECT c.id, c.type, c.date, c.case_id, c.description, ts_rank_cd(c.search, q.q) AS score, k.status, k.country
     FROM candidates c CROSS JOIN q JOIN cases k ON k.id = c.case_id
     ORDER BY score DESC, c.id`,
    [userId, query],
  );
  return rows.map((r) => ({
    kind: 'event', id: r.id, title: `${r.type.replace(/_/g, ' ')}${r.date ? ` (${r.date})` : ''}`,
    snippet: r.description, score: r.score, caseId: r.case_id, caseStatus: r.status,
    statuses: [r.status], countries: r.country ? [r.country] : [],
  }));
}

/** The title and highlighted passage of the sources, and the highlighted descriptions of the events, that will be shown. */
async function decorate(db: Queryable, query: string, hits: Candidate[]): Promise<void> {
  const sources = hits.filter((h) => h.kind === 'source');
  const events = hits.filter((h) => h.kind === 'event' && h.snippet);
  const [sourceRows, eventRows] = await Promise.all([
    sources.length
      ? db.query<{ id: string; title: string; snippet: string }>(
          `SELECT t.id, t.title,
                  ts_headline('english', translate(left(t.text, 20000), ${MARKERS}, ''), websearch_to_tsquery('english', $1),
                              'StartSel=${START},StopSel=${STOP},MaxWords=30,MinWords=12,MaxFragments=1') AS snippet
           FROM sources t WHERE t.id = ANY($2::uuid[])`,
          [query, sources.map((s) => s.id)],
        )
      : Promise.resolve([]),
    events.length
      ? db.query<{ id: string; snippet: string }>(
          `SELECT t.id, ts_headline('english', translate(t.description, ${MARKERS}, ''), websearch_to_tsquery('english', $1),
                                    'StartSel=${START},StopSel=${STOP},HighlightAll=true') AS snippet
           FROM events t WHERE t.id = ANY($2::uuid[])`,
          [query, events.map((e) => e.id)],
        )
      : Promise.resolve([]),
  ]);
  const sourceById = new Map(sourceRows.map((r) => [r.id, r]));
  for (const s of sources) {
    const row = sourceById.get(s.id);
    if (!row) continue;
    s.title = row.title;
    s.snippet = legacySnippet(row.snippet);
    s.fragments = fragmentsOf(row.snippet);
  }
  const eventById = new Map(eventRows.map((r) => [r.id, r.snippet]));
  for (const e of events) {
    const marked = eventById.get(e.id);
    if (marked) e.fragments = fragmentsOf(marked);
  }
}

function hitOnly({ statuses: _s, countries: _c, ...hit }: Candidate): SearchHit {
  return hit;
}

export async function searchText(
  db: Queryable,
  userId: string,
  query: string,
  kinds: SearchKind[],
  limit: number,
): Promise<SearchHit[]> {
  const hits = await textCandidates(db, userId, query, kinds);
  const top = hits.slice(0, limit);
  await decorate(db, query, top);
  return top.map(hitOnly);
}

async function textCandidates(db: Queryable, userId: string, query: string, kinds: SearchKind[]): Promise<Candidate[]> {
  const [sources, events] = await Promise.all([
    kinds.includes('source') ? sourceCandidates(db, userId, query) : Promise.resolve([]),
    kinds.includes('event') ? eventCandidates(db, userId, query) : Promise.resolve([]),
  ]);
  return [...sources, ...events].sort((a, b) => b.score - a.score);
}

const keeps = (filters: SearchFilters, skip?: keyof SearchFilters) => (h: Candidate) =>
  (skip === 'kind' || !filters.kind || h.kind === filters.kind) &&
  (skip === 'status' || !filters.status || h.statuses.includes(filters.status)) &&
  (skip === 'country' || !filters.country || h.countries.includes(filters.country));

function tally(values: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Each facet counts the matches that the other filters keep, so that choosing one value shows what the others would give. */
function facetsOf(hits: Candidate[], filters: SearchFilters): Facets {
  const forKind = hits.filter(keeps(filters, 'kind'));
  return {
    kind: SEARCH_KINDS.map((k) => ({ key: k, count: forKind.filter((h) => h.kind === k).length })),
    status: tally(hits.filter(keeps(filters, 'status')).flatMap((h) => h.statuses)),
    country: tally(hits.filter(keeps(filters, 'country')).flatMap((h) => h.countries)),
  };
}

/**
 * What GET /api/search answers: people first, then ranked text, kept by the filters, with the
 * facets of every match (up to RANKED_CANDIDATES of each kind); a loose name pass when no one matched
 * and either nothing else did or only people are asked for.
 */
export async function search(
  db: Db,
  userId: string,
  query: string,
  filters: SearchFilters,
  limit: number,
): Promise<{ items: SearchHit[]; facets: Facets }> {
  // Side by side on a server store (the embedded one takes them in turn).
  const [strict, text] = await Promise.all([
    peopleCandidates(db, userId, query, RANKED_CANDIDATES),
    textCandidates(db, userId, query, ['source', 'event']),
  ]);
  let people = strict;
  if (people.length === 0 && (text.length === 0 || filters.kind === 'person')) {
    people = await peopleCandidates(db, userId, query, RANKED_CANDIDATES, { loose: true });
  }
  const all = [...people, ...text];
  const chosen = all.filter(keeps(filters)).slice(0, limit);
  await decorate(db, query, chosen);
  return { items: chosen.map(hitOnly), facets: facetsOf(all, filters) };
}

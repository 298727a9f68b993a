// Search: people by any spelling or script (folded search keys, trigram similarity), and full
// text over sources and events (PostgreSQL text search, ranked). Restricted cases stay invisible.
import { searchKey } from '../domain/names.ts';
import type { Db, Queryable } from './db.ts';
import { visibleSql } from './visibility.ts';

export type SearchKind = 'person' | 'source' | 'event';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string | null;
  score: number;
  caseId: string | null;
  matched?: string;
}

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
  const key = searchKey(query);
  if (!key) return [];
  if (!loose) return matchPeople(db, userId, key, limit);
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, ['0.3']);
    return matchPeople(tx, userId, key, limit);
  });
}

async function matchPeople(db: Queryable, userId: string, key: string, limit: number): Promise<SearchHit[]> {
  const rows = await db.query<{ id: string; canonical_name: string; matched: string; score: number; case_id: string | null }>(
    `WITH matches AS (
       SELECT n.entity_id, n.name,
              greatest(similarity(n.search_key, $2), word_similarity($2, n.search_key)) AS score
       FROM entity_names n
       WHERE n.entity_type = 'person' AND (n.search_key % $2 OR $2 <% n.search_key)
     ), best AS (
       SELECT DISTINCT ON (entity_id) entity_id, name, score FROM matches ORDER BY entity_id, score DESC
     )
     SELECT t.id, t.canonical_name, b.name AS matched, b.score,
            (SELECT c.id FROM cases c WHERE c.subject_person_id = t.id AND c.retracted_at IS NULL
             AND ${visibleSql('self', 'c')} ORDER BY c.created_at LIMIT 1) AS case_id
     FROM best b JOIN persons t ON t.id = b.entity_id
     WHERE t.retracted_at IS NULL AND ${visibleSql('subject')}
     ORDER BY b.score DESC, t.canonical_name LIMIT $3`,
    [userId, key, limit],
  );
  return rows.map((r) => ({
    kind: 'person', id: r.id, title: r.canonical_name, snippet: null, score: r.score,
    caseId: r.case_id, matched: r.matched,
  }));
}

/**
 * Ranking every match of a common word is what makes full-text search slow (a third of the
 * sources can match "detention"): only this many matches are ranked, so for very common terms
 * the order is approximate while rare terms rank exactly.
 */
export const RANKED_CANDIDATES = 500;

export async function searchText(
  db: Queryable,
  userId: string,
  query: string,
  kinds: SearchKind[],
  limit: number,
): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  if (kinds.includes('source')) {
    const rows = await db.query<{ id: string; title: string; score: number; snippet: string }>(
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q),
       candidates AS (
         SELECT t.id, t.title, t.text, t.search FROM sources t, q
         WHERE t.search @@ q.q AND t.retracted_at IS NULL AND ${visibleSql('cases')} LIMIT ${RANKED_CANDIDATES}
       ),
       top AS (
         SELECT c.id, c.title, c.text, ts_rank_cd(c.search, q.q) AS score FROM candidates c, q
         ORDER BY score DESC, c.id LIMIT $3
       )
       SELECT top.id, top.title, top.score,
              ts_headline('english', left(top.text, 20000), q.q,
                          'StartSel=«,StopSel=»,MaxWords=30,MinWords=12,MaxFragments=1') AS snippet
       FROM top, q ORDER BY top.score DESC, top.id`,
      [userId, query, limit],
    );
    hits.push(...rows.map((r) => ({ kind: 'source' as const, id: r.id, title: r.title, snippet: r.snippet, score: r.score, caseId: null })));
  }
  if (kinds.includes('event')) {
    const rows = await db.query<{ id: string; type: string; date: string | null; case_id: string; description: string | null; score: number }>(
      `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS q),
       candidates AS (
         SELECT t.id, t.type, t.date, t.case_id, t.description, t.search FROM events t, q
         WHERE t.search @@ q.q AND t.retracted_at IS NULL AND ${visibleSql('case')} LIMIT ${RANKED_CANDIDATES}
       )
       SELECT c.id, c.type, c.date, c.case_id, c.description, ts_rank_cd(c.search, q.q) AS score
       FROM candidates c, q ORDER BY score DESC, c.id LIMIT $3`,
      [userId, query, limit],
    );
    hits.push(...rows.map((r) => ({
      kind: 'event' as const, id: r.id, title: `${r.type.replace(/_/g, ' ')}${r.date ? ` (${r.date})` : ''}`,
      snippet: r.description, score: r.score, caseId: r.case_id,
    })));
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** What GET /api/search answers: people first, then ranked text; a loose name pass when nothing matched. */
export async function search(db: Db, userId: string, query: string, kinds: SearchKind[], limit: number): Promise<SearchHit[]> {
  const wantPeople = kinds.includes('person');
  let people = wantPeople ? await searchPeople(db, userId, query, limit) : [];
  const text = await searchText(db, userId, query, kinds.filter((k) => k !== 'person'), limit);
  if (wantPeople && people.length === 0 && text.length === 0) {
    people = await searchPeople(db, userId, query, limit, { loose: true });
  }
  return [...people, ...text].slice(0, limit);
}

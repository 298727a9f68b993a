// Suggestions: what extraction proposes from a source, waiting for a person to accept it (the
// record and a claim quoting the source are created), merge it into an existing record (a claim,
// and the spelling kept as an alias), or reject it. Each decision is one audited transaction.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tryParsePreciseDate, compareDates } from '../domain/dates.ts';
import { KINDS } from '../domain/entities.ts';
import { searchKey } from '../domain/names.ts';
import { extract } from '../extract/index.ts';
import type { ExtractedEvent, Span } from '../extract/types.ts';
import { invalid, notFound, Problem } from '../server/errors.ts';
import { appendAudit } from './audit.ts';
import type { Db, Queryable } from './db.ts';
import { createRecordIn, getRecord, updateRecordIn, type Actor } from './records.ts';
import { hidesAnyCase } from './visibility.ts';

type Rec = Record<string, unknown>;
export type SuggestionKind = 'person' | 'organization' | 'place' | 'event';

export interface Suggestion {
  id: string;
  sourceId: string;
  kind: SuggestionKind;
  payload: Rec;
  start: number;
  end: number;
  confidence: number;
  status: 'pending' | 'accepted' | 'merged' | 'rejected';
  disputes: string[];
  resultRecordType: string | null;
  resultRecordId: string | null;
}

interface Candidate {
  id: string;
  name: string;
  score: number;
}

// Organisation kinds of the extractor that the store's vocabulary names otherwise.
const ORG_KIND: Record<string, string> = { prison: 'prison_service' };
const PLACE_KIND: Record<string, string> = { other: 'region' };

/** Existing people, organisations or places whose spellings are close to each name: one query for all. */
async function candidatesFor(q: Queryable, names: Array<{ type: string; name: string }>): Promise<Map<string, Candidate[]>> {
  const wanted = names.map((n) => ({ type: n.type, key: searchKey(n.name) })).filter((n) => n.key);
  const found = new Map<string, Candidate[]>();
  if (wanted.length === 0) return found;
  const rows = await q.query<Candidate & { type: string; key: string }>(
    `SELECT w.type, w.key, n.entity_id AS id, min(n.name) AS name,
            max(greatest(similarity(n.search_key, w.key), word_similarity(w.key, n.search_key))) AS score
     FROM unnest($1::text[], $2::text[]) AS w(type, key)
     JOIN entity_names n ON n.entity_type = w.type AND (n.search_key % w.key OR w.key <% n.search_key)
     GROUP BY w.type, w.key, n.entity_id`,
    [wanted.map((w) => w.type), wanted.map((w) => w.key)],
  );
  for (const row of rows.sort((a, b) => b.score - a.score)) {
    const list = found.get(`${row.type}|${row.key}`) ?? [];
    if (list.length < 3) list.push({ id: row.id, name: row.name, score: row.score });
    found.set(`${row.type}|${row.key}`, list);
  }
  return found;
}

const SOURCE_VISIBLE = `NOT ${hidesAnyCase('s.case_ids')}`;

/** Runs extraction on a source and stores what is new; returns how many were added and known. */
export async function runExtraction(db: Db, actor: Actor, sourceId: string): Promise<{ added: number; known: number }> {
  return db.transaction(async (tx) => suggestFrom(tx, actor, await getRecord(tx, actor, 'source', sourceId)));
}

/** Extraction on a source record, its suggestions stored in the caller's transaction. */
export async function suggestFrom(tx: Queryable, actor: Actor, source: Rec): Promise<{ added: number; known: number }> {
  const sourceId = source.id as string;
  const published = typeof source.publishedDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(source.publishedDate)
    ? source.publishedDate : null;
  const result = extract(String(source.text ?? ''), { published });
  const caseIds = (source.caseIds as string[]) ?? [];
  const rows: Array<{ kind: SuggestionKind; payload: Rec; span: Span; confidence: number; fingerprint: string; disputes: string[] }> = [];
  const entities = [['person', result.persons], ['organization', result.organizations], ['place', result.places]] as const;
  const linked = await candidatesFor(tx, entities.flatMap(([type, list]) => list.map((e) => ({ type, name: e.name }))));
  const existingEvents = await onceEvents(tx, caseIds);
  for (const [kind, list] of entities) {
    for (const entity of list) {
      const first = entity.mentions[0]!;
      rows.push({
        kind,
        payload: { ...entity, candidates: linked.get(`${kind}|${searchKey(entity.name)}`) ?? [] },
        span: first,
        confidence: entity.mentions.length > 1 ? 0.8 : 0.6,
        fingerprint: `${kind}|${searchKey(entity.name)}`,
        disputes: [],
      });
    }
  }
  for (const event of result.events) {
    rows.push({
      kind: 'event',
      payload: { ...event },
      span: event.evidence,
      confidence: event.confidence,
      fingerprint: `event|${event.type}|${searchKey(event.subject ?? '')}|${event.date ?? ''}|${event.evidence.start}`,
      disputes: contradictions(existingEvents, event),
    });
  }
  // All rows in one statement whatever their number (arrays, one per column; a uuid[] per row
  // travels as its text form), so that it is prepared once.
  const inserted = rows.length === 0 ? [] : await tx.query(
    `INSERT INTO suggestions (id, source_id, kind, payload, start, "end", confidence, fingerprint, disputes)
     SELECT id, $1::uuid, kind, payload, start, "end", confidence, fingerprint, disputes::uuid[]
     FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::int[], $6::int[], $7::real[], $8::text[], $9::text[])
       AS s(id, kind, payload, start, "end", confidence, fingerprint, disputes)
     ON CONFLICT (source_id, fingerprint) DO NOTHING RETURNING id`,
    [
      sourceId, rows.map(() => randomUUID()), rows.map((r) => r.kind), rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.span.start), rows.map((r) => r.span.end), rows.map((r) => r.confidence),
      rows.map((r) => r.fingerprint), rows.map((r) => `{${r.disputes.join(',')}}`),
    ],
  );
  const added = inserted.length;
  await appendAudit(tx, {
    actorId: actor.userId, action: 'extract', recordType: 'source', recordId: sourceId,
    after: { suggestions: rows.length, added }, caseIds,
  });
  return { added, known: rows.length - added };
}

// Only events that happen once can contradict each other by date.
const ONCE = ['arrest', 'verdict', 'sentence', 'death_in_custody'];

async function onceEvents(q: Queryable, caseIds: string[]): Promise<Array<{ id: string; type: string; date: string }>> {
  if (caseIds.length === 0) return [];
  return q.query(
    `SELECT id, type, date FROM events
     WHERE case_id = ANY($1::uuid[]) AND type = ANY($2::text[]) AND date IS NOT NULL AND retracted_at IS NULL`,
    [caseIds, ONCE],
  );
}

/** Existing events of the same once-only type whose dates cannot be the suggested one. */
function contradictions(existing: Array<{ id: string; type: string; date: string }>, event: ExtractedEvent): string[] {
  if (!event.date || !ONCE.includes(event.type)) return [];
  const suggested = tryParsePreciseDate(event.date);
  if (!suggested.ok) return [];
  return existing
    .filter((e) => {
      const date = e.type === event.type ? tryParsePreciseDate(e.date) : null;
      return date?.ok && !['overlaps', 'same'].includes(compareDates(date.value, suggested.value));
    })
    .map((e) => e.id);
}

const toSuggestion = (row: Rec): Suggestion => ({
  id: row.id as string,
  sourceId: row.source_id as string,
  kind: row.kind as SuggestionKind,
  payload: row.payload as Rec,
  start: row.start as number,
  end: row.end as number,
  confidence: row.confidence as number,
  status: row.status as Suggestion['status'],
  disputes: row.disputes as string[],
  resultRecordType: (row.result_record_type as string | null) ?? null,
  resultRecordId: (row.result_record_id as string | null) ?? null,
});

export async function listSuggestions(db: Queryable, actor: Actor, sourceId: string): Promise<Suggestion[]> {
  await getRecord(db, actor, 'source', sourceId);
  const rows = await db.query<Rec>('SELECT * FROM suggestions WHERE source_id = $1 ORDER BY start, kind, id', [sourceId]);
  return rows.map(toSuggestion);
}

/** A pending suggestion of a source the user may see, locked for the decision. */
async function pending(tx: Queryable, actor: Actor, id: string): Promise<{ suggestion: Suggestion; source: Rec }> {
  const [row] = await tx.query<Rec>(
    `SELECT g.*, s.text AS source_text, s.case_ids AS source_case_ids FROM suggestions g JOIN sources s ON s.id = g.source_id
     WHERE g.id = $2 AND s.retracted_at IS NULL AND ${SOURCE_VISIBLE} FOR UPDATE OF g`,
    [actor.userId, id],
  );
  if (!row) throw notFound('suggestion');
  const suggestion = toSuggestion(row);
  if (suggestion.status !== 'pending') {
    throw new Problem('conflict', `This suggestion was ${suggestion.status} already.`);
  }
  return { suggestion, source: { text: row.source_text, caseIds: row.source_case_ids } };
}

async function decide(
  tx: Queryable, actor: Actor, suggestion: Suggestion, status: Suggestion['status'], result?: { type: string; id: string },
): Promise<Suggestion> {
  await tx.query(
    `UPDATE suggestions SET status = $2, decided_by = $3, decided_at = now(), updated_at = now(),
       result_record_type = $4, result_record_id = $5 WHERE id = $1`,
    [suggestion.id, status, actor.userId, result?.type ?? null, result?.id ?? null],
  );
  await appendAudit(tx, {
    actorId: actor.userId, action: status === 'rejected' ? 'reject' : status === 'merged' ? 'merge' : 'accept',
    recordType: 'suggestion', recordId: suggestion.id, after: { status, result: result ?? null },
  });
  const [row] = await tx.query<Rec>('SELECT * FROM suggestions WHERE id = $1', [suggestion.id]);
  return toSuggestion(row!);
}

/** A claim that the record rests on the words of the source at this span. */
async function claimSpan(tx: Queryable, actor: Actor, sourceId: string, text: string, recordType: string, recordId: string, span: { start: number; end: number }, field: string | null) {
  await createRecordIn(tx, actor, 'claim', {
    recordType, recordId, sourceId, field, start: span.start, end: span.end,
    quote: text.slice(span.start, span.end), stance: 'supports', credibility: 3,
  });
}

export interface AcceptInput {
  /** The case an event goes into; needed when the source is about more than one case. */
  caseId?: string;
  /** Fields that override what was suggested ("edit then accept"). */
  fields?: Rec;
}

/** The suggested record with the person's edits, checked like any record sent to the API. */
function edited(kind: SuggestionKind, suggested: Rec, fields: Rec = {}): Rec {
  const parsed = z.strictObject(KINDS[kind].fields.shape).safeParse({ ...suggested, ...fields });
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ field: ['fields', ...i.path.map(String)].join('.'), message: i.message })));
  }
  return parsed.data as Rec;
}

export async function acceptSuggestion(db: Db, actor: Actor, id: string, input: AcceptInput = {}): Promise<Suggestion> {
  return db.transaction(async (tx) => {
    const { suggestion, source } = await pending(tx, actor, id);
    const payload = suggestion.payload;
    const text = String(source.text);
    let record: Rec;
    if (suggestion.kind === 'event') {
      const caseIds = (source.caseIds as string[]) ?? [];
      const caseId = input.caseId ?? (caseIds.length === 1 ? caseIds[0] : undefined);
      if (!caseId) throw invalid([{ field: 'caseId', message: 'say which case this event belongs to' }]);
      // The subject, when their name from this source was already accepted or merged.
      const [subject] = await tx.query<{ id: string }>(
        `SELECT result_record_id AS id FROM suggestions WHERE source_id = $1 AND kind = 'person'
         AND payload->>'name' = $2 AND result_record_id IS NOT NULL LIMIT 1`,
        [suggestion.sourceId, payload.subject ?? ''],
      );
      record = await createRecordIn(tx, actor, 'event', edited('event', {
        caseId, type: payload.type, date: payload.date ?? null,
        description: (payload.evidence as Span).text.slice(0, 2_000),
        participants: subject ? [{ personId: subject.id, role: 'subject' }] : [],
      }, input.fields));
      await claimSpan(tx, actor, suggestion.sourceId, text, 'event', record.id as string, suggestion, null);
    } else {
      const fields = suggestion.kind === 'person'
        ? { canonicalName: payload.name }
        : suggestion.kind === 'organization'
          ? { name: payload.name, kind: ORG_KIND[payload.kind as string] ?? payload.kind }
          : { name: payload.name, kind: PLACE_KIND[payload.kind as string] ?? payload.kind, ...(payload.kind === 'facility' ? { facilityType: 'other' } : {}) };
      const aliases = [...new Set(((payload.mentions as Span[]) ?? []).map((m) => m.text))].filter((n) => n !== payload.name);
      record = await createRecordIn(tx, actor, suggestion.kind, edited(suggestion.kind, { ...fields, aliases }, input.fields));
      await claimSpan(tx, actor, suggestion.sourceId, text, suggestion.kind, record.id as string, suggestion, 'name');
    }
    return decide(tx, actor, suggestion, 'accepted', { type: suggestion.kind, id: record.id as string });
  });
}

/** The suggested person, organisation or place is one already known: keep the spelling as an alias. */
export async function mergeSuggestion(db: Db, actor: Actor, id: string, recordId: string): Promise<Suggestion> {
  return db.transaction(async (tx) => {
    const { suggestion, source } = await pending(tx, actor, id);
    if (suggestion.kind === 'event') throw invalid([{ field: 'recordId', message: 'events are accepted or rejected, not merged' }]);
    const existing = await getRecord(tx, actor, suggestion.kind, recordId);
    const known = new Set([existing.canonicalName ?? existing.name, ...((existing.aliases as string[]) ?? [])]);
    const spellings = ((suggestion.payload.mentions as Span[]) ?? []).map((m) => m.text).filter((n) => !known.has(n));
    if (spellings.length) {
      await updateRecordIn(tx, actor, suggestion.kind, recordId, { aliases: [...((existing.aliases as string[]) ?? []), ...new Set(spellings)] });
    }
    await claimSpan(tx, actor, suggestion.sourceId, String(source.text), suggestion.kind, recordId, suggestion, 'name');
    return decide(tx, actor, suggestion, 'merged', { type: suggestion.kind, id: recordId });
  });
}

export async function rejectSuggestion(db: Db, actor: Actor, id: string): Promise<Suggestion> {
  return db.transaction(async (tx) => {
    const { suggestion } = await pending(tx, actor, id);
    return decide(tx, actor, suggestion, 'rejected');
  });
}

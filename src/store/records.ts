// Create, read, update, list and retract the records of the case model. Each write is one
// transaction: references checked, row written, derived rows (participants, name index) kept in
// step, and an audit entry appended — all or nothing.
import { createHash, randomUUID } from 'node:crypto';
import { parsePreciseDate, todayUtc } from '../domain/dates.ts';
import { KINDS, type KindName } from '../domain/entities.ts';
import { searchKey } from '../domain/names.ts';
import { invalid, notFound, Problem } from '../server/errors.ts';
import { appendAudit } from './audit.ts';
import type { Db, Queryable } from './db.ts';
import { decodeCursor, decodeNumberCursor, encodeCursor, encodeNumberCursor } from './cursor.ts';
import { reevaluateCases, STANDARDS_KINDS } from './standards.ts';
import { checkRefs, refsOf } from './refs.ts';
import { columnFields, decodeRow, quote, selectList, snake, TABLES } from './tables.ts';
import { visibleSql } from './visibility.ts';

type Rec = Record<string, unknown>;

export interface Actor {
  userId: string;
}

/** Each kind's name in messages. */
export const KIND_LABEL: Record<KindName, string> = {
  person: 'person', organization: 'organisation', place: 'place', case: 'case',
  detention_period: 'detention period', event: 'event', health_condition: 'health condition',
  care_request: 'care request', visit: 'visit', source: 'source', claim: 'claim',
};

/** Column values for a (partial) record: dates split into their four columns, json serialised. */
function columnValues(kind: KindName, record: Rec): Map<string, unknown> {
  const spec = TABLES[kind];
  const values = new Map<string, unknown>();
  for (const field of columnFields(kind)) {
    if (!(field in record) || record[field] === undefined) continue;
    const value = record[field];
    const column = snake(field);
    if (spec.dates.includes(field)) {
      const date = value == null ? null : parsePreciseDate(String(value));
      values.set(column, date?.text ?? null);
      values.set(`${column}_earliest`, date?.earliest ?? null);
      values.set(`${column}_latest`, date?.latest ?? null);
      values.set(`${column}_precision`, date?.precision ?? null);
    } else if (spec.json.includes(field)) {
      values.set(column, JSON.stringify(value ?? null));
    } else {
      values.set(column, value);
    }
  }
  return values;
}

/** Runs the kind's cross-field rules; throws a 400 naming each field. */
function checkRules(kind: KindName, record: Rec) {
  const issues = KINDS[kind].rules(record as never);
  if (issues.length) throw invalid(issues.map((i) => ({ field: i.path, message: i.message })));
}

export async function loadChildren(q: Queryable, kind: KindName, records: Rec[]): Promise<void> {
  if (kind !== 'event' || records.length === 0) return;
  const rows = await q.query<{ event_id: string; person_id: string | null; organization_id: string | null; role: string }>(
    `SELECT event_id, person_id, organization_id, role FROM event_participants
     WHERE event_id = ANY($1::uuid[]) ORDER BY event_id, position`,
    [records.map((r) => r.id)],
  );
  const byEvent = new Map<string, Rec[]>();
  for (const row of rows) {
    const list = byEvent.get(row.event_id) ?? [];
    list.push({ personId: row.person_id, organizationId: row.organization_id, role: row.role });
    byEvent.set(row.event_id, list);
  }
  for (const record of records) record.participants = byEvent.get(record.id as string) ?? [];
}

async function writeChildren(tx: Queryable, kind: KindName, id: string, record: Rec): Promise<void> {
  if (kind === 'event' && record.participants !== undefined) {
    await tx.query('DELETE FROM event_participants WHERE event_id = $1', [id]);
    const participants = (record.participants as Rec[]) ?? [];
    for (const [position, p] of participants.entries()) {
      await tx.query(
        `INSERT INTO event_participants (event_id, position, person_id, organization_id, role)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, position, p.personId ?? null, p.organizationId ?? null, p.role],
      );
    }
  }
  const names = TABLES[kind].names;
  if (names) {
    await tx.query('DELETE FROM entity_names WHERE entity_type = $1 AND entity_id = $2', [kind, id]);
    for (const name of names(record)) {
      await tx.query(
        'INSERT INTO entity_names (entity_type, entity_id, name, search_key) VALUES ($1, $2, $3, $4)',
        [kind, id, name, searchKey(name)],
      );
    }
  }
}

/** Reads one record without the visibility check (for use inside a write that already made it). */
async function readRaw(q: Queryable, kind: KindName, id: string, forUpdate = false): Promise<Rec | null> {
  const [row] = await q.query<Rec>(
    `SELECT ${selectList(kind)} FROM ${TABLES[kind].table} t WHERE t.id = $1 AND t.retracted_at IS NULL
     ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) return null;
  const record = decodeRow(kind, row);
  await loadChildren(q, kind, [record]);
  return record;
}

export async function getRecord(db: Queryable, actor: Actor, kind: KindName, id: string): Promise<Rec> {
  const spec = TABLES[kind];
  const [row] = await db.query<Rec>(
    `SELECT ${selectList(kind)} FROM ${spec.table} t
     WHERE t.id = $2 AND t.retracted_at IS NULL AND ${visibleSql(spec.scope)}`,
    [actor.userId, id],
  );
  if (!row) throw notFound(KIND_LABEL[kind]);
  const record = decodeRow(kind, row);
  await loadChildren(db, kind, [record]);
  return record;
}

export interface ListOptions {
  filters?: Record<string, string | undefined>;
  cursor?: string;
  limit?: number;
}

/** Oldest first, by (created_at, id): a cursor stays valid while records are added. */
export async function listRecords(
  db: Queryable,
  actor: Actor,
  kind: KindName,
  { filters = {}, cursor, limit = 50 }: ListOptions,
): Promise<{ items: Rec[]; next: string | null }> {
  const spec = TABLES[kind];
  const params: unknown[] = [actor.userId];
  const where = ['t.retracted_at IS NULL', visibleSql(spec.scope)];
  for (const field of spec.filters) {
    const value = filters[field];
    if (value === undefined) continue;
    params.push(value);
    where.push(`t.${quote(snake(field))} = $${params.length}`);
  }
  // Visits and sources may concern several cases: they list under each of them.
  if (filters.caseId !== undefined && (kind === 'visit' || kind === 'source')) {
    params.push(filters.caseId);
    where.push(`$${params.length}::uuid = ANY(t.case_ids)`);
  }
  if (filters.tag !== undefined && kind === 'case') {
    params.push(filters.tag);
    where.push(`$${params.length} = ANY(t.tags)`);
  }
  if (kind === 'case' && filters.hasAlerts !== undefined) {
    where.push(`${filters.hasAlerts === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM alerts a WHERE a.case_id = t.id AND a.closed_at IS NULL)`);
  }
  if (kind === 'case' && filters.q !== undefined) {
    // Any spelling of the subject's name, folded as the search keys are: a part of a key, or a
    // word close to one (the trigram index serves both).
    params.push(searchKey(filters.q));
    const key = `$${params.length}`;
    where.push(`EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_type = 'person' AND n.entity_id = t.subject_person_id
      AND ${key} <> '' AND (n.search_key LIKE '%' || ${key} || '%' OR ${key} <% n.search_key))`);
  }
  // Cases may also come most recently updated first, or longest held first (the least number of
  // days the detention periods allow, unknown last); other lists are oldest first.
  const sort = kind === 'case' ? filters.sort : undefined;
  let from = `${spec.table} t`;
  let order = 't.created_at, t.id';
  let keyColumn = 't.created_at';
  if (sort === 'updated') {
    order = 't.updated_at DESC, t.id';
    keyColumn = 't.updated_at';
  } else if (sort === 'daysHeld') {
    params.push(todayUtc());
    const today = `$${params.length}::date`;
    from += ` LEFT JOIN LATERAL (
      SELECT CASE WHEN count(*) = 0 OR bool_or(d.start_earliest IS NULL OR (d."end" IS NOT NULL AND d.end_latest IS NULL)) THEN -1
        ELSE sum(CASE WHEN d.start_latest IS NULL OR (d."end" IS NOT NULL AND d.end_earliest IS NULL) THEN 0
                 ELSE greatest(0, coalesce(d.end_earliest, ${today}) - d.start_latest) END)::int END AS days
      FROM detention_periods d WHERE d.case_id = t.id AND d.retracted_at IS NULL) held ON TRUE`;
    order = 'held.days DESC, t.id';
    keyColumn = 'held.days';
  }
  if (cursor) {
    if (sort === 'daysHeld') {
      const [days, id] = decodeNumberCursor(cursor);
      params.push(days, id);
      where.push(`(held.days < $${params.length - 1}::int OR (held.days = $${params.length - 1}::int AND t.id > $${params.length}::uuid))`);
    } else if (sort === 'updated') {
      const [updatedAt, id] = decodeCursor(cursor);
      params.push(updatedAt, id);
      where.push(`(t.updated_at < $${params.length - 1}::timestamptz
        OR (t.updated_at = $${params.length - 1}::timestamptz AND t.id > $${params.length}::uuid))`);
    } else {
      const [createdAt, id] = decodeCursor(cursor);
      params.push(createdAt, id);
      where.push(`(t.created_at, t.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
  }
  params.push(limit + 1);
  const rows = await db.query<Rec>(
    `SELECT ${selectList(kind, 't', { forList: true })}, ${keyColumn} AS sort_key FROM ${from}
     WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const items = page.map((row) => {
    const { sort_key: _, ...rest } = row;
    return decodeRow(kind, rest);
  });
  await loadChildren(db, kind, items);
  const last = page.at(-1);
  const next = rows.length > limit && last
    ? sort === 'daysHeld'
      ? encodeNumberCursor(last.sort_key as number, last.id as string)
      : encodeCursor(last.sort_key as Date, last.id as string)
    : null;
  return { items, next };
}

/** Fields the store computes on write. */
async function derived(tx: Queryable, actor: Actor, kind: KindName, record: Rec): Promise<Rec> {
  if (kind === 'source') {
    // The same document is kept once. A copy held only in a case the user cannot see is not
    // reported (that would reveal it); the user's own copy is then a separate source.
    const text = String(record.text ?? '');
    const sha256 = text ? createHash('sha256').update(text, 'utf8').digest('hex') : null;
    const [same] = sha256
      ? await tx.query<{ id: string }>(
          `SELECT t.id FROM sources t WHERE t.sha256 = $2 AND t.id <> $3 AND t.retracted_at IS NULL
           AND ${visibleSql('cases')} LIMIT 1`,
          [actor.userId, sha256, record.id ?? '00000000-0000-0000-0000-000000000000'],
        )
      : [];
    if (same) {
      throw new Problem('conflict', 'A source with exactly this content exists already.', undefined, { existingId: same.id });
    }
    return { sha256 };
  }
  if (kind === 'claim') return { caseId: await claimCase(tx, actor, record) };
  return {};
}

/** A claim must quote its source exactly, and point at a record that exists. */
async function claimCase(tx: Queryable, actor: Actor, claim: Rec): Promise<string | null> {
  const [source] = await tx.query<{ text: string }>('SELECT text FROM sources WHERE id = $1', [claim.sourceId]);
  const start = claim.start as number;
  const end = claim.end as number;
  if (source) {
    if (end > source.text.length) {
      throw invalid([{ field: 'end', message: `the source text has only ${source.text.length} characters` }]);
    }
    if (source.text.slice(start, end) !== claim.quote) {
      throw invalid([{ field: 'quote', message: 'does not match the source text between start and end' }]);
    }
  }
  const recordType = claim.recordType as KindName;
  const spec = TABLES[recordType];
  const caseColumn = recordType === 'case' ? 't.id' : columnFields(recordType).includes('caseId') ? 't.case_id' : 'NULL::uuid';
  const [row] = await tx.query<{ case_id: string | null }>(
    `SELECT ${caseColumn} AS case_id FROM ${spec.table} t
     WHERE t.id = $2 AND t.retracted_at IS NULL AND ${visibleSql(spec.scope)}`,
    [actor.userId, claim.recordId],
  );
  if (!row) throw new Problem('unprocessable-reference', `recordId: no ${KIND_LABEL[recordType]} with this id`, [
    { field: 'recordId', message: `no ${KIND_LABEL[recordType]} with id ${String(claim.recordId)}` },
  ]);
  return row.case_id;
}

/** The cases a record is about, for the audit entry (see AuditInput.caseIds). */
async function casesOf(tx: Queryable, kind: KindName, record: Rec): Promise<string[]> {
  if (kind === 'case') return [record.id as string];
  if (kind === 'person') {
    const rows = await tx.query<{ id: string }>('SELECT id FROM cases WHERE subject_person_id = $1', [record.id]);
    return rows.map((r) => r.id);
  }
  const ids = [...((record.caseIds as string[] | undefined) ?? []), record.caseId];
  return ids.filter((id): id is string => typeof id === 'string');
}

/** A write that can change what the rules find re-evaluates its cases, in its own transaction. */
async function followStandards(tx: Queryable, kind: KindName, caseIds: string[], actor: Actor): Promise<void> {
  if (STANDARDS_KINDS.has(kind) && caseIds.length > 0) await reevaluateCases(tx, caseIds, actor.userId);
}

/** Inserts the row and gives it back as a read would (the RETURNING list is the SELECT list). */
async function insertRow(tx: Queryable, kind: KindName, id: string, actor: Actor, values: Map<string, unknown>, times: CreateOptions = {}): Promise<Rec> {
  // Millisecond timestamps, so that a cursor (which carries an ISO time) is exact.
  const now = new Date().toISOString();
  const columns = ['id', 'created_by', 'created_at', 'updated_at', ...values.keys()];
  const params = [id, actor.userId, times.createdAt ?? now, times.updatedAt ?? times.createdAt ?? now, ...values.values()];
  const [row] = await tx.query<Rec>(
    `INSERT INTO ${TABLES[kind].table} AS t (${columns.map(quote).join(', ')})
     VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${selectList(kind)}`,
    params,
  );
  return decodeRow(kind, row!);
}

export async function createRecord(db: Db, actor: Actor, kind: KindName, input: Rec): Promise<Rec> {
  return db.transaction((tx) => createRecordIn(tx, actor, kind, input));
}

/**
 * createRecord inside a transaction the caller holds (e.g. accepting a suggestion). `stored`:
 * columns the store itself sets beyond the kind's fields, written with the row (an imported
 * source's original bytes, their name, media type and SHA-256).
 */
/** For restoring records from an export: their own id and times; standards checked once at the end. */
export interface CreateOptions {
  id?: string;
  createdAt?: string;
  updatedAt?: string;
  deferStandards?: boolean;
}

export async function createRecordIn(tx: Queryable, actor: Actor, kind: KindName, input: Rec, stored: Rec = {}, options: CreateOptions = {}): Promise<Rec> {
  checkRules(kind, input);
  await checkRefs(tx, actor.userId, refsOf(kind, input));
  const id = options.id ?? randomUUID();
  const values = columnValues(kind, input);
  for (const [field, value] of Object.entries(await derived(tx, actor, kind, input))) values.set(snake(field), value);
  for (const [field, value] of Object.entries(stored)) values.set(snake(field), value);
  const created = await insertRow(tx, kind, id, actor, values, options);
  await writeChildren(tx, kind, id, input);
  if (kind === 'case') {
    // Whoever opens a case keeps it, even after it is made restricted.
    await tx.query('INSERT INTO grants (user_id, case_id, created_by) VALUES ($1, $2, $1)', [actor.userId, id]);
  }
  await loadChildren(tx, kind, [created]);
  const caseIds = await casesOf(tx, kind, created);
  await appendAudit(tx, { actorId: actor.userId, action: 'create', recordType: kind, recordId: id, after: created, caseIds });
  if (!options.deferStandards) await followStandards(tx, kind, caseIds, actor);
  return created;
}

export async function updateRecord(db: Db, actor: Actor, kind: KindName, id: string, patch: Rec): Promise<Rec> {
  return db.transaction((tx) => updateRecordIn(tx, actor, kind, id, patch));
}

/** updateRecord inside a transaction the caller holds. */
export async function updateRecordIn(tx: Queryable, actor: Actor, kind: KindName, id: string, patch: Rec): Promise<Rec> {
  await getRecord(tx, actor, kind, id); // 404 unless visible
  const before = (await readRaw(tx, kind, id, true))!;
  const merged = { ...before, ...patch };
  checkRules(kind, merged);
  const moved = TABLES[kind].immutable.filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
  if (moved.length) {
    throw invalid(moved.map((field) => ({ field, message: 'cannot be changed; retract this record and create a new one' })));
  }
  await checkRefs(tx, actor.userId, refsOf(kind, { ...patch, caseId: before.caseId }));
  const values = columnValues(kind, patch);
  for (const [field, value] of Object.entries(await derived(tx, actor, kind, merged))) values.set(snake(field), value);
  if (values.size > 0) {
    const columns = [...values.keys()];
    await tx.query(
      `UPDATE ${TABLES[kind].table} SET ${columns.map((c, i) => `${quote(c)} = $${i + 2}`).join(', ')},
       updated_at = now() WHERE id = $1`,
      [id, ...values.values()],
    );
  } else {
    await tx.query(`UPDATE ${TABLES[kind].table} SET updated_at = now() WHERE id = $1`, [id]);
  }
  await writeChildren(tx, kind, id, TABLES[kind].names ? merged : patch);
  if (kind === 'case' && patch.confidentiality === 'restricted' && before.confidentiality !== 'restricted') {
    // Restricting hides the case from everyone without a grant: only someone who holds one
    // (its creator has one) may do it, so that nobody locks the others out of a case by accident.
    const [grant] = await tx.query(
      'SELECT 1 FROM grants WHERE user_id = $1 AND case_id = $2 AND revoked_at IS NULL', [actor.userId, id],
    );
    if (!grant) {
      throw new Problem('forbidden', 'Only a user with a grant to this case (its creator, or whom an admin granted it) may restrict it.');
    }
  }
  const after = (await readRaw(tx, kind, id))!;
  const caseIds = [...new Set([...(await casesOf(tx, kind, before)), ...(await casesOf(tx, kind, after))])];
  await appendAudit(tx, { actorId: actor.userId, action: 'update', recordType: kind, recordId: id, before, after, caseIds });
  await followStandards(tx, kind, caseIds, actor);
  return after;
}

/** Nothing is deleted: a retracted record disappears from answers and stays in the store and audit. */
export async function retractRecord(db: Db, actor: Actor, kind: KindName, id: string, reason?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getRecord(tx, actor, kind, id);
    await tx.query(`UPDATE ${TABLES[kind].table} SET retracted_at = now(), updated_at = now() WHERE id = $1`, [id]);
    const caseIds = await casesOf(tx, kind, before);
    await appendAudit(tx, {
      actorId: actor.userId, action: 'retract', recordType: kind, recordId: id, before,
      after: { retracted: true, reason: reason ?? null }, caseIds,
    });
    await followStandards(tx, kind, caseIds, actor);
  });
}

// The audit log: every write appends an entry in the same transaction as the write, and each
// entry's hash covers the previous entry's hash, so that any later edit or removal of a row breaks
// the chain at that row (RFC 8785 canonical JSON makes the hash independent of key order).
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Queryable } from './db.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  actorId: string | null;
  action: string; // create, update, retract, grant, login, …
  recordType: string;
  recordId: string;
  before?: unknown;
  after?: unknown;
  /** The cases the entry is about: entries about a case hidden from a reader are hidden too. */
  caseIds?: string[];
}

interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  before: unknown;
  after: unknown;
  case_ids: string[];
  prev_hash: string;
  hash: string;
}

/** JSON round trip: what jsonb will give back, so that the hash can be recomputed from a row. */
const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

function entryHash(entry: Omit<AuditRow, 'hash' | 'at'> & { at: string }): string {
  const { seq, at, actor_id, action, record_type, record_id, before, after, case_ids, prev_hash } = entry;
  const body = canonicalize({ seq, at, actor_id, action, record_type, record_id, before, after, case_ids, prev_hash });
  return createHash('sha256').update(prev_hash).update(body ?? '').digest('hex');
}

/** What a transaction holds back to write in one go (see auditTogether). */
const HELD = Symbol('audit entries held for one write');
type Holding = Queryable & { [HELD]: AuditInput[] };

/** Adds an entry to the chain, in the caller's transaction. */
export async function appendAudit(tx: Queryable, input: AuditInput): Promise<void> {
  // The record as it is now: a held entry must not see later changes to the caller's objects.
  const entry = { ...input, before: plain(input.before), after: plain(input.after) };
  if (HELD in tx) (tx as Holding)[HELD].push(entry);
  else await writeEntries(tx, [entry]);
}

/**
 * Runs `work` in the caller's transaction with the audit entries it appends held back, then
 * writes them all with one turn at the lock and one INSERT: a write made of many (an import: the
 * source, then its suggestions) costs the chain three statements instead of three per entry.
 * Every write still has its own entry, chained in the order it was made. If `work` throws, the
 * held entries are dropped, as the caller's transaction (or savepoint) drops its writes.
 */
export async function auditTogether<T>(tx: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  const holding: Holding = { query: <R>(sql: string, params?: unknown[]) => tx.query<R>(sql, params), [HELD]: [] };
  const value = await work(holding);
  // Nested (a savepoint per document in a batch): the entries join the outer ones only if `work`
  // succeeded, as its writes do.
  if (HELD in tx) (tx as Holding)[HELD].push(...holding[HELD]);
  else await writeEntries(tx, holding[HELD]);
  return value;
}

/** Chains and writes entries whose before and after are plain JSON already (appendAudit makes them so). */
async function writeEntries(tx: Queryable, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  // Writers take turns here, so that two transactions never chain onto the same entry.
  await tx.query('SELECT pg_advisory_xact_lock(7243002)');
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  // Taken in turn, so that times rise with the chain; the entries of one transaction share theirs.
  const at = new Date().toISOString();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = inputs.map((input) => {
    const entry = {
      seq: (seq += 1),
      at,
      actor_id: input.actorId,
      action: input.action,
      record_type: input.recordType,
      record_id: input.recordId,
      before: input.before,
      after: input.after,
      case_ids: [...new Set(input.caseIds ?? [])].sort(),
      prev_hash: prevHash,
    };
    prevHash = entryHash(entry);
    return { ...entry, hash: prevHash };
  });
  // One statement for any number of entries; a uuid[] per row travels as its text form.
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, action, record_type, record_id, before, after, case_ids, prev_hash, hash)
     SELECT seq, at, actor_id, action, record_type, record_id, before, after, case_ids::uuid[], prev_hash, hash
     FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[],
                 $8::jsonb[], $9::text[], $10::text[], $11::text[])
       AS e(seq, at, actor_id, action, record_type, record_id, before, after, case_ids, prev_hash, hash)
     ORDER BY seq`,
    [
      rows.map((r) => r.seq), rows.map((r) => r.at), rows.map((r) => r.actor_id), rows.map((r) => r.action),
      rows.map((r) => r.record_type), rows.map((r) => r.record_id), rows.map((r) => JSON.stringify(r.before)),
      rows.map((r) => JSON.stringify(r.after)), rows.map((r) => `{${r.case_ids.join(',')}}`),
      rows.map((r) => r.prev_hash), rows.map((r) => r.hash),
    ],
  );
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain in order; names the first entry that does not verify. */
export async function verifyAuditChain(db: Queryable, batch = 2_000): Promise<VerifyResult> {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.query<AuditRow>(
      'SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, batch],
    );
    for (const row of rows) {
      const fail = (reason: string): VerifyResult => ({ ok: false, entries: checked, brokenAt: row.seq, reason });
      if (row.seq !== expectedSeq) {
        return { ok: false, entries: checked, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== previous) return fail('its link to the previous entry does not match');
      if (entryHash({ ...row, at: row.at.toISOString() }) !== row.hash) {
        return fail('its content does not match its hash (the entry was altered)');
      }
      previous = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batch) return { ok: true, entries: checked };
  }
}

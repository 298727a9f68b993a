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

export async function appendAudit(tx: Queryable, input: AuditInput): Promise<void> {
  // Writers take turns here, so that two transactions never chain onto the same entry.
  await tx.query('SELECT pg_advisory_xact_lock(7243002)');
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor_id: input.actorId,
    action: input.action,
    record_type: input.recordType,
    record_id: input.recordId,
    before: plain(input.before),
    after: plain(input.after),
    case_ids: [...new Set(input.caseIds ?? [])].sort(),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_id, action, record_type, record_id, before, after, case_ids, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      entry.seq, entry.at, entry.actor_id, entry.action, entry.record_type, entry.record_id,
      JSON.stringify(entry.before), JSON.stringify(entry.after), entry.case_ids, entry.prev_hash, entryHash(entry),
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

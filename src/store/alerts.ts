// Alerts as monitors read them: lists with filters (only for cases they may see), one alert with
// its notes, and acknowledgements with a comment (kept in order and audited).
import { randomUUID } from 'node:crypto';
import { notFound } from '../server/errors.ts';
import { appendAudit } from './audit.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Db, Queryable } from './db.ts';
import { visibleSql } from './visibility.ts';
import type { Severity } from '../standards/index.ts';

export const ALERT_COLUMNS = `a.id, a.case_id, a.rule_id, a.finding_key, a.severity, a.explanation, a.evidence,
  to_char(a.since, 'YYYY-MM-DD') AS since, a.opened_at, a.closed_at, a.acknowledged_by, a.acknowledged_at`;

export interface AlertOut {
  id: string;
  caseId: string;
  ruleId: string;
  findingKey: string;
  severity: Severity;
  explanation: string;
  evidence: string[];
  since: string | null;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

/** A timestamp as the store gives it (a Date, or text from a JSON column) in ISO form. */
export const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : new Date(String(value)).toISOString());

export function alertOut(row: Record<string, unknown>): AlertOut {
  return {
    id: row.id as string,
    caseId: row.case_id as string,
    ruleId: row.rule_id as string,
    findingKey: row.finding_key as string,
    severity: row.severity as Severity,
    explanation: row.explanation as string,
    evidence: (row.evidence as string[]) ?? [],
    since: (row.since as string | null) ?? null,
    status: row.closed_at ? 'closed' : 'open',
    openedAt: iso(row.opened_at)!,
    closedAt: iso(row.closed_at),
    acknowledgedBy: (row.acknowledged_by as string | null) ?? null,
    acknowledgedAt: iso(row.acknowledged_at),
  };
}

export interface AlertFilters {
  caseId?: string;
  status?: 'open' | 'closed' | 'all';
  severity?: string;
  ruleId?: string;
  acknowledged?: boolean;
}

/** Newest first, by (opened_at, id). */
export async function listAlerts(q: Queryable, userId: string, filters: AlertFilters, { cursor, limit = 50 }: { cursor?: string; limit?: number }) {
  const where = ['a.case_id IN (SELECT c.id FROM cases c WHERE c.retracted_at IS NULL AND ' + visibleSql('self', 'c') + ')'];
  const params: unknown[] = [userId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filters.caseId) add('a.case_id = ?', filters.caseId);
  if ((filters.status ?? 'open') === 'open') where.push('a.closed_at IS NULL');
  else if (filters.status === 'closed') where.push('a.closed_at IS NOT NULL');
  if (filters.severity) add('a.severity = ?', filters.severity);
  if (filters.ruleId) add('a.rule_id = ?', filters.ruleId);
  if (filters.acknowledged !== undefined) where.push(filters.acknowledged ? 'a.acknowledged_at IS NOT NULL' : 'a.acknowledged_at IS NULL');
  if (cursor) {
    const [openedAt, id] = decodeCursor(cursor);
    params.push(openedAt, id);
    where.push(`(a.opened_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const rows = await q.query<Record<string, unknown>>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE ${where.join(' AND ')} ORDER BY a.opened_at DESC, a.id DESC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit).map(alertOut);
  const last = rows.length > limit ? rows[limit - 1]! : null;
  return { items, next: last ? encodeCursor(new Date(iso(last.opened_at)!), last.id as string) : null };
}

export interface AlertNote {
  id: string;
  userId: string;
  username: string;
  comment: string;
  createdAt: string;
}

/** One alert with its notes; 404 when it is about a case the user may not see. */
export async function getAlert(q: Queryable, userId: string, id: string): Promise<AlertOut & { notes: AlertNote[] }> {
  const [row] = await q.query<Record<string, unknown>>(
    `SELECT ${ALERT_COLUMNS} FROM alerts a JOIN cases c ON c.id = a.case_id
     WHERE a.id = $2 AND c.retracted_at IS NULL AND ${visibleSql('self', 'c')}`,
    [userId, id],
  );
  if (!row) throw notFound('alert');
  const notes = await q.query<{ id: string; user_id: string; username: string; comment: string; created_at: Date }>(
    `SELECT n.id, n.user_id, u.username, n.comment, n.created_at FROM alert_notes n JOIN users u ON u.id = n.user_id
     WHERE n.alert_id = $1 ORDER BY n.created_at, n.id`,
    [id],
  );
  return {
    ...alertOut(row),
    notes: notes.map((n) => ({ id: n.id, userId: n.user_id, username: n.username, comment: n.comment, createdAt: iso(n.created_at)! })),
  };
}

/** A monitor has seen the alert and says what is being done; audited. */
export async function acknowledgeAlert(db: Db, userId: string, id: string, comment: string) {
  return db.transaction(async (tx) => {
    const before = await getAlert(tx, userId, id);
    await tx.query(
      'UPDATE alerts SET acknowledged_by = coalesce(acknowledged_by, $2), acknowledged_at = coalesce(acknowledged_at, now()) WHERE id = $1',
      [id, userId],
    );
    const noteId = randomUUID();
    await tx.query('INSERT INTO alert_notes (id, alert_id, user_id, comment) VALUES ($1, $2, $3, $4)', [noteId, id, userId, comment]);
    await appendAudit(tx, {
      actorId: userId, action: 'alert-acknowledge', recordType: 'alert', recordId: id,
      before: { acknowledgedAt: before.acknowledgedAt }, after: { noteId, comment }, caseIds: [before.caseId],
    });
    return getAlert(tx, userId, id);
  });
}

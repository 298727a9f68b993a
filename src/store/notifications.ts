// The notification outbox: what opening an alert should send (a webhook call, an e-mail to the
// case's team), the daily digest, and the delivery state of each — claimed by one sender at a time,
// retried with exponential backoff, given up after a number of attempts with the last error kept.
//
// Queueing and delivering are apart so that a failing endpoint never holds up the rules engine,
// and a restart loses nothing: what is queued is delivered at least once (a receiver drops
// repeats by the delivery id).
import { randomUUID } from 'node:crypto';
import { iso } from './alerts.ts';
import type { Db, Queryable } from './db.ts';
import { hiddenCase, visibleSql } from './visibility.ts';

export type Channel = 'webhook' | 'email';
export type NotificationKind = 'alert-opened' | 'digest';

/** Which channels the deployment has configured. */
export interface Channels {
  webhook: boolean;
  email: boolean;
}

/** What an alert-opened notification carries (the webhook sends it as is, with event and deliveredAt). */
export interface AlertPayload {
  alert: {
    id: string;
    caseId: string;
    ruleId: string;
    severity: string;
    explanation: string;
    since: string | null;
    openedAt: string;
    evidence: string[];
  };
  case: { id: string; subjectName: string };
}

/** An alert e-mail: the alert and its recipients, the case team members who may see the case. */
export interface AlertEmailPayload extends AlertPayload {
  to: string[];
}

export interface DigestItem {
  alertId: string;
  caseId: string;
  subjectName: string;
  ruleId: string;
  severity: string;
  since: string | null;
  openedAt: string;
  explanation: string;
}

/** One user's digest for one day: the open alerts of the cases they are on the team of. */
export interface DigestPayload {
  to: string;
  day: string;
  alerts: DigestItem[];
}

export interface Notification {
  id: string;
  channel: Channel;
  kind: NotificationKind;
  alertId: string | null;
  userId: string | null;
  payload: AlertPayload | AlertEmailPayload | DigestPayload;
  /** Attempts made before this one. */
  attempts: number;
}

export interface RetryPolicy {
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** The longest wait between two attempts. */
  capMs: number;
  /** After this many failed attempts the notification is given up (failed_at set). */
  maxAttempts: number;
}

/** 30 s, 1 min, 2 min … up to 6 h apart; given up after 8 attempts (about an hour of tries). */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 6 * 3_600_000, maxAttempts: 8 };

const SEVERITY_ORDER = `CASE a.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

// ---- queueing -----------------------------------------------------------------------------------

interface AlertRow {
  id: string;
  case_id: string;
  rule_id: string;
  severity: string;
  explanation: string;
  evidence: string[] | null;
  since: string | null;
  opened_at: Date;
  closed_at: Date | null;
  case_retracted_at: Date | null;
  stale: boolean;
  subject_name: string;
  team_user_ids: string[] | null;
}

/**
 * Queues what the alerts opened since the last call should send: one webhook call per alert, and
 * one e-mail per alert to the members of the case's team who have an e-mail address, are not
 * disabled and may see the case (none: no e-mail). Each alert is then marked notified, in the same
 * transaction. Alerts closed before their turn, of a retracted case, or opened more than `maxAgeHours`
 * ago are marked without sending: turning notifications on sends no flood of old alerts (the
 * digest lists those still open). Two servers on one database take different alerts (SKIP LOCKED).
 * Returns how many alerts it handled (at most `batch`: call again while it returns `batch`) and
 * how many notifications it queued.
 */
export async function queueAlertNotifications(
  db: Db,
  channels: Channels,
  { batch = 200, maxAgeHours = 24 }: { batch?: number; maxAgeHours?: number } = {},
): Promise<{ alerts: number; queued: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<AlertRow>(
      `SELECT a.id, a.case_id, a.rule_id, a.severity, a.explanation, a.evidence,
              to_char(a.since, 'YYYY-MM-DD') AS since, a.opened_at, a.closed_at,
              c.retracted_at AS case_retracted_at, c.team_user_ids, p.canonical_name AS subject_name,
              a.opened_at < now() - make_interval(secs => $2::float8 * 3600) AS stale
       FROM alerts a JOIN cases c ON c.id = a.case_id JOIN persons p ON p.id = c.subject_person_id
       WHERE a.notified_at IS NULL
       ORDER BY a.opened_at, a.id
       LIMIT $1
       FOR UPDATE OF a SKIP LOCKED`,
      [batch, maxAgeHours],
    );
    if (rows.length === 0) return { alerts: 0, queued: 0 };
    const recipientsOf = new Map<string, string[]>();
    let queued = 0;
    for (const row of rows) {
      if (row.closed_at || row.case_retracted_at || row.stale) continue;
      const payload: AlertPayload = {
        alert: {
          id: row.id,
          caseId: row.case_id,
          ruleId: row.rule_id,
          severity: row.severity,
          explanation: row.explanation,
          since: row.since,
          openedAt: iso(row.opened_at)!,
          evidence: row.evidence ?? [],
        },
        case: { id: row.case_id, subjectName: row.subject_name },
      };
      if (channels.webhook) queued += await insertAlertNotification(tx, 'webhook', row.id, payload);
      if (channels.email) {
        let to = recipientsOf.get(row.case_id);
        if (!to) {
          to = await teamAddresses(tx, row.case_id, row.team_user_ids ?? []);
          recipientsOf.set(row.case_id, to);
        }
        if (to.length > 0) queued += await insertAlertNotification(tx, 'email', row.id, { ...payload, to });
      }
    }
    await tx.query('UPDATE alerts SET notified_at = now() WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    return { alerts: rows.length, queued };
  });
}

async function insertAlertNotification(tx: Queryable, channel: Channel, alertId: string, payload: AlertPayload | AlertEmailPayload) {
  const inserted = await tx.query(
    `INSERT INTO notifications (id, channel, kind, alert_id, payload) VALUES ($1, $2, 'alert-opened', $3, $4::jsonb)
     ON CONFLICT DO NOTHING RETURNING id`,
    [randomUUID(), channel, alertId, JSON.stringify(payload)],
  );
  return inserted.length;
}

/** The e-mail addresses of the team members who are active and may see the case, in team order. */
async function teamAddresses(tx: Queryable, caseId: string, teamUserIds: string[]): Promise<string[]> {
  if (teamUserIds.length === 0) return [];
  const users = await tx.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE id = ANY($1::uuid[]) AND email IS NOT NULL AND disabled_at IS NULL`,
    [teamUserIds],
  );
  const addresses: string[] = [];
  for (const userId of teamUserIds) {
    const user = users.find((u) => u.id === userId);
    if (!user || addresses.includes(user.email)) continue;
    // A team member without a grant to a restricted case is not told about it.
    const [seen] = await tx.query<{ visible: boolean }>(`SELECT NOT ${hiddenCase('$2::uuid')} AS visible`, [userId, caseId]);
    if (seen?.visible) addresses.push(user.email);
  }
  return addresses;
}

/**
 * Queues the day's digest: one e-mail for each active user with an e-mail address who is on the
 * team of at least one case (that they may see) with open alerts, listing those alerts, most
 * severe first. At most one per user and day, however often it is called. Returns how many it queued.
 */
export async function queueDigest(db: Queryable, day: string): Promise<number> {
  const users = await db.query<{ id: string; email: string }>(
    `SELECT u.id, u.email FROM users u
     WHERE u.email IS NOT NULL AND u.disabled_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'digest' AND n.user_id = u.id AND n.digest_day = $1::date)
     ORDER BY u.id`,
    [day],
  );
  let queued = 0;
  for (const user of users) {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT a.id, a.case_id, a.rule_id, a.severity, a.explanation, to_char(a.since, 'YYYY-MM-DD') AS since,
              a.opened_at, p.canonical_name AS subject_name
       FROM alerts a JOIN cases c ON c.id = a.case_id JOIN persons p ON p.id = c.subject_person_id
       WHERE a.closed_at IS NULL AND c.retracted_at IS NULL AND $1::uuid = ANY(c.team_user_ids)
         AND ${visibleSql('self', 'c')}
       ORDER BY ${SEVERITY_ORDER}, p.canonical_name, a.opened_at, a.id`,
      [user.id],
    );
    if (rows.length === 0) continue;
    const payload: DigestPayload = {
      to: user.email,
      day,
      alerts: rows.map((r) => ({
        alertId: r.id as string,
        caseId: r.case_id as string,
        subjectName: r.subject_name as string,
        ruleId: r.rule_id as string,
        severity: r.severity as string,
        since: (r.since as string | null) ?? null,
        openedAt: iso(r.opened_at)!,
        explanation: r.explanation as string,
      })),
    };
    const inserted = await db.query(
      `INSERT INTO notifications (id, channel, kind, user_id, digest_day, payload)
       VALUES ($1, 'email', 'digest', $2, $3::date, $4::jsonb)
       ON CONFLICT DO NOTHING RETURNING id`,
      [randomUUID(), user.id, day, JSON.stringify(payload)],
    );
    queued += inserted.length;
  }
  return queued;
}

// ---- delivering ---------------------------------------------------------------------------------

/** How long a claimed notification is left to its sender before another may take it. */
export const CLAIM_MS = 10 * 60_000;

/**
 * Claims up to `limit` notifications due at `now` on the given channels, oldest first: their next
 * attempt moves `claimMs` ahead, so that no other sender takes them while this one delivers (and
 * a sender that dies leaves them to be retried once the claim runs out). One statement, valid on
 * PostgreSQL and the embedded store alike; SKIP LOCKED keeps two senders from waiting on each other.
 */
export async function dueNotifications(
  db: Queryable,
  now: Date,
  limit: number,
  { channels = ['webhook', 'email'] as Channel[], claimMs = CLAIM_MS } = {},
): Promise<Notification[]> {
  const rows = await db.query<Record<string, unknown>>(
    `UPDATE notifications n SET next_attempt_at = $1::timestamptz + make_interval(secs => $3::float8 / 1000)
     WHERE n.id IN (
       SELECT id FROM notifications
       WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1::timestamptz AND channel = ANY($4::text[])
       ORDER BY next_attempt_at, created_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED)
     RETURNING n.id, n.channel, n.kind, n.alert_id, n.user_id, n.payload, n.attempts, n.created_at`,
    [now, limit, claimMs, channels],
  );
  return rows
    .sort((a, b) => (a.created_at as Date).getTime() - (b.created_at as Date).getTime() || String(a.id).localeCompare(String(b.id)))
    .map((r) => ({
      id: r.id as string,
      channel: r.channel as Channel,
      kind: r.kind as NotificationKind,
      alertId: (r.alert_id as string | null) ?? null,
      userId: (r.user_id as string | null) ?? null,
      payload: r.payload as Notification['payload'],
      attempts: r.attempts as number,
    }));
}

export async function markDelivered(db: Queryable, id: string, now = new Date()): Promise<void> {
  await db.query('UPDATE notifications SET delivered_at = $2, attempts = attempts + 1 WHERE id = $1', [id, now]);
}

/**
 * Records a failed attempt: the next one waits base × 2^(attempts before), at most the cap; after
 * `maxAttempts` failures the notification is given up (failed_at set). The error is kept, cut to
 * 500 characters. Tells whether it was given up, and when the next attempt is.
 */
export async function markFailed(
  db: Queryable,
  id: string,
  error: string,
  { now = new Date(), retry = DEFAULT_RETRY }: { now?: Date; retry?: RetryPolicy } = {},
): Promise<{ attempts: number; givenUp: boolean; nextAttemptAt: Date | null }> {
  const [row] = await db.query<{ attempts: number; failed_at: Date | null; next_attempt_at: Date }>(
    `UPDATE notifications SET
       attempts = attempts + 1,
       last_error = $2,
       failed_at = CASE WHEN attempts + 1 >= $4 THEN $3::timestamptz END,
       next_attempt_at = CASE WHEN attempts + 1 >= $4 THEN next_attempt_at
         ELSE $3::timestamptz + make_interval(secs => least($5::float8 * power(2, attempts), $6::float8) / 1000) END
     WHERE id = $1
     RETURNING attempts, failed_at, next_attempt_at`,
    [id, error.slice(0, 500), now, retry.maxAttempts, retry.baseMs, retry.capMs],
  );
  if (!row) return { attempts: 0, givenUp: false, nextAttemptAt: null };
  return { attempts: row.attempts, givenUp: row.failed_at !== null, nextAttemptAt: row.failed_at ? null : row.next_attempt_at };
}

/** Hands claimed notifications back undelivered and unfailed (a sender stopping mid-way). */
export async function releaseClaims(db: Queryable, ids: string[], now = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    'UPDATE notifications SET next_attempt_at = $2 WHERE id = ANY($1::uuid[]) AND delivered_at IS NULL AND failed_at IS NULL',
    [ids, now],
  );
}

// The notifier: a background loop that queues what newly opened alerts should send (and, once a
// day from the configured UTC hour, each user's digest), then delivers what is due — a signed
// JSON POST to the deployment's webhook, e-mail over SMTP to the case's team — retrying failures
// with backoff (store/notifications.ts keeps the outbox and the delivery state).
//
// One round at a time: the next is scheduled only when the previous has finished. stop() ends the
// wait, cancels a delivery under way (handing it back for the next start) and resolves once the
// round has finished, so the store can be closed right after it.
// Logs carry notification, alert and case ids and error codes: never names, addresses, the
// webhook's URL or secrets.
import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Db } from '../store/db.ts';
import {
  DEFAULT_RETRY,
  dueNotifications,
  markDelivered,
  markFailed,
  queueAlertNotifications,
  queueDigest,
  releaseClaims,
  type AlertEmailPayload,
  type AlertPayload,
  type Channel,
  type DigestPayload,
  type Notification,
  type RetryPolicy,
} from '../store/notifications.ts';
import type { NotificationConfig } from './config.ts';

/** The part of a pino (Fastify) logger the notifier uses. */
export interface NotifierLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NotifierOptions {
  retry?: Partial<RetryPolicy>;
  /** The clock (tests). */
  now?: () => Date;
  /** How long the webhook may take to answer (default 10 s). */
  webhookTimeoutMs?: number;
  /** A rule's title (the standard) for the alert e-mail's body; by default the rule id in words. */
  ruleTitle?: (ruleId: string) => string | undefined;
}

export interface Notifier {
  /** Runs one round now, unless one is running (then waits for it). */
  runOnce(): Promise<void>;
  /** Stops the loop; resolves once no query of it is running or will run. */
  stop(): Promise<void>;
}

const BATCH = 10;
const WEBHOOK_EVENT = 'alert.opened';
const USER_AGENT = 'Habeas-Notifier/1';

/**
 * Starts the loop when a webhook or SMTP is configured; otherwise returns a notifier that does
 * nothing. Call `stop()` before closing the store.
 */
export function startNotifier(
  db: Db,
  config: { notifications: NotificationConfig },
  log: NotifierLog,
  options: NotifierOptions = {},
): Notifier {
  const settings = config.notifications;
  const channels: Channel[] = [...(settings.webhook ? ['webhook' as const] : []), ...(settings.smtp ? ['email' as const] : [])];
  if (channels.length === 0) return { runOnce: async () => {}, stop: async () => {} };

  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const now = options.now ?? (() => new Date());
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
  const ruleTitle = (ruleId: string) => options.ruleTitle?.(ruleId) ?? ruleWords(ruleId);
  const mailer = settings.smtp
    ? createTransport({
        url: settings.smtp.url,
        // A mail server that hangs must not hold the loop for long.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
        dnsTimeout: 15_000,
      }, { from: settings.smtp.from })
    : null;
  const stopping = new AbortController();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | null = null;
  let digestSentFor: string | null = null;

  async function queue() {
    const wanted = { webhook: !!settings.webhook, email: !!settings.smtp };
    for (;;) {
      const { alerts, queued } = await queueAlertNotifications(db, wanted, { batch: 200 });
      if (queued > 0) log.debug({ alerts, queued }, 'notifications queued');
      if (alerts < 200 || stopped) break;
    }
    const at = now();
    const day = at.toISOString().slice(0, 10);
    if (settings.smtp && at.getUTCHours() >= settings.digestHour && digestSentFor !== day && !stopped) {
      const queued = await queueDigest(db, day);
      digestSentFor = day;
      if (queued > 0) log.info({ day, digests: queued }, 'daily digests queued');
    }
  }

  async function deliverDue() {
    while (!stopped) {
      const due = await dueNotifications(db, now(), BATCH, { channels });
      if (due.length === 0) return;
      for (const [index, notification] of due.entries()) {
        if (stopped) {
          await releaseClaims(db, due.slice(index).map((n) => n.id), now());
          return;
        }
        await deliverOne(notification);
      }
    }
  }

  async function deliverOne(notification: Notification) {
    const ids = { notificationId: notification.id, channel: notification.channel, kind: notification.kind, alertId: notification.alertId ?? undefined };
    let error: string | null;
    try {
      error = notification.channel === 'webhook' ? await sendWebhook(notification) : await sendEmail(notification);
    } catch (thrown) {
      if (stopped) {
        // Cut short by stop(): neither delivered nor failed; the next start tries again.
        await releaseClaims(db, [notification.id], now());
        return;
      }
      error = describeError(thrown);
    }
    if (error === null) {
      await markDelivered(db, notification.id, now());
      log.debug(ids, 'notification delivered');
      return;
    }
    const result = await markFailed(db, notification.id, error, { now: now(), retry });
    if (result.givenUp) log.error({ ...ids, attempts: result.attempts, error }, 'notification given up after repeated failures');
    else log.warn({ ...ids, attempts: result.attempts, error, nextAttemptAt: result.nextAttemptAt?.toISOString() }, 'notification failed; will retry');
  }

  /** null when delivered; otherwise what went wrong, in words safe to log. */
  async function sendWebhook(notification: Notification): Promise<string | null> {
    const { url, secret } = settings.webhook!;
    const payload = notification.payload as AlertPayload;
    const body = JSON.stringify({ event: WEBHOOK_EVENT, alert: payload.alert, case: payload.case, deliveredAt: now().toISOString() });
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'x-habeas-event': WEBHOOK_EVENT,
        'x-habeas-delivery': notification.id,
        'x-habeas-timestamp': timestamp,
        'x-habeas-signature': `sha256=${signWebhook(secret, timestamp, body)}`,
      },
      body,
      // A redirect is an answer, not a delivery: the body is never sent on to another address.
      redirect: 'manual',
      signal: AbortSignal.any([stopping.signal, AbortSignal.timeout(webhookTimeoutMs)]),
    });
    await response.body?.cancel().catch(() => {});
    return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`;
  }

  async function sendEmail(notification: Notification): Promise<string | null> {
    const message = notification.kind === 'digest'
      ? digestEmail(notification.payload as DigestPayload)
      : alertEmail(notification.payload as AlertEmailPayload, ruleTitle);
    const info = await mailer!.sendMail({ ...message, signal: stopping.signal });
    return info.accepted.length > 0 ? null : 'no recipient accepted';
  }

  async function runRound() {
    try {
      await queue();
      await deliverDue();
    } catch (error) {
      if (!stopped) log.error({ error: describeError(error) }, 'notifier round failed; it runs again shortly');
    }
  }

  function runOnce(): Promise<void> {
    if (stopped) return Promise.resolve();
    round ??= runRound().finally(() => {
      round = null;
    });
    return round;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().then(() => schedule(settings.intervalMs));
    }, delay);
    timer.unref();
  }
  schedule(0);
  log.info({ channels, digestHour: settings.smtp ? settings.digestHour : undefined }, 'notifier started');

  return {
    runOnce,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      stopping.abort();
      await round;
      mailer?.close();
    },
  };
}

/** Hex HMAC-SHA256 over "<timestamp>.<body>": what X-Habeas-Signature carries after "sha256=". */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** An error in words safe to log and keep: codes and statuses, never addresses or message text. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const e = error as Error & { code?: string; responseCode?: number; cause?: { code?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  if (e.name === 'AbortError') return 'aborted';
  if (e.code && e.responseCode) return `${e.code} (SMTP ${e.responseCode})`;
  if (e.code) return e.code;
  if (e.cause?.code) return e.cause.code;
  if (e.name === 'TypeError' && e.message === 'fetch failed') return 'connection failed';
  return e.name;
}

// ---- messages -----------------------------------------------------------------------------------

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** A rule id in words, for subjects and lists: "urgent-care" → "urgent care". */
const ruleWords = (ruleId: string) => ruleId.replace(/[-_]+/g, ' ');
/** One line for a header: no line breaks, not endless. */
const oneLine = (value: string, max = 120) => {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

interface Email {
  to: string | string[];
  subject: string;
  text: string;
  html: string;
}

export function alertEmail(payload: AlertEmailPayload, ruleTitle: (ruleId: string) => string = ruleWords): Email {
  const { alert } = payload;
  const name = payload.case.subjectName;
  const facts: Array<[string, string]> = [
    ['Standard not met', `${ruleTitle(alert.ruleId)} (${alert.ruleId})`],
    ['Severity', alert.severity],
    ['Breached since', alert.since ?? 'not known from the dates recorded'],
    ['Opened', alert.openedAt],
  ];
  const footer = `Alert ${alert.id} on case ${alert.caseId}. You receive this because you are on the team of this case.`;
  return {
    to: payload.to,
    subject: oneLine(`[Habeas] ${alert.severity}: ${ruleWords(alert.ruleId)} — ${name}`, 200),
    text: [
      `An alert opened on the case of ${name}.`,
      '',
      ...facts.map(([label, value]) => `${label}: ${value}`),
      '',
      alert.explanation,
      '',
      '-- ',
      footer,
      '',
    ].join('\n'),
    html: [
      '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
      `<p>An alert opened on the case of <strong>${esc(name)}</strong>.</p>`,
      '<table>',
      ...facts.map(([label, value]) => `<tr><th align="left">${esc(label)}</th><td>${esc(value)}</td></tr>`),
      '</table>',
      `<p>${esc(alert.explanation)}</p>`,
      `<p style="color: #666; font-size: smaller">${esc(footer)}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}

export function digestEmail(payload: DigestPayload): Email {
  const count = payload.alerts.length;
  const byCase = new Map<string, DigestPayload['alerts']>();
  for (const item of payload.alerts) byCase.set(item.caseId, [...(byCase.get(item.caseId) ?? []), item]);
  const intro = `${count} open alert${count === 1 ? '' : 's'} on ${byCase.size} case${byCase.size === 1 ? '' : 's'} you follow, on ${payload.day}.`;
  const line = (a: DigestPayload['alerts'][number]) =>
    `${a.severity}: ${ruleWords(a.ruleId)} (${a.ruleId}), since ${a.since ?? 'not known'}, opened ${a.openedAt}`;
  const text: string[] = [intro, ''];
  const html: string[] = ['<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">', `<p>${esc(intro)}</p>`];
  for (const items of byCase.values()) {
    text.push(`${items[0]!.subjectName} (case ${items[0]!.caseId})`);
    html.push(`<h3>${esc(items[0]!.subjectName)}</h3>`, '<ul>');
    for (const a of items) {
      text.push(`  - ${line(a)}`, `    ${a.explanation}`);
      html.push(`<li><strong>${esc(line(a))}</strong><br>${esc(a.explanation)}</li>`);
    }
    text.push('');
    html.push('</ul>');
  }
  const footer = 'You receive this digest because you are on the team of these cases.';
  text.push('-- ', footer, '');
  html.push(`<p style="color: #666; font-size: smaller">${esc(footer)}</p>`, '</body></html>');
  return {
    to: payload.to,
    subject: `[Habeas] ${count} open alert${count === 1 ? '' : 's'}: daily digest for ${payload.day}`,
    text: text.join('\n'),
    html: html.join('\n'),
  };
}

// Notifications when an alert opens, against real parts: a real HTTP receiver (node:http) that
// checks the webhook's signature, and a real SMTP server in its own process
// (test/fixtures/smtp-receiver.ts). Alerts are inserted with SQL, without the rules engine.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/server/config.ts';
import { startNotifier, type Notifier, type NotifierLog, type NotifierOptions } from '../src/server/notifier.ts';
import type { Db } from '../src/store/db.ts';
import { dueNotifications, markFailed, queueAlertNotifications, queueDigest } from '../src/store/notifications.ts';
import { buildCase } from './helpers/factories.ts';
import { STORES, startTestServer, type Client, type TestServer } from './helpers/server.ts';

const SECRET = 'a webhook secret of some length';
const FIXTURE = new URL('./fixtures/smtp-receiver.ts', import.meta.url).pathname;

// ---- a real HTTP receiver -----------------------------------------------------------------------
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  signatureValid: boolean;
}

class Receiver {
  readonly requests: Received[] = [];
  /** The status to answer, by path and the number of requests to that path so far. */
  answer: (path: string, seen: number) => number | 'hang' = () => 200;
  private server!: Server;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        const timestamp = String(req.headers['x-habeas-timestamp'] ?? '');
        const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-habeas-signature'] ?? ''));
        const signatureValid = given.length === expected.length && timingSafeEqual(given, expected);
        const seen = this.requests.filter((r) => r.path === path).length;
        this.requests.push({ path, headers: req.headers, body, at: Date.now(), signatureValid });
        const status = this.answer(path, seen);
        if (status === 'hang') return; // never answers
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

// ---- a real SMTP server process -----------------------------------------------------------------
interface Mail {
  mailFrom: string | null;
  rcptTo: string[];
  to: string[];
  from: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
}

class SmtpProcess {
  readonly mails: Mail[] = [];
  port = 0;
  private child!: ChildProcess;

  async start() {
    this.child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: this.child.stdout! });
    this.port = await new Promise<number>((resolve, reject) => {
      this.child.once('exit', (code) => reject(new Error(`the SMTP fixture ended (${code})`)));
      lines.on('line', (line) => {
        const message = JSON.parse(line) as { listening?: number } & Mail;
        if (message.listening) resolve(message.listening);
        else this.mails.push(message);
      });
    });
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

// ---- helpers ------------------------------------------------------------------------------------
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

class MemoryLog implements NotifierLog {
  readonly lines: Array<{ level: string; obj: object; msg: string }> = [];
  debug = (obj: object, msg: string) => void this.lines.push({ level: 'debug', obj, msg });
  info = (obj: object, msg: string) => void this.lines.push({ level: 'info', obj, msg });
  warn = (obj: object, msg: string) => void this.lines.push({ level: 'warn', obj, msg });
  error = (obj: object, msg: string) => void this.lines.push({ level: 'error', obj, msg });
  get text() {
    return JSON.stringify(this.lines);
  }
}

async function insertAlert(db: Db, caseId: string, fields: Partial<{ ruleId: string; severity: string; explanation: string; since: string | null; closed: boolean; evidence: string[] }> = {}) {
  const id = randomUUID();
  await db.query(
    `INSERT INTO alerts (id, case_id, rule_id, finding_key, severity, explanation, evidence, since, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::date, CASE WHEN $9::boolean THEN now() END)`,
    [id, caseId, fields.ruleId ?? 'urgent-care', `test:${id}`, fields.severity ?? 'critical',
      fields.explanation ?? 'An urgent request for care was not fulfilled within 24 hours.',
      fields.evidence ?? [], fields.since === undefined ? '2022-06-02' : fields.since, fields.closed ?? false],
  );
  return id;
}

const notificationsOf = (db: Db, alertId: string) =>
  db.query<Record<string, any>>('SELECT * FROM notifications WHERE alert_id = $1 ORDER BY channel', [alertId]);

describe('notification settings', () => {
  const base = { HABEAS_DATA_DIR: '/tmp/x' };
  const problem = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the settings were accepted');
  };

  it('are off by default, with a digest at 07:00 UTC and a round every 10 s', () => {
    expect(loadConfig(base).notifications).toEqual({ webhook: undefined, smtp: undefined, digestHour: 7, intervalMs: 10_000 });
  });

  it('take a webhook with its secret and SMTP with a sender', () => {
    const config = loadConfig({
      ...base, HABEAS_WEBHOOK_URL: 'https://hooks.example.org/habeas?token=t0k3n', HABEAS_WEBHOOK_SECRET: SECRET,
      HABEAS_SMTP_URL: 'smtps://user:pw@mail.example.org:465', HABEAS_MAIL_FROM: 'Habeas <habeas@example.org>',
      HABEAS_DIGEST_HOUR: '0', HABEAS_NOTIFY_SECONDS: '2.5',
    });
    expect(config.notifications).toEqual({
      webhook: { url: 'https://hooks.example.org/habeas?token=t0k3n', secret: SECRET },
      smtp: { url: 'smtps://user:pw@mail.example.org:465', from: 'Habeas <habeas@example.org>' },
      digestHour: 0, intervalMs: 2500,
    });
  });

  it('refuse what is wrong, naming the variable and never printing a secret', () => {
    const noSecret = problem({ HABEAS_WEBHOOK_URL: 'https://hooks.example.org/t0k3n' });
    expect(noSecret).toMatch(/HABEAS_WEBHOOK_SECRET: is required when HABEAS_WEBHOOK_URL is set/);
    expect(noSecret).not.toContain('t0k3n');
    const shortSecret = problem({ HABEAS_WEBHOOK_URL: 'https://hooks.example.org/', HABEAS_WEBHOOK_SECRET: 'sesame-123' });
    expect(shortSecret).toMatch(/HABEAS_WEBHOOK_SECRET: must be at least 16 characters/);
    expect(shortSecret).not.toContain('sesame-123');
    expect(problem({ HABEAS_WEBHOOK_URL: 'ftp://files.example.org/x', HABEAS_WEBHOOK_SECRET: SECRET })).toMatch(/HABEAS_WEBHOOK_URL: must be an http/);
    const badSmtp = problem({ HABEAS_SMTP_URL: 'http://user:hunter2hunter2@mail.example.org', HABEAS_MAIL_FROM: 'a@example.org' });
    expect(badSmtp).toMatch(/HABEAS_SMTP_URL: must be an smtp/);
    expect(badSmtp).not.toContain('hunter2');
    const noFrom = problem({ HABEAS_SMTP_URL: 'smtp://user:hunter2hunter2@mail.example.org' });
    expect(noFrom).toMatch(/HABEAS_MAIL_FROM: is required when HABEAS_SMTP_URL is set/);
    expect(noFrom).not.toContain('hunter2');
    expect(problem({ HABEAS_SMTP_URL: 'smtp://mail.example.org', HABEAS_MAIL_FROM: 'not an address' })).toMatch(/HABEAS_MAIL_FROM/);
    expect(problem({ HABEAS_DIGEST_HOUR: '24' })).toMatch(/HABEAS_DIGEST_HOUR/);
    expect(problem({ HABEAS_NOTIFY_SECONDS: 'often' })).toMatch(/HABEAS_NOTIFY_SECONDS/);
  });
});

describe.each(STORES)('notifications (%s store)', (store) => {
  let server: TestServer;
  let db: Db;
  const receiver = new Receiver();
  const smtp = new SmtpProcess();
  let notifier: Notifier | undefined;
  let log: MemoryLog;
  const users: Record<string, { id: string; client: Client }> = {};

  beforeAll(async () => {
    // Alerts here are inserted by hand: no scheduled evaluation of the rules to close them meanwhile.
    [server] = await Promise.all([startTestServer(store, { env: { HABEAS_EVALUATE_MINUTES: '0' } }), receiver.start(), smtp.start()]);
    db = server.running.db;
    for (const [username, email] of [['maria', 'maria@example.org'], ['olga', 'olga@example.org'], ['ivan', null]] as const) {
      const res = await server.admin.post('/api/users', { username, role: 'editor', password: `${username} long password`, ...(email ? { email } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      users[username] = { id: res.body.id, client: await server.login(username, `${username} long password`) };
    }
    const me = await server.admin.get('/api/auth/me');
    users.admin = { id: me.body.user.id, client: server.admin };
  });

  afterEach(async () => {
    await notifier?.stop();
    notifier = undefined;
    receiver.answer = () => 200;
    await db.query('DELETE FROM notifications');
    await db.query('DELETE FROM alerts');
  });

  afterAll(async () => {
    await Promise.all([server?.stop(), receiver.stop(), smtp.stop()]);
  });

  function start(env: Record<string, string>, options: NotifierOptions = {}) {
    log = new MemoryLog();
    const config = loadConfig({ HABEAS_DATA_DIR: '/unused', HABEAS_NOTIFY_SECONDS: '0.05', ...env });
    notifier = startNotifier(db, config, log, { retry: { baseMs: 100 }, ...options });
    return notifier;
  }
  /** A case with no alert but those a test inserts (whatever the rules find in a bare case). */
  async function newCase(fields: Record<string, unknown> = {}, person: Record<string, unknown> = {}) {
    const kase = await buildCase(server.admin, fields, person);
    await db.query('DELETE FROM alerts WHERE case_id = $1', [kase.id]);
    return kase;
  }
  const webhookEnv = (path: string) => ({ HABEAS_WEBHOOK_URL: `${receiver.url}${path}`, HABEAS_WEBHOOK_SECRET: SECRET });
  const smtpEnv = () => ({ HABEAS_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HABEAS_MAIL_FROM: 'Habeas <habeas@example.org>' });

  it('keeps an e-mail address on users, checked, through the user routes', async () => {
    const listed = await server.admin.get('/api/users');
    expect(listed.body.items.find((u: any) => u.username === 'maria').email).toBe('maria@example.org');
    expect(listed.body.items.find((u: any) => u.username === 'ivan').email).toBeNull();

    const bad = await server.admin.post('/api/users', { username: 'petr', role: 'viewer', password: 'petr long password', email: 'petr@' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/email/);

    const set = await server.admin.patch(`/api/users/${users.admin!.id}`, { email: 'admin@example.org' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.email).toBe('admin@example.org');
    expect((await server.admin.get('/api/auth/me')).body.user.email).toBe('admin@example.org');
    expect((await server.admin.patch(`/api/users/${users.admin!.id}`, { email: 'no address' })).status).toBe(400);
    expect((await users.maria!.client.patch(`/api/users/${users.ivan!.id}`, { email: 'ivan@example.org' })).status).toBe(403);
    expect((await server.admin.patch(`/api/users/${randomUUID()}`, { email: 'x@example.org' })).status).toBe(404);
    const audit = await server.admin.get(`/api/audit?recordId=${users.admin!.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'update', recordType: 'user' });
  });

  it('calls the webhook, signed, and retries with backoff until it answers 2xx', async () => {
    const kase = await newCase({ teamUserIds: [users.maria!.id] }, { canonicalName: 'Nadia Karimova' });
    const evidence = [randomUUID()];
    const alertId = await insertAlert(db, kase.id, { evidence });
    receiver.answer = (_path, seen) => (seen === 0 ? 500 : 200);
    start(webhookEnv('/hook-retry'));

    await until('the webhook delivered', async () => (await notificationsOf(db, alertId))[0]?.delivered_at);
    const calls = receiver.requests.filter((r) => r.path === '/hook-retry');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(90); // the 100 ms backoff, give or take a tick
    for (const call of calls) {
      expect(call.signatureValid).toBe(true);
      expect(call.headers['content-type']).toBe('application/json');
      expect(call.headers['x-habeas-event']).toBe('alert.opened');
      expect(Math.abs(Number(call.headers['x-habeas-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    }
    const [row] = await notificationsOf(db, alertId);
    expect(calls[0]!.headers['x-habeas-delivery']).toBe(row!.id);
    expect(calls[1]!.headers['x-habeas-delivery']).toBe(row!.id);
    expect(row).toMatchObject({ channel: 'webhook', kind: 'alert-opened', attempts: 2, last_error: 'HTTP 500', failed_at: null });

    const body = JSON.parse(calls[1]!.body);
    expect(body).toEqual({
      event: 'alert.opened',
      alert: {
        id: alertId, caseId: kase.id, ruleId: 'urgent-care', severity: 'critical',
        explanation: 'An urgent request for care was not fulfilled within 24 hours.',
        since: '2022-06-02', openedAt: expect.any(String), evidence,
      },
      case: { id: kase.id, subjectName: 'Nadia Karimova' },
      deliveredAt: expect.any(String),
    });
    const [alert] = await db.query<{ notified_at: Date | null }>('SELECT notified_at FROM alerts WHERE id = $1', [alertId]);
    expect(alert!.notified_at).not.toBeNull();
    // The log names ids and statuses, never the person, the URL or the secret.
    expect(log.lines.some((l) => l.level === 'warn' && (l.obj as any).notificationId === row!.id)).toBe(true);
    expect(log.text).not.toMatch(/Nadia|hook-retry|webhook secret/);
  });

  it('gives up on an endpoint that keeps failing after the set number of attempts, keeping the last error', async () => {
    const kase = await newCase({}, { canonicalName: 'Timur Aliev' });
    const alertId = await insertAlert(db, kase.id, { severity: 'high' });
    receiver.answer = () => 503;
    start(webhookEnv('/hook-down'), { retry: { baseMs: 20, maxAttempts: 4 } });

    const row = await until('the webhook given up', async () => {
      const [r] = await notificationsOf(db, alertId);
      return r?.failed_at ? r : null;
    });
    expect(row).toMatchObject({ attempts: 4, delivered_at: null, last_error: 'HTTP 503' });
    expect(receiver.requests.filter((r) => r.path === '/hook-down')).toHaveLength(4);
    expect(log.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    // Given up means not tried again.
    await notifier!.runOnce();
    await notifier!.runOnce();
    expect(receiver.requests.filter((r) => r.path === '/hook-down')).toHaveLength(4);
  });

  it('backs off exponentially, capped', async () => {
    const kase = await newCase();
    const alertId = await insertAlert(db, kase.id);
    await queueAlertNotifications(db, { webhook: true, email: false });
    const [row] = await notificationsOf(db, alertId);
    const now = new Date('2030-01-01T00:00:00Z');
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await markFailed(db, row!.id, 'HTTP 500', { now, retry: { baseMs: 30_000, capMs: 300_000, maxAttempts: 6 } });
      waits.push(result.nextAttemptAt ? result.nextAttemptAt.getTime() - now.getTime() : -1);
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 300_000, -1]);
  });

  it("e-mails the case's team who have an address, with every value escaped", async () => {
    const name = 'Aziz <Karimov> & "Sons"';
    const kase = await newCase({ teamUserIds: [users.maria!.id, users.ivan!.id, users.olga!.id] }, { canonicalName: name });
    const alertId = await insertAlert(db, kase.id, {
      ruleId: 'care-denied', severity: 'high', since: null,
      explanation: 'Care was refused <b>twice</b> & the doctor\'s order "overruled".',
    });
    const before = smtp.mails.length;
    start(smtpEnv(), { ruleTitle: (id) => (id === 'care-denied' ? 'Medical care not refused' : undefined) });

    const mail = await until('the alert e-mail', () => smtp.mails.slice(before).find((m) => m.subject?.includes('care denied')));
    expect(mail.rcptTo.sort()).toEqual(['maria@example.org', 'olga@example.org']);
    expect(mail.mailFrom).toBe('habeas@example.org');
    expect(mail.from).toMatch(/^"?Habeas"? <habeas@example\.org>$/);
    expect(mail.subject).toBe(`[Habeas] high: care denied — ${name}`);
    expect(mail.text).toContain("Care was refused <b>twice</b> & the doctor's order \"overruled\".");
    expect(mail.text).toContain(`Alert ${alertId} on case ${kase.id}`);
    expect(mail.text).toContain('Standard not met: Medical care not refused (care-denied)');
    expect(mail.html).toContain('Care was refused &lt;b&gt;twice&lt;/b&gt; &amp; the doctor&#39;s order &quot;overruled&quot;.');
    expect(mail.html).toContain('<strong>Aziz &lt;Karimov&gt; &amp; &quot;Sons&quot;</strong>');
    expect(mail.html).not.toContain('<b>twice');
    expect(mail.html).not.toContain('<Karimov>');
    // The server has the message before the sender hears it accepted: wait for the record of it.
    const rows = await until('the e-mail recorded delivered', async () => {
      const found = await notificationsOf(db, alertId);
      return found[0]?.delivered_at ? found : null;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'email', attempts: 1, failed_at: null });
    expect(log.text).not.toMatch(/Aziz|example\.org/);
  });

  it('tells of a restricted case only the team members who may see it, and no one when no one has an address', async () => {
    await server.admin.patch(`/api/users/${users.admin!.id}`, { email: 'admin@example.org' });
    const restricted = await newCase({ confidentiality: 'restricted', teamUserIds: [users.maria!.id, users.admin!.id] }, { canonicalName: 'Leyla Hasanova' });
    const noAddress = await newCase({ teamUserIds: [users.ivan!.id] }, { canonicalName: 'Ruslan Ivanov' });
    const onRestricted = await insertAlert(db, restricted.id, { ruleId: 'incommunicado' });
    const onNoAddress = await insertAlert(db, noAddress.id);
    const closed = await insertAlert(db, noAddress.id, { ruleId: 'judge-48h', closed: true });
    const old = await insertAlert(db, noAddress.id, { ruleId: 'no-monitoring' });
    await db.query("UPDATE alerts SET opened_at = now() - interval '3 days' WHERE id = $1", [old]);

    expect(await queueAlertNotifications(db, { webhook: true, email: true })).toEqual({ alerts: 4, queued: 3 });
    // Queued once: a second call finds nothing left to queue.
    expect(await queueAlertNotifications(db, { webhook: true, email: true })).toEqual({ alerts: 0, queued: 0 });
    const email = (await notificationsOf(db, onRestricted)).find((r) => r.channel === 'email');
    expect(email!.payload.to).toEqual(['admin@example.org']);
    expect((await notificationsOf(db, onNoAddress)).map((r) => r.channel)).toEqual(['webhook']);
    expect(await notificationsOf(db, closed)).toEqual([]);
    expect(await notificationsOf(db, old)).toEqual([]); // opened long ago: left to the digest
    const notified = await db.query<{ n: number }>('SELECT count(*) AS n FROM alerts WHERE notified_at IS NULL');
    expect(notified[0]!.n).toBe(0);

    // Due notifications are claimed: a second sender asking at once gets none of them.
    const now = new Date(Date.now() + 1000);
    const first = await dueNotifications(db, now, 10);
    expect(first).toHaveLength(3);
    expect(await dueNotifications(db, now, 10)).toHaveLength(0);
  });

  it('sends each user one digest a day, listing the open alerts of their cases', async () => {
    const a = await newCase({ teamUserIds: [users.maria!.id, users.olga!.id] }, { canonicalName: 'Kamila Yusupova' });
    const b = await newCase({ teamUserIds: [users.maria!.id] }, { canonicalName: 'Bakyt <Osmonov>' });
    await insertAlert(db, a.id, { ruleId: 'no-monitoring', severity: 'medium', since: '2024-01-05' });
    await insertAlert(db, b.id, { ruleId: 'urgent-care', severity: 'critical' });
    await insertAlert(db, b.id, { ruleId: 'judge-48h', closed: true });
    await db.query('UPDATE alerts SET notified_at = now()'); // only the digest is under test here

    let clock = new Date('2031-03-04T06:59:00Z');
    const before = smtp.mails.length;
    start(smtpEnv(), { now: () => clock });
    const digests = () => smtp.mails.slice(before).filter((m) => m.subject?.includes('daily digest'));
    await notifier!.runOnce();
    expect(await db.query("SELECT 1 FROM notifications WHERE kind = 'digest'")).toHaveLength(0); // before 07:00 UTC

    clock = new Date('2031-03-04T07:00:00Z');
    await until('two digests', () => digests().length >= 2);
    clock = new Date('2031-03-04T18:00:00Z');
    await notifier!.runOnce();
    await notifier!.runOnce();
    expect(await queueDigest(db, '2031-03-04')).toBe(0); // and not from another server either
    expect(digests()).toHaveLength(2);

    const maria = digests().find((m) => m.rcptTo.includes('maria@example.org'))!;
    expect(maria.rcptTo).toEqual(['maria@example.org']);
    expect(maria.subject).toBe('[Habeas] 2 open alerts: daily digest for 2031-03-04');
    // Most severe first; closed alerts left out; every value escaped in HTML.
    expect(maria.text!.indexOf('Bakyt <Osmonov>')).toBeLessThan(maria.text!.indexOf('Kamila Yusupova'));
    expect(maria.text).toContain('critical: urgent care (urgent-care)');
    expect(maria.text).toContain('medium: no monitoring (no-monitoring), since 2024-01-05');
    expect(maria.text).not.toContain('judge-48h');
    expect(maria.html).toContain('<h3>Bakyt &lt;Osmonov&gt;</h3>');
    const olga = digests().find((m) => m.rcptTo.includes('olga@example.org'))!;
    expect(olga.subject).toBe('[Habeas] 1 open alert: daily digest for 2031-03-04');
    expect(olga.text).not.toContain('Bakyt');

    // The next day, the next digest.
    clock = new Date('2031-03-05T07:30:00Z');
    await until('the next day\'s digests', () => digests().length >= 4);
    const rows = await db.query<{ digest_day: string }>("SELECT to_char(digest_day, 'YYYY-MM-DD') AS digest_day FROM notifications WHERE kind = 'digest' ORDER BY 1");
    expect(rows.map((r) => r.digest_day)).toEqual(['2031-03-04', '2031-03-04', '2031-03-05', '2031-03-05']);
  });

  it('stops cleanly in the middle of a delivery, handing it back untried', async () => {
    const kase = await newCase();
    const alertId = await insertAlert(db, kase.id);
    receiver.answer = () => 'hang';
    start(webhookEnv('/hook-hang'), { webhookTimeoutMs: 30_000 });
    await until('the webhook called', () => receiver.requests.some((r) => r.path === '/hook-hang'));

    const began = Date.now();
    await notifier!.stop();
    expect(Date.now() - began).toBeLessThan(2_000);
    const [row] = await notificationsOf(db, alertId);
    expect(row).toMatchObject({ attempts: 0, delivered_at: null, failed_at: null, last_error: null });
    expect(new Date(row!.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now());
    // Stopped means stopped: no further round, no query.
    await notifier!.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests.filter((r) => r.path === '/hook-hang')).toHaveLength(1);
  });

  it('delivers each notification once when two servers share the store', async () => {
    const kase = await newCase();
    const alertIds = [];
    for (let i = 0; i < 6; i++) alertIds.push(await insertAlert(db, kase.id, { ruleId: `rule-${i}` }));
    const config = loadConfig({ HABEAS_DATA_DIR: '/unused', HABEAS_NOTIFY_SECONDS: '0.05', ...webhookEnv('/hook-shared') });
    const second = startNotifier(db, config, new MemoryLog());
    start(webhookEnv('/hook-shared'));
    try {
      await until('every alert delivered', async () => {
        const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM notifications WHERE delivered_at IS NOT NULL');
        return rows[0]!.n === 6;
      });
    } finally {
      await second.stop();
    }
    const deliveries = receiver.requests.filter((r) => r.path === '/hook-shared').map((r) => r.headers['x-habeas-delivery']);
    expect(deliveries).toHaveLength(6);
    expect(new Set(deliveries).size).toBe(6);
  });

  it('does nothing when no channel is set up', async () => {
    const kase = await newCase();
    const alertId = await insertAlert(db, kase.id);
    start({});
    await notifier!.runOnce();
    const [alert] = await db.query<{ notified_at: Date | null }>('SELECT notified_at FROM alerts WHERE id = $1', [alertId]);
    expect(alert!.notified_at).toBeNull();
    expect(log.lines).toEqual([]);
  });
});

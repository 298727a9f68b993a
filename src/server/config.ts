// Every setting, validated once at start: a bad value stops the server with a message naming the
// variable. Secrets (DATABASE_URL, HABEAS_ADMIN_PASSWORD, HABEAS_WEBHOOK_SECRET, HABEAS_SMTP_URL and
// the webhook's URL, which may carry a token) are never printed: describeStore shows the database
// without its credentials, and the error messages name variables, not values.
import { z } from 'zod';

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}
function isSmtpUrl(value: string): boolean {
  return URL.canParse(value) && ['smtp:', 'smtps:'].includes(new URL(value).protocol) && new URL(value).hostname !== '';
}
/** `addr@host` or `Name <addr@host>`: no line breaks, one address. */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000), // 0: any free port
  HOST: z.string().min(1).default('127.0.0.1'),
  HABEAS_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  HABEAS_ADMIN_PASSWORD: z.string().min(12, { error: 'must be at least 12 characters' }).optional(),
  HABEAS_DEMO: z.enum(['true', 'false']).default('true'),
  HABEAS_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  HABEAS_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  HABEAS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HABEAS_VACUUM_HOURS: z.coerce.number().min(0).default(6),
  HABEAS_FETCH_PRIVATE_URLS: z.enum(['true', 'false']).default('false'),
  // Notifications when an alert opens (see README, "Notifications").
  HABEAS_WEBHOOK_URL: z
    .string()
    .refine(isHttpUrl, { error: 'must be an http:// or https:// URL' })
    .optional(),
  HABEAS_WEBHOOK_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  HABEAS_SMTP_URL: z
    .string()
    .refine(isSmtpUrl, { error: 'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.org:587' })
    .optional(),
  HABEAS_MAIL_FROM: z
    .string()
    .regex(MAIL_FROM, { error: 'must be an e-mail address, or a name and one: Habeas <habeas@example.org>' })
    .optional(),
  HABEAS_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  HABEAS_NOTIFY_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  HABEAS_EVALUATE_MINUTES: z.coerce.number().min(0).default(60),
}).superRefine((e, ctx) => {
  if (e.HABEAS_WEBHOOK_URL && !e.HABEAS_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['HABEAS_WEBHOOK_SECRET'], message: 'is required when HABEAS_WEBHOOK_URL is set' });
  }
  if (e.HABEAS_SMTP_URL && !e.HABEAS_MAIL_FROM) {
    ctx.addIssue({ code: 'custom', path: ['HABEAS_MAIL_FROM'], message: 'is required when HABEAS_SMTP_URL is set' });
  }
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  loadDemo: boolean;
  secureCookies: boolean;
  sessionHours: number;
  logLevel: z.infer<typeof schema>['HABEAS_LOG_LEVEL'];
  vacuumIntervalMs: number;
  /** Let "import from URL" reach private and loopback addresses (an intranet; tests). */
  fetchPrivateUrls: boolean;
  /** Where alerts go when they open; nothing is sent when neither channel is set. */
  notifications: NotificationConfig;
  /** How often every case is checked against the rules (0: only after writes). */
  evaluateIntervalMs: number;
}

export interface NotificationConfig {
  /** POSTed a signed JSON body for every alert that opens. */
  webhook?: { url: string; secret: string };
  /** E-mail to the case's team when an alert opens, and the daily digest. */
  smtp?: { url: string; from: string };
  /** The UTC hour from which the day's digest is sent. */
  digestHour: number;
  /** How often the notifier queues and delivers. */
  intervalMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Habeas cannot start: the settings are not valid\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.HABEAS_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.HABEAS_ADMIN_PASSWORD,
    loadDemo: e.HABEAS_DEMO === 'true',
    secureCookies: e.HABEAS_SECURE_COOKIES === 'true',
    sessionHours: e.HABEAS_SESSION_HOURS,
    logLevel: e.HABEAS_LOG_LEVEL,
    vacuumIntervalMs: e.HABEAS_VACUUM_HOURS * 3_600_000,
    fetchPrivateUrls: e.HABEAS_FETCH_PRIVATE_URLS === 'true',
    notifications: {
      webhook: e.HABEAS_WEBHOOK_URL ? { url: e.HABEAS_WEBHOOK_URL, secret: e.HABEAS_WEBHOOK_SECRET! } : undefined,
      smtp: e.HABEAS_SMTP_URL ? { url: e.HABEAS_SMTP_URL, from: e.HABEAS_MAIL_FROM! } : undefined,
      digestHour: e.HABEAS_DIGEST_HOUR,
      intervalMs: Math.round(e.HABEAS_NOTIFY_SECONDS * 1000),
    },
    evaluateIntervalMs: e.HABEAS_EVALUATE_MINUTES * 60_000,
  };
}

/** Where the store lives, in words safe to print (no credentials). */
export function describeStore(config: Config): string {
  if (!config.databaseUrl) return `embedded store in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

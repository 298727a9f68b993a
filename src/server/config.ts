// Every setting, validated once at start: a bad value stops the server with a message naming the
// variable. Secrets (DATABASE_URL, HABEAS_ADMIN_PASSWORD) are never printed: describeStore shows
// the database without its credentials, and the error messages name variables, not values.
import { z } from 'zod';

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
  };
}

/** Where the store lives, in words safe to print (no credentials). */
export function describeStore(config: Config): string {
  if (!config.databaseUrl) return `embedded store in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

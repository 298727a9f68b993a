// Opening a store: connect, migrate, and on a new store create the first admin and the demo case.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../demo/load.ts';
import { openDb, type Db } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { countUsers, createUser } from '../store/users.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { startEvaluationSchedule, type Schedule } from './schedule.ts';
import { startNotifier } from './notifier.ts';
import { RULES } from '../standards/index.ts';

export async function openStore(config: Config): Promise<Db> {
  const db = await openDb(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl }
      : { dataDir: config.dataDir, vacuumIntervalMs: config.vacuumIntervalMs },
  );
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export interface FirstRun {
  adminUsername: string;
  /** Set only when the password was generated: shown once, never stored in clear. */
  generatedPassword?: string;
  demoCaseId?: string;
}

/** On a store with no users: the first admin, and the reference case as demo data. */
export async function initialiseNewStore(db: Db, config: Config): Promise<FirstRun | null> {
  if ((await countUsers(db)) > 0) return null;
  const generatedPassword = config.adminPassword ? undefined : randomBytes(15).toString('base64url');
  const admin = await createUser(db, null, {
    username: 'admin',
    displayName: 'Administrator',
    role: 'admin',
    password: config.adminPassword ?? generatedPassword!,
  });
  const demoCaseId = config.loadDemo ? await loadDemo(db, admin.id) : undefined;
  await db.maintain();
  return { adminUsername: admin.username, generatedPassword, demoCaseId };
}

export interface Running {
  app: FastifyInstance;
  db: Db;
  url: string;
  firstRun: FirstRun | null;
  schedule: Schedule;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<Running> {
  const db = await openStore(config);
  try {
    const firstRun = await initialiseNewStore(db, config);
    const app = await buildApp(db, config);
    await app.listen({ port: config.port, host: config.host });
    const schedule = startEvaluationSchedule(db, config.evaluateIntervalMs, app.log);
    // A store opened after a while (or after an upgrade) is brought up to date at once.
    void schedule.runNow();
    const notifier = startNotifier(db, config, app.log, { ruleTitle: (id) => RULES.find((r) => r.id === id)?.title });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    return {
      app, db, firstRun, schedule, url: `http://${host}:${port}`,
      async close() {
        await schedule.stop();
        await notifier.stop();
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

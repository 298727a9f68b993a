// A fresh store for each run, opened the way the server opens one (openStore: connect + migrate,
// initialiseNewStore: first admin), so that the bench measures the real schema and settings.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../src/store/db.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { initialiseNewStore, openStore } from '../src/server/start.ts';

export type StoreKind = 'embedded' | 'postgres';

/** The PostgreSQL server the bench creates its scratch databases on (overridable for other set-ups). */
export const POSTGRES_BASE_URL = process.env.HABEAS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchStore {
  kind: StoreKind;
  config: Config;
  db: Db;
  adminId: string;
  adminPassword: string;
  /** Where the data went, for the report (no credentials). */
  location: string;
  close(): Promise<void>;
}

export async function postgresAnswers(url = POSTGRES_BASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function onBase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_BASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openBenchStore(kind: StoreKind): Promise<BenchStore> {
  const adminPassword = `bench-${randomBytes(12).toString('base64url')}`;
  // The embedded store lives in a temporary directory; a server store needs none.
  const dir = kind === 'embedded' ? mkdtempSync(join(tmpdir(), 'habeas-bench-')) : null;
  let database: string | null = null;
  let url: URL | null = null;
  if (kind === 'postgres') {
    database = `habeas_bench_${randomBytes(5).toString('hex')}`;
    await onBase((c) => c.query(`CREATE DATABASE ${database}`));
    url = new URL(POSTGRES_BASE_URL);
    url.pathname = `/${database}`;
  }
  const removeScratch = async () => {
    if (database) await onBase((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({
      ...(dir ? { HABEAS_DATA_DIR: dir } : {}),
      HABEAS_DEMO: 'false',
      HABEAS_ADMIN_PASSWORD: adminPassword,
      HABEAS_LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      ...(url ? { DATABASE_URL: url.toString() } : {}),
    });
    const db = await openStore(config);
    try {
      await initialiseNewStore(db, config);
      const [admin] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
      return {
        kind, config, db, adminId: admin!.id, adminPassword,
        location: kind === 'postgres' ? `database ${database} on ${url!.host}` : `embedded store in ${dir}`,
        async close() {
          await db.close();
          await removeScratch();
        },
      };
    } catch (error) {
      await db.close();
      throw error;
    }
  } catch (error) {
    await removeScratch().catch(() => {});
    throw error;
  }
}

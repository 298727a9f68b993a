import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './data-dir-lock.ts';
import { checkPgliteVersion, installedPgliteVersion, openEmbeddedStore, PGLITE_VERSION, type EmbeddedStore } from './embedded.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'habeas-embedded-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
async function open(dir: string, options?: Parameters<typeof openEmbeddedStore>[1]): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore(dir, { vacuumIntervalMs: 0, ...options });
  cleanups.push(() => store.close());
  return store;
}
async function rows<T>(store: EmbeddedStore, sql: string, params?: unknown[]): Promise<T[]> {
  return (await store.pglite.query<T>(sql, params)).rows;
}

const CHILD = join(import.meta.dirname, '../../test/fixtures/embedded-store-child.ts');
function startChild(mode: 'open' | 'commit', dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

describe('embedded store', () => {
  // One store for the tests that need no fresh directory: each initdb costs seconds.
  let shared: EmbeddedStore;
  let sharedDir: string;
  beforeAll(async () => {
    sharedDir = mkdtempSync(join(tmpdir(), 'habeas-embedded-'));
    shared = await openEmbeddedStore(sharedDir, { vacuumIntervalMs: 0 });
  });
  afterAll(async () => {
    await shared?.close();
    rmSync(sharedDir, { recursive: true, force: true });
  });

  it('flushes every commit to disk, and says so at start-up', async () => {
    const store = shared;
    expect(store.durability).toMatchObject({ fsync: 'on', walSyncMethod: 'fsync', synchronousCommit: 'on' });
    expect(store.durability.probeFsyncs).toBeGreaterThanOrEqual(1);
    expect(store.durability.syncedAtOpen).toBeGreaterThan(100); // the cluster initdb unpacked
    expect(await rows(store, 'SHOW fsync')).toEqual([{ fsync: 'on' }]);
    expect(await rows(store, 'SHOW wal_sync_method')).toEqual([{ wal_sync_method: 'fsync' }]);

    await store.pglite.exec('CREATE TABLE note (id int PRIMARY KEY)');
    const before = store.fsyncCount();
    await store.pglite.query('INSERT INTO note VALUES (1)');
    expect(store.fsyncCount()).toBeGreaterThan(before);
  });

  it('refuses a second open of the same directory in this process', async () => {
    const store = shared;
    await expect(openEmbeddedStore(sharedDir)).rejects.toThrow(
      new RegExp(`in use by process ${process.pid} .*Only one Habeas server may use a data directory`),
    );
    expect(await rows(store, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('refuses another process, which leaves the first one’s data intact', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const store = await openEmbeddedStore(dir, { vacuumIntervalMs: 0 });
    await store.pglite.exec('CREATE TABLE note (id int PRIMARY KEY, body text)');
    await store.pglite.exec("INSERT INTO note SELECT g, 'note ' || g FROM generate_series(1, 1000) g");

    const second = startChild('open', dir);
    await second.exited;
    expect(second.child.exitCode, second.stderr()).toBe(1);
    const { ok, message } = JSON.parse(second.stdout()) as { ok: boolean; message: string };
    expect(ok).toBe(false);
    expect(message).toMatch(new RegExp(`in use by process ${process.pid} .*Only one Habeas server may use a data directory`));

    await store.pglite.exec("INSERT INTO note SELECT g, 'note ' || g FROM generate_series(1001, 2000) g");
    await store.close();
    // Reopened with amcheck: the rows and the primary-key index agree.
    const check = await PGlite.create(join(dir, 'pgdata'), { extensions: { amcheck } });
    try {
      await check.exec('CREATE EXTENSION amcheck');
      await check.query("SELECT bt_index_check('note_pkey', true)");
      expect((await check.query('SELECT count(DISTINCT id)::int AS n FROM note')).rows).toEqual([{ n: 2000 }]);
    } finally {
      await check.close();
    }
  });

  it('reopens after a SIGKILL during commits, with every acknowledged commit', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const writer = startChild('commit', dir);
    const acknowledged = () => writer.stdout().split('\n').slice(0, -1).map(Number);
    const deadline = Date.now() + 40_000;
    while (acknowledged().length < 300) {
      if (writer.child.exitCode !== null || Date.now() > deadline) throw new Error(`writer failed: ${writer.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    writer.child.kill('SIGKILL');
    await writer.exited;
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(writer.child.pid); // the lock it could not release

    const store = await open(dir);
    const ids = new Set((await rows<{ id: number }>(store, 'SELECT id FROM acked')).map((row) => row.id));
    const missing = acknowledged().filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    expect(ids.size).toBeGreaterThanOrEqual(300);
  });

  it('refuses to start on a PGlite version it was not tested with', () => {
    expect(installedPgliteVersion()).toBe(PGLITE_VERSION);
    expect(() => checkPgliteVersion(PGLITE_VERSION)).not.toThrow();
    expect(() => checkPgliteVersion('0.5.17')).toThrow(/0\.5\.17 is installed, but .* tested with 0\.5\.16/);
  });

  it('refreshes planner statistics on demand and on a timer', async () => {
    const reltuples = async (store: EmbeddedStore, table: string) =>
      (await rows<{ n: number }>(store, 'SELECT reltuples::int AS n FROM pg_class WHERE relname = $1', [table]))[0]!.n;

    const store = shared;
    await store.pglite.exec('CREATE TABLE a AS SELECT generate_series(1, 500) AS id');
    expect(await reltuples(store, 'a')).toBe(-1); // never analysed
    await store.vacuumAnalyze();
    expect(await reltuples(store, 'a')).toBe(500);

    const timed = await open(tempDir(), { vacuumIntervalMs: 100 });
    await timed.pglite.exec('CREATE TABLE b AS SELECT generate_series(1, 700) AS id');
    await expect.poll(() => reltuples(timed, 'b'), { timeout: 10_000 }).toBe(700);
  });

  it('holds VACUUM back until an open transaction ends, rather than abort it', async () => {
    const store = shared;
    const pool = new pg.Pool({ ...createPgConfig(store.pglite), max: 1 });
    cleanups.push(() => pool.end());
    await pool.query('CREATE TABLE held (id int PRIMARY KEY)');

    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO held VALUES ($1)', [1]);
    let vacuumed = false;
    const vacuum = store.vacuumAnalyze().then(() => (vacuumed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(vacuumed).toBe(false);
    await client.query('INSERT INTO held VALUES ($1)', [2]);
    await client.query('COMMIT');
    client.release();
    await vacuum;
    expect((await pool.query('SELECT count(*)::int AS n FROM held')).rows).toEqual([{ n: 2 }]);
  });

  it('loads pg_trgm, fuzzystrmatch and unaccent', async () => {
    const store = shared;
    await store.pglite.exec('CREATE EXTENSION pg_trgm; CREATE EXTENSION fuzzystrmatch; CREATE EXTENSION unaccent');
    const [row] = await rows<{ similarity: number; distance: number; same_sound: boolean; plain: string }>(
      store,
      `SELECT similarity('Atambayev', 'Atambaev') AS similarity,
              levenshtein('Atambayev', 'Atambaev') AS distance,
              dmetaphone('Atambayev') = dmetaphone('Atambaev') AS same_sound,
              unaccent('Žaneta Müller-Łukasik') AS plain`,
    );
    expect(row!.similarity).toBeCloseTo(0.58, 2);
    expect(row).toMatchObject({ distance: 1, same_sound: true, plain: 'Zaneta Muller-Lukasik' });
  });

  it('serves node-postgres through pg.Pool: parameters, commit and rollback', async () => {
    const store = shared;
    const pool = new pg.Pool({ ...createPgConfig(store.pglite), max: 1 });
    cleanups.push(() => pool.end());
    await pool.query('CREATE TABLE person (id int PRIMARY KEY, name text NOT NULL)');
    expect((await pool.query('SELECT $1::int + $2::int AS sum, $3::text AS name', [2, 3, 'Ana'])).rows).toEqual([
      { sum: 5, name: 'Ana' },
    ]);

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO person VALUES ($1, $2)', [1, 'kept']);
      await client.query('COMMIT');
      await client.query('BEGIN');
      await client.query('INSERT INTO person VALUES ($1, $2)', [2, 'rolled back']);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect((await pool.query('SELECT id, name FROM person ORDER BY id')).rows).toEqual([{ id: 1, name: 'kept' }]);
  });
});

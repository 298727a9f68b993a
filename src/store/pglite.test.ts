import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './dir-lock.ts';
import { PGlite } from '@electric-sql/pglite';
import { checkDurability, checkPgliteVersion, openEmbeddedStore, PGLITE_VERSION, type EmbeddedStore } from './pglite.ts';

const WRITER = new URL('../../test/fixtures/embedded-writer.ts', import.meta.url).pathname;
const dirs: string[] = [];
const open: EmbeddedStore[] = [];

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'habeas-embedded-'));
  dirs.push(dir);
  return dir;
}
async function openStore(dir: string, vacuumIntervalMs = 0) {
  const store = await openEmbeddedStore(dir, { vacuumIntervalMs });
  open.push(store);
  return store;
}

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer child; resolves with its stdout lines once `until` says stop (or it exits). */
function runWriter(dir: string, mode: 'open' | 'write', until?: (lines: string[]) => boolean) {
  return new Promise<{ lines: string[]; code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (until?.(out.split('\n').filter(Boolean))) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ lines: out.split('\n').filter(Boolean), code, signal }));
  });
}

describe('the embedded store', () => {
  it('flushes every commit to disk, and says so in its settings', async () => {
    const store = await openStore(tempDir());
    expect((await store.pglite.query<{ fsync: string }>('SHOW fsync')).rows[0]!.fsync).toBe('on');
    expect((await store.pglite.query<{ wal_sync_method: string }>('SHOW wal_sync_method')).rows[0]!.wal_sync_method).toBe('fsync');
    await store.pglite.exec('CREATE TABLE t (x int)');
    const before = store.fsyncCount();
    await store.pglite.query('INSERT INTO t VALUES (1)');
    expect(store.fsyncCount()).toBeGreaterThan(before);
  });

  it('refuses to open when a commit does not reach fsync (PGlite as shipped)', async () => {
    const shipped = await PGlite.create(join(tempDir(), 'pgdata'));
    await expect(checkDurability(shipped, () => 0)).rejects.toThrow(/Durable commits could not be enabled/);
    await shipped.close();
  });

  it('serves node-postgres queries and transactions, so one code path serves both stores', async () => {
    const store = await openStore(tempDir());
    const pool = new pg.Pool({ ...createPgConfig(store.pglite), max: 1 });
    await pool.query('CREATE TABLE t (x int)');
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO t VALUES ($1)', [1]);
    await client.query('COMMIT');
    await client.query('BEGIN');
    await client.query('INSERT INTO t VALUES ($1)', [2]);
    await client.query('ROLLBACK');
    client.release();
    expect((await pool.query('SELECT x FROM t')).rows).toEqual([{ x: 1 }]);
    await pool.end();
  });

  it('has the extensions that name search needs', async () => {
    const store = await openStore(tempDir());
    await store.pglite.exec('CREATE EXTENSION pg_trgm; CREATE EXTENSION unaccent; CREATE EXTENSION fuzzystrmatch;');
    const { rows } = await store.pglite.query<{ s: number; u: string; l: number }>(
      `SELECT similarity('atambayev', 'atambaev') AS s, unaccent('Çağlar') AS u, levenshtein('Atambayev', 'Atambaev') AS l`,
    );
    expect(rows[0]!.s).toBeGreaterThan(0.5);
    expect(rows[0]!.u).toBe('Caglar');
    expect(rows[0]!.l).toBe(1);
  });

  it('refuses a second process on the same directory with a clear message, and the first keeps its data', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.pglite.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (42);');
    const second = await runWriter(dir, 'open');
    expect(second.code).toBe(2);
    expect(second.lines.join('\n')).toMatch(new RegExp(`in use by process ${process.pid}.*Only one Habeas process`));
    expect((await store.pglite.query('SELECT x FROM kept')).rows).toEqual([{ x: 42 }]);
    // Nor can the same process open it twice.
    await expect(openEmbeddedStore(dir)).rejects.toThrow(/already open in this process/);
  });

  it('after a SIGKILL mid-write, reopens despite the stale lock with every acknowledged commit', async () => {
    const dir = tempDir();
    const run = await runWriter(dir, 'write', (lines) => lines.length >= 150);
    expect(run.signal).toBe('SIGKILL');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const acknowledged = run.lines.map(Number).filter(Number.isInteger);
    const store = await openStore(dir);
    const { rows } = await store.pglite.query<{ id: number }>('SELECT id FROM acked');
    const present = new Set(rows.map((r) => r.id));
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('releases the lock on close, so the next process can open the store', async () => {
    const dir = tempDir();
    const store = await openEmbeddedStore(dir, { vacuumIntervalMs: 0 });
    await store.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect((await runWriter(dir, 'open')).lines).toEqual(['opened']);
  });

  it('refreshes planner statistics on a timer, since PGlite has no autovacuum', async () => {
    const store = await openStore(tempDir(), 50);
    await store.pglite.exec('CREATE TABLE t (x int); INSERT INTO t SELECT generate_series(1, 1000);');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const { rows } = await store.pglite.query<{ analyzed: Date | null }>(
      `SELECT coalesce(last_analyze, last_autoanalyze) AS analyzed FROM pg_stat_user_tables WHERE relname = 't'`,
    );
    expect(rows[0]!.analyzed).not.toBeNull();
  });

  it('runs only on the PGlite version it was tested with', () => {
    expect(() => checkPgliteVersion(PGLITE_VERSION)).not.toThrow();
    expect(() => checkPgliteVersion('0.6.0')).toThrow(/tested with PGlite 0\.5\.16 but 0\.6\.0 is installed/);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.dependencies['@electric-sql/pglite']).toBe(PGLITE_VERSION);
  });
});

// The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in this process, with the rails
// it lacks as shipped (see shared research on storage engines): durable commits, one process per
// directory, planner statistics kept fresh, and the exact version we tested.
import { fsyncSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { acquireDirLock } from './dir-lock.ts';

/** The PGlite release the rails were written and tested against (it relies on its internals). */
export const PGLITE_VERSION = '0.5.16';

export function checkPgliteVersion(installed: string): void {
  if (installed !== PGLITE_VERSION) {
    throw new Error(
      `The embedded store was tested with PGlite ${PGLITE_VERSION} but ${installed} is installed. ` +
        'Its durability patch relies on PGlite internals: re-test it before changing the pin in package.json.',
    );
  }
}

function installedPgliteVersion(): string {
  // Its package.json is not exported; it sits one folder above the entry point (dist/).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

// PGlite's defaults, but without -F (which turns fsync off) and with every commit flushed.
const START_PARAMS = [
  '--single', '-O', '-j',
  '-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0', '-c', 'max_parallel_workers_per_gather=0',
  '-c', 'io_method=sync', '-c', 'max_parallel_maintenance_workers=0',
  '-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=on',
];

export interface EmbeddedStore {
  pglite: PGlite;
  fsyncCount(): number;
  vacuumAnalyze(): Promise<void>;
  close(): Promise<void>;
}

interface EmscriptenStream {
  nfd?: number;
}

/**
 * Emscripten's Node file system has no fsync: postgres's fsync calls reach `stream_ops.fsync`,
 * find nothing and return. We give it one that flushes the real file. It is installed once
 * PGlite is up, so initdb and start-up run without it; every commit after that is durable.
 */
function installFsync(pglite: PGlite, onFsync: () => void): void {
  const module = (pglite as unknown as { Module?: { NODEFS?: { stream_ops?: Record<string, unknown> } } }).Module;
  const streamOps = module?.NODEFS?.stream_ops;
  if (!streamOps) throw new Error('PGlite internals changed: its Node file system is not reachable.');
  streamOps.fsync = (stream: EmscriptenStream) => {
    if (typeof stream.nfd === 'number') fsyncSync(stream.nfd);
    onFsync();
    return 0;
  };
}

/** A committed write must reach fsync, or the store refuses to open. */
export async function checkDurability(pglite: PGlite, fsyncCount: () => number): Promise<void> {
  await pglite.exec('CREATE TABLE IF NOT EXISTS habeas_durability_probe (id int PRIMARY KEY, at timestamptz)');
  const before = fsyncCount();
  await pglite.query(
    'INSERT INTO habeas_durability_probe VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = now()',
  );
  if (fsyncCount() <= before) {
    throw new Error('Durable commits could not be enabled on the embedded store (no fsync on commit); it was not opened.');
  }
}

export async function openEmbeddedStore(
  dataDir: string,
  { vacuumIntervalMs = 6 * 3_600_000, onMaintenanceError = (e: unknown) => console.error(e) } = {},
): Promise<EmbeddedStore> {
  checkPgliteVersion(installedPgliteVersion());
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDirLock(dataDir);
  let fsyncs = 0;
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(`${dataDir.replace(/\/$/, '')}/pgdata`, {
      startParams: START_PARAMS,
      extensions: { pg_trgm, unaccent, fuzzystrmatch },
    });
    installFsync(pglite, () => (fsyncs += 1));
    await checkDurability(pglite, () => fsyncs);
  } catch (error) {
    await pglite?.close().catch(() => {});
    lock.release();
    throw error;
  }
  const db = pglite;
  const vacuumAnalyze = async () => {
    await db.exec('VACUUM ANALYZE');
  };
  // PGlite runs single-user: no autovacuum, so statistics go stale unless we refresh them.
  const timer = vacuumIntervalMs > 0
    ? setInterval(() => vacuumAnalyze().catch(onMaintenanceError), vacuumIntervalMs).unref()
    : undefined;
  return {
    pglite: db,
    fsyncCount: () => fsyncs,
    vacuumAnalyze,
    async close() {
      if (timer) clearInterval(timer);
      await db.close();
      lock.release();
    },
  };
}

// The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in this process, with the rails
// it lacks as shipped (shared/research/storage-engines.md): durable commits, one process per data
// directory, planner statistics kept fresh, and the exact PGlite version those rails were tested on.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { PGlite, protocol } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { acquireDataDirLock } from './data-dir-lock.ts';

/** The PGlite release the rails were written and tested against: they rely on its internals. */
export const PGLITE_VERSION = '0.5.16';

export interface DurabilityCheck {
  /** What PostgreSQL reports it runs with. */
  fsync: string;
  walSyncMethod: string;
  synchronousCommit: string;
  /** fsyncs that reached the disk for the start-up probe's one committed row. */
  probeFsyncs: number;
  /** Files and directories flushed at open, covering what was written before the hook existed. */
  syncedAtOpen: number;
}

export interface EmbeddedStore {
  pglite: PGlite;
  /** fsyncs performed by PostgreSQL since open. */
  fsyncCount(): number;
  readonly durability: DurabilityCheck;
  vacuumAnalyze(): Promise<void>;
  close(): Promise<void>;
}

export interface EmbeddedStoreOptions {
  /** Default 6 h; 0 disables the timer. */
  vacuumIntervalMs?: number;
  /** Where the timer's failures go; they are never thrown. */
  onMaintenanceError?: (error: unknown) => void;
}

export function checkPgliteVersion(installed: string, expected: string = PGLITE_VERSION): void {
  if (installed !== expected) {
    throw new Error(
      `@electric-sql/pglite ${installed} is installed, but the embedded store was tested with ${expected}. ` +
        'Its durable-commit patch relies on PGlite internals, so it refuses to start on another version: ' +
        `install exactly ${expected} (npm ci), or re-run the store's tests and then move PGLITE_VERSION.`,
    );
  }
}

export function installedPgliteVersion(): string {
  // The package's exports map hides its package.json: walk up from the entry point.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error('Cannot find the package.json of @electric-sql/pglite.');
    dir = dirname(dir);
  }
}

// PGlite's defaults, without -F (fsync off), and every commit flushed with fsync(): Emscripten
// implements fdatasync as a no-op, so the other wal_sync_methods would never reach the disk.
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c', 'fsync=on', '-c', 'wal_sync_method=fsync', '-c', 'synchronous_commit=on',
];

// The parts of the Emscripten module we reach into; PGlite does not type them.
interface Engine {
  FS: {
    lookupPath(path: string): { node: { mount: { type: unknown }; stream_ops: StreamOps } };
    ErrnoError: new (errno: number) => Error;
  };
  NODEFS: unknown;
  _IsTransactionState(): number;
}
interface StreamOps {
  fsync?: (stream: { nfd?: number }) => number;
}
const EMSCRIPTEN_EIO = 29; // Emscripten numbers errors the WASI way, not Linux's (5)

export async function openEmbeddedStore(dataDir: string, options: EmbeddedStoreOptions = {}): Promise<EmbeddedStore> {
  const { vacuumIntervalMs = 6 * 3_600_000, onMaintenanceError = (error: unknown) => console.error(error) } = options;
  checkPgliteVersion(installedPgliteVersion());
  const lock = await acquireDataDirLock(dataDir);
  // PostgreSQL's files live one level down, so the lock file is not part of the cluster (nor of its backups).
  const pgdata = resolve(dataDir, 'pgdata');
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(pgdata, {
      startParams: DURABLE_START_PARAMS,
      extensions: { pg_trgm, fuzzystrmatch, unaccent },
    });
    const engine = pglite.Module as unknown as Engine;
    const fsyncCount = installFsyncHook(engine);
    // The hook exists only once PGlite is up, so initdb (unpacked into the directory from memory)
    // and start-up crash recovery wrote without it. Flush the whole cluster once, as PostgreSQL
    // itself does after a crash, before anyone commits on top of those files.
    const syncedAtOpen = syncTree(pgdata) + syncTree(dirname(pgdata), false);
    const durability = await checkDurability(pglite, fsyncCount, syncedAtOpen, pgdata);
    return withMaintenance(pglite, engine, lock, fsyncCount, durability, vacuumIntervalMs, onMaintenanceError);
  } catch (error) {
    await pglite?.close().catch(() => {});
    await lock.release();
    throw error;
  }
}

// All NODEFS streams share one stream_ops object, which has no fsync: PostgreSQL's fsync() calls
// end in Emscripten's fd_sync, find nothing, and report success. Give it one that reaches the disk.
function installFsyncHook(engine: Engine): () => number {
  const { node } = engine.FS.lookupPath(`${PGlite.paths.PGDATA}/PG_VERSION`);
  if (node.mount.type !== engine.NODEFS) throw new Error('PGlite internals changed: its data directory is not on NODEFS.');
  let count = 0;
  node.stream_ops.fsync = (stream) => {
    try {
      fsyncSync(stream.nfd!);
    } catch {
      // PostgreSQL must see the failure (it then stops rather than trust unflushed data).
      throw new engine.FS.ErrnoError(EMSCRIPTEN_EIO);
    }
    count += 1;
    return 0;
  };
  return () => count;
}

function syncTree(path: string, recurse = true): number {
  let synced = 0;
  if (recurse) {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) synced += syncTree(join(path, entry.name));
      else if (entry.isFile()) synced += syncPath(join(path, entry.name));
    }
  }
  return synced + syncPath(path); // a directory after its entries: that makes new names durable
}

function syncPath(path: string): number {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return 1;
}

async function checkDurability(
  pglite: PGlite,
  fsyncCount: () => number,
  syncedAtOpen: number,
  pgdata: string,
): Promise<DurabilityCheck> {
  const setting = async (name: string) =>
    (await pglite.query<{ value: string }>('SELECT current_setting($1) AS value', [name])).rows[0]!.value;
  // A committed row in a real table: only that forces a WAL flush (a temporary table would not).
  await pglite.exec('CREATE TABLE IF NOT EXISTS habeas_durability_probe (id int PRIMARY KEY, checked_at timestamptz NOT NULL)');
  const before = fsyncCount();
  await pglite.query(
    'INSERT INTO habeas_durability_probe VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
  );
  const check: DurabilityCheck = {
    probeFsyncs: fsyncCount() - before,
    fsync: await setting('fsync'),
    walSyncMethod: await setting('wal_sync_method'),
    synchronousCommit: await setting('synchronous_commit'),
    syncedAtOpen,
  };
  const { fsync, walSyncMethod, synchronousCommit, probeFsyncs } = check;
  if (fsync !== 'on' || walSyncMethod !== 'fsync' || synchronousCommit !== 'on' || probeFsyncs < 1) {
    throw new Error(
      `Durable commits could not be enabled on the embedded store at ${pgdata} (fsync=${fsync}, ` +
        `wal_sync_method=${walSyncMethod}, synchronous_commit=${synchronousCommit}, ${probeFsyncs} fsyncs ` +
        'for a committed write), so it was not opened: Habeas refuses to run without fsync.',
    );
  }
  return check;
}

function withMaintenance(
  pglite: PGlite,
  engine: Engine,
  lock: { release(): Promise<void> },
  fsyncCount: () => number,
  durability: DurabilityCheck,
  vacuumIntervalMs: number,
  onMaintenanceError: (error: unknown) => void,
): EmbeddedStore {
  const isIdle = trackIdleness(pglite, engine);
  let closed = false;

  // Queries from node-postgres reach PGlite outside its own query queue, and one transaction spans
  // many of them. A VACUUM slipped in between would fail inside the transaction and abort it. So
  // wait for a moment with no exchange in flight and no transaction open (explicit, or the implicit
  // one of an unfinished Parse…Sync), then run VACUUM synchronously, in that same moment.
  async function vacuumAnalyze(): Promise<void> {
    const giveUpAt = Date.now() + 60_000;
    while (!isIdle()) {
      if (closed) throw new Error('VACUUM ANALYZE skipped: the embedded store is closed.');
      if (Date.now() > giveUpAt) throw new Error('VACUUM ANALYZE skipped: a transaction stayed open for 60 s.');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (closed) throw new Error('VACUUM ANALYZE skipped: the embedded store is closed.');
    const reply = pglite.execProtocolRawSync(protocol.serialize.query('VACUUM ANALYZE'));
    let failure: string | undefined;
    new protocol.Parser().parse(reply, (message) => {
      if (message instanceof protocol.messages.DatabaseError) failure ??= message.message;
    });
    if (failure) throw new Error(`VACUUM ANALYZE failed: ${failure}`);
  }

  // Single-user PostgreSQL has no autovacuum: without this, planner statistics never refresh.
  let running = false;
  const timer =
    vacuumIntervalMs > 0
      ? setInterval(() => {
          if (running || closed) return;
          running = true;
          vacuumAnalyze()
            .catch(onMaintenanceError)
            .finally(() => (running = false));
        }, vacuumIntervalMs).unref()
      : undefined;

  return {
    pglite,
    fsyncCount,
    durability,
    vacuumAnalyze,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      try {
        await pglite.close();
      } finally {
        await lock.release();
      }
    },
  };
}

// Every exchange with the backend, node-postgres's and PGlite's own, goes through
// execProtocolStream; count the ones in flight.
function trackIdleness(pglite: PGlite, engine: Engine): () => boolean {
  let inFlight = 0;
  const exchange = pglite.execProtocolStream.bind(pglite);
  pglite.execProtocolStream = async (message, options) => {
    inFlight += 1;
    try {
      return await exchange(message, options);
    } finally {
      inFlight -= 1;
    }
  };
  return () => inFlight === 0 && !pglite.closed && engine._IsTransactionState() === 0;
}

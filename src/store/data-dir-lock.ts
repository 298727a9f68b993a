// One process per data directory: two PGlite instances on one directory corrupt it silently.
// Like PostgreSQL's postmaster.pid, the lock file names its owner, and a lock whose owner is
// provably gone (SIGKILL, crash, reboot) is taken over instead of blocking every later start.
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'habeas.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Linux only: these two tell a dead owner from a live process that later got the same pid. */
  bootId?: string;
  procStart?: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly lockFile: string,
    readonly owner: LockOwner | undefined,
  ) {
    const who = owner
      ? `process ${owner.pid} on ${owner.hostname} (running since ${owner.startedAt})` +
        (owner.pid === process.pid && owner.hostname === hostname() ? ', this very process' : '')
      : 'another process (its lock file is being written or is damaged)';
    super(
      `The data directory ${dir} is in use by ${who}. Only one Habeas server may use a data directory ` +
        `at a time: stop it, or point this one at another directory. If you are sure no Habeas server ` +
        `uses it (for instance the owner ran on another machine), delete ${lockFile}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  readonly lockFile: string;
  release(): Promise<void>;
}

// Directories this process holds, so a second open here fails even though our pid is alive.
const held = new Set<string>();

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const key = await realpath(dir);
  const lockFile = join(key, LOCK_FILE);
  if (held.has(key)) throw new DataDirInUseError(dir, lockFile, currentOwner());

  const content = `${JSON.stringify(currentOwner())}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(lockFile, content, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      const seen = await readFile(lockFile, 'utf8').catch(() => undefined);
      if (seen === undefined) continue; // its owner released it just now
      const owner = parseOwner(seen);
      const gone = owner ? ownerIsGone(owner) : await writerDied(lockFile);
      if (!gone) throw new DataDirInUseError(dir, lockFile, owner);
      await removeStaleLock(lockFile, seen);
      continue;
    }
    held.add(key);
    return holdLock(key, lockFile, content);
  }
  throw new DataDirInUseError(dir, lockFile, parseOwner(await readFile(lockFile, 'utf8').catch(() => '')));
}

function holdLock(key: string, lockFile: string, content: string): DataDirLock {
  // Only ever delete our own lock: if someone removed it by hand and another server took the
  // directory, its lock must survive our exit.
  const releaseSync = () => {
    try {
      if (readFileSync(lockFile, 'utf8') === content) unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.on('exit', releaseSync);
  let released = false;
  return {
    lockFile,
    async release() {
      if (released) return;
      released = true;
      process.off('exit', releaseSync);
      releaseSync();
      held.delete(key);
    },
  };
}

function currentOwner(): LockOwner {
  const startedAt = new Date(Date.now() - process.uptime() * 1000).toISOString();
  return { pid: process.pid, hostname: hostname(), startedAt, bootId: bootId(), procStart: procStart(process.pid) };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as LockOwner;
    return Number.isInteger(value.pid) && typeof value.hostname === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True only when the owner certainly no longer runs; anything uncertain keeps the lock. */
export function ownerIsGone(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false; // we cannot see another machine's processes
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return true; // the machine restarted since
  if (!isAlive(owner.pid)) return true;
  // The pid is alive but belongs to a younger process (pid reuse, e.g. pid 1 in a restarted container).
  const start = procStart(owner.pid);
  return owner.procStart !== undefined && start !== undefined && start !== owner.procStart;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH'; // EPERM: alive, owned by another user
  }
}

// An unreadable lock is a writer caught between creating and filling the file: give a live writer
// time to finish; one that left it unfinished for long died there.
async function writerDied(lockFile: string): Promise<boolean> {
  const info = await stat(lockFile).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > 10_000;
}

async function removeStaleLock(lockFile: string, seen: string): Promise<void> {
  // Another starter may have replaced the stale lock since we read it; move the file aside
  // atomically, and put it back if it is no longer the one we judged stale.
  const aside = `${lockFile}.stale-${randomUUID()}`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved === seen) await rm(aside, { force: true });
  else await rename(aside, lockFile);
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat). */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; fields after it do not.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

// One process per embedded store: two PGlite instances writing one directory corrupt it silently.
// Like PostgreSQL's postmaster.pid, the lock file names its owner; a lock left by a process that
// no longer runs (killed with SIGKILL, power cut) is stale and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'habeas.lock';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

export class StoreInUseError extends Error {}

function readOwner(path: string): Owner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Owner;
  } catch {
    return null; // half-written by an owner that died while writing it
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DirLock {
  release(): void;
}

export function acquireDirLock(dir: string): DirLock {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      const stale = owner !== null && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
      if (stale || (owner === null && attempt === 0)) {
        unlinkSync(path);
        continue;
      }
      throw new StoreInUseError(
        owner?.pid === process.pid
          ? `The data directory ${dir} is already open in this process.`
          : `The data directory ${dir} is in use by process ${owner?.pid ?? '?'} on ${owner?.host ?? 'this machine'} ` +
            `(since ${owner?.since ?? '?'}). Only one Habeas process may use an embedded store at a time: ` +
            'stop the server before running another command on it.',
      );
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.removeListener('exit', release);
      if (readOwner(path)?.pid === process.pid) unlinkSync(path);
    };
    process.once('exit', release);
    return { release };
  }
  throw new StoreInUseError(`Could not lock the data directory ${dir}.`);
}

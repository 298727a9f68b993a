import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, LOCK_FILE, StoreInUseError } from './dir-lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'habeas-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, since: '2026-01-01T00:00:00Z' });

describe('the data directory lock', () => {
  it('takes over a lock whose owner no longer runs on this machine', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), owner(2 ** 22 + 12345)); // above any pid this machine hands out
    const lock = acquireDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses while the owner runs, naming it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), owner(process.ppid));
    expect(() => acquireDirLock(dir)).toThrow(StoreInUseError);
    expect(() => acquireDirLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it('never takes over a lock held from another machine (a shared disk), since it cannot tell', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), owner(2 ** 22 + 1, 'another-host'));
    expect(() => acquireDirLock(dir)).toThrow(/on another-host/);
  });

  it('recovers from a lock file left half-written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12');
    acquireDirLock(dir).release();
  });
});

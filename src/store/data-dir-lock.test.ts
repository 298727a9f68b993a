import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE, type LockOwner } from './data-dir-lock.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'habeas-lock-'));
  dirs.push(dir);
  return dir;
}
function writeLock(dir: string, owner: Partial<LockOwner>): void {
  const full = { pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), ...owner };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(full));
}
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const onLinux = existsSync('/proc/self/stat');

describe('data directory lock', () => {
  it('names its owner in the lock file and removes it on release', async () => {
    const dir = tempDir();
    const lock = await acquireDataDirLock(dir);
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    await lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    await (await acquireDataDirLock(dir)).release();
  });

  it('refuses a second lock in the same process', async () => {
    const dir = tempDir();
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toThrow(`in use by process ${process.pid}`);
    await lock.release();
  });

  it('refuses a directory whose owner still runs on this machine', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid });
    await expect(acquireDataDirLock(dir)).rejects.toThrow(
      new RegExp(`in use by process ${process.ppid} .*Only one Habeas server may use a data directory`),
    );
  });

  it('refuses a directory locked from another machine, whose processes it cannot see', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), hostname: 'elsewhere.example' });
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/on elsewhere\.example/);
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid() });
    const lock = await acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it.runIf(onLinux)('takes over a lock whose pid now belongs to another process, or to an earlier boot', async () => {
    const reused = tempDir();
    writeLock(reused, { pid: process.ppid, procStart: '1' });
    await (await acquireDataDirLock(reused)).release();

    const rebooted = tempDir();
    writeLock(rebooted, { pid: process.ppid, bootId: 'an-earlier-boot' });
    await (await acquireDataDirLock(rebooted)).release();
  });

  it('waits out a lock file being written, but not one abandoned half-written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '{"pid":');
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/in use by another process/);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), aMinuteAgo, aMinuteAgo);
    await (await acquireDataDirLock(dir)).release();
  });

  it('leaves alone a lock that is no longer its own', async () => {
    const dir = tempDir();
    const lock = await acquireDataDirLock(dir);
    writeLock(dir, { pid: process.ppid }); // someone deleted ours by hand and another server started
    await lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.ppid);
  });
});

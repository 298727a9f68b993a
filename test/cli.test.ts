// bin/habeas as a person runs it: a real process on a real store directory.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';
import { initialiseNewStore, openStore } from '../src/server/start.ts';

const BIN = new URL('../bin/habeas', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function habeas(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, HABEAS_LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('bin/habeas', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'habeas-cli-'));
    env = { HABEAS_DATA_DIR: dir, HABEAS_DEMO: 'false', HABEAS_ADMIN_PASSWORD: 'first admin password' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('explains itself and each command', async () => {
    const help = await habeas(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'user', 'token', 'audit']) expect(help.stdout).toContain(command);
    const userHelp = await habeas(['user', 'add', '--help']);
    expect(userHelp.stdout).toMatch(/--role/);
  });

  it('adds users, lists them, and refuses a short password', async () => {
    const added = await habeas(['user', 'add', 'maria', '--role', 'editor'], { ...env, HABEAS_NEW_PASSWORD: 'maria long password' });
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/Added maria \(editor\)/);
    const short = await habeas(['user', 'add', 'ivan'], { ...env, HABEAS_NEW_PASSWORD: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const list = await habeas(['user', 'list'], env);
    expect(list.stdout).toMatch(/maria\s+editor\s+active/);
    expect(list.stdout).not.toMatch(/ivan/);
  });

  it('adds a user with an e-mail address, and refuses one that is not', async () => {
    const added = await habeas(['user', 'add', 'olga', '--role', 'viewer', '--email', 'olga@example.org'], { ...env, HABEAS_NEW_PASSWORD: 'olga long password' });
    expect(added.code, added.stderr).toBe(0);
    const bad = await habeas(['user', 'add', 'petr', '--email', 'petr at example'], { ...env, HABEAS_NEW_PASSWORD: 'petr long password' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/must be an e-mail address/);
    const list = await habeas(['user', 'list'], env);
    expect(list.stdout).toMatch(/olga\s+viewer\s+active\s+\S+\s+olga@example\.org/);
    expect(list.stdout).not.toMatch(/petr/);
  });

  it('reads the password from a pipe', async () => {
    const res = await habeas(['user', 'passwd', 'maria'], env, 'a brand new passphrase\n');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Password changed for maria/);
  });

  it('creates an API token shown once', async () => {
    const res = await habeas(['token', 'create', 'maria', '--name', 'backup script'], env);
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toMatch(/^hab_[A-Za-z0-9_-]{40,}$/);
    const unknown = await habeas(['token', 'create', 'nobody', '--name', 'x'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user named nobody/);
  });

  it('verifies the audit chain', async () => {
    const res = await habeas(['audit', 'verify'], env);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/The audit chain is intact: \d+ entries verified/);
  });

  it('extracts a document as the contract prints it, without any store', async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'Blogger Timur Aliyev was arrested on 2 March 2024. His lawyer, Dina Karimova, said he had been beaten.');
    const res = await habeas(['extract', file, '--published', '2024-03-05', '--format', 'json'], { HABEAS_DATA_DIR: join(dir, 'never-created') });
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(['persons', 'organizations', 'places', 'events']);
    expect(out.events).toContainEqual(expect.objectContaining({ type: 'arrest', date: '2024-03-02', precision: 'day', subject: 'Timur Aliyev' }));
    expect(existsSync(join(dir, 'never-created'))).toBe(false);
    const table = await habeas(['extract', file, '--format', 'table']);
    expect(table.stdout).toMatch(/^persons \(2\)/m);
    const bad = await habeas(['extract', file, '--published', 'yesterday']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--published must be a day/);
  });

  it('imports a folder, goes on past a bad file, skips what is there, and sums it up', async () => {
    const folder = join(dir, 'inbox');
    mkdirSync(folder);
    copyFileSync(new URL('./fixtures/intake/dispatch.txt', import.meta.url), join(folder, 'dispatch.txt'));
    copyFileSync(new URL('./fixtures/intake/statement.pdf', import.meta.url), join(folder, 'statement.pdf'));
    copyFileSync(new URL('./fixtures/intake/dispatch.txt', import.meta.url), join(folder, 'dispatch-copy.txt'));
    writeFileSync(join(folder, 'broken.pdf'), '%PDF-1.7 this is not really a PDF');
    const res = await habeas(['import', folder, '--as', 'maria'], env);
    expect(res.stdout).toMatch(/Imported 2, already there 1, failed 1; \d+ suggestions to review\./);
    expect(res.stdout).toMatch(/failed: .*broken\.pdf: /);
    expect(res.code).toBe(1);
    const again = await habeas(['import', join(folder, 'dispatch.txt'), '--as', 'maria'], env);
    expect(again.stdout).toMatch(/Imported 0, already there 1, failed 0/);
    expect(again.code).toBe(0);
  });

  it('prints the open alerts of the demo case, most severe first', async () => {
    const demoDir = join(dir, 'with-demo');
    const config = loadConfig({ HABEAS_DATA_DIR: demoDir, HABEAS_DEMO: 'true', HABEAS_ADMIN_PASSWORD: 'first admin password', HABEAS_LOG_LEVEL: 'silent' });
    const db = await openStore(config);
    await initialiseNewStore(db, config);
    await db.close();
    const res = await habeas(['alerts'], { HABEAS_DATA_DIR: demoDir });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toMatch(/^SEVERITY\s+RULE\s+PERSON\s+SINCE\s+STATUS\s+WHY/);
    expect(lines[1]).toMatch(/^CRITICAL\s/);
    expect(res.stdout).toMatch(/trial-in-absence\s+Almazbek Atambayev/);
    expect(res.stdout).toMatch(/^\d+ alerts: \d+ critical, \d+ high/m);
    const bad = await habeas(['alerts', '--case', 'nope'], { HABEAS_DATA_DIR: demoDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a case id/);
  });

  it('stops with a clear message on a bad setting', async () => {
    const res = await habeas(['user', 'list'], { ...env, PORT: 'eighty' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/PORT/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});

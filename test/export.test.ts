// Export and restore as an operator runs them (bin/habeas on real store folders): the demo store
// written as JSON Lines and as CSV files and each read back into an empty store gives the same
// records; one case exports with what it names and restores on its own; a store that is not empty,
// or a file with one wrong record, is refused and nothing is written.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.ts';
import { exportData, importData, importSpreadsheetFile } from '../src/cli/data.ts';
import { alertsTable } from '../src/cli/alerts.ts';
import { initialiseNewStore, openStore } from '../src/server/start.ts';

const BIN = new URL('../bin/habeas', import.meta.url).pathname;

function habeas(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, HABEAS_DATA_DIR: dataDir, HABEAS_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Work on a store folder in this process (no server or command may hold it meanwhile). */
async function inStore<T>(dir: string, work: (db: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const db = await openStore(loadConfig({ HABEAS_DATA_DIR: dir, HABEAS_LOG_LEVEL: 'silent' }));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The store as a JSON Lines export, written in this process (faster than a command). */
async function exportOf(dir: string, file: string): Promise<Line[]> {
  await inStore(dir, async (db) => {
    const [admin] = await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
    await exportData(db, admin!.id, { format: 'jsonl', out: file });
  });
  return records(file);
}

/** A store folder with its first admin, and the demo case if asked. */
async function newStore(root: string, name: string, demo: boolean): Promise<{ dir: string; demoCaseId?: string }> {
  const dir = join(root, name);
  const config = loadConfig({ HABEAS_DATA_DIR: dir, HABEAS_DEMO: String(demo), HABEAS_ADMIN_PASSWORD: 'admin password 1234', HABEAS_LOG_LEVEL: 'silent' });
  const db = await openStore(config);
  const first = await initialiseNewStore(db, config);
  await db.close();
  return { dir, demoCaseId: first?.demoCaseId };
}

/** A copy of an empty store with its admin (quicker than making one each time). */
let pristine: string | null = null;
async function emptyStore(root: string, name: string): Promise<string> {
  pristine ??= (await newStore(root, 'pristine', false)).dir;
  const dir = join(root, name);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

/** Restores in this process, as `habeas import-data` does. */
const restore = (dir: string, from: string) => inStore(dir, async (db) => {
  const [admin] = await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
  return importData(db, admin!.id, from);
});

type Line = { kind: string; record: Record<string, unknown> };

/** The records of a JSON Lines export as they would compare across stores (the importing account differs). */
function records(file: string): Line[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  expect(JSON.parse(header!)).toMatchObject({ format: 'habeas-export', version: 1 });
  return lines.map((l) => {
    const { kind, record } = JSON.parse(l) as Line;
    const { createdBy: _, ...rest } = record;
    return { kind, record: rest };
  });
}

describe('export and import-data', () => {
  let root: string;
  let demo: { dir: string; demoCaseId?: string };
  let exported: Line[];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'habeas-export-'));
    demo = await newStore(root, 'demo', true);
    const res = await habeas(['export', '--out', join(root, 'demo.jsonl')], demo.dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    exported = records(join(root, 'demo.jsonl'));
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes every record of the store, each after what it refers to', () => {
    const kinds = exported.map((l) => l.kind);
    expect(new Set(kinds)).toEqual(new Set(['organization', 'place', 'person', 'case', 'source', 'detention_period', 'health_condition', 'event', 'care_request', 'visit', 'claim']));
    // Claims come last, sources before anything that quotes them, the case before its events.
    expect(kinds.lastIndexOf('source')).toBeLessThan(kinds.indexOf('claim'));
    expect(kinds.indexOf('case')).toBeLessThan(kinds.indexOf('event'));
    expect(exported.filter((l) => l.kind === 'case')).toHaveLength(1);
  });

  it('gives back the same records from JSON Lines and from CSV files, in an empty store', async () => {
    const csv = join(root, 'demo-csv');
    expect((await habeas(['export', '--format', 'csv', '--out', csv], demo.dir)).code).toBe(0);
    expect(readdirSync(csv).sort()).toContain('event.csv');
    expect(readFileSync(join(csv, 'case.csv'), 'utf8').split('\n')[0]).toBe('id,createdAt,updatedAt,subjectPersonId,status,confidentiality,country,tags,summary,teamUserIds');

    // The command on the CSV files; the same function in this process on the JSON Lines.
    const fromCsv = await emptyStore(root, 'from-csv');
    const restored = await habeas(['import-data', csv], fromCsv);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(new RegExp(`^Restored ${exported.length} records: `));
    expect(await exportOf(fromCsv, join(root, 'from-csv.jsonl'))).toEqual(exported);
    const fromJsonl = await emptyStore(root, 'from-jsonl');
    await restore(fromJsonl, join(root, 'demo.jsonl'));
    expect(await exportOf(fromJsonl, join(root, 'from-jsonl.jsonl'))).toEqual(exported);
  }, 120_000);

  it('finds the same breaches in the restored store', async () => {
    const alerts = (dir: string) => inStore(dir, async (db) => {
      const [admin] = await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
      return (await alertsTable(db, admin!.id, {})).split('\n').sort();
    });
    const before = await alerts(demo.dir);
    expect(before.join('\n')).toMatch(/care-denied/);
    expect(await alerts(join(root, 'from-jsonl'))).toEqual(before);
  });

  it('refuses to restore into a store that holds records, and writes nothing', async () => {
    await expect(restore(join(root, 'from-jsonl'), join(root, 'demo.jsonl'))).rejects.toThrow(/already holds case records/);
    expect(await exportOf(join(root, 'from-jsonl'), join(root, 'again.jsonl'))).toEqual(exported);
  });

  it('names the one wrong record of a file and writes nothing', async () => {
    const lines = readFileSync(join(root, 'demo.jsonl'), 'utf8').trim().split('\n');
    const at = lines.findIndex((l) => l.includes('"kind":"event"'));
    const broken = JSON.parse(lines[at]!) as Line;
    broken.record.date = '2022-14-40';
    lines[at] = JSON.stringify(broken);
    writeFileSync(join(root, 'broken.jsonl'), `${lines.join('\n')}\n`);
    const empty = await emptyStore(root, 'broken');
    await expect(restore(empty, join(root, 'broken.jsonl'))).rejects.toThrow(`line ${at + 1}: date`);
    expect(await exportOf(empty, join(root, 'broken-after.jsonl'))).toEqual([]);
  }, 60_000);

  it('exports one case with the people, organisations and places it names, which restores on its own', async () => {
    const file = join(root, 'case.jsonl');
    expect((await habeas(['export', '--case', demo.demoCaseId!, '--out', file], demo.dir)).code).toBe(0);
    const one = records(file);
    const ids = (lines: Line[], kinds: string[]) => lines.filter((l) => kinds.includes(l.kind)).map((l) => l.record.id).sort();
    // The demo store holds one case: all its records are in, and of the people and places only those it names.
    const own = ['case', 'source', 'detention_period', 'health_condition', 'event', 'care_request', 'visit', 'claim'];
    expect(ids(one, own)).toEqual(ids(exported, own));
    const names = (lines: Line[]) => lines.filter((l) => l.kind === 'person').map((l) => l.record.canonicalName);
    expect(names(one)).toContain('Almazbek Atambayev');
    expect(names(exported)).toContain('Sooronbai Jeenbekov');
    expect(names(one)).not.toContain('Sooronbai Jeenbekov');
    const counts = await restore(await emptyStore(root, 'one-case'), file);
    expect(counts.event).toBe(one.filter((l) => l.kind === 'event').length);
  }, 60_000);

  it('adds the cases of a spreadsheet of prisoners, leaving alone who has a case already', async () => {
    const dir = join(root, 'with-sheet');
    cpSync(demo.dir, dir, { recursive: true });
    const sheet = join(root, 'prisoners.csv');
    writeFileSync(sheet, [
      'Full name,Other names,Status,Country,Held since,Prison',
      'Leyla Mammadova,Лейла Мамедова,Detained,Azerbaijan,14.05.2022,Women’s Prison No. 4',
      'Almazbek Atambayev,,released,KG,2019,',
    ].join('\n'));
    const said = await inStore(dir, async (db) => {
      const [admin] = await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'admin'");
      return importSpreadsheetFile(db, admin!.id, sheet, [], 'internal');
    });
    expect(said).toBe('Added 1 case from prisoners.csv.\n  row 3: Almazbek Atambayev has a case already; left as it is.\n');
    const lines = await exportOf(dir, join(root, 'with-sheet.jsonl'));
    const leyla = lines.find((l) => l.kind === 'person' && l.record.canonicalName === 'Leyla Mammadova')!;
    const kase = lines.find((l) => l.kind === 'case' && l.record.subjectPersonId === leyla.record.id)!;
    expect(kase.record).toMatchObject({ status: 'detained', country: 'AZ', confidentiality: 'internal' });
    const period = lines.find((l) => l.kind === 'detention_period' && l.record.caseId === kase.record.id)!;
    const prison = lines.find((l) => l.kind === 'place' && l.record.id === period.record.facilityId)!;
    expect([period.record.start, prison.record.name]).toEqual(['2022-05-14', 'Women’s Prison No. 4']);

    // A wrong row: the command lists it and adds nothing.
    writeFileSync(sheet, 'Name,Status\nSomeone Else,in prison\n');
    const res = await habeas(['import-data', sheet], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('row 2, Status');
    expect(await exportOf(dir, join(root, 'with-sheet-after.jsonl'))).toEqual(lines);
  }, 60_000);

  it('writes a document from a case file on the command line', async () => {
    const file = join(root, 'wgad.docx');
    const res = await habeas(['report', demo.demoCaseId!, '--format', 'wgad', '--out', file], demo.dir);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(/^Wrote .*wgad\.docx \(\d+ KB\)\.$/m);
    const text = (await mammoth.extractRawText({ path: file })).value;
    expect(text).toContain('Full name as recorded: Almazbek Atambayev');
  }, 60_000);
});

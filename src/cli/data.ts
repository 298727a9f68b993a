// `habeas export` and `habeas import-data`: the store (or one case) to JSON Lines or a folder of
// CSV files and back, with a progress bar. Writing streams page by page; a CSV export writes every
// kind's file side by side as the records pass.
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync, type WriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import type { KindName } from '../domain/entities.ts';
import type { Db } from '../store/db.ts';
import { EXPORT_ORDER, exportCase, exportStore, type ExportedRecord } from '../store/export.ts';
import { csvHeader, csvRow, jsonLine, jsonLinesHeader, readCsv, readJsonLines } from '../store/export-formats.ts';
import { restoreRecords, type RecordToRestore } from '../store/restore.ts';
import { importSpreadsheet, readSpreadsheet } from '../store/spreadsheet.ts';
import { Problem } from '../server/errors.ts';
import { TABLES } from '../store/tables.ts';
import { visibleSql } from '../store/visibility.ts';

export type DataFormat = 'jsonl' | 'csv';

function progressBar(label: string, unit: string) {
  return new cliProgress.SingleBar(
    { format: `${label} {bar} {value}/{total} ${unit}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** How many records a whole-store export will hold (for the progress bar). */
async function countVisible(db: Db, userId: string): Promise<number> {
  let total = 0;
  for (const kind of EXPORT_ORDER) {
    const spec = TABLES[kind];
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${spec.table} t WHERE t.retracted_at IS NULL AND ${visibleSql(spec.scope)}`,
      [userId],
    );
    total += Number(row!.n);
  }
  return total;
}

export async function exportData(db: Db, userId: string, { format, out, caseId }: { format: DataFormat; out: string; caseId?: string }): Promise<Partial<Record<KindName, number>>> {
  const actor = { userId };
  const records: AsyncIterable<ExportedRecord> = caseId ? exportCase(db, actor, caseId) : exportStore(db, actor);
  const bar = progressBar('exporting', 'records');
  bar.start(caseId ? 0 : await countVisible(db, userId), 0);
  const counts: Partial<Record<KindName, number>> = {};
  const files = new Map<KindName, WriteStream>();
  let jsonl: WriteStream | null = null;
  if (format === 'jsonl') {
    jsonl = createWriteStream(out);
    await write(jsonl, jsonLinesHeader(caseId ? { caseId } : {}));
  } else {
    mkdirSync(out, { recursive: true });
    for (const kind of EXPORT_ORDER) {
      const file = createWriteStream(join(out, `${kind}.csv`));
      await write(file, csvHeader(kind));
      files.set(kind, file);
    }
  }
  for await (const item of records) {
    await write(jsonl ?? files.get(item.kind)!, jsonl ? jsonLine(item) : csvRow(item.kind, item.record));
    counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    if (caseId) bar.setTotal(bar.getTotal() + 1);
    bar.increment();
  }
  bar.stop();
  await Promise.all([...(jsonl ? [jsonl] : []), ...files.values()].map(close));
  return counts;
}

/** The records of a JSON Lines file, or of a folder of CSV files (kind by kind, in order). */
async function* readExport(path: string): AsyncGenerator<RecordToRestore> {
  if (!statSync(path).isDirectory()) {
    yield* readJsonLines(createReadStream(path));
    return;
  }
  for (const kind of EXPORT_ORDER) {
    const file = join(path, `${kind}.csv`);
    if (existsSync(file)) yield* readCsv(kind, createReadStream(file), `${kind}.csv`);
  }
}

/** Lines after the header(s): the number of records, unless a cell holds a line break. */
async function countLines(path: string): Promise<number> {
  const files = statSync(path).isDirectory() ? EXPORT_ORDER.map((k) => join(path, `${k}.csv`)).filter(existsSync) : [path];
  let lines = 0;
  for (const file of files) {
    lines -= 1;
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) for (const byte of chunk) if (byte === 10) lines += 1;
  }
  return Math.max(lines, 0);
}

export async function importData(db: Db, userId: string, path: string): Promise<Partial<Record<KindName, number>>> {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  const bar = progressBar('restoring', 'records');
  bar.start(await countLines(path), 0);
  try {
    return await restoreRecords(db, { userId }, readExport(path), () => bar.increment());
  } finally {
    bar.update(bar.getTotal());
    bar.stop();
  }
}

export const summarise = (verb: string, counts: Partial<Record<KindName, number>>) => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = EXPORT_ORDER.filter((k) => counts[k]).map((k) => `${counts[k]} ${k.replace('_', ' ')}`);
  return `${verb} ${total} records${parts.length ? `: ${parts.join(', ')}` : ''}.\n`;
};

/** A spreadsheet of prisoners: every row checked first (all problems listed), then written together. */
export async function importSpreadsheetFile(db: Db, userId: string, path: string, mapping: string[], confidentiality: string): Promise<string> {
  const { rows, issues } = readSpreadsheet(readFileSync(path, 'utf8'), mapping, { confidentiality });
  if (issues.length > 0) {
    throw new Problem('validation-failed', `Nothing was imported; fix these and run it again:\n${issues.map((i) => `  ${i.field}: ${i.message}`).join('\n')}`, issues);
  }
  const bar = progressBar('adding cases', 'rows');
  bar.start(rows.length, 0);
  const outcome = await importSpreadsheet(db, { userId }, rows, () => bar.increment()).finally(() => bar.stop());
  return [
    `Added ${outcome.created} ${outcome.created === 1 ? 'case' : 'cases'} from ${basename(path)}.`,
    ...outcome.existing.map((e) => `  row ${e.row}: ${e.name} has a case already; left as it is.`),
    '',
  ].join('\n');
}

// `habeas extract FILE`: the extractor on one document, as DESIGN.md's contract prints it. The
// document is read by intake (plain text, Markdown, HTML, PDF, DOCX; encodings detected), so the
// offsets index the plain text intake makes of it.
import { readFileSync, statSync } from 'node:fs';
import { isValidPreciseDate } from '../domain/dates.ts';
import { extract } from '../extract/index.ts';
import type { Extraction } from '../extract/types.ts';
import { IntakeError, MAX_DOCUMENT_BYTES, readDocument } from '../intake/index.ts';

export async function runExtract(file: string, options: { published?: string; format: 'json' | 'table' }): Promise<string> {
  if (options.published && !(/^\d{4}-\d{2}-\d{2}$/.test(options.published) && isValidPreciseDate(options.published))) {
    throw new Error(`--published must be a day such as 2022-05-14, not "${options.published}"`);
  }
  // Checked before reading, so a huge file is never loaded.
  const size = statSync(file).size;
  if (size >= MAX_DOCUMENT_BYTES) throw new Error(`${file}: ${Math.round(size / 1e6)} MB is too much: a document must be smaller than ${MAX_DOCUMENT_BYTES / 1e6} MB`);
  let document;
  try {
    document = await readDocument(readFileSync(file), { filename: file });
  } catch (error) {
    if (error instanceof IntakeError) throw new Error(`${file}: ${error.message}`, { cause: error });
    throw error;
  }
  // Without --published, the day the document itself gives (a dateline, HTML or PDF metadata).
  const stated = document.published && /^\d{4}-\d{2}-\d{2}$/.test(document.published) ? document.published : null;
  const result = extract(document.text, { published: options.published ?? stated });
  return options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : table(result);
}

function table(result: Extraction): string {
  const lines: string[] = [];
  const section = (title: string, rows: string[][]) => {
    lines.push(`${title} (${rows.length})`);
    const widths = rows.reduce((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), [] as number[]);
    for (const row of rows) lines.push(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`);
    lines.push('');
  };
  section('persons', result.persons.map((p) => [p.name, p.role, p.mentions.map((m) => m.text).join(', ')]));
  section('organizations', result.organizations.map((o) => [o.name, o.kind]));
  section('places', result.places.map((p) => [p.name, p.kind]));
  section('events', result.events.map((e) => [e.date ?? '—', e.type, e.subject ?? '—', e.evidence.text.slice(0, 70)]));
  return lines.join('\n');
}

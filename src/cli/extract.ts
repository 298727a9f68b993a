// `habeas extract FILE`: the extractor on one document, as DESIGN.md's contract prints it.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { isValidPreciseDate } from '../domain/dates.ts';
import { extract } from '../extract/index.ts';
import type { Extraction } from '../extract/types.ts';

const READABLE = new Set(['.txt', '.md', '.markdown', '.text', '']);
const MAX_BYTES = 10 * 1024 * 1024;

export function runExtract(file: string, options: { published?: string; format: 'json' | 'table' }): string {
  if (options.published && !(/^\d{4}-\d{2}-\d{2}$/.test(options.published) && isValidPreciseDate(options.published))) {
    throw new Error(`--published must be a day such as 2022-05-14, not "${options.published}"`);
  }
  if (!READABLE.has(extname(file).toLowerCase())) {
    throw new Error(`${file}: only plain text and Markdown can be read yet (HTML, PDF and DOCX come with document intake)`);
  }
  const size = statSync(file).size;
  if (size > MAX_BYTES) throw new Error(`${file}: ${Math.round(size / 1e6)} MB is more than the 10 MB a document may have`);
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const result = extract(text, { published: options.published ?? null });
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

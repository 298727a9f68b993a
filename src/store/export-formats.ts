// How exported records are written down: JSON Lines (a header line, then one record per line) or
// CSV (one file per kind: id, times, then the kind's fields; lists and objects as JSON in a cell).
// Both read back into the records they were written from.
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { KINDS, type KindName } from '../domain/entities.ts';
import type { ExportedRecord } from './export.ts';
import type { RecordToRestore } from './restore.ts';

type Rec = Record<string, unknown>;

export const EXPORT_FORMAT = 'habeas-export';
export const EXPORT_VERSION = 1;

export function jsonLinesHeader(scope: { caseId?: string }): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), ...scope })}\n`;
}

export const jsonLine = (item: ExportedRecord) => `${JSON.stringify({ kind: item.kind, record: item.record })}\n`;

/** The records of a JSON Lines export, after checking its header. */
export async function* readJsonLines(input: Readable): AsyncGenerator<RecordToRestore> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    let value: Rec;
    try {
      value = JSON.parse(text) as Rec;
    } catch {
      throw new Error(`line ${line}: not JSON`);
    }
    if (line === 1) {
      if (value.format !== EXPORT_FORMAT) throw new Error('line 1: not a Habeas export (the first line names the format)');
      if (value.version !== EXPORT_VERSION) throw new Error(`line 1: export version ${String(value.version)}, this Habeas reads version ${EXPORT_VERSION}`);
      continue;
    }
    if (typeof value.kind !== 'string' || typeof value.record !== 'object' || value.record === null) {
      throw new Error(`line ${line}: expected {"kind": …, "record": {…}}`);
    }
    yield { kind: value.kind, record: value.record as Rec, at: `line ${line}` };
  }
}

/** The columns of a kind's CSV file. */
export const csvColumns = (kind: KindName) => ['id', 'createdAt', 'updatedAt', ...Object.keys(KINDS[kind].fields.shape)];

export const csvHeader = (kind: KindName) => stringify([csvColumns(kind)]);

export function csvRow(kind: KindName, record: Rec): string {
  return stringify([csvColumns(kind).map((column) => {
    const value = record[column];
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  })]);
}

/** What a field holds once optional and nullable wrappers are taken off. */
function fieldType(schema: z.ZodType): string {
  let s = schema as unknown as { def: { type: string }; unwrap?: () => unknown };
  while ((s.def.type === 'optional' || s.def.type === 'nullable') && s.unwrap) s = s.unwrap() as typeof s;
  return s.def.type;
}

function cellValue(type: string, cell: string, where: string): unknown {
  switch (type) {
    case 'number':
      return Number(cell);
    case 'boolean':
      if (cell !== 'true' && cell !== 'false') throw new Error(`${where}: expected true or false, found "${cell}"`);
      return cell === 'true';
    case 'array':
    case 'object':
    case 'record':
      try {
        return JSON.parse(cell);
      } catch {
        throw new Error(`${where}: expected JSON, found "${cell.slice(0, 40)}"`);
      }
    case 'union':
      return /^-?\d+$/.test(cell) ? Number(cell) : cell;
    default:
      return cell;
  }
}

/** The records of one kind's CSV file; an empty cell is a field not given. */
export async function* readCsv(kind: KindName, input: Readable, file: string): AsyncGenerator<RecordToRestore> {
  const shape = KINDS[kind].fields.shape as Record<string, z.ZodType>;
  let columns: string[] | null = null;
  let row = 0;
  for await (const cells of input.pipe(parse({ bom: true, relax_column_count: false })) as AsyncIterable<string[]>) {
    if (!columns) {
      columns = cells;
      const unknown = columns.filter((c) => !csvColumns(kind).includes(c));
      if (unknown.length) throw new Error(`${file}: columns not of a ${kind}: ${unknown.join(', ')}`);
      continue;
    }
    row += 1;
    const record: Rec = {};
    columns.forEach((column, i) => {
      const cell = cells[i] ?? '';
      if (cell === '') return;
      record[column] = column in shape ? cellValue(fieldType(shape[column]!), cell, `${file} row ${row}, ${column}`) : cell;
    });
    yield { kind, record, at: `${file} row ${row}` };
  }
}

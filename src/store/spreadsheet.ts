// A spreadsheet of prisoners (CSV) becomes cases: each row a person, their case and, when the
// row says since when they are held, a detention period (at a facility found or added by name).
// Columns map to fields by name ("Name", "Status", "Held since", …) or as the operator says.
// Every row is checked before anything is written; one wrong row writes nothing and is named.
import countries from 'i18n-iso-countries';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { caseFields, detentionPeriodFields, personFields } from '../domain/entities.ts';
import { searchKey } from '../domain/names.ts';
import { Problem, type FieldIssue } from '../server/errors.ts';
import type { Db, Queryable } from './db.ts';
import { createRecordIn, type Actor } from './records.ts';
import { visibleSql } from './visibility.ts';

/** What a column can fill, and the headings that mean it when no mapping is given. */
export const SPREADSHEET_FIELDS = {
  name: ['name', 'full name', 'person', 'prisoner', 'detainee'],
  aliases: ['aliases', 'other names', 'other spellings', 'also known as'],
  birthYear: ['birth year', 'year of birth', 'born'],
  gender: ['gender', 'sex'],
  nationality: ['nationality', 'citizenship'],
  status: ['status', 'case status'],
  confidentiality: ['confidentiality', 'visibility'],
  country: ['country', 'country of detention'],
  tags: ['tags', 'labels', 'categories'],
  summary: ['summary', 'notes', 'description'],
  heldSince: ['held since', 'detained since', 'arrested', 'date of arrest', 'detention start'],
  heldUntil: ['held until', 'released', 'date of release', 'detention end'],
  facility: ['facility', 'prison', 'place of detention'],
  basis: ['basis', 'detention basis'],
} as const;
export type SpreadsheetField = keyof typeof SPREADSHEET_FIELDS;
const FIELD_NAMES = Object.keys(SPREADSHEET_FIELDS) as SpreadsheetField[];

/** Column heading for each field: as mapped (`field=Heading`), or recognised by its heading. */
export function mapColumns(headings: string[], mapping: string[] = []): Map<SpreadsheetField, number> {
  const columns = new Map<SpreadsheetField, number>();
  const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, ' ');
  for (const entry of mapping) {
    const [field, heading] = entry.split(/=(.*)/s).map((s) => s?.trim() ?? '');
    if (!FIELD_NAMES.includes(field as SpreadsheetField)) {
      throw new Problem('validation-failed', `--map ${entry}: "${field}" is not a field; use one of ${FIELD_NAMES.join(', ')}`);
    }
    const index = headings.findIndex((h) => norm(h) === norm(heading ?? ''));
    if (index < 0) throw new Problem('validation-failed', `--map ${entry}: no column "${heading}" (the columns are ${headings.join(', ')})`);
    columns.set(field as SpreadsheetField, index);
  }
  for (const field of FIELD_NAMES) {
    if (columns.has(field)) continue;
    const index = headings.findIndex((h) => norm(h) === norm(field) || (SPREADSHEET_FIELDS[field] as readonly string[]).includes(norm(h)));
    if (index >= 0) columns.set(field, index);
  }
  if (!columns.has('name')) throw new Problem('validation-failed', `No column holds the name: map one with --map name=HEADING (the columns are ${headings.join(', ')})`);
  return columns;
}

const word = (value: string) => value.trim().toLowerCase().replace(/[\s-]+/g, '_');
const list = (value: string) => value.split(/[;|]/).map((s) => s.trim()).filter(Boolean);

function country(value: string): string {
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  return countries.getAlpha2Code(v, 'en') ?? v;
}

/** 14.05.2022 and 14/05/2022 (day first, as most of the world writes) become 2022-05-14. */
function date(value: string): string {
  const v = value.trim();
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : v;
}

export interface SpreadsheetRow {
  row: number;
  person: Record<string, unknown>;
  case: Record<string, unknown>;
  detention: Record<string, unknown> | null;
  facility: string | null;
}

const personSchema = z.strictObject(personFields.shape);
const caseSchema = z.strictObject(caseFields.omit({ subjectPersonId: true }).shape);
const detentionSchema = z.strictObject(detentionPeriodFields.omit({ caseId: true, facilityId: true }).shape);

/** Rows read and checked; every problem of every row, named by row and column heading. */
export function readSpreadsheet(text: string, mapping: string[] = [], defaults: { confidentiality?: string } = {}): { rows: SpreadsheetRow[]; issues: FieldIssue[] } {
  const cells = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const [headings, ...lines] = cells;
  if (!headings) throw new Problem('validation-failed', 'The spreadsheet is empty.');
  const columns = mapColumns(headings, mapping);
  const rows: SpreadsheetRow[] = [];
  const issues: FieldIssue[] = [];
  lines.forEach((line, i) => {
    const row = i + 2; // as a spreadsheet numbers it, the headings being row 1
    const cell = (field: SpreadsheetField) => {
      const index = columns.get(field);
      const value = index === undefined ? '' : (line[index] ?? '').trim();
      return value === '' ? undefined : value;
    };
    const heading = (field: string) => headings[columns.get(field as SpreadsheetField) ?? -1] ?? field;
    const take = (schema: z.ZodType, value: Record<string, unknown>, names: Record<string, SpreadsheetField>) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data as Record<string, unknown>;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        issues.push({ field: `row ${row}, ${heading(names[field] ?? field)}`, message: issue.message });
      }
      return null;
    };
    const birth = cell('birthYear');
    const status = cell('status');
    const person = take(personSchema, {
      canonicalName: cell('name') ?? '',
      ...(cell('aliases') ? { aliases: list(cell('aliases')!) } : {}),
      ...(birth ? { birthYear: /^\d+$/.test(birth) ? Number(birth) : birth } : {}),
      ...(cell('gender') ? { gender: word(cell('gender')!) } : {}),
      ...(cell('nationality') ? { nationality: country(cell('nationality')!) } : {}),
    }, { canonicalName: 'name' });
    const kase = take(caseSchema, {
      status: status ? word(status) : 'detained',
      confidentiality: word(cell('confidentiality') ?? defaults.confidentiality ?? 'internal'),
      ...(cell('country') ? { country: country(cell('country')!) } : {}),
      ...(cell('tags') ? { tags: list(cell('tags')!) } : {}),
      ...(cell('summary') ? { summary: cell('summary') } : {}),
    }, {});
    const since = cell('heldSince');
    let detention: Record<string, unknown> | null = null;
    if (since || cell('heldUntil')) {
      detention = take(detentionSchema, {
        start: since ? date(since) : '',
        ...(cell('heldUntil') ? { end: date(cell('heldUntil')!) } : {}),
        ...(cell('basis') ? { basis: word(cell('basis')!) } : {}),
      }, { start: 'heldSince', end: 'heldUntil' });
    }
    if (person && kase) rows.push({ row, person, case: kase, detention, facility: cell('facility') ?? null });
  });
  return { rows, issues };
}

async function facilityId(tx: Queryable, actor: Actor, name: string, made: Map<string, string>): Promise<string> {
  const key = searchKey(name);
  const known = made.get(key) ?? (await tx.query<{ id: string }>(
    `SELECT p.id FROM places p JOIN entity_names n ON n.entity_type = 'place' AND n.entity_id = p.id
     WHERE n.search_key = $1 AND p.kind = 'facility' AND p.retracted_at IS NULL LIMIT 1`,
    [key],
  ))[0]?.id;
  if (known) return known;
  const created = await createRecordIn(tx, actor, 'place', { name, kind: 'facility' });
  made.set(key, created.id as string);
  return created.id as string;
}

export interface SpreadsheetOutcome {
  created: number;
  /** Rows whose person already has a case under the same name: left as they are. */
  existing: Array<{ row: number; name: string }>;
}

/** Writes the checked rows: all of them in one transaction. */
export async function importSpreadsheet(db: Db, actor: Actor, rows: SpreadsheetRow[], onRow: () => void = () => {}): Promise<SpreadsheetOutcome> {
  return db.transaction(async (tx) => {
    const outcome: SpreadsheetOutcome = { created: 0, existing: [] };
    const facilities = new Map<string, string>();
    for (const row of rows) {
      const name = String(row.person.canonicalName);
      // A case the importing user may not see is not reported (that would reveal it).
      const [already] = await tx.query<{ id: string }>(
        `SELECT c.id FROM cases c JOIN entity_names n ON n.entity_type = 'person' AND n.entity_id = c.subject_person_id
         WHERE n.search_key = $2 AND c.retracted_at IS NULL AND ${visibleSql('self', 'c')} LIMIT 1`,
        [actor.userId, searchKey(name)],
      );
      if (already) {
        outcome.existing.push({ row: row.row, name });
      } else {
        const person = await createRecordIn(tx, actor, 'person', row.person);
        const kase = await createRecordIn(tx, actor, 'case', { ...row.case, subjectPersonId: person.id });
        if (row.detention) {
          const facility = row.facility ? await facilityId(tx, actor, row.facility, facilities) : undefined;
          await createRecordIn(tx, actor, 'detention_period', { ...row.detention, caseId: kase.id, ...(facility ? { facilityId: facility } : {}) });
        }
        outcome.created += 1;
      }
      onRow();
    }
    return outcome;
  });
}

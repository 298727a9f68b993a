// How each record kind of the domain is laid out in the store.
import { KINDS, type KindName } from '../domain/entities.ts';
import { allNames } from '../domain/names.ts';
import type { Scope } from './visibility.ts';

type Rec = Record<string, unknown>;

export interface TableSpec {
  table: string;
  /** Fields kept as dates with precision: <col>, <col>_earliest, <col>_latest, <col>_precision. */
  dates: string[];
  /** Fields kept as jsonb. */
  json: string[];
  /** Fields kept in child tables rather than columns. */
  children: string[];
  /** Fields left out of list answers because they can be large. */
  omitInLists: string[];
  scope: Scope;
  /** Equality filters a list accepts (field names). */
  filters: string[];
  /** Spellings indexed for fuzzy name search. */
  names?: (record: Rec) => string[];
  /** Columns shown besides the writable fields (read-only, computed by the store). */
  extraColumns: string[];
  /** Fields set once: changing them would make a different record (retract and create instead). */
  immutable: string[];
}

const base: Omit<TableSpec, 'table' | 'scope'> = {
  dates: [], json: [], children: [], omitInLists: [], filters: [], extraColumns: [], immutable: [],
};
const caseScoped = { immutable: ['caseId'] };
const namesOf = (key: string) => (r: Rec) => allNames(String(r[key]), (r.aliases as string[]) ?? []);

export const TABLES: Record<KindName, TableSpec> = {
  person: { ...base, table: 'persons', json: ['positions'], scope: 'subject', filters: ['nationality'], names: namesOf('canonicalName') },
  organization: { ...base, table: 'organizations', scope: 'none', filters: ['kind', 'country'], names: namesOf('name') },
  place: { ...base, table: 'places', scope: 'none', filters: ['kind', 'parentId', 'country'], names: namesOf('name') },
  case: { ...base, table: 'cases', scope: 'self', filters: ['status', 'confidentiality', 'country', 'subjectPersonId'] },
  detention_period: { ...base, ...caseScoped, table: 'detention_periods', dates: ['start', 'end'], scope: 'case', filters: ['caseId'] },
  event: {
    ...base, ...caseScoped, table: 'events', dates: ['date'], json: ['attributes'], children: ['participants'],
    scope: 'case', filters: ['caseId', 'type'],
  },
  health_condition: { ...base, ...caseScoped, table: 'health_conditions', dates: ['onset'], scope: 'case', filters: ['caseId'] },
  care_request: {
    ...base, ...caseScoped, table: 'care_requests', dates: ['requestedOn'], scope: 'case',
    filters: ['caseId', 'status', 'urgency'],
  },
  visit: {
    ...base, table: 'visits', dates: ['date'], json: ['findings', 'recommendations'], scope: 'cases',
    filters: ['facilityId', 'visitingBodyId'],
  },
  source: {
    ...base, table: 'sources', dates: ['publishedDate'], scope: 'cases', omitInLists: ['text'],
    extraColumns: ['sha256', 'mediaType', 'originalFilename'],
    // Claims quote the text by offsets: a corrected text is a new source.
    immutable: ['text'],
  },
  claim: {
    ...base, table: 'claims', scope: 'claim', filters: ['recordId', 'sourceId', 'recordType'], extraColumns: ['caseId'],
    immutable: ['recordType', 'recordId', 'sourceId'],
  },
};

export const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const quote = (identifier: string) => `"${identifier}"`;

/** The writable fields of a kind that are columns of its table. */
export function columnFields(kind: KindName): string[] {
  const spec = TABLES[kind];
  return Object.keys(KINDS[kind].fields.shape).filter((f) => !spec.children.includes(f));
}

/** The SELECT list that `decodeRow` reads. */
export function selectList(kind: KindName, t = 't', { forList = false } = {}): string {
  const spec = TABLES[kind];
  const fields = [...columnFields(kind), ...spec.extraColumns].filter(
    (f) => !(forList && spec.omitInLists.includes(f)),
  );
  return ['id', 'created_at', 'updated_at', 'created_by', ...fields.map(snake)]
    .map((c) => `${t}.${quote(c)}`)
    .join(', ');
}

/** A row as the API shows it: camelCase fields, dates as their EDTF text, timestamps as ISO. */
export function decodeRow(kind: KindName, row: Rec): Rec {
  const spec = TABLES[kind];
  const record: Rec = {
    id: row.id,
    createdAt: (row.created_at as Date).toISOString(),
    updatedAt: (row.updated_at as Date).toISOString(),
    createdBy: row.created_by ?? null,
  };
  for (const field of [...columnFields(kind), ...spec.extraColumns]) {
    const column = snake(field);
    if (column in row) record[field] = row[column] ?? null;
  }
  return record;
}

// Between a record as the API gives it and a form's values, and back: a new record sends what was
// filled in, an edited one only what changed (so the audit log shows the change and nothing else).
import type { Field, FormKind } from './spec.ts';

type Rec = Record<string, unknown>;
export type FormValues = Record<string, unknown>;

export interface FindingValue {
  description: string;
  documentsInjuries: string;
  /** What the form does not edit (evidence links) travels along unchanged. */
  rest: Rec;
}

/** Fields that cannot be emptied once they hold a value (the API has no null for them). */
const KEPT = new Set(['severity', 'specialistCareNeeded', 'ownDoctor', 'reliability']);
export const canEmpty = (field: Field) => !KEPT.has(field.name);

const get = (record: Rec, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Rec)[key] : undefined), record);

const yesNo = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : '');

function formValue(field: Field, value: unknown): unknown {
  switch (field.type) {
    case 'tags':
      return Array.isArray(value) ? value.map(String) : [];
    case 'yesno':
      return yesNo(value);
    case 'number':
      return typeof value === 'number' ? value : '';
    case 'select':
    case 'ref':
      return typeof value === 'string' ? value : null;
    case 'findings':
      return Array.isArray(value)
        ? (value as Rec[]).map(({ description, documentsInjuries, ...rest }) => ({
            description: typeof description === 'string' ? description : '',
            documentsInjuries: yesNo(documentsInjuries),
            rest,
          }))
        : [];
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The form's starting values: a record's own, or empty ones (plus `defaults`) for a new record. */
export function toFormValues(fields: Field[], record: Rec = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) setPath(values, field.name, formValue(field, get(record, field.name)));
  return values;
}

function setPath(target: Rec, path: string, value: unknown) {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Rec;
  at[keys.at(-1)!] = value;
}

/** What the API should get for one field's form value; undefined leaves it out. */
function apiValue(field: Field, value: unknown): unknown {
  switch (field.type) {
    case 'tags':
      return value;
    case 'yesno':
      return value === 'yes' ? true : value === 'no' ? false : canEmpty(field) ? null : undefined;
    case 'number':
      return value === '' || value === null || value === undefined ? null : Number(value);
    case 'select':
    case 'ref':
      return value ?? (canEmpty(field) ? null : undefined);
    case 'findings':
      return (value as FindingValue[])
        .filter((f) => f.description.trim() !== '')
        .map((f) => ({ ...f.rest, description: f.description.trim(), ...(f.documentsInjuries ? { documentsInjuries: f.documentsInjuries === 'yes' } : {}) }));
    default: {
      const text = String(value ?? '').trim();
      return text === '' ? null : text;
    }
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The request body: for a new record every filled-in field (and `fixed`, e.g. the case it belongs
 * to); for an existing one only the fields that changed. An event's attributes travel as one
 * object (the API replaces them whole), without the empty ones.
 */
export function toBody(kind: FormKind, fields: Field[], values: FormValues, initial: FormValues | null, fixed: Rec = {}): Rec {
  const body: Rec = initial ? {} : { ...fixed };
  const attributes: Rec = {};
  let attributesChanged = false;
  for (const field of fields) {
    const now = get(values, field.name);
    const value = apiValue(field, now);
    if (field.name.startsWith('attributes.')) {
      if (value !== null && value !== undefined) attributes[field.name.slice('attributes.'.length)] = value;
      if (!initial || !same(now, get(initial, field.name))) attributesChanged = true;
      continue;
    }
    if (initial && same(now, get(initial, field.name))) continue;
    if (value === undefined || (!initial && (value === null || (Array.isArray(value) && value.length === 0)))) continue;
    body[field.name] = value;
  }
  // A new type has other attributes: the old ones go.
  if (kind === 'event' && (attributesChanged || (initial && 'type' in body))) {
    if (initial || Object.keys(attributes).length > 0) body.attributes = attributes;
  }
  return body;
}

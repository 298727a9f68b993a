import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePreciseDate } from '../domain/dates.ts';
import { KINDS, type KindSpec } from '../domain/entities.ts';
import {
  loadReferenceCase,
  REFERENCE_CASE,
  ref,
  refsIn,
  resolveRefs,
  span,
  type DemoStep,
} from './reference-case.ts';

const steps = REFERENCE_CASE.steps;
const byKey = new Map<string, DemoStep>(steps.map((s) => [s.key, s]));
const fakeIds = new Map(steps.map((s) => [s.key, randomUUID()]));

const DATE_FIELDS = new Set(['date', 'start', 'end', 'from', 'to', 'onset', 'requestedOn', 'publishedDate', 'dueDate']);
/** The only days the documents state: the SI call, the SI statement, the article. */
const STATED_DAYS = new Set(['2022-03-31', '2022-05-14', '2023-03-05']);

/** Every [key, value] pair anywhere in an object, with string values. */
function strings(value: unknown, key = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  }
  return [];
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function ngrams(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

describe('reference case demo data', () => {
  it('has unique keys and refers only to keys defined earlier', () => {
    const seen = new Set<string>();
    for (const s of steps) {
      expect(seen.has(s.key), `duplicate key ${s.key}`).toBe(false);
      for (const k of refsIn(s.fields)) {
        expect(seen.has(k), `${s.key} refers to ${k} before it is defined`).toBe(true);
      }
      seen.add(s.key);
    }
  });

  it('passes each kind’s schema and rules once refs are resolved', () => {
    for (const s of steps) {
      const resolved = resolveRefs(s.fields, fakeIds);
      expect(refsIn(resolved)).toEqual([]);
      const spec = KINDS[s.kind] as unknown as KindSpec;
      const parsed = spec.fields.safeParse(resolved);
      expect(parsed.success, `${s.key}: ${parsed.error?.message}`).toBe(true);
      if (parsed.success) expect(spec.rules(parsed.data), s.key).toEqual([]);
    }
  });

  it('links every claim to an exact span of its source text', () => {
    const claims = steps.filter((s) => s.kind === 'claim');
    expect(claims.length).toBeGreaterThan(10);
    for (const c of claims) {
      if (c.kind !== 'claim') continue;
      const [sourceKey] = refsIn(c.fields.sourceId);
      const source = byKey.get(sourceKey ?? '');
      expect(source?.kind, c.key).toBe('source');
      const text = source?.kind === 'source' ? (source.fields.text ?? '') : '';
      expect(text.slice(c.fields.start, c.fields.end), c.key).toBe(c.fields.quote);
      expect(c.fields.quote.length, c.key).toBeGreaterThan(0);
      const [recordKey] = refsIn(c.fields.recordId);
      const record = byKey.get(recordKey ?? '');
      expect(record?.kind, c.key).toBe(c.fields.recordType);
    }
  });

  it('has exactly one disputing claim, against the medical_denied event', () => {
    const disputing = steps.filter((s) => s.kind === 'claim' && s.fields.stance === 'disputes');
    expect(disputing).toHaveLength(1);
    const [d] = disputing;
    if (d?.kind !== 'claim') throw new Error('not a claim');
    const target = byKey.get(refsIn(d.fields.recordId)[0] ?? '');
    expect(target?.kind).toBe('event');
    expect(target?.kind === 'event' && target.fields.type).toBe('medical_denied');
    expect(d.fields.field).toBe('description');
    // …and the SI's claim supports the same event.
    const supporting = steps.filter(
      (s) => s.kind === 'claim' && s.fields.stance === 'supports' && s.fields.recordId === ref(target?.key ?? ''),
    );
    expect(supporting.length).toBeGreaterThan(0);
  });

  it('keeps the ambiguous 2020 as a date claim on both the sentence and the annulment', () => {
    for (const type of ['sentence', 'annulment'] as const) {
      const event = steps.find((s) => s.kind === 'event' && s.fields.type === type);
      const dateClaims = steps.filter(
        (s) => s.kind === 'claim' && s.fields.field === 'date' && s.fields.recordId === ref(event?.key ?? ''),
      );
      expect(dateClaims.length, type).toBe(1);
      expect(dateClaims[0]?.kind === 'claim' && dateClaims[0].fields.quote).toContain('2020');
    }
  });

  it('never invents a day the documents do not state', () => {
    for (const s of steps) {
      for (const [key, value] of strings(s.fields)) {
        if (!DATE_FIELDS.has(key)) continue;
        expect(() => parsePreciseDate(value), `${s.key}.${key}`).not.toThrow();
        for (const day of value.match(/\d{4}-\d{2}-\d{2}/g) ?? []) {
          expect(STATED_DAYS.has(day), `${s.key}.${key} = ${value}`).toBe(true);
        }
      }
    }
  });

  it('has the expected shape of the case', () => {
    const count = (kind: string) => steps.filter((s) => s.kind === kind).length;
    expect(count('case')).toBe(1);
    expect(count('source')).toBe(2);
    expect(count('detention_period')).toBe(1);
    expect(count('health_condition')).toBe(2);
    expect(count('care_request')).toBe(2);
    expect(count('visit')).toBe(1);
    const c = byKey.get(REFERENCE_CASE.caseKey);
    expect(c?.kind).toBe('case');
    expect(c?.kind === 'case' && c.fields.subjectPersonId).toBe(ref(REFERENCE_CASE.subjectKey));
  });

  const seedDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..', '../shared/seeds');
  it.skipIf(!existsSync(seedDir))('shares no run of 8 words with the seed documents', () => {
    const seedGrams = new Set<string>();
    for (const file of readdirSync(seedDir)) {
      for (const g of ngrams(readFileSync(join(seedDir, file), 'utf8'), 8)) seedGrams.add(g);
    }
    expect(seedGrams.size).toBeGreaterThan(0);
    for (const s of steps) {
      for (const [key, value] of strings(s.fields)) {
        // Titles are bibliographic metadata, kept as published.
        if (key === 'title') continue;
        const shared = [...ngrams(value, 8)].filter((g) => seedGrams.has(g));
        expect(shared, `${s.key}.${key}`).toEqual([]);
      }
    }
  });

  it('loads the steps in order, resolving refs to the ids the store returns', async () => {
    const created: Array<{ kind: string; fields: Record<string, unknown> }> = [];
    const ids = await loadReferenceCase(async (kind, fields) => {
      created.push({ kind, fields });
      return { id: randomUUID() };
    });
    expect(created).toHaveLength(steps.length);
    expect(ids.size).toBe(steps.length);
    expect(created.map((c) => c.kind)).toEqual(steps.map((s) => s.kind));
    const known = new Set(ids.values());
    for (const c of created) expect(refsIn(c.fields)).toEqual([]);
    const event = created.find((c) => c.kind === 'event');
    expect(known.has(String(event?.fields.caseId))).toBe(true);
    expect(event?.fields.caseId).toBe(ids.get(REFERENCE_CASE.caseKey));
  });
});

describe('helpers', () => {
  it('resolveRefs replaces markers deeply and rejects unknown keys', () => {
    const ids = new Map([['a', 'id-a']]);
    expect(resolveRefs({ x: ref('a'), y: [{ z: ref('a') }], t: 'plain @ text' }, ids)).toEqual({
      x: 'id-a',
      y: [{ z: 'id-a' }],
      t: 'plain @ text',
    });
    expect(() => resolveRefs({ x: ref('b') }, ids)).toThrow(/unknown demo key "b"/);
  });

  it('span finds a unique phrase and refuses missing or repeated ones', () => {
    expect(span('one two three', 'two')).toEqual({ start: 4, end: 7, quote: 'two' });
    expect(() => span('one two', 'four')).toThrow(/not found/);
    expect(() => span('two two', 'two')).toThrow(/more than once/);
  });
});

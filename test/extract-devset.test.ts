// The project's own development set for the extractor (test/extract-devset/): fictional documents
// written by the team, with hand-made gold annotations in the same format and conventions as the
// shared development set. These checks keep the gold mechanically valid, so that one scorer serves
// both sets: every mention and quote is really in its document, every value is in its vocabulary,
// every date matches its precision, and the set covers every event type.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('./extract-devset/', import.meta.url).pathname;
const DOCS = join(ROOT, 'docs');
const GOLD = join(ROOT, 'gold');

const EVENT_TYPES = [
  'arrest', 'detention', 'charge', 'hearing', 'verdict', 'sentence', 'appeal', 'annulment', 'retrial',
  'release', 'transfer', 'medical_request', 'medical_denied', 'medical_treatment', 'medical_examination',
  'travel_permission', 'health_decline', 'mistreatment', 'injury_documented', 'investigation',
  'solitary_confinement', 'visit', 'recommendation', 'family_contact', 'lawyer_contact', 'public_appeal',
  'statement', 'hunger_strike', 'death_in_custody',
] as const;
const ROLES = ['detainee', 'official', 'judge', 'lawyer', 'advocate', 'relative', 'other'];
const ORG_KINDS = ['court', 'ngo', 'party', 'government', 'prison', 'international', 'media', 'other'];
const PLACE_KINDS = ['country', 'city', 'facility', 'other'];
const PRECISIONS = ['day', 'month', 'year', 'unknown'];

interface Entity { name: string; mentions: string[]; role?: string; kind?: string }
interface GoldEvent { type: string; date: string | null; date_precision: string; subject: string; evidence: string }
interface Gold {
  published: string | null;
  persons: Entity[];
  organizations: Entity[];
  places: Entity[];
  events: GoldEvent[];
}

interface Doc { id: string; source: string; published: string; body: string; gold: Gold }

function load(id: string): Doc {
  const text = readFileSync(join(DOCS, `${id}.txt`), 'utf8');
  const lines = text.split('\n');
  const source = lines[0] ?? '';
  const published = lines[1] ?? '';
  const body = lines.slice(3).join('\n');
  const goldPath = join(GOLD, `${id}.json`);
  const gold: Gold = existsSync(goldPath)
    ? (JSON.parse(readFileSync(goldPath, 'utf8')) as Gold)
    : { published: null, persons: [], organizations: [], places: [], events: [] };
  return { id, source, published, body, gold };
}

const ids = readdirSync(DOCS).filter((f) => /^\d\d\.txt$/.test(f)).map((f) => f.slice(0, 2)).sort();
const docs = ids.map(load);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const wordCount = (s: string) => collapse(s).split(' ').filter(Boolean).length;

function validDate(date: string | null, precision: string): boolean {
  switch (precision) {
    case 'unknown': return date === null;
    case 'year': return typeof date === 'string' && /^\d{4}$/.test(date);
    case 'month': return typeof date === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(date);
    case 'day': {
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
      const d = new Date(`${date}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
    }
    default: return false;
  }
}

describe('extract devset (the team\'s own documents)', () => {
  it('has at least 26 documents, numbered 01.. without gaps, each with a gold file', () => {
    expect(ids.length).toBeGreaterThanOrEqual(26);
    ids.forEach((id, i) => expect(id).toBe(String(i + 1).padStart(2, '0')));
    const golds = readdirSync(GOLD).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, 2)).sort();
    expect(golds).toEqual(ids);
  });

  it('covers all 29 event types', () => {
    const seen = new Set(docs.flatMap((d) => d.gold.events.map((e) => e.type)));
    const missing = EVENT_TYPES.filter((t) => !seen.has(t));
    expect(missing).toEqual([]);
  });

  describe.each(docs.map((d) => [d.id, d] as const))('document %s', (_id, doc) => {
    it('has the header layout and a body of 1,200-3,000 characters', () => {
      expect(doc.source).toMatch(/^SOURCE: https?:\/\/([a-z0-9-]+\.)*example\.(org|com|net)\/\S*$/);
      expect(doc.published).toMatch(/^PUBLISHED: (\d{4}-\d{2}-\d{2}|unknown)$/);
      const lines = readFileSync(join(DOCS, `${doc.id}.txt`), 'utf8').split('\n');
      expect(lines[2]).toBe('');
      expect(doc.body.trim().length).toBeGreaterThanOrEqual(1200);
      expect(doc.body.trim().length).toBeLessThanOrEqual(3000);
    });

    it('gold published matches the header', () => {
      const header = doc.published.replace('PUBLISHED: ', '');
      expect(doc.gold.published).toBe(header === 'unknown' ? null : header);
      if (doc.gold.published !== null) expect(validDate(doc.gold.published, 'day')).toBe(true);
    });

    it('every mention occurs in the body (case-sensitive), names are unique', () => {
      const all = [...doc.gold.persons, ...doc.gold.organizations, ...doc.gold.places];
      for (const entity of all) {
        expect(entity.name.length, `empty name in ${doc.id}`).toBeGreaterThan(0);
        expect(entity.mentions.length, `${entity.name} has no mentions`).toBeGreaterThan(0);
        expect(new Set(entity.mentions).size, `${entity.name} repeats a mention`).toBe(entity.mentions.length);
        for (const m of entity.mentions) {
          expect(doc.body.includes(m), `mention "${m}" of ${entity.name} not in ${doc.id}`).toBe(true);
        }
      }
      for (const list of [doc.gold.persons, doc.gold.organizations, doc.gold.places]) {
        const names = list.map((e) => e.name);
        expect(new Set(names).size).toBe(names.length);
      }
    });

    it('roles and kinds are in their vocabularies', () => {
      for (const p of doc.gold.persons) expect(ROLES, `${p.name}`).toContain(p.role);
      for (const o of doc.gold.organizations) expect(ORG_KINDS, `${o.name}`).toContain(o.kind);
      for (const p of doc.gold.places) expect(PLACE_KINDS, `${p.name}`).toContain(p.kind);
    });

    it('events are valid: type, subject, precision, date, evidence quote', () => {
      const persons = new Set(doc.gold.persons.map((p) => p.name));
      const body = collapse(doc.body);
      expect(doc.gold.events.length).toBeGreaterThan(0);
      for (const e of doc.gold.events) {
        const where = `${doc.id} ${e.type} "${e.evidence}"`;
        expect(EVENT_TYPES as readonly string[], where).toContain(e.type);
        expect(persons.has(e.subject), `${where}: subject ${e.subject} is not a listed person`).toBe(true);
        expect(PRECISIONS, where).toContain(e.date_precision);
        expect(validDate(e.date, e.date_precision), `${where}: date ${e.date} vs ${e.date_precision}`).toBe(true);
        expect(e.evidence.trim().length, where).toBeGreaterThan(0);
        expect(body.includes(collapse(e.evidence)), `${where}: quote not in body`).toBe(true);
        expect(wordCount(e.evidence), `${where}: quote longer than 25 words`).toBeLessThanOrEqual(25);
      }
    });

    it('every event subject is a person listed as a detainee', () => {
      const detainees = new Set(doc.gold.persons.filter((p) => p.role === 'detainee').map((p) => p.name));
      for (const e of doc.gold.events) expect(detainees.has(e.subject), `${doc.id}: ${e.subject}`).toBe(true);
    });

    it('no event is annotated twice (same type, subject, date and quote)', () => {
      const keys = doc.gold.events.map((e) => `${e.type}|${e.subject}|${e.date}|${e.evidence}`);
      expect(new Set(keys).size).toBe(keys.length);
    });
  });
});

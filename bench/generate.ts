// Loads a synthetic case load straight into the store: cases with their subjects and name index,
// events with dates of mixed precision, sources, and claims quoting those sources. Rows are written
// the way src/store/records.ts writes them (dates split into four columns by parsePreciseDate,
// entity_names from allNames + searchKey, a grant for the creator of each case), but in bulk: the
// API path appends an audit entry per record, which would make loading 300,000 rows take hours.
import { createHash, randomUUID } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import { parsePreciseDate } from '../src/domain/dates.ts';
import { allNames, searchKey } from '../src/domain/names.ts';
import { CASE_STATUSES, EVENT_TYPES, SOURCE_RELIABILITY } from '../src/domain/vocabularies.ts';
import type { Db, Queryable } from '../src/store/db.ts';
import { BulkInserter, type TableTimes } from './bulk.ts';
import { FACILITIES, generateName, type GeneratedName } from './names.ts';
import { Rng } from './random.ts';
import { prose, title } from './words.ts';

export interface Sizes {
  cases: number;
  events: number;
  sourcesPerCase: number;
}

export function sizesFor(cases: number): Sizes {
  return { cases, events: cases * 20, sourcesPerCase: 5 };
}

export interface Generated {
  caseIds: string[];
  /** A sample of the subjects' names, to build search queries that find someone. */
  names: GeneratedName[];
  counts: Record<string, number>;
  tables: Record<string, TableTimes>;
  seconds: number;
}

/** Cases written per transaction: big enough to amortise the commit, small enough to keep memory flat. */
const CASES_PER_TX = 500;
const ROWS_PER_STATEMENT = 1000;
const SOURCE_ROWS_PER_STATEMENT = 500; // ~1 MB of text per statement

/**
 * Unique, increasing timestamps with millisecond precision: list cursors carry (created_at, id)
 * as an ISO string, so the bench data must look like what the API writes.
 */
class Clock {
  private t: number;
  constructor(start: number) {
    this.t = start;
  }
  next(): string {
    this.t += 1;
    return new Date(this.t).toISOString();
  }
}

/** Events per case: 10–30, nudged so that the total is exactly `total`. */
function eventCounts(rng: Rng, cases: number, total: number): number[] {
  const counts = Array.from({ length: cases }, () => rng.int(10, 30));
  let diff = total - counts.reduce((s, n) => s + n, 0);
  while (diff !== 0) {
    const i = rng.int(0, cases - 1);
    const step = diff > 0 ? 1 : -1;
    const n = counts[i]! + step;
    if (n >= 1 && n <= 40) {
      counts[i] = n;
      diff -= step;
    }
  }
  return counts;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as sources give them: mostly days, often months or years, sometimes ranges or "before …". */
function eventDate(rng: Rng, fromYear: number): string | null {
  const year = rng.int(fromYear, Math.min(fromYear + 5, 2025));
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const form = rng.weighted([
    ['day', 55], ['month', 20], ['year', 8], ['approx', 5], ['range', 5], ['before', 3], ['after', 2], ['none', 2],
  ] as const);
  switch (form) {
    case 'day': return `${year}-${pad(month)}-${pad(day)}`;
    case 'month': return `${year}-${pad(month)}`;
    case 'year': return `${year}`;
    case 'approx': return rng.chance(0.5) ? `${year}~` : `${year}-${pad(month)}~`;
    case 'range': return rng.chance(0.5) ? `${year}/${year + rng.int(1, 4)}` : `${year}-${pad(month)}/${year + 1}-${pad(month)}-${pad(day)}`;
    case 'before': return `../${year}-${pad(month)}`;
    case 'after': return `${year}-${pad(month)}/..`;
    case 'none': return null;
  }
}

function dateColumns(text: string | null): [string | null, string | null, string | null, string | null] {
  if (text === null) return [null, null, null, null];
  const d = parsePreciseDate(text);
  return [d.text, d.earliest, d.latest, d.precision];
}

/** A quote of 5–15 whole words, with its character offsets, as a claim must carry it. */
function quoteOf(rng: Rng, text: string): { start: number; end: number; quote: string } {
  const words = text.split(' ');
  const length = Math.min(words.length, rng.int(5, 15));
  const first = rng.int(0, words.length - length);
  const start = words.slice(0, first).reduce((s, w) => s + w.length + 1, 0);
  const quote = words.slice(first, first + length).join(' ');
  return { start, end: start + quote.length, quote };
}

export async function generate(db: Db, adminId: string, sizes: Sizes, seed: number): Promise<Generated> {
  const began = performance.now();
  const rng = new Rng(seed);
  const clock = new Clock(Date.now() - 90 * 86_400_000);
  const counts = eventCounts(rng, sizes.cases, sizes.events);
  const expected = {
    persons: sizes.cases, entity_names: Math.round(sizes.cases * 2.9), cases: sizes.cases, grants: sizes.cases,
    sources: sizes.cases * sizes.sourcesPerCase, events: sizes.events,
    event_participants: Math.round(sizes.events * 0.25), claims: Math.round(sizes.events * 0.2),
    detention_periods: sizes.cases, health_conditions: sizes.cases, care_requests: Math.round(sizes.cases * 1.5),
  };
  const bar = new SingleBar({
    format: 'generating [{bar}] {percentage}% | {value}/{total} rows | {table} | {duration_formatted}',
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
  });
  bar.start(Object.values(expected).reduce((s, n) => s + n, 0) + FACILITIES.length * 2, 0, { table: 'places' });
  const inserter = new BulkInserter(ROWS_PER_STATEMENT, (table, rows) => bar.increment(rows, { table }));

  // A few facilities, so that the timeline's join to places finds something for some events.
  const facilityIds = FACILITIES.map(() => randomUUID());
  await db.transaction(async (tx) => {
    await inserter.insert(tx, 'places', ['id', 'name', 'kind', 'facility_type', 'country', 'created_at', 'updated_at', 'created_by'],
      FACILITIES.map((name, i) => {
        const at = clock.next();
        return [facilityIds[i], name, 'facility', 'other', 'KG', at, at, adminId];
      }));
    await inserter.insert(tx, 'entity_names', ['entity_type', 'entity_id', 'name', 'search_key'],
      FACILITIES.map((name, i) => ['place', facilityIds[i], name, searchKey(name)]));
  });

  const caseIds: string[] = [];
  const names: GeneratedName[] = [];
  let sourceNo = 0;
  for (let first = 0; first < sizes.cases; first += CASES_PER_TX) {
    const last = Math.min(sizes.cases, first + CASES_PER_TX);
    const rows: Record<string, unknown[][]> = {
      persons: [], entity_names: [], cases: [], grants: [], sources: [], events: [], event_participants: [], claims: [],
      detention_periods: [], health_conditions: [], care_requests: [],
    };
    for (let c = first; c < last; c++) {
      const personId = randomUUID();
      const caseId = randomUUID();
      caseIds.push(caseId);
      const name = generateName(rng);
      if (names.length < 5_000) names.push(name);
      let at = clock.next();
      rows.persons!.push([personId, name.canonical, name.aliases, rng.int(1950, 2002), rng.pick(['female', 'male']), 'KG', at, at, adminId]);
      // Exactly what writeChildren writes for a person: every distinct spelling with its search key.
      for (const n of allNames(name.canonical, name.aliases)) rows.entity_names!.push(['person', personId, n, searchKey(n)]);
      at = clock.next();
      const confidentiality = rng.weighted([['public', 60], ['internal', 35], ['restricted', 5]] as const);
      rows.cases!.push([caseId, personId, rng.pick(CASE_STATUSES), confidentiality, 'KG', [rng.pick(['political', 'journalist', 'health', 'religious'])],
        prose(rng, rng.int(15, 40)), at, at, adminId]);
      rows.grants!.push([adminId, caseId, adminId]);

      const fromYear = rng.int(2010, 2021);
      // What the standards rules read besides events: a detention period, conditions, care requests.
      {
        const [s, se, sl, sp] = dateColumns(eventDate(rng, fromYear) ?? `${fromYear}`);
        at = clock.next();
        rows.detention_periods!.push([randomUUID(), caseId, s, se, sl, sp, rng.chance(0.6) ? rng.pick(facilityIds) : null, at, at, adminId]);
        const conditionIds: string[] = [];
        for (let h = rng.int(0, 2); h > 0; h--) {
          const id = randomUUID();
          conditionIds.push(id);
          const [o, oe, ol, op] = dateColumns(rng.chance(0.5) ? eventDate(rng, fromYear) : null);
          rows.health_conditions!.push([id, caseId, rng.pick(['hypertension', 'diabetes', 'heart trouble', 'gastritis']), o, oe, ol, op,
            rng.chance(0.3), at, at, adminId]);
        }
        for (let r = rng.int(0, 3); r > 0; r--) {
          const [q, qe, ql, qp] = dateColumns(eventDate(rng, fromYear) ?? `${fromYear}`);
          rows.care_requests!.push([randomUUID(), caseId, conditionIds.length ? rng.pick(conditionIds) : null, q, qe, ql, qp,
            rng.pick(['routine', 'soon', 'urgent']), rng.pick(['open', 'granted', 'denied', 'fulfilled', 'unanswered']), at, at, adminId]);
        }
      }
      const sources: Array<{ id: string; text: string }> = [];
      for (let s = 0; s < sizes.sourcesPerCase; s++) {
        sourceNo += 1;
        // The serial number keeps every text (and so every sha256) unique, as the UNIQUE index demands.
        const text = `${prose(rng, rng.int(150, 400))} Report ${sourceNo}.`;
        const id = randomUUID();
        sources.push({ id, text });
        const [pd, pde, pdl, pdp] = dateColumns(eventDate(rng, fromYear) ?? `${fromYear}`);
        at = clock.next();
        rows.sources!.push([id, title(rng), rng.pick(['Human Rights Watch', 'Amnesty International', 'Kloop', 'Azattyk', 'OSCE', 'Court record']),
          `https://example.org/report/${sourceNo}`, pd, pde, pdl, pdp, 'en', text,
          createHash('sha256').update(text, 'utf8').digest('hex'), rng.pick(SOURCE_RELIABILITY), [caseId], at, at, adminId]);
      }

      for (let e = 0; e < counts[c]!; e++) {
        const eventId = randomUUID();
        const [d, de, dl, dp] = dateColumns(eventDate(rng, fromYear));
        at = clock.next();
        rows.events!.push([eventId, caseId, rng.pick(EVENT_TYPES), d, de, dl, dp,
          rng.chance(0.3) ? rng.pick(facilityIds) : null, prose(rng, rng.int(10, 30)), at, at, adminId]);
        if (rng.chance(0.25)) rows.event_participants!.push([eventId, 0, personId, 'subject']);
        const claims = rng.weighted([[0, 84], [1, 12], [2, 4]] as const);
        for (let k = 0; k < claims; k++) {
          const source = rng.pick(sources);
          const q = quoteOf(rng, source.text);
          at = clock.next();
          rows.claims!.push([randomUUID(), 'event', eventId, caseId, rng.pick([null, 'date', 'description']), source.id,
            q.start, q.end, q.quote, rng.chance(0.9) ? 'supports' : 'disputes', rng.int(1, 6), at, at, adminId]);
        }
      }
    }

    // Parents before children, one transaction per slice of cases.
    await db.transaction(async (tx: Queryable) => {
      await inserter.insert(tx, 'persons', ['id', 'canonical_name', 'aliases', 'birth_year', 'gender', 'nationality', 'created_at', 'updated_at', 'created_by'], rows.persons!);
      await inserter.insert(tx, 'entity_names', ['entity_type', 'entity_id', 'name', 'search_key'], rows.entity_names!);
      await inserter.insert(tx, 'cases', ['id', 'subject_person_id', 'status', 'confidentiality', 'country', 'tags', 'summary', 'created_at', 'updated_at', 'created_by'], rows.cases!);
      await inserter.insert(tx, 'grants', ['user_id', 'case_id', 'created_by'], rows.grants!);
      await inserter.insert(tx, 'sources', ['id', 'title', 'publisher', 'url', 'published_date', 'published_date_earliest', 'published_date_latest',
        'published_date_precision', 'language', 'text', 'sha256', 'reliability', 'case_ids', 'created_at', 'updated_at', 'created_by'],
      rows.sources!, SOURCE_ROWS_PER_STATEMENT);
      await inserter.insert(tx, 'events', ['id', 'case_id', 'type', 'date', 'date_earliest', 'date_latest', 'date_precision', 'place_id',
        'description', 'created_at', 'updated_at', 'created_by'], rows.events!);
      await inserter.insert(tx, 'detention_periods', ['id', 'case_id', 'start', 'start_earliest', 'start_latest', 'start_precision', 'facility_id',
        'created_at', 'updated_at', 'created_by'], rows.detention_periods!);
      await inserter.insert(tx, 'health_conditions', ['id', 'case_id', 'name', 'onset', 'onset_earliest', 'onset_latest', 'onset_precision',
        'specialist_care_needed', 'created_at', 'updated_at', 'created_by'], rows.health_conditions!);
      await inserter.insert(tx, 'care_requests', ['id', 'case_id', 'condition_id', 'requested_on', 'requested_on_earliest', 'requested_on_latest',
        'requested_on_precision', 'urgency', 'status', 'created_at', 'updated_at', 'created_by'], rows.care_requests!);
      await inserter.insert(tx, 'event_participants', ['event_id', 'position', 'person_id', 'role'], rows.event_participants!);
      await inserter.insert(tx, 'claims', ['id', 'record_type', 'record_id', 'case_id', 'field', 'source_id', 'start', 'end', 'quote', 'stance',
        'credibility', 'created_at', 'updated_at', 'created_by'], rows.claims!);
    });
  }
  // The expected total was an estimate (aliases, participants and claims are drawn at random).
  const written = [...inserter.times.values()].reduce((s, t) => s + t.rows, 0);
  bar.setTotal(written);
  bar.update(written, { table: 'done' });
  bar.stop();
  const tables = Object.fromEntries(inserter.times);
  return {
    caseIds,
    names,
    counts: Object.fromEntries(Object.entries(tables).map(([table, t]) => [table, t.rows])),
    tables,
    seconds: (performance.now() - began) / 1000,
  };
}

// Scoring an extraction against a hand-made gold annotation, exactly as the development set's
// README ("How to score") prescribes, so that figures are comparable between runs and people:
// spellings are normalised, entities match on any shared spelling, events on type and subject,
// event dates at the gold precision, and counts are pooled over documents (micro-average).
// Pure: text in, figures out.
import anyAscii from 'any-ascii';

// ---------------------------------------------------------------------------------------------
// Shapes

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** The extractor's output (DESIGN.md, "Contracts other parts rely on"). Roles and kinds are kept
 * as plain strings: the score does not look at them. */
export interface Extraction {
  persons: Array<{ name: string; role: string; mentions: Span[] }>;
  organizations: Array<{ name: string; kind: string; mentions: Span[] }>;
  places: Array<{ name: string; kind: string; mentions: Span[] }>;
  events: Array<{
    type: string;
    date: string | null;
    precision: string;
    subject: string | null;
    evidence: Span;
    confidence: number;
  }>;
}

/** A gold file of the development set (its README, "Gold schema"). */
export interface Gold {
  published: string | null;
  persons: Array<{ name: string; mentions: string[]; role: string }>;
  organizations: Array<{ name: string; mentions: string[]; kind: string }>;
  places: Array<{ name: string; mentions: string[]; kind: string }>;
  events: Array<{
    type: string;
    date: string | null;
    date_precision: 'day' | 'month' | 'year' | 'unknown';
    subject: string;
    evidence: string;
  }>;
}

/** Raw counts of one category. */
export interface Counts {
  tp: number;
  extracted: number;
  gold: number;
}

/** Counts with their ratios; a ratio whose denominator is zero is null (undefined, not 0 or 1). */
export interface Metrics extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export const CATEGORIES = ['persons', 'organizations', 'places', 'events', 'eventDates'] as const;
export type Category = (typeof CATEGORIES)[number];
export type EntityCategory = 'persons' | 'organizations' | 'places';

/** An event as shown in debugging lists. */
export interface EventRef {
  type: string;
  subject: string | null;
  date: string | null;
  evidence: string;
}

export interface DateMismatch {
  type: string;
  subject: string;
  gold: string;
  extracted: string | null;
  evidence: string;
}

export interface DocumentScore {
  /** Persons, organizations, places, events; eventDates is the date agreement among matched
   * events with a gold date: tp = agreeing, extracted = gold = such matched events, so its
   * precision, recall and F1 all equal the README's share. */
  counts: Record<Category, Counts>;
  metrics: Record<Category, Metrics>;
  /** Per event type: tp = matched, extracted and gold events of that type. */
  eventTypes: Record<string, Counts>;
  /** Extracted items that matched nothing (entity names; events). */
  falsePositives: { persons: string[]; organizations: string[]; places: string[]; events: EventRef[] };
  /** Gold items that nothing matched. */
  misses: { persons: string[]; organizations: string[]; places: string[]; events: EventRef[] };
  /** Matched events whose gold date is set and whose extracted date does not agree with it. */
  dateMismatches: DateMismatch[];
}

export interface PooledScore {
  documents: number;
  metrics: Record<Category, Metrics>;
  eventTypes: Record<string, Metrics>;
}

// ---------------------------------------------------------------------------------------------
// Spelling normalisation

const CYRILLIC = /\p{Script=Cyrillic}+/gu;

/**
 * A spelling as the README compares it: Unicode NFKD, combining marks dropped, lower-cased,
 * Cyrillic transliterated to Latin (any-ascii; the soft and hard signs, which it writes as
 * apostrophes, give nothing: Ольга → olga), every run of other characters (not a letter or
 * digit) one space, trimmed, and a leading "the", "a" or "an" dropped.
 */
export function normalizeSpelling(spelling: string): string {
  let s = spelling.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(CYRILLIC, (run) => anyAscii(run).replace(/['"]/g, '')).toLowerCase();
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return s.replace(/^(?:the|a|an) (?=\S)/, '');
}

function spellings(name: string, mentions: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const s of [name, ...mentions]) {
    const n = normalizeSpelling(s);
    if (n) set.add(n);
  }
  return set;
}

function shares(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const s of a) if (b.has(s)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Matching

/**
 * Maximum bipartite matching (Kuhn): adjacency[i] lists the gold indices extracted item i may
 * take, most preferred first. Returns, for each extracted item, its gold index or -1; each gold
 * index is used at most once.
 */
function maximumMatching(adjacency: readonly number[][], goldCount: number, initial?: number[]): number[] {
  const goldOwner = new Array<number>(goldCount).fill(-1);
  const match = initial ? [...initial] : new Array<number>(adjacency.length).fill(-1);
  match.forEach((g, i) => { if (g >= 0) goldOwner[g] = i; });
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const g of adjacency[i] ?? []) {
      if (seen[g]) continue;
      seen[g] = true;
      const owner = goldOwner[g]!;
      if (owner < 0 || tryAssign(owner, seen)) {
        goldOwner[g] = i;
        match[i] = g;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < adjacency.length; i++) {
    if (match[i]! < 0) tryAssign(i, new Array<boolean>(goldCount).fill(false));
  }
  return match;
}

interface EntityMatch {
  /** For each extracted entity, the gold index it matched or -1. */
  assignment: number[];
  /** For each extracted entity, the gold indices sharing a spelling, name-to-name first. */
  candidates: number[][];
  goldSpellings: Set<string>[];
}

function matchEntities(
  extracted: ReadonlyArray<{ name: string; mentions: readonly Span[] }>,
  gold: ReadonlyArray<{ name: string; mentions: readonly string[] }>,
): EntityMatch {
  const goldSpellings = gold.map((g) => spellings(g.name, g.mentions));
  const goldNames = gold.map((g) => normalizeSpelling(g.name));
  const candidates = extracted.map((e) => {
    const mine = spellings(e.name, e.mentions.map((m) => m.text));
    const name = normalizeSpelling(e.name);
    const hits = gold.map((_, g) => g).filter((g) => shares(mine, goldSpellings[g]!));
    // Preference: the same canonical name, then the extracted name among gold spellings, then any.
    const rank = (g: number) => (goldNames[g] === name ? 0 : goldSpellings[g]!.has(name) ? 1 : 2);
    return hits.sort((a, b) => rank(a) - rank(b) || a - b);
  });
  return { assignment: maximumMatching(candidates, gold.length), candidates, goldSpellings };
}

/** Gold date met by the extracted date at the gold precision: gold 2019 by 2019 or 2019-06-02. */
export function dateAgrees(gold: string | null, extracted: string | null): boolean {
  if (gold === null || extracted === null) return false;
  return extracted.length >= gold.length && extracted.slice(0, gold.length) === gold;
}

function countsFor(tp: number, extracted: number, gold: number): Counts {
  return { tp, extracted, gold };
}

/** Precision, recall and F1 of counts; null where a denominator is zero. */
export function metrics(c: Counts): Metrics {
  return {
    ...c,
    precision: c.extracted ? c.tp / c.extracted : null,
    recall: c.gold ? c.tp / c.gold : null,
    f1: c.extracted + c.gold ? (2 * c.tp) / (c.extracted + c.gold) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring

const ENTITY_CATEGORIES: readonly EntityCategory[] = ['persons', 'organizations', 'places'];

/** Scores one document's extraction against its gold annotation. */
export function scoreDocument(extraction: Extraction, gold: Gold): DocumentScore {
  const counts = {} as Record<Category, Counts>;
  const falsePositives: DocumentScore['falsePositives'] = { persons: [], organizations: [], places: [], events: [] };
  const misses: DocumentScore['misses'] = { persons: [], organizations: [], places: [], events: [] };
  let personMatch: EntityMatch | undefined;

  for (const category of ENTITY_CATEGORIES) {
    const ext = extraction[category] ?? [];
    const gld = gold[category] ?? [];
    const m = matchEntities(ext, gld);
    if (category === 'persons') personMatch = m;
    const used = new Set(m.assignment.filter((g) => g >= 0));
    m.assignment.forEach((g, i) => { if (g < 0) falsePositives[category].push(ext[i]!.name); });
    gld.forEach((g, i) => { if (!used.has(i)) misses[category].push(g.name); });
    counts[category] = countsFor(used.size, ext.length, gld.length);
  }

  // Subjects. A gold subject is a gold person's name; an extracted subject is resolved through
  // the extracted person of that name (its name and mentions), to the gold person it matched, or
  // failing that to the first gold person sharing a spelling with it.
  const goldPersons = gold.persons ?? [];
  const extPersons = extraction.persons ?? [];
  const goldIndexByName = new Map<string, number>();
  goldPersons.forEach((p, i) => { if (!goldIndexByName.has(p.name)) goldIndexByName.set(p.name, i); });
  goldPersons.forEach((p, i) => {
    const n = normalizeSpelling(p.name);
    if (!goldIndexByName.has(n)) goldIndexByName.set(n, i);
  });
  const goldSubject = (name: string) => goldIndexByName.get(name) ?? goldIndexByName.get(normalizeSpelling(name)) ?? -1;
  const resolved = new Map<string, number>();
  const resolveSubject = (subject: string | null): number => {
    if (subject === null) return -1;
    const known = resolved.get(subject);
    if (known !== undefined) return known;
    let index = -1;
    const exact = extPersons.findIndex((p) => p.name === subject);
    const key = normalizeSpelling(subject);
    const owner = exact >= 0 ? exact : extPersons.findIndex((p) => normalizeSpelling(p.name) === key);
    if (owner >= 0 && personMatch) {
      index = personMatch.assignment[owner]! >= 0 ? personMatch.assignment[owner]! : (personMatch.candidates[owner]![0] ?? -1);
    } else if (key && personMatch) {
      index = personMatch.goldSpellings.findIndex((s) => s.has(key));
    }
    resolved.set(subject, index);
    return index;
  };

  // Events: within one (type, gold subject) group every extracted event may take every gold
  // event, so a maximum matching that first pairs date-agreeing events and then pairs the rest
  // is both as large as possible and agrees on as many dates as possible.
  const extEvents = extraction.events ?? [];
  const goldEvents = gold.events ?? [];
  const groups = new Map<string, { ext: number[]; gold: number[] }>();
  const group = (type: string, subject: number) => {
    const key = `${subject}\u0000${type}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ext: [], gold: [] }));
    return g;
  };
  extEvents.forEach((e, i) => {
    const subject = resolveSubject(e.subject);
    if (subject >= 0) group(e.type, subject).ext.push(i);
  });
  goldEvents.forEach((e, i) => {
    const subject = goldSubject(e.subject);
    if (subject >= 0) group(e.type, subject).gold.push(i);
  });

  const goldOfExt = new Array<number>(extEvents.length).fill(-1);
  for (const { ext, gold: gld } of groups.values()) {
    if (!ext.length || !gld.length) continue;
    const agreeing = ext.map((e) => gld.map((_, j) => j).filter((j) => dateAgrees(goldEvents[gld[j]!]!.date, extEvents[e]!.date)));
    const first = maximumMatching(agreeing, gld.length);
    const taken = new Set(first.filter((j) => j >= 0));
    first.forEach((j, k) => {
      if (j >= 0) return;
      const free = gld.map((_, jj) => jj).filter((jj) => !taken.has(jj));
      if (!free.length) return;
      // Among the rest, pair an undated extraction with an undated gold event where possible.
      const undated = extEvents[ext[k]!]!.date === null;
      const pick = free.find((jj) => (goldEvents[gld[jj]!]!.date === null) === undated) ?? free[0]!;
      first[k] = pick;
      taken.add(pick);
    });
    first.forEach((j, k) => { if (j >= 0) goldOfExt[ext[k]!] = gld[j]!; });
  }

  const eventTypes: Record<string, Counts> = {};
  const typeCounts = (type: string) => (eventTypes[type] ??= countsFor(0, 0, 0));
  const dateMismatches: DateMismatch[] = [];
  const matchedGold = new Set<number>();
  let dated = 0;
  let datesAgree = 0;
  extEvents.forEach((e, i) => {
    typeCounts(e.type).extracted++;
    const g = goldOfExt[i]!;
    if (g < 0) {
      falsePositives.events.push({ type: e.type, subject: e.subject, date: e.date, evidence: e.evidence?.text ?? '' });
      return;
    }
    matchedGold.add(g);
    typeCounts(e.type).tp++;
    const ge = goldEvents[g]!;
    if (ge.date !== null) {
      dated++;
      if (dateAgrees(ge.date, e.date)) datesAgree++;
      else dateMismatches.push({ type: ge.type, subject: ge.subject, gold: ge.date, extracted: e.date, evidence: ge.evidence });
    }
  });
  goldEvents.forEach((e, i) => {
    typeCounts(e.type).gold++;
    if (!matchedGold.has(i)) misses.events.push({ type: e.type, subject: e.subject, date: e.date, evidence: e.evidence });
  });
  counts.events = countsFor(matchedGold.size, extEvents.length, goldEvents.length);
  counts.eventDates = countsFor(datesAgree, dated, dated);

  return {
    counts,
    metrics: Object.fromEntries(CATEGORIES.map((c) => [c, metrics(counts[c])])) as Record<Category, Metrics>,
    eventTypes,
    falsePositives,
    misses,
    dateMismatches,
  };
}

/** Pools document scores by summing their counts (micro-average), overall and per event type. */
export function pool(results: readonly DocumentScore[]): PooledScore {
  const sum = (items: Counts[]) => items.reduce((a, c) => countsFor(a.tp + c.tp, a.extracted + c.extracted, a.gold + c.gold), countsFor(0, 0, 0));
  const types = [...new Set(results.flatMap((r) => Object.keys(r.eventTypes)))].sort();
  return {
    documents: results.length,
    metrics: Object.fromEntries(CATEGORIES.map((c) => [c, metrics(sum(results.map((r) => r.counts[c])))])) as Record<Category, Metrics>,
    eventTypes: Object.fromEntries(types.map((t) => [t, metrics(sum(results.flatMap((r) => r.eventTypes[t] ?? [])))])),
  };
}

// The report: a table per store (and one for extraction) on stdout, the targets with PASS/MISS,
// and the same figures as JSON in .bench/results-<store>.json and .bench/results-extraction.json
// for comparing runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractionResult, ImportFigures, MemorySample, ThroughputFigures } from './extraction.ts';
import type { Generated } from './generate.ts';
import type { SearchFigures, TimelineFigures } from './measure.ts';
import type { Summary } from './stats.ts';
import type { StandardsFigures } from './standards.ts';
import type { StoreKind } from './stores.ts';
import { RANKED_CANDIDATES } from '../src/store/search.ts';

export interface StoreResult {
  store: StoreKind;
  location: string;
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  quick: boolean;
  seed: number;
  data: Generated['counts'];
  generation: { seconds: number; tables: Generated['tables']; maintainSeconds: number };
  timeline: TimelineFigures;
  search: SearchFigures;
  standards: StandardsFigures;
  targets: Target[];
}

export interface Target {
  name: string;
  /** The store the target holds on; none for extraction alone. */
  store?: StoreKind;
  limit: number;
  unit: string;
  measured: number;
  pass: boolean;
}

/** The targets of the issue; each holds on one store only. */
export function evaluateTargets(store: StoreKind, timeline: TimelineFigures, search: SearchFigures, standards: StandardsFigures): Target[] {
  if (store === 'postgres') {
    return [
      { name: 'timeline p95 ≤ 15 ms (PostgreSQL)', store, limit: 15, unit: 'ms', measured: timeline.http.p95, pass: timeline.http.p95 <= 15 },
      { name: 'timeline ≥ 1,500 req/s (PostgreSQL)', store, limit: 1500, unit: 'req/s', measured: timeline.http.perSecond!, pass: timeline.http.perSecond! >= 1500 },
    ];
  }
  return [
    { name: 'search p95 ≤ 50 ms (embedded)', store, limit: 50, unit: 'ms', measured: search.http.all.p95, pass: search.http.all.p95 <= 50 },
    {
      name: `all rules over ${standards.cases.toLocaleString('en-GB')} cases ≤ 5 s (embedded)`, store, limit: 5, unit: 's',
      measured: standards.steadyRunSeconds, pass: standards.steadyRunSeconds <= 5,
    },
    { name: 're-evaluating one case p95 ≤ 10 ms (embedded)', store, limit: 10, unit: 'ms', measured: standards.oneCase.p95, pass: standards.oneCase.p95 <= 10 },
  ];
}

/** Issue 3's speed targets: extraction on one core, and import end to end into the embedded store. */
export function evaluateExtractionTargets(throughput: ThroughputFigures, imported: ImportFigures): Target[] {
  return [
    { name: 'extraction ≥ 200 docs/s (one core)', limit: 200, unit: 'docs/s', measured: throughput.docsPerSecond, pass: throughput.docsPerSecond >= 200 },
    { name: 'import ≥ 100 docs/s (embedded)', store: 'embedded', limit: 100, unit: 'docs/s', measured: imported.docsPerSecond, pass: imported.docsPerSecond >= 100 },
  ];
}

const n = (x: number | null | undefined, digits = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const int = (x: number | null | undefined) => n(x, 0);

function row(label: string, s: Summary): string {
  return `  ${label.padEnd(46)}${int(s.n).padStart(7)}${n(s.p50, 2).padStart(9)}${n(s.p95, 2).padStart(9)}${n(s.p99, 2).padStart(9)}` +
    `${n(s.mean, 2).padStart(9)}${n(s.max, 1).padStart(9)}${int(s.perSecond).padStart(9)}`;
}

export function formatReport(r: StoreResult): string {
  const title = r.store === 'postgres' ? 'PostgreSQL server' : 'embedded store (PGlite)';
  const d = r.data;
  const lines = [
    '',
    `=== ${title}${r.quick ? ' — QUICK (1/10 data)' : ''}: ${r.location} ===`,
    `data: ${int(d.cases)} cases · ${int(d.persons)} persons (${int(d.entity_names)} spellings) · ${int(d.events)} events · ` +
      `${int(d.sources)} sources · ${int(d.claims)} claims · ${int(d.event_participants)} participants`,
    `generation: ${n(r.generation.seconds)} s (` +
      Object.entries(r.generation.tables).filter(([, t]) => t.ms > 500)
        .map(([table, t]) => `${table} ${n(t.ms / 1000)} s`).join(', ') +
      `) · maintain (VACUUM/ANALYZE) ${n(r.generation.maintainSeconds)} s`,
    '',
    `  ${'latency in ms'.padEnd(46)}${'n'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'mean'.padStart(9)}${'max'.padStart(9)}${'per s'.padStart(9)}`,
    'case timeline, 16 in flight',
    row('HTTP GET /api/cases/{id}/timeline', r.timeline.http),
    row("bare: caseTimeline's events SQL via db.query", r.timeline.bareEventsQuery),
    row(`direct: caseTimeline() (${r.timeline.caseTimelineQueries} ${r.timeline.caseTimelineQueries === 1 ? 'query' : 'queries'})`, r.timeline.caseTimelineDirect),
    `  ${'ratio HTTP / bare'.padEnd(53)}${`${n(r.timeline.ratio.p50, 1)}×`.padStart(9)}${`${n(r.timeline.ratio.p95, 1)}×`.padStart(9)}` +
      `${''.padStart(27)}${`${n(r.timeline.ratio.throughput, 2)}×`.padStart(9)}`,
    `  (${n(r.timeline.meanEventsPerTimeline)} events and ${int(r.timeline.http.meanResponseBytes)} bytes per timeline on average)`,
    'search, 1 in flight',
    row(`HTTP GET /api/search, all queries`, r.search.http.all),
    row('  … names (Latin, Cyrillic, typos)', r.search.http.names),
    row('  … full text (1–2 words)', r.search.http.text),
    row('direct: search() as the route calls it, all', r.search.direct.all),
    row('  … names', r.search.direct.names),
    row('  … full text', r.search.direct.text),
    row('direct: searchPeople alone, all queries', r.search.direct.searchPeople),
    row('direct: searchText alone, all queries', r.search.direct.searchText),
    row('bare: SELECT 1 via db.query', r.search.selectOne),
    row('HTTP GET /api/health (SELECT 1, no auth)', r.search.httpHealth),
    `  (name queries that found nobody: ${r.search.emptyAnswers.names}, of which typos ${r.search.emptyAnswers.misspelt}; ` +
      `text queries with no hit: ${r.search.emptyAnswers.text})`,
    `  (a text query matches on average ${int(r.search.textMatches.sources)} sources (${n(r.search.textMatches.sourcesShare)} %) ` +
      `and ${int(r.search.textMatches.events)} events (${n(r.search.textMatches.eventsShare)} %); the first ${RANKED_CANDIDATES} of each are ranked)`,
    'standards, every rule',
    `  all ${int(r.standards.cases)} cases: first run ${n(r.standards.firstRunSeconds, 2)} s (opened ${int(r.standards.opened)} alerts), ` +
      `then ${n(r.standards.steadyRunSeconds, 2)} s with nothing changed`,
    row('one case re-evaluated, in its own transaction', r.standards.oneCase),
    row('bare: a transaction with SELECT 1', r.standards.baseline),
    `  ${'ratio one case / bare'.padEnd(53)}${`${n(r.standards.oneCase.p50 / r.standards.baseline.p50, 1)}×`.padStart(9)}` +
      `${`${n(r.standards.oneCase.p95 / r.standards.baseline.p95, 1)}×`.padStart(9)}`,
    '',
    'targets',
    ...r.targets.map(formatTarget),
    // Which half of the query mix decides the search figure, so that a MISS points at the right query.
    `  (search p95 by kind: names ${n(r.search.http.names.p95, 2)} ms, full text ${n(r.search.http.text.p95, 2)} ms)`,
  ];
  return lines.join('\n');
}

export function formatTarget(t: Target): string {
  return `  ${t.pass ? 'PASS' : 'MISS'}  ${t.name.padEnd(40)} measured ${n(t.measured, t.unit === 'ms' ? 2 : 0)} ${t.unit}`;
}

const kb = (bytes: number) => n(bytes / 1024, 0);

export function formatExtractionReport(r: ExtractionResult): string {
  const t = r.throughput;
  const i = r.import;
  const m = r.memory;
  const mem = (label: string, key: keyof Omit<MemorySample, 'documents'>, flat: boolean | null, max: number | null) =>
    `  ${label.padEnd(30)}${n(m.before[key]).padStart(9)}${n(m.first[key]).padStart(14)}${n(m.last[key]).padStart(9)}${n(max).padStart(9)}` +
    `${`${n(m.first[key] ? m.last[key]! / m.first[key]! : null, 2)}×`.padStart(12)}${(flat === null ? '–' : flat ? 'yes' : 'NO').padStart(7)}`;
  const lines = [
    '',
    `=== extraction${r.quick ? ' — QUICK (1/10 counts)' : ''}: ${r.machine.cpu} (${r.machine.cpus} CPUs), Node ${r.machine.node} ===`,
    `articles: generated news-style English, ${int(t.meanBytes)} bytes on average (${int(t.minBytes)}–${int(t.maxBytes)}); ` +
      `found per article: ${n(t.found.persons)} persons · ${n(t.found.organizations)} organisations · ${n(t.found.places)} places · ` +
      `${n(t.found.events)} events${t.empty ? ` · ${int(t.empty)} articles with nothing found` : ''}`,
    '',
    `  ${'latency in ms'.padEnd(46)}${'n'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'mean'.padStart(9)}${'max'.padStart(9)}${'per s'.padStart(9)}`,
    `extraction in this process, one core, after ${int(t.warmUp)} warm-up articles`,
    row('extract(text, { published })', t.latency),
    `  (${int(t.documents)} articles, ${kb(t.bytes)} KB in ${n(t.seconds, 2)} s: ${n(t.docsPerSecond)} docs/s, ${n(t.kbPerSecond)} KB/s; ` +
      `CPU ${n(t.cpuSeconds, 2)} s = ${n(t.cores, 2)} cores)`,
    `import into a fresh embedded store as habeas import does, ${int(i.perTransaction)} to a transaction, after ${int(i.warmUp)} warm-up articles`,
    row(`importDocuments: a transaction of ${int(i.perTransaction)}`, i.latency),
    `  (${int(i.documents)} plain-text files, ${kb(i.bytes)} KB in ${n(i.seconds, 2)} s: ${n(i.docsPerSecond)} docs/s, ${n(i.kbPerSecond)} KB/s; ` +
      `${int(i.suggestions)} suggestions, ${n(i.suggestions / i.documents)} per article; ${int(i.duplicates)} duplicates; filed under ${int(i.cases)} cases)`,
    `  (store afterwards: ${int(i.rows.sources)} sources, ${int(i.rows.suggestions)} suggestions)`,
    `  (per article: ${n(i.perDocument.queries)} queries in ${n(i.perDocument.transactions)} transactions, ${n(i.perDocument.queryMs, 2)} ms awaiting them, ` +
      `${n(i.perDocument.otherMs, 2)} ms the rest: intake, extraction, BEGIN/COMMIT, JS)`,
    '  most time per article in:',
    ...i.topQueries.map((q) => `    ${n(q.msPerDocument, 2).padStart(7)} ms ${n(q.perDocument).padStart(6)}×  ${q.sql}`),
    `then into the same store one at a time, each in its own transaction, as an upload does`,
    row('importDocument (intake, source, suggestions)', i.single.latency),
    `  (${int(i.single.documents)} plain-text files: ${n(i.single.docsPerSecond)} docs/s; ${n(i.single.queriesPerDocument)} queries per article)`,
    '',
    `memory over ${int(m.documents)} extractions (${n(m.seconds)} s), sampled every ${int(m.sampleEvery)} articles; flat: last ≤ 1.2 × first`,
    `  ${'MB'.padEnd(30)}${'before'.padStart(9)}${`after ${int(m.first.documents)}`.padStart(14)}${'last'.padStart(9)}${'max'.padStart(9)}` +
      `${'last/first'.padStart(12)}${'flat'.padStart(7)}`,
    mem('RSS', 'rssMB', m.flat.rss, m.max.rssMB),
    mem('heap used', 'heapUsedMB', m.flat.heapUsed, m.max.heapUsedMB),
    ...(m.flat.liveHeap === null ? [] : [mem('heap used after a full GC', 'liveHeapMB', m.flat.liveHeap, m.max.liveHeapMB)]),
    `  (RSS by sample: ${m.samples.map((s) => int(s.rssMB)).join(' ')})`,
    '',
    'targets',
    ...r.targets.map(formatTarget),
  ];
  return lines.join('\n');
}

export function writeJson(name: string, data: unknown): string {
  const dir = fileURLToPath(new URL('../.bench/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}${name}`;
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** Written next to the repository root; `.bench/` is git-ignored. */
export function writeResults(r: StoreResult): string {
  return writeJson(`results-${r.store}.json`, r);
}

export function writeExtractionResults(r: ExtractionResult): string {
  return writeJson('results-extraction.json', r);
}

// The report: a table per store on stdout, the targets with PASS/MISS, and the same figures as
// JSON in .bench/results-<store>.json for comparing runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Generated } from './generate.ts';
import type { SearchFigures, TimelineFigures } from './measure.ts';
import type { Summary } from './stats.ts';
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
  targets: Target[];
}

export interface Target {
  name: string;
  store: StoreKind;
  limit: number;
  unit: string;
  measured: number;
  pass: boolean;
}

/** The targets of the issue; each holds on one store only. */
export function evaluateTargets(store: StoreKind, timeline: TimelineFigures, search: SearchFigures): Target[] {
  if (store === 'postgres') {
    return [
      { name: 'timeline p95 ≤ 15 ms (PostgreSQL)', store, limit: 15, unit: 'ms', measured: timeline.http.p95, pass: timeline.http.p95 <= 15 },
      { name: 'timeline ≥ 1,500 req/s (PostgreSQL)', store, limit: 1500, unit: 'req/s', measured: timeline.http.perSecond!, pass: timeline.http.perSecond! >= 1500 },
    ];
  }
  return [
    { name: 'search p95 ≤ 50 ms (embedded)', store, limit: 50, unit: 'ms', measured: search.http.all.p95, pass: search.http.all.p95 <= 50 },
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
    '',
    'targets',
    ...r.targets.map((t) => `  ${t.pass ? 'PASS' : 'MISS'}  ${t.name.padEnd(40)} measured ${n(t.measured, t.unit === 'ms' ? 2 : 0)} ${t.unit}`),
    // Which half of the query mix decides the search figure, so that a MISS points at the right query.
    `  (search p95 by kind: names ${n(r.search.http.names.p95, 2)} ms, full text ${n(r.search.http.text.p95, 2)} ms)`,
  ];
  return lines.join('\n');
}

/** Written next to the repository root; `.bench/` is git-ignored. */
export function writeResults(r: StoreResult): string {
  const dir = fileURLToPath(new URL('../.bench/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}results-${r.store}.json`;
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

// The measurements: each HTTP figure beside a bare-query baseline taken in the same run on the
// same store, so that the gap between them (routing, auth, validation, serialisation, the extra
// queries a route makes) is visible rather than guessed.
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../src/store/db.ts';
import { caseTimeline } from '../src/server/routes/cases.ts';
import { buildApp } from '../src/server/app.ts';
import { search, searchPeople, searchText } from '../src/store/search.ts';
import { HttpLoad, runConcurrent } from './load.ts';
import { misspell, type GeneratedName } from './names.ts';
import { Rng } from './random.ts';
import { summarise, type Summary } from './stats.ts';
import type { BenchStore } from './stores.ts';
import { SEARCH_WORDS } from './words.ts';

/**
 * The SQL caseTimeline (src/server/routes/cases.ts) runs, captured by calling it once through a
 * recording Queryable: the baseline is then the route's very query however the route evolves,
 * where a copy of the SQL here would silently drift. Its main query is the one that reads events.
 */
export async function captureTimelineSql(db: Queryable, userId: string, caseId: string) {
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const recorder: Queryable = {
    query: (sql, params = []) => {
      seen.push({ sql, params });
      return db.query(sql, params);
    },
  };
  await caseTimeline(recorder, userId, caseId);
  const main = seen.find((q) => /\bFROM events\b/i.test(q.sql)) ?? seen[0];
  if (!main) throw new Error('caseTimeline ran no query');
  return {
    sql: main.sql,
    /** The captured parameters with another case's id in place of the probe's. */
    params: (id: string) => main.params.map((p) => (p === caseId ? id : p)),
    queries: seen.length,
  };
}

const CONCURRENCY = 16;
const TIMELINE_MAX_REQUESTS = 5_000;
const TIMELINE_MAX_MS = 10_000;
const WARM_UP_REQUESTS = 300;
const SEARCH_LIMIT = 20; // the route's default

export interface Server {
  app: FastifyInstance;
  url: string;
  cookie: string;
}

/** The real app on the bench store, on a free port of 127.0.0.1, with an admin session. */
export async function startBenchServer(store: BenchStore): Promise<Server> {
  const app = await buildApp(store.db, store.config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('the server has no address');
  const url = `http://127.0.0.1:${address.port}`;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: store.adminPassword }),
  });
  const setCookie = res.headers.get('set-cookie');
  if (res.status !== 200 || !setCookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return { app, url, cookie: setCookie.split(';')[0]! };
}

export interface TimelineFigures {
  http: Summary & { statuses: Record<string, number>; meanResponseBytes: number };
  /** The route's main SQL alone, 16 concurrent callers through db.query. */
  bareEventsQuery: Summary;
  /** caseTimeline() called directly (its queries and the assembly of the answer), 16 concurrent callers. */
  caseTimelineDirect: Summary;
  /** How many queries caseTimeline makes (the route adds the session lookup). */
  caseTimelineQueries: number;
  ratio: { p50: number; p95: number; throughput: number };
  meanEventsPerTimeline: number;
}

export async function measureTimeline(store: BenchStore, server: Server, load: HttpLoad, caseIds: string[], seed: number): Promise<TimelineFigures> {
  const rng = new Rng(seed);
  const ids = Array.from({ length: TIMELINE_MAX_REQUESTS }, () => rng.pick(caseIds));
  const warmIds = Array.from({ length: WARM_UP_REQUESTS }, () => rng.pick(caseIds));

  // Does the route answer what we think it answers? A bench of 404s would look very fast.
  const probe = await fetch(`${server.url}/api/cases/${ids[0]}/timeline`, { headers: { cookie: server.cookie } });
  const body = (await probe.json()) as { items?: unknown[] };
  if (probe.status !== 200 || !body.items?.length) throw new Error(`timeline probe failed: ${probe.status} ${JSON.stringify(body).slice(0, 300)}`);

  const job = { base: server.url, cookie: server.cookie, concurrency: CONCURRENCY };
  await load.run({ ...job, paths: warmIds.map((id) => `/api/cases/${id}/timeline`), maxRequests: WARM_UP_REQUESTS, maxMs: 10_000 });
  const http = await load.run({ ...job, paths: ids.map((id) => `/api/cases/${id}/timeline`), maxRequests: TIMELINE_MAX_REQUESTS, maxMs: TIMELINE_MAX_MS });
  if (http.errors > 0) throw new Error(`timeline over HTTP: ${http.errors} failed requests (${JSON.stringify(http.statuses)})`);
  const httpSummary = summarise(http.latencies, http.elapsedMs, http.errors);

  const bounds = { concurrency: CONCURRENCY, maxCount: TIMELINE_MAX_REQUESTS, maxMs: TIMELINE_MAX_MS };
  const main = await captureTimelineSql(store.db, store.adminId, ids[0]!);
  await runConcurrent((i) => store.db.query(main.sql, main.params(warmIds[i % warmIds.length]!)), { ...bounds, maxCount: WARM_UP_REQUESTS });
  let events = 0;
  const bare = await runConcurrent(async (i) => {
    const rows = await store.db.query(main.sql, main.params(ids[i]!));
    events += rows.length;
  }, bounds);
  const direct = await runConcurrent((i) => caseTimeline(store.db, store.adminId, ids[i]!), bounds);
  const bareSummary = summarise(bare.latencies, bare.elapsedMs, bare.errors);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    http: { ...httpSummary, statuses: http.statuses, meanResponseBytes: Math.round(http.bytes / (http.latencies.length || 1)) },
    bareEventsQuery: bareSummary,
    caseTimelineDirect: summarise(direct.latencies, direct.elapsedMs, direct.errors),
    caseTimelineQueries: main.queries,
    ratio: {
      p50: ratio(httpSummary.p50, bareSummary.p50),
      p95: ratio(httpSummary.p95, bareSummary.p95),
      throughput: ratio(httpSummary.perSecond!, bareSummary.perSecond!),
    },
    meanEventsPerTimeline: Math.round((events / (bare.latencies.length || 1)) * 10) / 10,
  };
}

export interface SearchQuery {
  q: string;
  kind: 'name' | 'text';
  /** How the name query was made, for reading the figures: latin, cyrillic, misspelt, variant, full. */
  form: string;
}

/** 300 name queries (Latin and Cyrillic surnames, other romanisations, typos, full names) and 100 of 1–2 words. */
export function searchQueries(names: GeneratedName[], seed: number, nameCount = 300, textCount = 100): SearchQuery[] {
  const rng = new Rng(seed);
  const queries: SearchQuery[] = [];
  for (let i = 0; i < nameCount; i++) {
    const n = rng.pick(names);
    const form = rng.weighted([['latin', 35], ['cyrillic', 25], ['misspelt', 20], ['variant', 10], ['full', 10]] as const);
    const q = form === 'latin' ? n.surnameLatin
      : form === 'cyrillic' ? n.surnameCyrillic
      : form === 'misspelt' ? misspell(rng, n.surnameLatin)
      : form === 'variant' ? rng.pick(n.surnameVariants)
      : rng.pick([n.canonical, ...n.aliases]);
    queries.push({ q, kind: 'name', form });
  }
  for (let i = 0; i < textCount; i++) {
    const words = Array.from({ length: rng.int(1, 2) }, () => rng.pick(SEARCH_WORDS));
    queries.push({ q: words.join(' '), kind: 'text', form: `${words.length} word${words.length > 1 ? 's' : ''}` });
  }
  return rng.shuffle(queries);
}

export interface SearchFigures {
  http: { all: Summary; names: Summary; text: Summary };
  direct: {
    /** search(), as the route calls it: the database work of one search. */
    all: Summary; names: Summary; text: Summary;
    searchPeople: Summary; searchText: Summary;
  };
  selectOne: Summary;
  httpHealth: Summary;
  queries: number;
  /** Name queries that found nobody (of which typos), text queries with no hit. */
  emptyAnswers: { names: number; misspelt: number; text: number };
  /** How much a 1–2 word query matches: ranking cost grows with it (mean over 10 of the text queries). */
  textMatches: { sources: number; events: number; sourcesShare: number; eventsShare: number };
}

export async function measureSearch(store: BenchStore, server: Server, load: HttpLoad, queries: SearchQuery[]): Promise<SearchFigures> {
  const path = (q: string) => `/api/search?q=${encodeURIComponent(q)}`;
  const job = { base: server.url, cookie: server.cookie, concurrency: 1, maxMs: 600_000 };
  const warm = queries.slice(0, 40);
  await load.run({ ...job, paths: warm.map((s) => path(s.q)), maxRequests: warm.length });

  // One in flight: the latency a person typing into the search box sees.
  const http = await load.run({ ...job, paths: queries.map((s) => path(s.q)), maxRequests: queries.length });
  if (http.errors > 0) throw new Error(`search over HTTP: ${http.errors} failed requests (${JSON.stringify(http.statuses)})`);
  const pick = (values: number[], kind: SearchQuery['kind']) => values.filter((_, i) => queries[i]!.kind === kind);

  const people: number[] = [];
  const text: number[] = [];
  const both: number[] = [];
  const emptyAnswers = { names: 0, misspelt: 0, text: 0 };
  for (const s of queries) {
    const t0 = performance.now();
    await searchPeople(store.db, store.adminId, s.q, SEARCH_LIMIT);
    const t1 = performance.now();
    const t = await searchText(store.db, store.adminId, s.q, ['source', 'event'], SEARCH_LIMIT);
    const t2 = performance.now();
    const { items: answer } = await search(store.db, store.adminId, s.q, {}, SEARCH_LIMIT);
    people.push(t1 - t0);
    text.push(t2 - t1);
    both.push(performance.now() - t2);
    // As a person sees it: the route's answer, with its loose pass for typing slips.
    if (s.kind === 'name' && !answer.some((hit) => hit.kind === 'person')) {
      emptyAnswers.names += 1;
      if (s.form === 'misspelt') emptyAnswers.misspelt += 1;
    }
    if (s.kind === 'text' && t.length === 0) emptyAnswers.text += 1;
  }

  const ones: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const t0 = performance.now();
    await store.db.query('SELECT 1');
    ones.push(performance.now() - t0);
  }
  const sample = queries.filter((s) => s.kind === 'text').slice(0, 10);
  const matches = { sources: 0, events: 0 };
  for (const s of sample) {
    const [row] = await store.db.query<{ sources: number; events: number }>(
      `SELECT (SELECT count(*) FROM sources WHERE search @@ websearch_to_tsquery('english', $1)) AS sources,
              (SELECT count(*) FROM events WHERE search @@ websearch_to_tsquery('english', $1)) AS events`, [s.q]);
    matches.sources += row!.sources / sample.length;
    matches.events += row!.events / sample.length;
  }
  const [totals] = await store.db.query<{ sources: number; events: number }>(
    'SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM events) AS events');
  const health = await load.run({ ...job, paths: ['/api/health'], maxRequests: 500 });

  return {
    http: { all: summarise(http.latencies, null), names: summarise(pick(http.latencies, 'name'), null), text: summarise(pick(http.latencies, 'text'), null) },
    direct: {
      all: summarise(both, null), names: summarise(pick(both, 'name'), null), text: summarise(pick(both, 'text'), null),
      searchPeople: summarise(people, null), searchText: summarise(text, null),
    },
    selectOne: summarise(ones, null),
    httpHealth: summarise(health.latencies, null),
    queries: queries.length,
    emptyAnswers,
    textMatches: {
      sources: Math.round(matches.sources), events: Math.round(matches.events),
      sourcesShare: Math.round((matches.sources / totals!.sources) * 1000) / 10,
      eventsShare: Math.round((matches.events / totals!.events) * 1000) / 10,
    },
  };
}

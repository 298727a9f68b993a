// `npm run bench -- --only web`: the web app in Debian's chromium (playwright-core) against the real
// server on a fresh embedded store with the synthetic case load, measuring what a person feels:
//  - search: from the last keystroke typed into /search to its results rendered (the results'
//    element carries the query it shows and whether it is settled; the time is taken in the page,
//    at the first animation frame after the DOM shows them), over varied names typed key by key;
//  - the case page of a case with 500 events: from navigation start to the 500th event rendered.
// Each beside a baseline taken in the same page and process: a GET /api/auth/me round trip by
// fetch() (what any answer from the server costs at least), given as ratios and absolute ms.
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import { hasChromium, launch } from '../test/browser/support.ts';
import { buildWeb } from '../web/build.ts';
import { parsePreciseDate } from '../src/domain/dates.ts';
import { EVENT_TYPES } from '../src/domain/vocabularies.ts';
import { createRecord } from '../src/store/records.ts';
import type { BenchArgs } from './args.ts';
import { generate, sizesFor } from './generate.ts';
import { startBenchServer } from './measure.ts';
import { misspell } from './names.ts';
import { Rng } from './random.ts';
import { formatTarget, writeJson, type Target } from './report.ts';
import { summarise, type Summary } from './stats.ts';
import { openBenchStore, type BenchStore } from './stores.ts';

/** The targets: search answers within 150 ms of the last keystroke; a 500-event case page within 1 s. */
export const SEARCH_TARGET_MS = 150;
export const CASE_PAGE_TARGET_MS = 1_000;
const TIMELINE_EVENTS = 500;
const SEARCHES = 30;
/** Milliseconds between keystrokes: a quick typist. */
const KEY_DELAY = 90;

export interface WebResult {
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  data: { cases: number; timelineEvents: number };
  baseline: { authMe: Summary };
  search: {
    lastKeyToResults: Summary; queries: string[]; keyDelayMs: number; emptyAnswers: number;
    /** Where the time went, medians: last key → request start, the request, answer → frame shown. */
    parts: { wait: number; request: number; render: number };
    perQuery: Array<{ q: string; ms: number; hits: number }>;
  };
  casePage: { navigationToTimeline: Summary; events: number };
  ratios: { searchP50: number; searchP95: number; casePageP50: number };
  targets: Target[];
}

/** A case with exactly TIMELINE_EVENTS events of mixed types and dates, written in bulk (the API would audit each). */
export async function bigCase(store: BenchStore, rng: Rng): Promise<string> {
  const actor = { userId: store.adminId };
  const person = await createRecord(store.db, actor, 'person', { canonicalName: 'Timur Beishenaliev', aliases: ['Тимур Бейшеналиев'] });
  const c = await createRecord(store.db, actor, 'case', {
    subjectPersonId: person.id, status: 'detained', confidentiality: 'internal', country: 'KG',
  });
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
  for (let i = 0; i < TIMELINE_EVENTS; i++) {
    const year = rng.int(2015, 2025);
    const text = rng.chance(0.7) ? `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : String(year);
    const d = parsePreciseDate(text);
    const values = [randomUUID(), c.id, rng.pick(EVENT_TYPES), d.text, d.earliest, d.latest, d.precision,
      `Entry ${i + 1} of the bench timeline: what happened, as a source told it, in a sentence or two.`, store.adminId];
    values.forEach((v, k) => cols[k]!.push(v));
  }
  await store.db.query(
    `INSERT INTO events (id, case_id, type, date, date_earliest, date_latest, date_precision, description, created_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[], $9::uuid[])`,
    cols,
  );
  return c.id as string;
}

/** GET /api/auth/me from the page, `n` times, one after another. */
async function authMeRoundTrips(page: Page, n: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
      await res.text();
      out.push(performance.now() - t0);
    }
    return out;
  }, n);
}

/**
 * Types `q` into the empty search box key by key and answers the milliseconds from the last
 * keystroke (its input event) to the first frame that shows the settled results for `q`, and how many hits it shows.
 */
interface Timed {
  ms: number;
  hits: number;
  /** From the last keystroke to the request's start (the throttle, and the page's work). */
  wait: number;
  /** The request, as the browser saw it (the server's work and any request still ahead of it). */
  request: number;
  /** From the answer to the frame that shows it. */
  render: number;
}

async function timeSearch(page: Page, q: string): Promise<Timed> {
  const box = page.getByRole('searchbox');
  await box.fill('');
  await page.getByText('Type a name as any source spells it').waitFor();
  await page.evaluate((target) => {
    const w = globalThis as any;
    const doc = w.document;
    w.__bench = { lastKey: 0, shown: 0, hits: 0 };
    const input = doc.querySelector('input[type="search"]');
    // 'input', not 'keydown': a character outside the keyboard layout (Cyrillic) is inserted without key events.
    input.addEventListener('input', () => (w.__bench.lastKey = performance.now()), { capture: true });
    const observer = new w.MutationObserver(() => {
      const el = doc.querySelector('[data-testid="search-results"]');
      if (!el || el.dataset.q !== target || el.dataset.state !== 'done' || w.__bench.shown) return;
      observer.disconnect();
      w.__bench.hits = el.querySelectorAll('[data-testid="search-hit"]').length;
      w.requestAnimationFrame(() => (w.__bench.shown = performance.now()));
    });
    observer.observe(doc.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-q', 'data-state'] });
  }, q);
  await box.pressSequentially(q, { delay: KEY_DELAY });
  await page.waitForFunction(() => (globalThis as any).__bench.shown > 0, undefined, { timeout: 30_000 });
  const { lastKey, shown, hits, start, end } = await page.evaluate((target) => {
    const w = globalThis as any;
    // The request for the final query, from the browser's resource timing: where the time went.
    const entry = (w.performance.getEntriesByType('resource') as any[])
      .filter((e) => new URL(e.name).pathname === '/api/search' && new URL(e.name).searchParams.get('q') === target).at(-1);
    return { ...w.__bench, start: entry?.startTime ?? NaN, end: entry?.responseEnd ?? NaN } as
      { lastKey: number; shown: number; hits: number; start: number; end: number };
  }, q);
  return { ms: shown - lastKey, hits, wait: start - lastKey, request: end - start, render: shown - end };
}

/** Distinct queries of varied forms: Latin and Cyrillic surnames, other romanisations, typos, full names. */
function webQueries(names: Awaited<ReturnType<typeof generate>>['names'], rng: Rng): string[] {
  const out = new Set<string>();
  while (out.size < SEARCHES) {
    const n = rng.pick(names);
    const form = rng.weighted([['latin', 35], ['cyrillic', 25], ['misspelt', 15], ['variant', 10], ['full', 15]] as const);
    out.add(form === 'latin' ? n.surnameLatin
      : form === 'cyrillic' ? n.surnameCyrillic
      : form === 'misspelt' ? misspell(rng, n.surnameLatin)
      : form === 'variant' ? rng.pick(n.surnameVariants)
      : n.canonical);
  }
  return [...out];
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;

export async function benchWeb(args: BenchArgs, { log, open }: { log: (m: string) => void; open: Set<BenchStore> }): Promise<WebResult | null> {
  if (!hasChromium) {
    log('[web] skipped: /usr/bin/chromium is missing (apt-get install -y --no-install-recommends chromium)');
    return null;
  }
  const startedAt = new Date().toISOString();
  if (await buildWeb({ quiet: true })) log('[web] built the web app');
  const store = await openBenchStore('embedded');
  open.add(store);
  const rng = new Rng(args.seed + 7);
  try {
    log(`[web] ${store.location}; generating ${args.cases.toLocaleString('en-GB')} cases`);
    const generated = await generate(store.db, store.adminId, sizesFor(args.cases), args.seed);
    const bigCaseId = await bigCase(store, rng);
    await store.db.maintain();
    const server = await startBenchServer(store);
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
      const [name, value] = server.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.url }]);
      const page = await context.newPage();
      await page.goto('/search');
      await page.getByRole('searchbox').waitFor();
      // Warm up the server's prepared statements and the page's code on queries not measured.
      for (const q of ['warm', 'Иванов']) await timeSearch(page, q).catch(() => {});
      const baseline = await authMeRoundTrips(page, 30);

      const queries = webQueries(generated.names, rng);
      log(`[web] typing ${queries.length} searches into /search, ${KEY_DELAY} ms between keys`);
      const timed: Array<Timed & { q: string }> = [];
      for (const q of queries) timed.push({ q, ...await timeSearch(page, q) });
      const searchMs = timed.map((x) => x.ms);
      const median = (key: 'wait' | 'request' | 'render') => summarise(timed.map((x) => x[key]).filter(Number.isFinite), null).p50;
      baseline.push(...await authMeRoundTrips(page, 30));

      log(`[web] opening the case page of a case with ${TIMELINE_EVENTS} events`);
      await context.addInitScript((n: number) => {
        const w = globalThis as any;
        w.__timelineAt = 0;
        const observer = new w.MutationObserver(() => {
          if (w.document.querySelectorAll('[data-testid="timeline-event"]').length < n) return;
          observer.disconnect();
          w.requestAnimationFrame(() => (w.__timelineAt = performance.now()));
        });
        observer.observe(w.document, { subtree: true, childList: true });
      }, TIMELINE_EVENTS);
      const caseMs: number[] = [];
      for (let i = 0; i < 6; i++) {
        await page.goto(`/cases/${bigCaseId}`);
        await page.waitForFunction(() => (globalThis as any).__timelineAt > 0, undefined, { timeout: 30_000 });
        // performance.now() counts from the navigation's start.
        if (i > 0) caseMs.push(await page.evaluate(() => (globalThis as any).__timelineAt as number));
      }
      const search = summarise(searchMs, null);
      const casePage = summarise(caseMs, null);
      const authMe = summarise(baseline, null);
      const targets: Target[] = [
        { name: `search: last key → results p95 (≤ ${SEARCH_TARGET_MS} ms)`, limit: SEARCH_TARGET_MS, unit: 'ms', measured: search.p95, pass: search.p95 <= SEARCH_TARGET_MS },
        { name: `case page, ${TIMELINE_EVENTS} events p50 (≤ ${CASE_PAGE_TARGET_MS} ms)`, limit: CASE_PAGE_TARGET_MS, unit: 'ms', measured: casePage.p50, pass: casePage.p50 <= CASE_PAGE_TARGET_MS },
      ];
      return {
        startedAt,
        machine: { cpus: cpus().length, node: process.version, platform: process.platform },
        data: { cases: args.cases, timelineEvents: TIMELINE_EVENTS },
        baseline: { authMe },
        search: {
          lastKeyToResults: search, queries, keyDelayMs: KEY_DELAY, emptyAnswers: timed.filter((x) => x.hits === 0).length,
          parts: { wait: median('wait'), request: median('request'), render: median('render') },
          perQuery: timed.map(({ q, ms, hits }) => ({ q, ms: Math.round(ms * 10) / 10, hits })),
        },
        casePage: { navigationToTimeline: casePage, events: TIMELINE_EVENTS },
        ratios: { searchP50: ratio(search.p50, authMe.p50), searchP95: ratio(search.p95, authMe.p50), casePageP50: ratio(casePage.p50, authMe.p50) },
        targets,
      };
    } finally {
      await browser.close();
      await server.app.close();
    }
  } finally {
    open.delete(store);
    await store.close();
  }
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export function formatWebReport(r: WebResult): string {
  const s = r.search.lastKeyToResults;
  const c = r.casePage.navigationToTimeline;
  const b = r.baseline.authMe;
  return [
    `\nweb app in chromium — embedded store, ${r.data.cases.toLocaleString('en-GB')} cases, ${r.machine.cpus} CPUs, node ${r.machine.node}`,
    `  baseline: GET /api/auth/me from the page   p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  (n ${b.n})`,
    `  search: last keystroke → results shown    p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  (n ${s.n}, ${r.search.keyDelayMs} ms between keys, ${r.search.emptyAnswers} with no hit)`,
    `          = ${r.ratios.searchP50}× (p50) and ${r.ratios.searchP95}× (p95) the baseline's p50; medians: ` +
      `key → request ${ms(r.search.parts.wait)}, request ${ms(r.search.parts.request)}, answer → shown ${ms(r.search.parts.render)}`,
    `  case page, ${r.casePage.events} events: navigation → timeline   p50 ${ms(c.p50)}  max ${ms(c.max)}  (n ${c.n}) = ${r.ratios.casePageP50}× the baseline's p50`,
    ...r.targets.map((t) => `${formatTarget(t)}  ${t.pass ? 'met' : 'missed'}`),
  ].join('\n');
}

export const writeWebResults = (r: WebResult) => writeJson('results-web.json', r);

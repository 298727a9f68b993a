// `npm run bench`: extraction (extract() on one core, importDocument into a fresh embedded store,
// memory over a long run; bench/extraction.ts), then for each store a fresh store filled with a
// synthetic case load, the real HTTP server on it, and latency figures beside bare-query
// baselines; then the web app in chromium (bench/web.ts: search as typed, a 500-event case page).
// `--only stores|extraction|web|documents` runs one section (documents: bench/documents.ts, export
// memory and the documents of a 500-event case). Benchmarks report; they do not fail CI:
// the exit code is non-zero only when the bench itself fails, never for a missed target.
import { cpus } from 'node:os';
import { parseBenchArgs } from './args.ts';
import { benchDocuments, formatDocumentsReport } from './documents.ts';
import { benchExtraction } from './extraction.ts';
import { generate, sizesFor } from './generate.ts';
import { HttpLoad } from './load.ts';
import { measureSearch, measureTimeline, searchQueries, startBenchServer } from './measure.ts';
import {
  evaluateTargets, formatExtractionReport, formatReport, formatTarget, writeExtractionResults, writeResults, type StoreResult, type Target,
} from './report.ts';
import { measureStandards } from './standards.ts';
import { benchWeb, formatWebReport, writeWebResults } from './web.ts';
import { openBenchStore, postgresAnswers, POSTGRES_BASE_URL, type BenchStore, type StoreKind } from './stores.ts';

const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

/** Stores still open, so that Ctrl-C still drops the scratch database and removes the temp dir. */
const open = new Set<BenchStore>();

async function benchStore(kind: StoreKind, args: ReturnType<typeof parseBenchArgs>): Promise<StoreResult> {
  const startedAt = new Date().toISOString();
  log(`[${kind}] creating a fresh store`);
  const store = await openBenchStore(kind);
  open.add(store);
  try {
    log(`[${kind}] ${store.location}; generating ${args.cases.toLocaleString('en-GB')} cases`);
    const generated = await generate(store.db, store.adminId, sizesFor(args.cases), args.seed);
    log(`[${kind}] generated in ${generated.seconds.toFixed(1)} s; refreshing planner statistics`);
    const t0 = performance.now();
    await store.db.maintain(); // VACUUM ANALYZE on the embedded store, nothing on a server
    // A server's autovacuum would get to these 300,000 new rows in its own time, possibly in the
    // middle of a measurement; doing it now gives the planner statistics and a settled table.
    if (kind === 'postgres') await store.db.query('VACUUM (ANALYZE)');
    const maintainSeconds = (performance.now() - t0) / 1000;
    log(`[${kind}] checking every case against the standards, then one case at a time`);
    const standards = await measureStandards(store.db, generated.caseIds, args.seed + 3);

    const server = await startBenchServer(store);
    const load = new HttpLoad();
    try {
      log(`[${kind}] server on ${server.url}; measuring the case timeline (16 in flight, ≤ 10 s or 5,000 requests)`);
      const timeline = await measureTimeline(store, server, load, generated.caseIds, args.seed + 1);
      log(`[${kind}] measuring search (1 in flight, 300 name and 100 full-text queries)`);
      const search = await measureSearch(store, server, load, searchQueries(generated.names, args.seed + 2));
      return {
        store: kind, location: store.location, startedAt,
        machine: { cpus: cpus().length, node: process.version, platform: process.platform },
        quick: args.quick, seed: args.seed,
        data: { cases: args.cases, ...generated.counts },
        generation: { seconds: generated.seconds, tables: generated.tables, maintainSeconds },
        timeline, search, standards,
        targets: evaluateTargets(kind, timeline, search, standards),
      };
    } finally {
      load.close();
      await server.app.close();
    }
  } finally {
    open.delete(store);
    await store.close();
  }
}

/** The targets of each store's table. */
async function benchStores(args: ReturnType<typeof parseBenchArgs>): Promise<Target[][]> {
  const postgresUp = await postgresAnswers();
  const choice = args.store ?? (postgresUp ? 'both' : 'embedded');
  if (choice !== 'embedded' && !postgresUp) {
    const url = new URL(POSTGRES_BASE_URL);
    throw new Error(`--store ${choice}: no PostgreSQL server answers at ${url.host}${url.pathname}`);
  }
  if (!args.store && !postgresUp) log('no PostgreSQL server answers: benchmarking the embedded store only');
  const kinds: StoreKind[] = choice === 'both' ? ['embedded', 'postgres'] : [choice];

  const results: StoreResult[] = [];
  for (const kind of kinds) {
    const result = await benchStore(kind, args);
    results.push(result);
    process.stdout.write(`${formatReport(result)}\n`);
    log(`[${kind}] results written to ${writeResults(result)}`);
  }
  return results.map((r) => r.targets);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const tables: Target[][] = [];
  if (args.only === undefined || args.only === 'extraction') {
    const result = await benchExtraction(args, { log, open });
    process.stdout.write(`${formatExtractionReport(result)}\n`);
    log(`[extraction] results written to ${writeExtractionResults(result)}`);
    tables.push(result.targets);
  }
  if (args.only === undefined || args.only === 'stores') tables.push(...await benchStores(args));
  if (args.only === undefined || args.only === 'web') {
    const result = await benchWeb(args, { log, open });
    if (result) {
      process.stdout.write(`${formatWebReport(result)}\n`);
      log(`[web] results written to ${writeWebResults(result)}`);
      tables.push(result.targets);
    }
  }
  if (args.only === undefined || args.only === 'documents') {
    const result = await benchDocuments(args, log);
    process.stdout.write(`\n${formatDocumentsReport(result)}\n`);
    tables.push(result.targets);
  }
  if (tables.length > 1) {
    process.stdout.write('\nall targets\n');
    for (const t of tables.flat()) process.stdout.write(`${formatTarget(t)}\n`);
  }
}

process.once('SIGINT', () => {
  log('interrupted: removing scratch stores');
  Promise.allSettled([...open].map((s) => s.close())).finally(() => process.exit(130));
});

main().catch((error: unknown) => {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});

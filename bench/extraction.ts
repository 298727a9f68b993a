// The extraction section of `npm run bench` (issue 3's speed targets): how fast extract() reads
// ~3 KB news articles on one core, how fast the same articles go into a fresh embedded store end
// to end (intake, source, suggestions) as `habeas import` takes them (importDocuments, several to
// a transaction) and one at a time as an upload does (importDocument), and whether memory stays
// flat over a long run of extractions.
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SingleBar } from 'cli-progress';
import { extract } from '../src/extract/index.ts';
import { IMPORT_PER_TRANSACTION, importDocument, importDocuments, type ImportOutcome } from '../src/store/import.ts';
import type { Db, Queryable } from '../src/store/db.ts';
import { createRecord } from '../src/store/records.ts';
import { ArticleGenerator } from './articles.ts';
import { evaluateExtractionTargets, type Target } from './report.ts';
import type { BenchArgs } from './args.ts';
import { generateName } from './names.ts';
import { Rng } from './random.ts';
import { summarise, type Summary } from './stats.ts';
import { openBenchStore, type BenchStore } from './stores.ts';

export interface ExtractionSizes {
  /** Documents extracted before the clock starts, then documents timed. */
  warmUp: number;
  throughput: number;
  importWarmUp: number;
  imports: number;
  /** Documents imported one at a time afterwards (the upload path). */
  singleImports: number;
  /** Cases the imported documents are filed under (round robin). */
  importCases: number;
  memory: number;
  sampleEvery: number;
}

export function extractionSizesFor(quick: boolean): ExtractionSizes {
  const full: ExtractionSizes = {
    warmUp: 200, throughput: 2_000, importWarmUp: 20, imports: 500, singleImports: 100, importCases: 10, memory: 10_000, sampleEvery: 1_000,
  };
  if (!quick) return full;
  return {
    warmUp: full.warmUp / 10, throughput: full.throughput / 10, importWarmUp: full.importWarmUp / 10, imports: full.imports / 10, singleImports: full.singleImports / 10,
    importCases: full.importCases, memory: full.memory / 10, sampleEvery: full.sampleEvery / 10,
  };
}

export interface ThroughputFigures {
  documents: number;
  warmUp: number;
  bytes: number;
  meanBytes: number;
  minBytes: number;
  maxBytes: number;
  seconds: number;
  /** User + system CPU time of the process over the timed run, and its ratio to wall time. */
  cpuSeconds: number;
  cores: number;
  docsPerSecond: number;
  kbPerSecond: number;
  /** Per-document extract() time in ms. */
  latency: Summary;
  /** Mean found per document, so that a generator or extractor change that does less work shows. */
  found: { persons: number; organizations: number; places: number; events: number };
  /** Documents with nothing found at all (extract() returns that when it fails inside). */
  empty: number;
}

export interface ImportFigures {
  location: string;
  documents: number;
  warmUp: number;
  cases: number;
  /** Documents per transaction, as `habeas import` takes them (importDocuments). */
  perTransaction: number;
  bytes: number;
  seconds: number;
  docsPerSecond: number;
  kbPerSecond: number;
  /** Per-transaction time in ms (each holds `perTransaction` documents). */
  latency: Summary;
  duplicates: number;
  suggestions: number;
  /** Rows in the store afterwards (warm-up included), as a check that the work was done. */
  rows: { sources: number; suggestions: number };
  /** Where the time went, per document: queries awaited (BEGIN/COMMIT not included) and the rest. */
  perDocument: { queries: number; queryMs: number; otherMs: number; transactions: number };
  /** The statements that took the most time in total, per document. */
  topQueries: Array<{ sql: string; perDocument: number; msPerDocument: number }>;
  /** The same store afterwards, one document per importDocument call (an upload's path). */
  single: { documents: number; docsPerSecond: number; latency: Summary; queriesPerDocument: number };
}

export interface MemorySample {
  documents: number;
  rssMB: number;
  heapUsedMB: number;
  /** Heap used right after a full garbage collection: what is really kept. */
  liveHeapMB: number | null;
}

export interface MemoryFigures {
  documents: number;
  sampleEvery: number;
  seconds: number;
  before: MemorySample;
  samples: MemorySample[];
  first: MemorySample;
  last: MemorySample;
  max: { rssMB: number; heapUsedMB: number; liveHeapMB: number | null };
  /** Last sample within 20 % of the first (taken after the first `sampleEvery` documents). */
  flat: { rss: boolean; heapUsed: boolean; liveHeap: boolean | null };
}

export interface ExtractionResult {
  section: 'extraction';
  startedAt: string;
  machine: { cpus: number; cpu: string; node: string; platform: string };
  quick: boolean;
  seed: number;
  sizes: ExtractionSizes;
  throughput: ThroughputFigures;
  import: ImportFigures;
  memory: MemoryFigures;
  targets: Target[];
}

const MB = 1024 * 1024;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A full GC on demand, so that the memory samples show what is kept rather than what is not yet collected. */
export function fullGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

function progressBar(label: string, total: number): SingleBar {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} documents | {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return bar;
}

export function measureThroughput(sizes: ExtractionSizes, seed: number): ThroughputFigures {
  const articles = new ArticleGenerator(seed);
  for (let i = 0; i < sizes.warmUp; i++) {
    const a = articles.next();
    extract(a.text, { published: a.published });
  }
  // Generated before the clock starts: the figure is extraction alone.
  const docs = Array.from({ length: sizes.throughput }, () => articles.next());
  const lengths = docs.map((d) => Buffer.byteLength(d.text, 'utf8'));
  const found = { persons: 0, organizations: 0, places: 0, events: 0 };
  let empty = 0;
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const doc of docs) {
    const t = performance.now();
    const r = extract(doc.text, { published: doc.published });
    latencies.push(performance.now() - t);
    found.persons += r.persons.length;
    found.organizations += r.organizations.length;
    found.places += r.places.length;
    found.events += r.events.length;
    if (r.persons.length + r.organizations.length + r.places.length + r.events.length === 0) empty += 1;
  }
  const elapsedMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const bytes = lengths.reduce((s, n) => s + n, 0);
  const seconds = elapsedMs / 1000;
  const n = docs.length;
  return {
    documents: n, warmUp: sizes.warmUp, bytes,
    meanBytes: Math.round(bytes / n), minBytes: Math.min(...lengths), maxBytes: Math.max(...lengths),
    seconds: round(seconds, 2),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
    cores: round((cpu.user + cpu.system) / 1e3 / elapsedMs, 2),
    docsPerSecond: round(n / seconds),
    kbPerSecond: round(bytes / 1024 / seconds),
    latency: summarise(latencies, elapsedMs),
    found: {
      persons: round(found.persons / n), organizations: round(found.organizations / n),
      places: round(found.places / n), events: round(found.events / n),
    },
    empty,
  };
}

export function measureMemory(sizes: ExtractionSizes, seed: number): MemoryFigures {
  const gc = fullGc();
  const sample = (documents: number): MemorySample => {
    const raw = process.memoryUsage();
    let liveHeapMB: number | null = null;
    if (gc) {
      gc();
      liveHeapMB = round(process.memoryUsage().heapUsed / MB);
    }
    return { documents, rssMB: round(raw.rss / MB), heapUsedMB: round(raw.heapUsed / MB), liveHeapMB };
  };
  const articles = new ArticleGenerator(seed);
  const before = sample(0);
  const samples: MemorySample[] = [];
  const bar = progressBar('extracting', sizes.memory);
  const t0 = performance.now();
  for (let i = 1; i <= sizes.memory; i++) {
    // Generated one at a time, so that only what extraction keeps can grow.
    const a = articles.next();
    extract(a.text, { published: a.published });
    if (i % sizes.sampleEvery === 0) samples.push(sample(i));
    if (i % 100 === 0) bar.update(i);
  }
  const seconds = (performance.now() - t0) / 1000;
  bar.update(sizes.memory);
  bar.stop();
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const maxOf = (key: 'rssMB' | 'heapUsedMB') => Math.max(...samples.map((s) => s[key]));
  const within = (a: number, b: number) => b <= a * 1.2;
  return {
    documents: sizes.memory, sampleEvery: sizes.sampleEvery, seconds: round(seconds, 2),
    before, samples, first, last,
    max: { rssMB: maxOf('rssMB'), heapUsedMB: maxOf('heapUsedMB'), liveHeapMB: gc ? Math.max(...samples.map((s) => s.liveHeapMB!)) : null },
    flat: {
      rss: within(first.rssMB, last.rssMB),
      heapUsed: within(first.heapUsedMB, last.heapUsedMB),
      liveHeap: gc ? within(first.liveHeapMB!, last.liveHeapMB!) : null,
    },
  };
}

interface QueryStats {
  queries: number;
  ms: number;
  transactions: number;
  bySql: Map<string, { count: number; ms: number }>;
}

/** The store as importDocument sees it, with every query counted and timed on the way through. */
function timedDb(db: Db): { db: Db; stats: QueryStats } {
  const stats: QueryStats = { queries: 0, ms: 0, transactions: 0, bySql: new Map() };
  const timed = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const t = performance.now();
      try {
        return await q.query<T>(sql, params);
      } finally {
        const ms = performance.now() - t;
        stats.queries += 1;
        stats.ms += ms;
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
        const entry = stats.bySql.get(key) ?? { count: 0, ms: 0 };
        entry.count += 1;
        entry.ms += ms;
        stats.bySql.set(key, entry);
      }
    },
  });
  const wrapped: Db = {
    kind: db.kind,
    query: timed(db).query,
    transaction(work) {
      stats.transactions += 1;
      return db.transaction((tx) => work(timed(tx)));
    },
    maintain: () => db.maintain(),
    close: () => db.close(),
  };
  return { db: wrapped, stats };
}

export async function measureImport(sizes: ExtractionSizes, seed: number, open: Set<BenchStore>): Promise<ImportFigures> {
  const store = await openBenchStore('embedded');
  open.add(store);
  try {
    const actor = { userId: store.adminId };
    // A few cases to file the documents under, made the way the API makes them: importDocument
    // then checks every dated event it suggests against the case's events, as it does in use.
    const rng = new Rng(seed);
    const caseIds: string[] = [];
    for (let c = 0; c < sizes.importCases; c++) {
      const name = generateName(rng);
      const person = await createRecord(store.db, actor, 'person', { canonicalName: name.canonical, aliases: name.aliases, nationality: 'KG' });
      const created = await createRecord(store.db, actor, 'case', {
        subjectPersonId: person.id, status: 'detained', confidentiality: 'public', country: 'KG', tags: ['bench'],
        summary: `Bench case ${c + 1}.`,
      });
      caseIds.push(created.id as string);
    }
    const articles = new ArticleGenerator(seed);
    const files = Array.from({ length: sizes.importWarmUp + sizes.imports + sizes.singleImports }, (_, i) => ({
      bytes: new Uint8Array(Buffer.from(articles.next().text, 'utf8')),
      filename: `article-${String(i + 1).padStart(5, '0')}.txt`,
      caseIds: [caseIds[i % caseIds.length]!],
    }));
    const failures: unknown[] = [];
    const fail = (outcome: ImportOutcome<unknown>) => {
      if ('error' in outcome) failures.push(outcome.error);
    };
    await importDocuments(store.db, actor, files.slice(0, sizes.importWarmUp), (file) => file, fail);
    const { db, stats } = timedDb(store.db);

    // As `habeas import` does: several documents to a transaction, each in its own savepoint.
    const timed = files.slice(sizes.importWarmUp, sizes.importWarmUp + sizes.imports);
    const latencies: number[] = [];
    let duplicates = 0;
    let suggestions = 0;
    const bar = progressBar('importing', timed.length);
    const t0 = performance.now();
    let transactionStart = t0;
    let reported = 0;
    await importDocuments(db, actor, timed, (file) => file, (outcome) => {
      fail(outcome);
      if ('result' in outcome) {
        if (outcome.result.duplicate) duplicates += 1;
        suggestions += outcome.result.suggestions.added;
      }
      reported += 1;
      if (reported % IMPORT_PER_TRANSACTION === 0 || reported === timed.length) {
        const now = performance.now();
        latencies.push(now - transactionStart);
        transactionStart = now;
      }
      bar.increment();
    });
    const elapsedMs = performance.now() - t0;
    bar.stop();
    const batch = { ...stats, bySql: new Map([...stats.bySql].map(([sql, q]) => [sql, { ...q }])) };

    // One at a time, each in its own transaction: the path of an upload.
    const singles = files.slice(sizes.importWarmUp + sizes.imports);
    const singleLatencies: number[] = [];
    const s0 = performance.now();
    for (const file of singles) {
      const t = performance.now();
      await importDocument(db, actor, file);
      singleLatencies.push(performance.now() - t);
    }
    const singleMs = performance.now() - s0;
    if (failures.length) throw new Error(`${failures.length} imports failed, the first: ${String(failures[0])}`);

    const [rows] = await store.db.query<{ sources: number; suggestions: number }>(
      'SELECT (SELECT count(*) FROM sources)::int AS sources, (SELECT count(*) FROM suggestions)::int AS suggestions',
    );
    const bytes = timed.reduce((s, f) => s + f.bytes.length, 0);
    const seconds = elapsedMs / 1000;
    return {
      location: store.location, documents: timed.length, warmUp: sizes.importWarmUp, cases: caseIds.length,
      perTransaction: IMPORT_PER_TRANSACTION, bytes,
      seconds: round(seconds, 2),
      docsPerSecond: round(timed.length / seconds),
      kbPerSecond: round(bytes / 1024 / seconds),
      latency: summarise(latencies, elapsedMs),
      duplicates, suggestions,
      rows: rows!,
      perDocument: {
        queries: round(batch.queries / timed.length),
        queryMs: round(batch.ms / timed.length, 2),
        otherMs: round((elapsedMs - batch.ms) / timed.length, 2),
        transactions: round(batch.transactions / timed.length, 2),
      },
      topQueries: [...batch.bySql].sort(([, a], [, b]) => b.ms - a.ms).slice(0, 5).map(([sql, q]) => ({
        sql, perDocument: round(q.count / timed.length), msPerDocument: round(q.ms / timed.length, 2),
      })),
      single: {
        documents: singles.length,
        docsPerSecond: round(singles.length / (singleMs / 1000)),
        latency: summarise(singleLatencies, singleMs),
        queriesPerDocument: round((stats.queries - batch.queries) / singles.length),
      },
    };
  } finally {
    open.delete(store);
    await store.close();
  }
}

export async function benchExtraction(
  args: BenchArgs,
  { log, open }: { log: (message: string) => void; open: Set<BenchStore> },
): Promise<ExtractionResult> {
  const startedAt = new Date().toISOString();
  const sizes = extractionSizesFor(args.quick);
  const count = (n: number) => n.toLocaleString('en-GB');
  log(`[extraction] throughput: ${count(sizes.warmUp)} warm-up, then ${count(sizes.throughput)} articles timed on one core`);
  const throughput = measureThroughput(sizes, args.seed + 10);
  log(`[extraction] ${count(throughput.docsPerSecond)} docs/s; memory over ${count(sizes.memory)} extractions, sampled every ${count(sizes.sampleEvery)}`);
  const memory = measureMemory(sizes, args.seed + 11);
  log(`[extraction] import: ${count(sizes.importWarmUp)} warm-up, then ${count(sizes.imports)} articles into a fresh embedded store, then ${count(sizes.singleImports)} one at a time`);
  const imported = await measureImport(sizes, args.seed + 12, open);
  return {
    section: 'extraction', startedAt,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: process.platform },
    quick: args.quick, seed: args.seed, sizes,
    throughput, import: imported, memory,
    targets: evaluateExtractionTargets(throughput, imported),
  };
}

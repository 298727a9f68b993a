// Measures the extractor on an annotated folder (the development set's layout: docs/NN.txt and
// gold/NN.json) with the scoring rules of its README:
//   npm run eval:extract -- FOLDER [--doc NN] [--verbose] [--json]
// It reports; it does not judge: the exit status is 0 whatever the figures, 2 on bad usage.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { extract } from '../extract/index.ts';
import {
  CATEGORIES, type Category, type DocumentScore, type Extraction, type Gold, type Metrics, pool, scoreDocument,
} from '../extract/score.ts';

const USAGE = 'usage: npm run eval:extract -- FOLDER [--doc NN]... [--verbose] [--json]\n'
  + '  FOLDER holds docs/NN.txt (SOURCE and PUBLISHED lines, a blank line, the body) and gold/NN.json\n';

function usage(message: string): never {
  process.stderr.write(`eval:extract: ${message}\n${USAGE}`);
  process.exit(2);
}

const LABELS: Record<Category, string> = {
  persons: 'persons', organizations: 'organizations', places: 'places', events: 'events', eventDates: 'event dates',
};

const SHORT: Record<Category, string> = {
  persons: 'persons', organizations: 'orgs', places: 'places', events: 'events', eventDates: 'dates',
};

interface Document {
  id: string;
  published: string | null;
  body: string;
  gold: Gold;
}

/** Splits a document file into its PUBLISHED date and its body (everything after the header). */
function parseDocument(text: string): { published: string | null; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  let published: string | null = null;
  for (; i < lines.length && i < 2; i++) {
    const m = /^(SOURCE|PUBLISHED):\s*(.*)$/.exec(lines[i]!);
    if (!m) break;
    if (m[1] === 'PUBLISHED') published = /^\d{4}-\d{2}-\d{2}$/.test(m[2]!.trim()) ? m[2]!.trim() : null;
  }
  if (i < lines.length && lines[i]!.trim() === '') i++;
  return { published, body: lines.slice(i).join('\n') };
}

function loadDocuments(folder: string, only: string[]): Document[] {
  const docsDir = join(folder, 'docs');
  const goldDir = join(folder, 'gold');
  for (const dir of [docsDir, goldDir]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) usage(`no folder ${dir}`);
  }
  let ids = readdirSync(docsDir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  if (only.length) {
    const wanted = only.map((d) => (/^\d$/.test(d) ? `0${d}` : d));
    const unknown = wanted.filter((d) => !ids.includes(d));
    if (unknown.length) usage(`no document ${unknown.join(', ')} in ${docsDir}`);
    ids = ids.filter((id) => wanted.includes(id));
  }
  const documents: Document[] = [];
  for (const id of ids) {
    const goldFile = join(goldDir, `${id}.json`);
    if (!existsSync(goldFile)) {
      process.stderr.write(`eval:extract: skipping ${id}: no ${goldFile}\n`);
      continue;
    }
    const { published, body } = parseDocument(readFileSync(join(docsDir, `${id}.txt`), 'utf8'));
    documents.push({ id, published, body, gold: JSON.parse(readFileSync(goldFile, 'utf8')) as Gold });
  }
  if (!documents.length) usage(`no documents with gold annotations in ${folder}`);
  return documents;
}

const EMPTY: Extraction = { persons: [], organizations: [], places: [], events: [] };

const ratio = (x: number | null) => (x === null ? '   —' : x.toFixed(2));
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function metricRow(label: string, m: Metrics, width: number): string {
  return `${pad(label, width)}  ${lpad(ratio(m.precision), 5)}  ${lpad(ratio(m.recall), 5)}  ${lpad(ratio(m.f1), 5)}  `
    + `${m.tp}/${m.extracted}/${m.gold}`;
}

function metricTable(rows: Array<[string, Metrics]>, heading = 'category'): string[] {
  const width = Math.max(heading.length, ...rows.map(([l]) => l.length));
  return [`${pad(heading, width)}      P      R     F1  tp/extracted/gold`, ...rows.map(([l, m]) => metricRow(l, m, width))];
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        doc: { type: 'string', multiple: true },
        verbose: { type: 'boolean', short: 'v', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length !== 1) usage(positionals.length ? 'one FOLDER only' : 'missing FOLDER');
  const folder = positionals[0]!;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) usage(`no folder ${folder}`);

  const documents = loadDocuments(folder, values.doc ?? []);
  const results: Array<{ id: string; score: DocumentScore; error?: string }> = [];
  let seconds = 0;
  let bytes = 0;
  // One untimed pass first, so that throughput is that of warm code, as in a long import.
  for (const doc of documents) {
    try {
      await extract(doc.body, { published: doc.published });
    } catch {
      // reported by the timed pass below
    }
  }
  for (const doc of documents) {
    let extraction: Extraction = EMPTY;
    let error: string | undefined;
    const started = performance.now();
    try {
      extraction = await extract(doc.body, { published: doc.published });
    } catch (e) {
      error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    }
    seconds += (performance.now() - started) / 1000;
    bytes += Buffer.byteLength(doc.body, 'utf8');
    if (error) process.stderr.write(`eval:extract: extraction of ${doc.id} failed (scored as empty): ${error}\n`);
    results.push({ id: doc.id, score: scoreDocument(extraction, doc.gold), error });
  }

  const pooled = pool(results.map((r) => r.score));
  const throughput = {
    seconds,
    docsPerSecond: seconds > 0 ? documents.length / seconds : null,
    kbPerSecond: seconds > 0 ? bytes / 1000 / seconds : null,
    kilobytes: bytes / 1000,
  };

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...pooled, failed: results.filter((r) => r.error).map((r) => r.id), throughput }, null, 2)}\n`);
    return;
  }

  const out: string[] = [];
  out.push(`Extraction scored on ${documents.length} document(s) of ${folder}`, '');
  out.push(...metricTable(CATEGORIES.map((c) => [LABELS[c], pooled.metrics[c]])));
  out.push('  (event dates: share of matched events with a gold date whose extracted date agrees at the gold precision)', '');

  out.push('Events by type', ...metricTable(Object.entries(pooled.eventTypes), 'event type'), '');

  out.push('F1 per document', `doc ${CATEGORIES.map((c) => lpad(SHORT[c], 9)).join('')}`);
  for (const { id, score, error } of results) {
    out.push(`${pad(id, 4)}${CATEGORIES.map((c) => lpad(ratio(score.metrics[c].f1), 9)).join('')}${error ? '  (extraction failed)' : ''}`);
  }
  out.push('');

  if (values.verbose) {
    for (const { id, score } of results) {
      const lines: string[] = [];
      for (const c of ['persons', 'organizations', 'places'] as const) {
        if (score.misses[c].length) lines.push(`  missed ${c}: ${score.misses[c].join(' | ')}`);
        if (score.falsePositives[c].length) lines.push(`  false ${c}: ${score.falsePositives[c].join(' | ')}`);
      }
      for (const e of score.misses.events) lines.push(`  missed event: ${e.type} of ${e.subject} ${e.date ?? '(no date)'} — “${e.evidence}”`);
      for (const e of score.falsePositives.events) {
        lines.push(`  false event: ${e.type} of ${e.subject ?? '(no subject)'} ${e.date ?? '(no date)'} — “${e.evidence}”`);
      }
      for (const d of score.dateMismatches) {
        lines.push(`  wrong date: ${d.type} of ${d.subject}: gold ${d.gold}, extracted ${d.extracted ?? 'null'} — “${d.evidence}”`);
      }
      if (lines.length) out.push(`Document ${id}`, ...lines, '');
    }
  }

  const rate = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));
  out.push(`Throughput: ${rate(throughput.docsPerSecond, 1)} docs/s, ${rate(throughput.kbPerSecond, 1)} KB/s `
    + `(${throughput.kilobytes.toFixed(1)} KB in ${(seconds * 1000).toFixed(0)} ms of extract calls)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();

// Command-line flags of `npm run bench`. Kept tiny on purpose: node:util's parseArgs is enough and
// a bench must not grow its own dependency tree.
import { parseArgs } from 'node:util';

export type StoreChoice = 'embedded' | 'postgres' | 'both';
/** The sections of the bench: the stores (case load, timeline, search), extraction, and the web app in chromium. */
export type Section = 'stores' | 'extraction' | 'web' | 'documents';
const SECTIONS: readonly Section[] = ['stores', 'extraction', 'web', 'documents'];

export interface BenchArgs {
  /** undefined: both when a PostgreSQL server answers, else embedded (decided in run.ts). */
  store?: StoreChoice;
  cases: number;
  quick: boolean;
  seed: number;
  /** undefined: every section. */
  only?: Section;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      cases: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'npm run bench -- [--only stores|extraction|web|documents] [--store embedded|postgres|both] [--cases N] [--quick] [--seed N]\n' +
        '  --only   one section: stores (case load, timeline, search), extraction (extract, import, memory) or web\n' +
        '           (search page and a 500-event case page in chromium, embedded store); default all, extraction first\n' +
        '  --store  stores section: default both when PostgreSQL answers at the bench URL, else embedded\n' +
        '  --cases  stores, web and documents sections: cases to generate (default 10000; events ×20, sources ×5, claims ≈ events/5)\n' +
        '  --quick  1/10 of the data sizes and document counts, for a smoke run\n',
    );
    process.exit(0);
  }
  const store = values.store;
  if (store !== undefined && !['embedded', 'postgres', 'both'].includes(store)) {
    throw new Error(`--store must be embedded, postgres or both (got "${store}")`);
  }
  const only = values.only;
  if (only !== undefined && !SECTIONS.includes(only as Section)) {
    throw new Error(`--only must be ${SECTIONS.join(', ')} (got "${only}")`);
  }
  const cases = values.cases === undefined ? 10_000 : Number(values.cases);
  if (!Number.isInteger(cases) || cases < 10) throw new Error(`--cases must be a whole number ≥ 10 (got "${values.cases}")`);
  const seed = values.seed === undefined ? 20240601 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number (got "${values.seed}")`);
  const quick = values.quick ?? false;
  return {
    store: store as StoreChoice | undefined, cases: quick ? Math.max(10, Math.round(cases / 10)) : cases, quick, seed,
    only: only as Section | undefined,
  };
}

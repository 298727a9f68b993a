// Multi-row INSERTs: one statement carries hundreds of rows, so that loading 300,000 rows costs
// a few hundred round trips instead of 300,000 (and on the embedded store, a few hundred trips
// through the WebAssembly boundary).
import type { Queryable } from '../src/store/db.ts';

/** PostgreSQL's limit on parameters per statement is 65,535; stay well under it. */
const MAX_PARAMS = 60_000;

export interface TableTimes {
  rows: number;
  ms: number;
  statements: number;
}

export class BulkInserter {
  readonly times = new Map<string, TableTimes>();

  constructor(
    private readonly maxRows: number,
    private readonly onStatement: (table: string, rows: number) => void,
  ) {}

  /** Inserts `rows` (arrays in `columns` order) in statements of at most maxRows rows. */
  async insert(tx: Queryable, table: string, columns: string[], rows: unknown[][], maxRows = this.maxRows): Promise<void> {
    const perStatement = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMS / columns.length)));
    const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
    for (let start = 0; start < rows.length; start += perStatement) {
      const batch = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      const tuples = batch.map((row) => {
        const slots = row.map((value) => {
          params.push(value);
          return `$${params.length}`;
        });
        return `(${slots.join(', ')})`;
      });
      const began = performance.now();
      await tx.query(head + tuples.join(', '), params);
      const t = this.times.get(table) ?? { rows: 0, ms: 0, statements: 0 };
      t.rows += batch.length;
      t.ms += performance.now() - began;
      t.statements += 1;
      this.times.set(table, t);
      this.onStatement(table, batch.length);
    }
  }
}

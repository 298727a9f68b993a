// One query interface over both stores. Every query goes through node-postgres: against a
// PostgreSQL server directly, and against the embedded PGlite through its first-party
// node-postgres adapter, so one set of SQL and one code path serve both.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';

// Dates stay 'YYYY-MM-DD' strings (a Date would invent a time zone); counts are numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/**
 * A query with parameters runs as a named prepared statement, so each connection plans it once:
 * planning cost more than executing the timeline query (0.8 vs 0.6 ms on PostgreSQL, 7 vs 2 ms
 * embedded). Queries without parameters (migrations, several statements) use the simple protocol.
 */
function statement(text: string, values?: unknown[]): pg.QueryConfig {
  if (!values || values.length === 0) return { text };
  return { name: `h${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values };
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Keeps planner statistics fresh; PGlite has no autovacuum, a server does its own. */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `work` in a savepoint of the caller's transaction: if it throws, what it wrote is undone
 * and the transaction goes on (a batch where one item may fail without taking the others along).
 */
export async function inSavepoint<T>(tx: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  await tx.query('SAVEPOINT item');
  try {
    const value = await work(tx);
    await tx.query('RELEASE SAVEPOINT item');
    return value;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT item');
    throw error;
  }
}

export type StoreConfig = { databaseUrl: string } | { dataDir: string; vacuumIntervalMs?: number };

export async function openDb(config: StoreConfig): Promise<Db> {
  if ('databaseUrl' in config) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 16,
      // A runaway query must not hold a connection for ever.
      options: '-c statement_timeout=30000',
    });
    // A server restart or an administrator ends idle connections: the pool drops them and opens
    // new ones on the next query; without a listener the error would end the process.
    pool.on('error', (error: Error & { code?: string }) => {
      process.stderr.write(`habeas: an idle database connection ended (${error.code ?? error.message}); it will be replaced\n`);
    });
    await pool.query('SELECT 1');
    return poolDb('postgres', pool, async () => pool.end(), async () => {});
  }
  // Loaded only when used: a deployment on a PostgreSQL server never starts the embedded engine.
  const { openEmbeddedStore } = await import('./embedded.ts');
  const embedded = await openEmbeddedStore(config.dataDir, {
    vacuumIntervalMs: config.vacuumIntervalMs,
  });
  const pool = new pg.Pool({ ...createPgConfig(embedded.pglite), max: 1 });
  return poolDb(
    'embedded',
    pool,
    async () => {
      await pool.end();
      await embedded.close();
    },
    () => embedded.vacuumAnalyze(),
  );
}

function poolDb(
  kind: Db['kind'],
  pool: pg.Pool,
  close: () => Promise<void>,
  maintain: () => Promise<void>,
): Db {
  return {
    kind,
    async query<T>(sql: string, params?: unknown[]) {
      const result = await pool.query(statement(sql, params));
      return result.rows as T[];
    },
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          async query<R>(sql: string, params?: unknown[]) {
            const result = await client.query(statement(sql, params));
            return result.rows as R[];
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    maintain,
    close,
  };
}

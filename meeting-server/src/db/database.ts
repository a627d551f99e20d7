// The database layer: one small interface over the embedded PGlite (default) and PostgreSQL.
// PGlite serves a single connection, so it is one client per process whose queries queue;
// PostgreSQL gets a pool. Everything above this file speaks plain SQL through `Db`.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Serialises async work: PGlite has one connection, so callers take turns. */
class Queue {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(fn, fn);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

/** Opens PGlite in `dataDir` (a folder that survives restarts), or in memory when undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const queue = new Queue();
  const direct: Queryable = {
    async query<T>(sql: string, params?: unknown[]) {
      const res = await client.query<T>(sql, params ?? []);
      return res.rows;
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
  };
  return {
    kind: 'pglite',
    query: (sql, params) => queue.run(() => direct.query(sql, params)),
    exec: (sql) => queue.run(() => direct.exec(sql)),
    transaction: (fn) =>
      queue.run(async () => {
        await client.exec('BEGIN');
        try {
          const result = await fn(direct);
          await client.exec('COMMIT');
          return result;
        } catch (err) {
          await client.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () => queue.run(() => client.close()),
  };
}

export interface PostgresOptions {
  /** Schema to use as search_path (tests isolate themselves this way). */
  schema?: string;
  max?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const res = await c.query(sql, params ?? []);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  return {
    kind: 'postgres',
    query: wrap(pool).query,
    exec: wrap(pool).exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

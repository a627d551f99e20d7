// The database layer: one small interface over the embedded PGlite (default) and PostgreSQL.
// PGlite serves a single connection, so it is one client per process whose queries queue;
// PostgreSQL gets a pool. Everything above this file speaks plain SQL through `Db`.
import { PGlite, type Extensions } from '@electric-sql/pglite';
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

const BYTEA = 17;
/**
 * bytea to and from PGlite's text format with Node's native hex codec: PGlite's own converters
 * go byte by byte in JavaScript (about 1 MB/s, so a 1 MiB package chunk took about a second).
 */
const byteaHex = {
  serializers: {
    [BYTEA]: (v: Uint8Array) =>
      `\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`,
  },
  parsers: { [BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex') },
};

/** PGlite's own database, as `PgliteDb.dump` wrote it (a tar): opening one skips initdb. */
export type PgliteDump = Blob;

/** An in-memory PGlite with its data files written out: tests start copies of a migrated one. */
export type PgliteDb = Db & { dump(): Promise<PgliteDump> };

/**
 * Opens PGlite in `dataDir` (a folder that survives restarts), or in memory when undefined.
 * `from` starts it as a copy of a dumped database instead of an empty one; `extensions` are
 * PGlite extensions to load (tests load pg_walinspect and pageinspect).
 */
export async function openPglite(
  dataDir?: string,
  opts: { from?: PgliteDump; extensions?: Extensions } = {},
): Promise<PgliteDb> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.from ? { loadDataDir: opts.from } : {}),
    ...(opts.extensions ? { extensions: opts.extensions } : {}),
    ...byteaHex,
  });
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
    dump: () => queue.run(() => client.dumpDataDir('none')),
  };
}

/**
 * The database cannot be reached (refused, reset, timed out, shutting down). Answered 503 by the
 * HTTP layer: whatever transaction was running is rolled back by PostgreSQL, so nothing is
 * half-written; only a COMMIT whose answer was lost is ambiguous, and the API's idempotency keys
 * make a retry safe.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'DatabaseUnavailableError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Is `err` a lost or refused connection (as opposed to an error in the SQL or the data)? */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // SQLSTATE class 08 (connection exception), shutdown, cannot connect now, too many connections.
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  }
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(
    err.message,
  );
}

const unavailable = (err: unknown) =>
  isConnectionError(err) && !(err instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError(err)
    : err;

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
      try {
        const res = await c.query(sql, params ?? []);
        return res.rows as T[];
      } catch (err) {
        throw unavailable(err);
      }
    },
    async exec(sql: string) {
      try {
        await c.query(sql);
      } catch (err) {
        throw unavailable(err);
      }
    },
  });
  return {
    kind: 'postgres',
    query: wrap(pool).query,
    exec: wrap(pool).exec,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw unavailable(err);
      }
      const tx = wrap(client);
      let broken: Error | undefined;
      // A checked-out client whose connection drops between two statements emits 'error'; with no
      // listener that would crash the process. The next statement then fails and is handled below.
      const onError = (err: Error) => (broken ??= err);
      client.on('error', onError);
      try {
        await tx.exec('BEGIN');
        const result = await fn(tx);
        await tx.exec('COMMIT');
        return result;
      } catch (err) {
        if (broken || isConnectionError(err)) {
          // PostgreSQL rolls back the transaction of a lost connection; this client is dropped.
          broken ??= err as Error;
          throw unavailable(isConnectionError(err) ? err : broken);
        }
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

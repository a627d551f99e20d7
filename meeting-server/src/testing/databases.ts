// Test databases: every database test runs on the embedded PGlite and on a real PostgreSQL
// (TEST_DATABASE_URL, default the local server's `test` database), each in a fresh schema. A
// migrated PGlite starts as a copy of the one global-setup.ts migrated (migrate() then finds
// nothing to do); one opened without migrations starts empty.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect';
import { pg_walinspect } from '@electric-sql/pglite/contrib/pg_walinspect';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Db, type PgliteDump } from '../db/database';
import { migrate } from '../db/migrate';

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDb extends Db {
  /** Closes the connection and drops the schema (PostgreSQL). */
  destroy(): Promise<void>;
  /** The schema used on PostgreSQL (undefined for PGlite). */
  schema?: string;
}

let template: Promise<PgliteDump> | undefined;
/** The migrated PGlite written by the global setup, read once per test file. */
function migratedPglite(): Promise<PgliteDump> {
  template ??= readFile(inject('pgliteTemplate')).then((bytes) => new Blob([bytes]));
  return template;
}

/** Opens an empty, migrated database of the given kind. */
export async function openTestDb(
  kind: DatabaseKind,
  opts: {
    migrate?: boolean;
    max?: number;
    /** Load pg_walinspect and pageinspect (to read the WAL and old row versions, as an attacker). */
    inspect?: boolean;
  } = {},
): Promise<TestDb> {
  let db: Db;
  let schema: string | undefined;
  if (kind === 'pglite') {
    if (opts.inspect) {
      // The WAL attack test reads the log from an empty start, so it does not take the copy.
      db = await openPglite(undefined, { extensions: { pg_walinspect, pageinspect } });
      await db.exec('CREATE EXTENSION pg_walinspect; CREATE EXTENSION pageinspect;');
    } else {
      db = await openPglite(
        undefined,
        opts.migrate !== false ? { from: await migratedPglite() } : {},
      );
    }
  } else {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    db = await openPostgres(TEST_DATABASE_URL, { schema, max: opts.max ?? 10 });
    if (opts.inspect) {
      // Into this test's schema, so they go with it (the server's superuser may read the WAL).
      await db.exec(
        `CREATE EXTENSION IF NOT EXISTS pg_walinspect SCHEMA ${schema};
         CREATE EXTENSION IF NOT EXISTS pageinspect SCHEMA ${schema};`,
      );
    }
  }
  if (opts.migrate !== false) await migrate(db);
  return Object.assign(db, {
    schema,
    async destroy() {
      await db.close();
      if (schema) {
        const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    },
  });
}

// Test databases: every database test runs on the embedded PGlite and on a real PostgreSQL
// (TEST_DATABASE_URL, default the local server's `test` database), each in a fresh schema. A
// migrated PGlite starts as a copy of the one global-setup.ts migrated (migrate() then finds
// nothing to do); one opened without migrations starts empty.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
  opts: { migrate?: boolean; max?: number } = {},
): Promise<TestDb> {
  let db: Db;
  let schema: string | undefined;
  if (kind === 'pglite') {
    db = await openPglite(undefined, opts.migrate !== false ? await migratedPglite() : undefined);
  } else {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    db = await openPostgres(TEST_DATABASE_URL, { schema, max: opts.max ?? 10 });
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

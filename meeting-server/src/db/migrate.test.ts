// Migrations run the same on PGlite and PostgreSQL, once each, and survive a concurrent start.
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrate';
import { DATABASE_KINDS, openTestDb } from '../testing/databases';

describe.each(DATABASE_KINDS)('migrations on %s', (kind) => {
  it('applies every migration once and is a no-op the second time', async () => {
    const db = await openTestDb(kind, { migrate: false });
    try {
      const all = (await loadMigrations()).map((m) => m.id);
      expect(await migrate(db)).toEqual(all);
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'councils',
          'members',
          'meetings',
          'invitations',
          'schema_migrations',
        ]),
      );
    } finally {
      await db.destroy();
    }
  });

  it('rolls back a failed transaction entirely', async () => {
    const db = await openTestDb(kind);
    try {
      await expect(
        db.transaction(async (tx) => {
          await tx.query(
            "INSERT INTO councils (id, name, level, total_members) VALUES ('c1', 'A', 'commune', 15)",
          );
          await tx.query(
            "INSERT INTO councils (id, name, level, total_members) VALUES ('c1', 'B', 'commune', 15)",
          );
        }),
      ).rejects.toThrow();
      expect(await db.query('SELECT * FROM councils')).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

// Webhook replay protection keeps `webhook_events` small: ids older than the retention are pruned
// on an instance's first event and on every PRUNE_EVERY-th after it, while an id still inside the
// window keeps being refused as a replay — on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { PRUNE_EVERY, rememberWebhook, retentionMs } from './replay';
import { WEBHOOK_MAX_AGE_MS } from './webhook';

describe.each(DATABASE_KINDS)('webhook_events pruning on %s', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb(kind);
  });
  afterAll(async () => {
    await db.destroy();
  });

  const now = Date.parse('2026-03-02T09:00:00Z');
  const keep = retentionMs(WEBHOOK_MAX_AGE_MS);
  const seed = (id: string, ageMs: number) =>
    db.query('INSERT INTO webhook_events (id, received_at) VALUES ($1, $2)', [
      id,
      new Date(now - ageMs),
    ]);
  const ids = async () =>
    (await db.query<{ id: string }>('SELECT id FROM webhook_events ORDER BY id')).map((r) => r.id);
  const remember = (id: string, at = now) => rememberWebhook(db, id, at, WEBHOOK_MAX_AGE_MS);

  it('prunes expired ids on the first event and every PRUNE_EVERY-th, never a live one', async () => {
    // Ids outlive the 24-hour acceptance window: kept 48 hours.
    expect(keep).toBe(48 * 60 * 60 * 1000);
    expect(keep).toBeGreaterThan(WEBHOOK_MAX_AGE_MS);
    await seed('EV_expired', keep + 1000);
    await seed('EV_recent', keep - 60_000);
    expect(await remember('EV_first')).toBe(true);
    expect(await ids()).toEqual(['EV_first', 'EV_recent']);
    // Still inside the window: a replay is refused.
    expect(await remember('EV_recent')).toBe(false);

    // Between prunes nothing is deleted; the PRUNE_EVERY-th new event prunes again.
    await seed('EV_expired_later', keep + 1000);
    for (let i = 1; i < PRUNE_EVERY; i++) expect(await remember(`EV_${i}`)).toBe(true);
    expect(await ids()).toContain('EV_expired_later');
    expect(await remember('EV_last')).toBe(true);
    const left = await ids();
    expect(left).not.toContain('EV_expired_later');
    expect(left).toHaveLength(PRUNE_EVERY + 2); // EV_first, EV_1…, EV_last, EV_recent
  });
});

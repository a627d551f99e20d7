// Replay protection for LiveKit webhooks: each event id is remembered in `webhook_events` while the
// event could still be accepted, and forgotten after that at a cheap moment — on the first event an
// instance records and on every PRUNE_EVERY-th after it, one DELETE of the rows older than the
// retention. Every instance prunes on its own; deleting is idempotent, so several are safe.
import type { Queryable } from '../db/database';

/** An instance prunes on its first remembered event and then on every PRUNE_EVERY-th. */
export const PRUNE_EVERY = 200;

/**
 * How long an id is kept, given the age past which events are refused anyway: twice that age, as a
 * margin for clocks (LiveKit's, this instance's, another instance's) that disagree.
 */
export const retentionMs = (maxAgeMs: number) => 2 * maxAgeMs;

const remembered = new WeakMap<Queryable, number>();

/** Deletes ids received before `nowMs - retentionMs(maxAgeMs)`; returns how many. */
export async function pruneWebhookEvents(
  db: Queryable,
  nowMs: number,
  maxAgeMs: number,
): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `WITH gone AS (DELETE FROM webhook_events WHERE received_at < $1 RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [new Date(nowMs - retentionMs(maxAgeMs))],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Records a webhook event id; false when it was already recorded (a replay). Prunes old ids now and
 * then (see PRUNE_EVERY) — a failed prune is left for the next time, never failing the webhook.
 */
export async function rememberWebhook(
  db: Queryable,
  id: string,
  nowMs: number,
  maxAgeMs: number,
  log: (err: unknown) => void = () => undefined,
): Promise<boolean> {
  const fresh = await db.query(
    `INSERT INTO webhook_events (id, received_at) VALUES ($1, $2)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, new Date(nowMs)],
  );
  if (!fresh.length) return false;
  const n = remembered.get(db) ?? 0;
  remembered.set(db, n + 1);
  if (n % PRUNE_EVERY === 0) await pruneWebhookEvents(db, nowMs, maxAgeMs).catch(log);
  return true;
}

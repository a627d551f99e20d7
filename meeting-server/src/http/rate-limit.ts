// Fixed-window rate limits kept in the database (table rate_limits), so every server instance
// counts the same attempts. `hit` counts one attempt atomically and returns the count so far; `enforce`
// refuses once over the limit; `unhit` takes back an attempt that succeeded.
import type { Queryable } from '../db/database';
import { ErrorCode } from '../../../shared/errors';
import { HttpError } from './errors';

export interface Limit {
  /** At most this many attempts per window. */
  max: number;
  windowSeconds: number;
}

function windowStart(nowMs: number, windowSeconds: number): Date {
  const w = windowSeconds * 1000;
  return new Date(Math.floor(nowMs / w) * w);
}

/** Counts one attempt under `key`; returns the count in the current window including this one. */
export async function hit(
  db: Queryable,
  key: string,
  limit: Limit,
  nowMs: number,
): Promise<number> {
  const start = windowStart(nowMs, limit.windowSeconds);
  const rows = await db.query<{ count: number }>(
    `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
     RETURNING count`,
    [key, start.toISOString()],
  );
  // Old windows are never read again; clear them now and then.
  if (Math.random() < 0.01) {
    await db.query('DELETE FROM rate_limits WHERE window_start < $1', [
      new Date(nowMs - 24 * 3600 * 1000).toISOString(),
    ]);
  }
  return Number(rows[0]!.count);
}

/** Takes back one attempt counted under `key` in the current window (an attempt that succeeded). */
export async function unhit(
  db: Queryable,
  key: string,
  limit: Limit,
  nowMs: number,
): Promise<void> {
  await db.query(
    'UPDATE rate_limits SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0',
    [key, windowStart(nowMs, limit.windowSeconds).toISOString()],
  );
}

export async function clear(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE key = $1', [key]);
}

/** Seconds until the current window of `limit` ends (at least 1). */
export function retryAfterSeconds(limit: Limit, nowMs: number): number {
  const w = limit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((Math.floor(nowMs / w) * w + w - nowMs) / 1000));
}

/** 429 with `Retry-After` and a message saying how long to wait. */
export function rateLimited(retryAfter: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  const err = new HttpError(
    429,
    ErrorCode.rateLimited,
    `Bạn đã thử quá nhiều lần. Vui lòng đợi khoảng ${minutes} phút rồi thử lại.`,
    `Too many attempts. Please wait about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
  );
  err.headers = { 'Retry-After': String(retryAfter) };
  return err;
}

/** Counts one attempt under `key` and throws 429 once over `limit` (null: no limit). */
export async function enforce(
  db: Queryable,
  key: string,
  limit: Limit | null,
  nowMs: number,
): Promise<void> {
  if (!limit) return;
  if ((await hit(db, key, limit, nowMs)) > limit.max) {
    throw rateLimited(retryAfterSeconds(limit, nowMs));
  }
}

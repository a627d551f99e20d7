// POST /api/livekit/webhook: LiveKit tells the server who joined and left a room. The raw body is
// verified with WebhookReceiver (signed JWT carrying the body's SHA-256). An event is accepted up to
// 24 hours after LiveKit created it, so a delivery delayed by an outage of this server, the proxy
// or the network still counts; older events, and events dated more than 5 minutes ahead, are
// refused, and so are event ids already processed (kept 48 hours by attendance/replay.ts), so a
// captured webhook cannot be replayed.
// Attendance is computed from LiveKit's own event times per participant session
// (attendance/service.ts), so duplicated, late and out-of-order deliveries leave it correct.
// Every join is first checked against the database (attendance/admission.ts): a participant whose
// session has ended (a token minted before a revocation) is removed from the room, one whose token
// grants more than its state now allows (a floor ended early) gets its permission replaced.
// Only members' joins and leaves are recorded; any other event is answered at once with no write.
import type { Request } from 'express';
import type { WebhookEvent } from 'livekit-server-sdk';
import { HttpError } from '../http/errors';
import type { LiveDeps } from '../live/context';
import { ATTENDANCE_EVENTS } from '../livekit/events';
import { admitJoined } from './admission';
import { rememberWebhook } from './replay';
import { recordOnline } from './service';

const isAttendanceEvent = (kind: string) => (ATTENDANCE_EVENTS as readonly string[]).includes(kind);

/** Events older than this (by LiveKit's own creation time) are refused: 24 hours. */
export const WEBHOOK_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Events dated further ahead than this are refused: clocks differ by seconds, not minutes. */
export const WEBHOOK_MAX_AHEAD_MS = 5 * 60 * 1000;

/** Handles one webhook delivery (its raw body in `req.body`); answers `{ ok: true }`. */
export function webhookHandler(deps: LiveDeps) {
  return async ({ req }: { req: Request }) => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    let event;
    try {
      event = await deps.livekit.webhooks.receive(body, req.get('authorization') ?? undefined);
    } catch {
      throw new HttpError(401, 'webhook_invalid', 'Webhook không hợp lệ.', 'Invalid webhook.');
    }
    const createdMs = Number(event.createdAt) * 1000;
    if (!event.id || !createdMs || deps.now() - createdMs > WEBHOOK_MAX_AGE_MS) {
      throw new HttpError(409, 'webhook_stale', 'Webhook đã quá cũ.', 'Webhook is too old.');
    }
    // A future date would outlive the replay window (ids are kept 48 hours) and place a join or
    // leave at a time that has not come.
    if (createdMs - deps.now() > WEBHOOK_MAX_AHEAD_MS) {
      throw new HttpError(
        409,
        'webhook_future',
        'Webhook ghi thời điểm trong tương lai; kiểm tra đồng hồ của máy chủ LiveKit.',
        'Webhook is dated in the future; check the LiveKit server clock.',
      );
    }
    const identity = event.participant?.identity ?? '';
    // Checked before anything is recorded: a participant removed now was never present. Reads
    // only (one invitation, at most the floor), so a crowd of voters joining stays cheap.
    const admitted =
      event.event !== 'participant_joined' || (await admitJoined(deps, event)) !== 'removed';
    const relevant =
      admitted &&
      identity.startsWith('member:') &&
      !!event.room?.name &&
      isAttendanceEvent(event.event);
    // Anything else (a voter joining, a track published) is not recorded: answered at once with
    // no write, because LiveKit posts a room's webhooks one at a time and drops them past its
    // queue's depth, so a crowd of voters must not slow the members' events behind them.
    if (relevant) await recordWebhook(deps, event, identity, createdMs);
    return { ok: true };
  };
}

/** A member's join or leave: recorded once (event ids are remembered), at LiveKit's own time. */
async function recordWebhook(
  deps: LiveDeps,
  event: WebhookEvent,
  identity: string,
  createdMs: number,
) {
  const fresh = await rememberWebhook(deps.db, event.id, deps.now(), WEBHOOK_MAX_AGE_MS, deps.log);
  if (!fresh) {
    throw new HttpError(
      409,
      'webhook_replayed',
      'Webhook này đã được xử lý.',
      'This webhook was already processed.',
    );
  }
  try {
    const [meeting] = await deps.db.query<{ id: string }>(
      'SELECT id FROM meetings WHERE room_name = $1',
      [event.room!.name],
    );
    if (meeting) {
      const joined = event.event === 'participant_joined';
      // LiveKit's own times, never the arrival time: webhooks may come late or out of order.
      const joinedMs = Number(event.participant!.joinedAtMs ?? 0n);
      await recordOnline(
        deps,
        meeting.id,
        identity.slice('member:'.length),
        event.participant!.sid,
        joined,
        new Date(joined && joinedMs > 0 ? joinedMs : createdMs),
      );
    }
  } catch (err) {
    // Let LiveKit's retry be processed.
    await deps.db.query('DELETE FROM webhook_events WHERE id = $1', [event.id]);
    throw err;
  }
}

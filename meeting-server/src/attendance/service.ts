// Attendance: members present online (in the LiveKit room, from verified webhooks) or in the hall
// (checked in by the chair or secretary), every join/leave/check-in logged with its time, and the
// electronic roll-call in which every member confirms presence.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { badRequest } from '../http/errors';
import type { LiveDeps } from '../live/context';
import { conflict, ensureLiveRow, loadMeeting, mutate } from '../live/state';
import { isBodyMember } from '../meetings/store';

type EventKind = 'joined' | 'left' | 'checked_in' | 'checked_out' | 'roll_call';

async function logEvent(
  tx: Queryable,
  meetingId: string,
  memberId: string,
  e: EventKind,
  at: Date,
) {
  await tx.query(
    'INSERT INTO attendance_events (id, meeting_id, member_id, event, at) VALUES ($1, $2, $3, $4, $5)',
    [randomUUID(), meetingId, memberId, e, at],
  );
}

async function ensureRow(tx: Queryable, meetingId: string, memberId: string) {
  await tx.query(
    `INSERT INTO attendance (meeting_id, member_id) VALUES ($1, $2)
     ON CONFLICT (meeting_id, member_id) DO NOTHING`,
    [meetingId, memberId],
  );
}

/** Staff mark a member present or absent in the meeting hall. */
export async function checkIn(
  deps: LiveDeps,
  meetingId: string,
  memberId: string,
  present: boolean,
) {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (!(await isBodyMember(deps.db, meeting.body_id, memberId))) {
    throw badRequest(
      'Người này không phải thành viên của cơ quan họp.',
      'This person is not a member of the meeting body.',
    );
  }
  const at = new Date(deps.now());
  await mutate(deps, meetingId, async (tx) => {
    await ensureRow(tx, meetingId, memberId);
    const rows = await tx.query(
      // Checking out also ends a roll-call confirmation's presence: the member has left.
      `UPDATE attendance SET hall = $3, hall_since = CASE WHEN $3 THEN $4::timestamptz END,
              roll_call_since = CASE WHEN $3 THEN roll_call_since END
        WHERE meeting_id = $1 AND member_id = $2
          AND (hall <> $3 OR (NOT $3 AND roll_call_since IS NOT NULL)) RETURNING member_id`,
      [meetingId, memberId, present, at],
    );
    if (!rows.length) return { value: undefined, changed: false };
    await logEvent(tx, meetingId, memberId, present ? 'checked_in' : 'checked_out', at);
    return { value: undefined, changed: true };
  });
}

/** One LiveKit participant session of a member: when it joined and (if known) left. */
export interface SessionTimes {
  sid: string;
  joinedAt: Date;
  leftAt: Date | null;
}

/** A stretch of time a member was online; `end` null = still online. */
export interface OnlineInterval {
  sid: string;
  start: Date;
  end: Date | null;
}

/**
 * A member's online intervals from their sessions, whatever order the webhooks came in. LiveKit
 * allows one participant per identity: a session whose leave is not known yet ended when the next
 * one joined (a reconnect replaces the old participant). Overlapping or touching sessions merge.
 */
export function onlineIntervals(sessions: SessionTimes[]): OnlineInterval[] {
  const sorted = [...sessions].sort(
    (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.sid.localeCompare(b.sid),
  );
  const out: OnlineInterval[] = [];
  sorted.forEach((s, i) => {
    const next = sorted[i + 1];
    let end = s.leftAt;
    if (next && (end === null || next.joinedAt < end)) end = next.joinedAt;
    if (end && end < s.joinedAt) end = s.joinedAt;
    const last = out[out.length - 1];
    if (last && last.end !== null && s.joinedAt <= last.end) {
      last.end = end;
      last.sid = s.sid;
    } else {
      out.push({ sid: s.sid, start: s.joinedAt, end });
    }
  });
  return out;
}

/**
 * A member's participant `sid` joined or left the LiveKit room at `at` (LiveKit's time). The
 * session is recorded once (a duplicate changes nothing); presence and the member's joined/left
 * log are then recomputed from all their sessions, so the order webhooks arrive in does not
 * matter. Returns whether presence changed.
 */
export async function recordOnline(
  deps: LiveDeps,
  meetingId: string,
  memberId: string,
  sid: string,
  joined: boolean,
  at: Date,
): Promise<boolean> {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (!(await isBodyMember(deps.db, meeting.body_id, memberId))) return false;
  return mutate(deps, meetingId, async (tx) => {
    await ensureRow(tx, meetingId, memberId);
    // The member's attendance row lock: webhooks for one member, on any instance, take turns.
    const [before] = await tx.query<{
      online: boolean;
      online_since: Date | null;
      roll_call_since: Date | null;
    }>(
      `SELECT online, online_since, roll_call_since FROM attendance
        WHERE meeting_id = $1 AND member_id = $2 FOR UPDATE`,
      [meetingId, memberId],
    );
    const column = joined ? 'joined_at' : 'left_at';
    const recorded = await tx.query(
      `INSERT INTO attendance_sessions (meeting_id, member_id, sid, ${column}) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, sid) DO UPDATE SET ${column} = EXCLUDED.${column}
        WHERE attendance_sessions.${column} IS NULL AND attendance_sessions.member_id = $2
       RETURNING sid`,
      [meetingId, memberId, sid, at],
    );
    if (!recorded.length) return { value: false, changed: false };
    const sessions = (
      await tx.query<{ sid: string; joined_at: Date; left_at: Date | null }>(
        `SELECT sid, joined_at, left_at FROM attendance_sessions
          WHERE meeting_id = $1 AND member_id = $2 AND joined_at IS NOT NULL`,
        [meetingId, memberId],
      )
    ).map((r) => ({
      sid: r.sid,
      joinedAt: new Date(r.joined_at),
      leftAt: r.left_at ? new Date(r.left_at) : null,
    }));
    const intervals = onlineIntervals(sessions);
    if (!intervals.length) return { value: false, changed: false };
    // The joined/left log from the first session on is rewritten from the intervals.
    await tx.query(
      `DELETE FROM attendance_events WHERE meeting_id = $1 AND member_id = $2
         AND event IN ('joined', 'left') AND at >= $3`,
      [meetingId, memberId, intervals[0]!.start],
    );
    for (const i of intervals) {
      await logEvent(tx, meetingId, memberId, 'joined', i.start);
      if (i.end) await logEvent(tx, meetingId, memberId, 'left', i.end);
    }
    const last = intervals[intervals.length - 1]!;
    const online = last.end === null;
    const since = online ? last.start : null;
    await tx.query(
      // Leaving the room also ends a roll-call confirmation's presence.
      `UPDATE attendance SET online = $3, online_sid = $4, online_since = $5,
              roll_call_since = CASE WHEN $3 THEN roll_call_since END
        WHERE meeting_id = $1 AND member_id = $2`,
      [meetingId, memberId, online, online ? last.sid : null, since],
    );
    const changed =
      online !== before!.online ||
      (!online && before!.roll_call_since !== null) ||
      (since?.getTime() ?? null) !==
        (before!.online_since ? new Date(before!.online_since).getTime() : null);
    return { value: changed, changed };
  });
}

/** Starts a roll-call (clearing the previous confirmations), or ends the running one. */
export async function toggleRollCall(deps: LiveDeps, meetingId: string) {
  await ensureLiveRow(deps.db, meetingId);
  const at = new Date(deps.now());
  await mutate(deps, meetingId, async (tx) => {
    const [live] = await tx.query<{ roll_call_open: boolean }>(
      'SELECT roll_call_open FROM meeting_live WHERE meeting_id = $1 FOR UPDATE',
      [meetingId],
    );
    if (live!.roll_call_open) {
      await tx.query('UPDATE meeting_live SET roll_call_open = false WHERE meeting_id = $1', [
        meetingId,
      ]);
    } else {
      await tx.query('DELETE FROM roll_call_confirms WHERE meeting_id = $1', [meetingId]);
      // A new roll-call: the previous one's confirmations no longer make anyone present.
      await tx.query(
        'UPDATE attendance SET roll_call_since = NULL WHERE meeting_id = $1 AND roll_call_since IS NOT NULL',
        [meetingId],
      );
      await tx.query(
        'UPDATE meeting_live SET roll_call_open = true, roll_call_started_at = $2 WHERE meeting_id = $1',
        [meetingId, at],
      );
    }
    return { value: undefined, changed: true };
  });
}

export async function confirmRollCall(deps: LiveDeps, meetingId: string, memberId: string | null) {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (!memberId || !(await isBodyMember(deps.db, meeting.body_id, memberId))) {
    throw conflict(
      'not_a_member',
      'Chỉ thành viên của cơ quan họp mới điểm danh.',
      'Only members of the meeting body answer the roll-call.',
    );
  }
  await ensureLiveRow(deps.db, meetingId);
  const at = new Date(deps.now());
  await mutate(deps, meetingId, async (tx) => {
    const [live] = await tx.query<{ roll_call_open: boolean }>(
      'SELECT roll_call_open FROM meeting_live WHERE meeting_id = $1 FOR UPDATE',
      [meetingId],
    );
    if (!live!.roll_call_open) {
      throw conflict(
        'roll_call_closed',
        'Hiện không có điểm danh; chờ chủ tọa bắt đầu điểm danh.',
        'No roll-call is running; wait for the chair to start one.',
      );
    }
    const rows = await tx.query(
      `INSERT INTO roll_call_confirms (meeting_id, member_id, confirmed_at) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, member_id) DO NOTHING RETURNING member_id`,
      [meetingId, memberId, at],
    );
    if (!rows.length) return { value: undefined, changed: false };
    // The confirmation makes the member present (the console's count and the minutes agree).
    await ensureRow(tx, meetingId, memberId);
    await tx.query(
      'UPDATE attendance SET roll_call_since = $3 WHERE meeting_id = $1 AND member_id = $2',
      [meetingId, memberId, at],
    );
    await logEvent(tx, meetingId, memberId, 'roll_call', at);
    return { value: undefined, changed: true };
  });
}

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
      `UPDATE attendance SET hall = $3, hall_since = CASE WHEN $3 THEN $4::timestamptz END
        WHERE meeting_id = $1 AND member_id = $2 AND hall <> $3 RETURNING member_id`,
      [meetingId, memberId, present, at],
    );
    if (!rows.length) return { value: undefined, changed: false };
    await logEvent(tx, meetingId, memberId, present ? 'checked_in' : 'checked_out', at);
    return { value: undefined, changed: true };
  });
}

/** A member's participant joined (sid) or left the LiveKit room. Returns whether anything changed. */
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
    const rows = joined
      ? await tx.query(
          `UPDATE attendance SET online = true, online_sid = $3,
             online_since = CASE WHEN online THEN online_since ELSE $4::timestamptz END
            WHERE meeting_id = $1 AND member_id = $2 RETURNING member_id`,
          [meetingId, memberId, sid, at],
        )
      : // A reconnect with the same identity replaces the old participant: only the current one's
        // departure makes the member absent.
        await tx.query(
          `UPDATE attendance SET online = false, online_sid = NULL, online_since = NULL
            WHERE meeting_id = $1 AND member_id = $2 AND online AND online_sid = $3
            RETURNING member_id`,
          [meetingId, memberId, sid],
        );
    if (!rows.length) return { value: false, changed: false };
    await logEvent(tx, meetingId, memberId, joined ? 'joined' : 'left', at);
    return { value: true, changed: true };
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
    await logEvent(tx, meetingId, memberId, 'roll_call', at);
    return { value: undefined, changed: true };
  });
}

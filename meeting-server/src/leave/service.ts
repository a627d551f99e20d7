// Leave requests (xin vắng): a delegate invited to a meeting asks to be excused with a reason; the
// chair of the meeting or the secretariat approves or declines. A decision changes the meeting's
// attendance (an approved absence shows as excused), so it is a live change announced to every
// client; the total that quorum counts from never changes.
import { randomUUID } from 'node:crypto';
import type { DecideLeave, LeaveRequest, LeaveStatus, RequestLeave } from '../../../shared/leave';
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError, forbidden, notFound } from '../http/errors';
import type { LiveDeps } from '../live/context';
import { loadMeeting, mutate } from '../live/state';
import { isBodyMember } from '../meetings/store';

interface LeaveRow {
  id: string;
  meeting_id: string;
  member_id: string;
  full_name: string;
  reason: string;
  status: LeaveStatus;
  requested_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  note: string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const toLeave = (r: LeaveRow): LeaveRequest => ({
  id: r.id,
  meetingId: r.meeting_id,
  memberId: r.member_id,
  name: r.full_name,
  reason: r.reason,
  status: r.status,
  requestedAt: iso(r.requested_at),
  decidedAt: r.decided_at ? iso(r.decided_at) : null,
  decidedBy: r.decided_by,
  note: r.note,
});

const SELECT = `SELECT lr.*, mb.full_name FROM leave_requests lr JOIN members mb ON mb.id = lr.member_id`;

const noRequest = () => notFound('Không tìm thấy đơn xin vắng này.', 'No such leave request.');
const closed = () =>
  new HttpError(
    409,
    ErrorCode.meetingClosed,
    'Cuộc họp đã kết thúc; không còn xin vắng hay duyệt đơn xin vắng được nữa.',
    'The meeting has ended; leave can no longer be asked for or decided.',
  );

const changedSince = () =>
  new HttpError(
    409,
    ErrorCode.leaveChanged,
    'Đại biểu vừa gửi lại đơn xin vắng với lý do mới. Hãy đọc lại đơn rồi duyệt.',
    'The delegate has just sent the request again with a new reason. Read it again, then decide.',
  );

/**
 * Inside a change's transaction: the meeting is still open, and stays so until the change commits
 * (closing the meeting updates the row this locks, so it waits, or this sees it closed).
 */
async function stillOpen(tx: Queryable, meetingId: string): Promise<void> {
  const [m] = await tx.query<{ status: string }>(
    'SELECT status FROM meetings WHERE id = $1 FOR SHARE',
    [meetingId],
  );
  if (!m || m.status === 'closed') throw closed();
}

async function byId(db: Queryable, id: string): Promise<LeaveRow | undefined> {
  return (await db.query<LeaveRow>(`${SELECT} WHERE lr.id = $1`, [id]))[0];
}

/**
 * The delegate behind a participant session asks to be excused (only for themself: the member
 * comes from the signed session, never from the body). Asking again replaces the reason and
 * waits for a new decision.
 */
export async function requestLeave(
  deps: LiveDeps,
  meetingId: string,
  memberId: string | null,
  body: RequestLeave,
): Promise<LeaveRequest> {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (!memberId || !(await isBodyMember(deps.db, meeting.body_id, memberId))) {
    throw forbidden(
      'Chỉ đại biểu là thành viên của cơ quan họp mới xin vắng được.',
      'Only a delegate who is a member of the meeting body can ask for leave.',
    );
  }
  if (meeting.status === 'closed') throw closed();
  const at = new Date(deps.now());
  const id = await mutate(deps, meetingId, async (tx) => {
    await stillOpen(tx, meetingId);
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO leave_requests (id, meeting_id, member_id, reason, requested_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, member_id) DO UPDATE
         SET reason = EXCLUDED.reason, requested_at = EXCLUDED.requested_at, status = 'pending',
             decided_at = NULL, decided_by = NULL, note = NULL
       RETURNING id`,
      [randomUUID(), meetingId, memberId, body.reason, at],
    );
    // A request replaced after approval withdraws the excuse: the attendance changes.
    return { value: rows[0]!.id, changed: true };
  });
  return toLeave((await byId(deps.db, id))!);
}

export async function myLeave(
  db: Queryable,
  meetingId: string,
  memberId: string | null,
): Promise<{ request: LeaveRequest | null }> {
  if (!memberId) return { request: null };
  const rows = await db.query<LeaveRow>(
    `${SELECT} WHERE lr.meeting_id = $1 AND lr.member_id = $2`,
    [meetingId, memberId],
  );
  return { request: rows[0] ? toLeave(rows[0]) : null };
}

export async function listLeave(db: Queryable, meetingId: string): Promise<LeaveRequest[]> {
  await loadMeeting(db, meetingId);
  const rows = await db.query<LeaveRow>(
    `${SELECT} WHERE lr.meeting_id = $1 ORDER BY lr.requested_at, lr.id`,
    [meetingId],
  );
  return rows.map(toLeave);
}

/**
 * The chair (of the request's meeting, `meetingId` from their session) or the secretariat
 * (`meetingId` null) approves or declines a request: the one they read (`body.requestedAt`, or
 * the one read here). If the delegate has asked again since, with a new reason, the decision is
 * refused (409) rather than applied to a reason the decider never saw.
 */
export async function decideLeave(
  deps: LiveDeps,
  requestId: string,
  meetingId: string | null,
  decidedBy: string,
  body: DecideLeave,
): Promise<LeaveRequest> {
  const found = await byId(deps.db, requestId);
  // A chair of another meeting learns nothing about this one's requests.
  if (!found || (meetingId !== null && found.meeting_id !== meetingId)) throw noRequest();
  const meeting = await loadMeeting(deps.db, found.meeting_id);
  if (meeting.status === 'closed') throw closed();
  const seen = body.requestedAt ? new Date(body.requestedAt) : new Date(found.requested_at);
  await mutate(deps, found.meeting_id, async (tx) => {
    await stillOpen(tx, found.meeting_id);
    const rows = await tx.query(
      `UPDATE leave_requests SET status = $2, decided_at = $3, decided_by = $4, note = $5
        WHERE id = $1 AND requested_at = $6 RETURNING id`,
      [
        requestId,
        body.approved ? 'approved' : 'declined',
        new Date(deps.now()),
        decidedBy,
        body.note || null,
        seen,
      ],
    );
    if (rows.length === 0) throw changedSince();
    return { value: undefined, changed: true };
  });
  return toLeave((await byId(deps.db, requestId))!);
}

// Issuing, listing and revoking invitations, and the QR code of a voter meeting's public link.
// Links are `<PUBLIC_URL>/j/<token>`; the token is signed from the stored row, so the same link
// can be shown again at any time and stops working when the row is revoked or expires.
import QRCode from 'qrcode';
import type { Invitation, IssueInvitation } from '../../../shared/admin';
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError, badRequest, notFound } from '../http/errors';
import { invitationToken } from '../invitations/service';
import { removeJoinedWith, type LiveKit } from '../livekit/livekit';
import { sessionEnded } from '../auth/standing';
import {
  countInCouncil,
  createInvitation,
  findInvitationOf,
  getBody,
  type InvitationListRow,
  listInvitations,
  liveVoterInvitation,
  revokeInvitation,
  type MeetingRow,
} from '../meetings/store';

const DAY = 24 * 3600 * 1000;

export interface LinkDeps {
  secret: string;
  publicUrl: string;
}

export function joinUrl(deps: LinkDeps, row: { id: string; meeting_id: string; expires_at: Date }) {
  const token = invitationToken(deps.secret, {
    id: row.id,
    meetingId: row.meeting_id,
    expiresAt: new Date(row.expires_at),
  });
  return `${deps.publicUrl}/j/${token}`;
}

export function toInvitation(deps: LinkDeps, r: InvitationListRow): Invitation {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    role: r.role,
    memberId: r.member_id,
    name: r.member_name ?? r.display_name,
    expiresAt: new Date(r.expires_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    url: joinUrl(deps, r),
  };
}

const meetingClosed = () =>
  new HttpError(
    409,
    ErrorCode.meetingClosed,
    'Cuộc họp đã kết thúc; không cấp thêm liên kết mời.',
    'This meeting has ended; no more invitations are issued.',
  );

function expiryOf(meeting: MeetingRow, requested: string | undefined, nowMs: number): Date {
  const expiresAt = requested
    ? new Date(requested)
    : new Date(new Date(meeting.starts_at).getTime() + 30 * DAY);
  if (expiresAt.getTime() <= nowMs) {
    throw badRequest(
      'Thời hạn của liên kết mời phải ở tương lai.',
      'The invitation must expire in the future.',
    );
  }
  return expiresAt;
}

/**
 * Issues one invitation. The public voter link exists once per voter meeting: asking again
 * returns the live one (`created: false`).
 */
export async function issueInvitation(
  db: Queryable,
  meeting: MeetingRow,
  body: IssueInvitation,
  nowMs: number,
): Promise<{ row: InvitationListRow; created: boolean }> {
  if (meeting.status === 'closed') throw meetingClosed();
  if (body.role === 'voter') {
    if (meeting.kind !== 'voter') {
      throw badRequest(
        'Chỉ buổi tiếp xúc cử tri mới có liên kết công khai cho cử tri.',
        'Only a constituent (voter) meeting has a public voter link.',
      );
    }
    const live = await liveVoterInvitation(db, meeting.id, nowMs);
    if (live) return { row: live, created: false };
  }
  if (
    body.memberId &&
    (await countInCouncil(db, 'members', meeting.council_id, [body.memberId])) !== 1
  ) {
    throw badRequest(
      'Người được mời không phải là đại biểu của Hội đồng này.',
      'The invited person is not a member of this council.',
    );
  }
  if (body.role === 'member' && !body.memberId) {
    throw badRequest(
      'Giấy mời đại biểu phải gắn với một đại biểu (memberId).',
      'A delegate invitation must name a member (memberId).',
    );
  }
  const id = await createInvitation(db, {
    meetingId: meeting.id,
    role: body.role,
    ...(body.memberId ? { memberId: body.memberId } : {}),
    ...(body.displayName && !body.memberId ? { displayName: body.displayName } : {}),
    expiresAt: expiryOf(meeting, body.expiresAt, nowMs),
  });
  const row = await findInvitationOf(db, meeting.id, id);
  return { row: row!, created: true };
}

/** Issues a delegate invitation for every member of the meeting's body who has no live one. */
export async function issueBodyInvitations(
  db: Queryable,
  meeting: MeetingRow,
  requestedExpiry: string | undefined,
  nowMs: number,
): Promise<InvitationListRow[]> {
  if (meeting.status === 'closed') throw meetingClosed();
  const body = await getBody(db, meeting.body_id);
  const expiresAt = expiryOf(meeting, requestedExpiry, nowMs);
  const existing = await listInvitations(db, meeting.id);
  const covered = new Set(
    existing
      .filter((i) => i.member_id && !i.revoked_at && new Date(i.expires_at).getTime() > nowMs)
      .map((i) => i.member_id),
  );
  for (const memberId of body?.memberIds ?? []) {
    if (covered.has(memberId)) continue;
    await createInvitation(db, { meetingId: meeting.id, role: 'member', memberId, expiresAt });
  }
  return listInvitations(db, meeting.id);
}

/** The QR code of a voter meeting's live public link, as PNG or SVG. */
export async function voterQr(
  db: Queryable,
  deps: LinkDeps,
  meetingId: string,
  format: 'png' | 'svg',
  nowMs: number,
): Promise<Buffer | string> {
  const live = await liveVoterInvitation(db, meetingId, nowMs);
  if (!live) {
    throw notFound(
      'Cuộc họp này chưa có liên kết công khai cho cử tri. Văn phòng HĐND cần cấp liên kết trước.',
      'This meeting has no public voter link yet. The secretariat must issue one first.',
    );
  }
  const url = joinUrl(deps, live);
  const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
  return format === 'png'
    ? QRCode.toBuffer(url, { ...options, type: 'png', width: 512 })
    : QRCode.toString(url, { ...options, type: 'svg' });
}

/**
 * Revokes an invitation and ends its sessions at once: every later request of a session from it
 * is refused (auth/participant.ts re-checks the invitation), and whoever joined the LiveKit room
 * with it is removed now. LiveKit being unreachable does not undo the revocation (logged).
 */
export async function revokeAndRemove(
  deps: { db: Queryable; livekit: LiveKit; log: (err: unknown) => void },
  meetingId: string,
  invitationId: string,
  nowMs: number,
): Promise<void> {
  await revokeInvitation(deps.db, invitationId, nowMs);
  const [meeting] = await deps.db.query<{ room_name: string }>(
    'SELECT room_name FROM meetings WHERE id = $1',
    [meetingId],
  );
  if (!meeting) return;
  await removeJoinedWith(deps.livekit.rooms, meeting.room_name, invitationId).catch(deps.log);
}

/**
 * A member's term has ended (on or before today): their sessions end at once, like a revocation's.
 * Every request re-checks the term (auth/standing.ts); here the member is removed from the LiveKit
 * room of every meeting of their council not yet closed. LiveKit being unreachable is logged.
 */
export async function removeIfTermEnded(
  deps: { db: Queryable; livekit: LiveKit; log: (err: unknown) => void },
  memberId: string,
  termEndedOn: string | null,
  nowMs: number,
): Promise<void> {
  const ended = sessionEnded(
    { revoked_at: null, expires_at: new Date(nowMs + 1), term_ended_on: termEndedOn },
    nowMs,
  );
  if (ended !== 'term_ended') return;
  const rooms = await deps.db.query<{ room_name: string }>(
    `SELECT mt.room_name FROM meetings mt JOIN members m ON m.council_id = mt.council_id
      WHERE m.id = $1 AND mt.status <> 'closed'`,
    [memberId],
  );
  await Promise.all(
    rooms.map((r) =>
      deps.livekit.rooms.removeParticipant(r.room_name, `member:${memberId}`).catch((err) => {
        if (!/not found|does not exist|not_found/i.test(String(err))) deps.log(err);
      }),
    ),
  );
}

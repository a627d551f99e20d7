// Exchanges a signed invitation for what the lobby shows and for a LiveKit token.
// The server alone decides identity, room and grants; the client only presents the link.
import { randomUUID } from 'node:crypto';
import type { InvitationInfo, JoinRequest, JoinResponse } from '../../../shared/api';
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError, badRequest } from '../http/errors';
import type { LiveKit } from '../livekit/livekit';
import { findInvitation, type InvitationRow } from '../meetings/store';
import { signInvitation, verifyInvitation } from './token';
import { sessionTtlSeconds, signParticipant, type ParticipantClaims } from '../auth/participant';
import { publishingNow } from '../floor/service';
import { enforce, type Limit } from '../http/rate-limit';
import { assertStanding, invitationExpired, invitationInvalid } from '../auth/standing';

export interface InvitationDeps {
  db: Queryable;
  secret: string;
  now: () => number;
}

/** Verifies the token's signature and expiry, then loads the invitation and checks it still stands. */
export async function resolveInvitation(
  deps: InvitationDeps,
  token: string,
): Promise<InvitationRow> {
  const verified = verifyInvitation(deps.secret, token, deps.now());
  if (!verified.ok) {
    throw verified.reason === 'expired' ? invitationExpired() : invitationInvalid();
  }
  const row = await findInvitation(deps.db, verified.claims.iid);
  if (!row || row.meeting_id !== verified.claims.mid) throw invitationInvalid();
  assertStanding(row, deps.now());
  return row;
}

export function invitationInfo(row: InvitationRow): InvitationInfo {
  return {
    meeting: {
      id: row.meeting_id,
      title: row.meeting_title,
      kind: row.meeting_kind,
      status: row.meeting_status,
      startsAt: new Date(row.starts_at).toISOString(),
      councilName: row.council_name,
    },
    role: row.role,
    name: row.member_name ?? row.display_name,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** Signs a join link token for an invitation row (used when issuing links). */
export function invitationToken(
  secret: string,
  inv: { id: string; meetingId: string; expiresAt: Date },
) {
  return signInvitation(secret, {
    iid: inv.id,
    mid: inv.meetingId,
    exp: Math.floor(inv.expiresAt.getTime() / 1000),
  });
}

async function issueSession(
  deps: InvitationDeps & { livekit: LiveKit },
  row: InvitationRow,
  identity: string,
  name: string,
  ward?: string,
  device?: string,
): Promise<JoinResponse> {
  // The token carries exactly the participant's state now: by role, or a voter's or guest's floor
  // (microphone only, and the token ends with the floor: LiveKit cannot take a token back).
  // A token granted by the floor ends with it; one granted by free discussion is taken back by the
  // permission update when the chair closes it (and re-checked at every join).
  const now = deps.now();
  const { publishing, floorEnds: heldUntil } = await publishingNow(
    deps.db,
    row.meeting_id,
    { identity, role: row.role, memberId: row.member_id },
    now,
  );
  const floorEnds = publishing === 'microphone' ? heldUntil : null;
  const ends = [new Date(row.expires_at).getTime(), ...(floorEnds ? [floorEnds.getTime()] : [])];
  const untilEnd = Math.floor((Math.min(...ends) - now) / 1000);
  const { token, expiresAt } = await deps.livekit.mintToken({
    identity,
    name,
    room: row.room_name,
    role: row.role,
    canPublish: publishing !== 'none',
    publishing,
    ttlSeconds: Math.max(1, Math.min(deps.livekit.tokenTtlSeconds, untilEnd)),
    metadata: {
      invitationId: row.id,
      ...(row.member_id ? { memberId: row.member_id } : {}),
      ...(ward ? { ward } : {}),
    },
  });
  const canPublish = publishing !== 'none';
  const sessionToken = signParticipant(deps.secret, {
    mid: row.meeting_id,
    sub: identity,
    role: row.role,
    memberId: row.member_id,
    name,
    iid: row.id,
    ...(device ? { dev: device } : {}),
    exp: Math.floor(deps.now() / 1000) + sessionTtlSeconds(deps.livekit.tokenTtlSeconds),
  });
  return {
    livekitUrl: deps.livekit.url,
    token,
    identity,
    room: row.room_name,
    role: row.role,
    name,
    expiresAt: expiresAt.toISOString(),
    canPublish,
    sessionToken,
    meetingId: row.meeting_id,
  };
}

const meetingClosed = () =>
  new HttpError(409, ErrorCode.meetingClosed, 'Cuộc họp đã kết thúc.', 'This meeting has ended.');

/** Exchanges an invitation for a LiveKit token and a participant session. */
export async function join(
  deps: InvitationDeps & { livekit: LiveKit; invitationLimit?: Limit | null },
  req: JoinRequest,
): Promise<JoinResponse> {
  const row = await resolveInvitation(deps, req.invitation);
  // A personal invitation is one person; the public voter link is shared by the whole hall.
  if (row.role !== 'voter') {
    await enforce(deps.db, `join-inv:${row.id}`, deps.invitationLimit ?? null, deps.now());
  }
  if (row.meeting_status === 'closed') throw meetingClosed();
  const name = row.member_name ?? row.display_name ?? req.name;
  if (!name) {
    throw badRequest('Vui lòng nhập họ và tên để tham gia.', 'Please enter your name to join.');
  }
  const identity = row.member_id
    ? `member:${row.member_id}`
    : row.role === 'voter'
      ? `voter:${randomUUID()}`
      : `${row.role}:${row.id}`;
  return issueSession(deps, row, identity, name, req.ward, req.device);
}

/**
 * Renews a participant's LiveKit token and session before they expire, re-checking that the
 * invitation still stands (not revoked, not expired) and the meeting is not closed. Identity and
 * name stay the same.
 */
export async function refresh(
  deps: InvitationDeps & { livekit: LiveKit },
  claims: ParticipantClaims,
): Promise<JoinResponse> {
  const row = await findInvitation(deps.db, claims.iid);
  if (!row || row.meeting_id !== claims.mid) throw invitationInvalid();
  assertStanding(row, deps.now());
  if (row.meeting_status === 'closed') throw meetingClosed();
  return issueSession(deps, row, claims.sub, claims.name, undefined, claims.dev);
}

// Does the invitation behind a link or a participant session still stand? The one rule that join,
// refresh and every participant request (participant.ts requireParticipant) go through, so
// revoking or expiring an invitation ends its sessions at once. A new reason a session ends (a
// member's term ending) is added here: a column in STANDING_SQL and a line in `sessionEnded`.
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';

/** What the rule reads of an invitation (InvitationRow has these too). */
export interface Standing {
  revoked_at: Date | string | null;
  expires_at: Date | string;
}

export type Ended = 'gone' | 'revoked' | 'expired';

/** Why sessions from this invitation have ended, or null while it stands (pure). */
export function sessionEnded(row: Standing | undefined, nowMs: number): Ended | null {
  if (!row) return 'gone';
  if (row.revoked_at) return 'revoked';
  if (new Date(row.expires_at).getTime() <= nowMs) return 'expired';
  return null;
}

/** One primary-key lookup: what every participant request costs to re-check its invitation. */
const STANDING_SQL = 'SELECT revoked_at, expires_at FROM invitations WHERE id = $1';

export async function loadStanding(db: Queryable, iid: string): Promise<Standing | undefined> {
  const rows = await db.query<Standing>(STANDING_SQL, [iid]);
  return rows[0];
}

export const invitationInvalid = () =>
  new HttpError(
    401,
    ErrorCode.invitationInvalid,
    'Liên kết mời không hợp lệ. Hãy mở lại đúng liên kết trong thư mời hoặc xin văn phòng HĐND gửi lại.',
    'This invitation link is not valid. Open the exact link from your invitation or ask the secretariat for a new one.',
  );

export const invitationExpired = () =>
  new HttpError(
    401,
    ErrorCode.invitationExpired,
    'Liên kết mời đã hết hạn. Xin văn phòng HĐND gửi liên kết mới.',
    'This invitation link has expired. Ask the secretariat for a new one.',
  );

export const invitationRevoked = () =>
  new HttpError(
    401,
    ErrorCode.invitationRevoked,
    'Liên kết mời này đã bị thu hồi. Xin văn phòng HĐND gửi liên kết mới.',
    'This invitation has been revoked. Ask the secretariat for a new one.',
  );

/** The 401 that tells the user why: revoked, expired, or no longer valid. */
export function endedError(reason: Ended): HttpError {
  return reason === 'revoked'
    ? invitationRevoked()
    : reason === 'expired'
      ? invitationExpired()
      : invitationInvalid();
}

/** Throws the 401 of `sessionEnded` unless the invitation stands. */
export function assertStanding(row: Standing | undefined, nowMs: number): void {
  const ended = sessionEnded(row, nowMs);
  if (ended) throw endedError(ended);
}

// Does the invitation behind a link or a participant session still stand? The one rule that join,
// refresh, every participant request (participant.ts requireParticipant) and every join of the
// LiveKit room (attendance/admission.ts) go through, so revoking or expiring an invitation, or the
// member's term ending, ends its sessions at once. A new reason a session ends is added here: a
// column in STANDING_SQL and a line in `sessionEnded`.
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';

/** What the rule reads of an invitation (InvitationRow has these too). */
export interface Standing {
  revoked_at: Date | string | null;
  expires_at: Date | string;
  /** A member's invitation: the day (YYYY-MM-DD) the member's term ended, if it has. */
  term_ended_on?: string | null;
}

export type Ended = 'gone' | 'revoked' | 'expired' | 'term_ended';

/** The calendar day in Vietnam (UTC+7, no daylight saving) at `ms`: the day a term is judged on. */
export const vietnamDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** Why sessions from this invitation have ended, or null while it stands (pure). */
export function sessionEnded(row: Standing | undefined, nowMs: number): Ended | null {
  if (!row) return 'gone';
  if (row.revoked_at) return 'revoked';
  if (new Date(row.expires_at).getTime() <= nowMs) return 'expired';
  // A term that ended on or before today (the same rule as the quorum's, live/state.ts).
  if (row.term_ended_on && row.term_ended_on <= vietnamDay(nowMs)) return 'term_ended';
  return null;
}

/** Two primary-key lookups: what every participant request costs to re-check its invitation. */
const STANDING_SQL = `SELECT i.revoked_at, i.expires_at,
         to_char(m.term_ended_on, 'YYYY-MM-DD') AS term_ended_on
    FROM invitations i LEFT JOIN members m ON m.id = i.member_id WHERE i.id = $1`;

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

export const termEnded = () =>
  new HttpError(
    401,
    ErrorCode.termEnded,
    'Nhiệm kỳ đại biểu của bạn đã kết thúc nên liên kết mời này không còn dùng được. Nếu có nhầm lẫn, hãy liên hệ văn phòng HĐND.',
    'Your term as a delegate has ended, so this invitation no longer works. If this is a mistake, contact the secretariat.',
  );

/** The 401 that tells the user why: revoked, expired, term ended, or no longer valid. */
export function endedError(reason: Ended): HttpError {
  switch (reason) {
    case 'revoked':
      return invitationRevoked();
    case 'expired':
      return invitationExpired();
    case 'term_ended':
      return termEnded();
    case 'gone':
      return invitationInvalid();
  }
}

/** Throws the 401 of `sessionEnded` unless the invitation stands. */
export function assertStanding(row: Standing | undefined, nowMs: number): void {
  const ended = sessionEnded(row, nowMs);
  if (ended) throw endedError(ended);
}

// Who may read a package. Public packages: anyone, once published. Private packages: a delegate
// holding a package reader token, which the server mints in exchange for a valid invitation to the
// package's meeting (any role but the public voter link); the token names the package and the
// invitation, and every read re-checks that the invitation still stands.
import { ErrorCode } from '../../../shared/errors';
import { z } from '../../../shared/zod';
import { signPayload, verifyPayload } from '../auth/signed';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { findInvitation, type InvitationRow } from '../meetings/store';
import type { PackageRow } from './store';

const PURPOSE = 'package-reader.v1';

const ReaderClaims = z.object({ pid: z.string(), iid: z.string(), exp: z.number() });
export type ReaderClaims = z.infer<typeof ReaderClaims>;

export function signReader(secret: string, claims: ReaderClaims): string {
  return signPayload(secret, PURPOSE, claims);
}

export function verifyReader(secret: string, token: string, nowMs: number): ReaderClaims | null {
  const unsigned = verifyPayload(secret, PURPOSE, token);
  if (!unsigned.ok) return null;
  const parsed = ReaderClaims.safeParse(unsigned.payload);
  if (!parsed.success || parsed.data.exp * 1000 <= nowMs) return null;
  return parsed.data;
}

export const needInvitation = () =>
  new HttpError(
    401,
    ErrorCode.unauthorized,
    'Bộ tài liệu này chỉ dành cho đại biểu được mời. Hãy mở liên kết cá nhân văn phòng HĐND đã gửi cho bạn.',
    'This package is for invited delegates only. Open the personal link the secretariat sent you.',
  );

export const otherMeeting = () =>
  new HttpError(
    403,
    ErrorCode.forbidden,
    'Giấy mời của bạn thuộc cuộc họp khác, không mở được bộ tài liệu này.',
    'Your invitation is for another meeting and cannot open this package.',
  );

/** Whether an invitation row may read the private packages of its meeting now. */
export function invitationReads(
  row: InvitationRow,
  packageRow: PackageRow,
  nowMs: number,
): boolean {
  return (
    row.meeting_id === packageRow.meeting_id &&
    row.role !== 'voter' &&
    !row.revoked_at &&
    new Date(row.expires_at).getTime() > nowMs
  );
}

/**
 * Throws unless the request may read this (published) package; answers the invitation the reader
 * token stands for (null for a public package, which anyone reads without one).
 */
export async function checkReader(
  db: Queryable,
  secret: string,
  nowMs: number,
  p: PackageRow,
  authorization: string | undefined,
): Promise<string | null> {
  if (p.visibility === 'public') return null;
  const match = /^Bearer ([A-Za-z0-9_.-]{10,2048})$/.exec(authorization ?? '');
  if (!match) throw needInvitation();
  const claims = verifyReader(secret, match[1]!, nowMs);
  if (!claims) throw needInvitation();
  if (claims.pid !== p.id) throw otherMeeting();
  const row = await findInvitation(db, claims.iid);
  if (!row || !invitationReads(row, p, nowMs)) throw otherMeeting();
  return row.id;
}

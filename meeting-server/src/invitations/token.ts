// Signed invitation tokens for join links (`/j/<token>`): invitation id, meeting id, expiry.
// Pure functions: the caller passes the secret and the current time.
import { signPayload, verifyPayload } from '../auth/signed';

const PURPOSE = 'invitation.v1';

export interface InvitationClaims {
  /** Invitation id (row in `invitations`). */
  iid: string;
  /** Meeting the invitation is bound to. */
  mid: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type VerifyResult =
  | { ok: true; claims: InvitationClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function signInvitation(secret: string, claims: InvitationClaims): string {
  return signPayload(secret, PURPOSE, [claims.iid, claims.mid, claims.exp]);
}

export function verifyInvitation(secret: string, token: string, nowMs: number): VerifyResult {
  const unsigned = verifyPayload(secret, PURPOSE, token);
  if (!unsigned.ok) return unsigned;
  const p = unsigned.payload;
  if (
    !Array.isArray(p) ||
    p.length !== 3 ||
    typeof p[0] !== 'string' ||
    typeof p[1] !== 'string' ||
    typeof p[2] !== 'number'
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const claims: InvitationClaims = { iid: p[0], mid: p[1], exp: p[2] };
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

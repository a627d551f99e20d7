// Participant sessions: after joining, a client holds a short-lived signed session token naming
// its meeting, identity and role. Every in-meeting request (raise a hand, vote, petition) carries
// it as `Authorization: Bearer …`; the server trusts nothing else the client says about itself.
import type { NextFunction, Request, Response } from 'express';
import { Role } from '../../../shared/domain';
import { ErrorCode } from '../../../shared/errors';
import { z } from '../../../shared/zod';
import { HttpError } from '../http/errors';
import type { Queryable } from '../db/database';
import { endedError, loadStanding, sessionEnded } from './standing';
import { signPayload, verifyPayload } from './signed';

const PURPOSE = 'participant.v1';

export const ParticipantClaims = z.object({
  /** Meeting id. */
  mid: z.string(),
  /** LiveKit identity, e.g. `member:<id>` or `voter:<uuid>`. */
  sub: z.string(),
  role: Role,
  /** The council member behind this participant, if any. */
  memberId: z.string().nullable(),
  name: z.string(),
  /** Invitation the session came from (re-checked on every request). */
  iid: z.string(),
  /** The device id sent at join (shared/device.ts), for limits per invitation and device. */
  dev: z.string().optional(),
  /** Expiry, seconds since the epoch. */
  exp: z.number(),
});
export type ParticipantClaims = z.infer<typeof ParticipantClaims>;

/**
 * A participant session lasts half as long again as its LiveKit token, so the client can still
 * refresh both a little after the token expired (a laptop waking up): 15 minutes for the default
 * 10-minute tokens.
 */
export const sessionTtlSeconds = (tokenTtlSeconds: number) => Math.ceil(tokenTtlSeconds * 1.5);

export const SESSION_TTL_SECONDS = sessionTtlSeconds(10 * 60);

export function signParticipant(secret: string, claims: ParticipantClaims): string {
  return signPayload(secret, PURPOSE, claims);
}

export type ParticipantResult =
  | { ok: true; claims: ParticipantClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyParticipant(secret: string, token: string, nowMs: number): ParticipantResult {
  const unsigned = verifyPayload(secret, PURPOSE, token);
  if (!unsigned.ok) return unsigned;
  const parsed = ParticipantClaims.safeParse(unsigned.payload);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: parsed.data };
}

const sessionError = (expired: boolean) =>
  new HttpError(
    401,
    expired ? 'session_expired' : ErrorCode.unauthorized,
    expired
      ? 'Phiên tham gia đã hết hạn. Tải lại trang để tham gia lại.'
      : 'Bạn chưa tham gia cuộc họp này. Mở lại liên kết mời để tham gia.',
    expired
      ? 'Your meeting session has expired. Reload the page to rejoin.'
      : 'You have not joined this meeting. Open your invitation link to join.',
  );

export interface ParticipantAuthDeps {
  db: Queryable;
  secret: string;
  now: () => number;
}

/**
 * Reads and verifies the Bearer session token, then re-checks that the invitation it came from
 * still stands (one primary-key lookup, auth/standing.ts), so revoking or expiring an
 * invitation ends its sessions at the next request; puts the claims in `res.locals.participant`.
 */
export function requireParticipant(deps: ParticipantAuthDeps) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_.-]{10,2048})$/.exec(header);
    if (!match) return next(sessionError(false));
    const now = deps.now();
    const result = verifyParticipant(deps.secret, match[1]!, now);
    if (!result.ok) return next(sessionError(result.reason === 'expired'));
    const meetingId = req.params.meetingId;
    if (typeof meetingId === 'string' && meetingId !== result.claims.mid) {
      return next(
        new HttpError(
          403,
          ErrorCode.forbidden,
          'Phiên tham gia này thuộc cuộc họp khác.',
          'This session belongs to another meeting.',
        ),
      );
    }
    loadStanding(deps.db, result.claims.iid).then((row) => {
      const ended = sessionEnded(row, now);
      if (ended) return next(endedError(ended));
      res.locals.participant = result.claims;
      next();
    }, next);
  };
}

/** The verified participant of a request that passed `requireParticipant`. */
export function participantOf(res: Response): ParticipantClaims {
  return res.locals.participant as ParticipantClaims;
}

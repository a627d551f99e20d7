// Joining routes: what an invitation leads to (the lobby), the exchange of an invitation for a
// LiveKit token and a participant session, and renewing both before they expire. Rate-limited per
// IP, per personal invitation and per session (http/rate-limits.ts).
import { InvitationToken } from '../../../shared/api';
import { joiningRoutes as api } from '../../../shared/routes/joining';
import { participantOf } from '../auth/participant';
import { parse } from '../http/errors';
import { enforce } from '../http/rate-limit';
import type { RateLimits } from '../http/rate-limits';
import { defineRoute, type RouteDef } from '../http/route';
import type { LiveKit } from '../livekit/livekit';
import { invitationInfo, join, refresh, resolveInvitation, type InvitationDeps } from './service';

export function invitationRoutes(
  deps: InvitationDeps & { livekit: LiveKit; rateLimits: RateLimits },
): RouteDef[] {
  const { db, now, rateLimits } = deps;
  const invitationDeps: InvitationDeps = { db, secret: deps.secret, now };
  return [
    defineRoute(api.invitation, async ({ params }) =>
      invitationInfo(await resolveInvitation(invitationDeps, parse(InvitationToken, params.token))),
    ),
    defineRoute(
      api.join,
      ({ body }) =>
        join(
          { ...invitationDeps, livekit: deps.livekit, invitationLimit: rateLimits.joinInvitation },
          body,
        ),
      { before: (req) => enforce(db, `join-ip:${req.ip}`, rateLimits.joinIp, now()) },
    ),
    defineRoute(
      api.refreshSession,
      async ({ req, res }) => {
        const who = participantOf(res);
        await enforce(db, `refresh:${who.mid}:${who.sub}`, rateLimits.refresh, now());
        await enforce(db, `refresh-ip:${req.ip}`, rateLimits.refreshIp, now());
        return refresh({ ...invitationDeps, livekit: deps.livekit }, who);
      },
      // Renewing one's own session is not an action of the meeting.
      { audit: false },
    ),
  ];
}

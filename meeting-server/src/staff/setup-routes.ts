// Routes of the first run and of a staff member's own account: check and use the one-time setup
// link (creates the first administrator and signs them in), and change one's own password.
import { staffRoutes as api } from '../../../shared/routes/staff';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/database';
import { enforce } from '../http/rate-limit';
import { defineRoute, type RouteDef } from '../http/route';
import { changePassword } from './service';
import { checkSetupLink, completeSetup } from './setup';
import {
  STAFF_SESSION_TTL_MS,
  sessionAnswer,
  setSessionCookies,
  staffActor,
  staffOf,
  type StaffDeps,
} from './session';

/** Guessing a setup link is hopeless (192 random bits); this only keeps the endpoint quiet. */
const SETUP_LIMIT = { max: 30, windowSeconds: 15 * 60 };

export function setupRoutes(deps: StaffDeps & { db: Db }): RouteDef[] {
  const limited = {
    before: (req: { ip?: string | undefined }) =>
      enforce(deps.db, `setup-ip:${req.ip}`, SETUP_LIMIT, deps.now()),
  };
  return [
    defineRoute(
      api.checkSetup,
      ({ body }) => checkSetupLink(deps.db, { secret: deps.secret, now: deps.now() }, body.token),
      limited,
    ),
    defineRoute(
      api.completeSetup,
      async ({ req, res, body }) => {
        const { user, sessionId, expiresAt } = await completeSetup(
          deps.db,
          { secret: deps.secret, now: deps.now(), sessionTtlMs: STAFF_SESSION_TTL_MS },
          body,
        );
        await appendAudit(deps.db, {
          at: new Date(deps.now()),
          actor: staffActor(user),
          meetingId: null,
          action: 'POST /api/setup',
          details: { ip: req.ip ?? 'unknown', email: user.email },
        });
        setSessionCookies(res, deps, sessionId, expiresAt);
        return sessionAnswer(deps, user, sessionId, expiresAt);
      },
      limited,
    ),
    defineRoute(api.changePassword, async ({ res, body }) => {
      const ctx = staffOf(res);
      await changePassword(deps.db, ctx.user, ctx.sessionId, body);
      return { ok: true as const };
    }),
  ];
}

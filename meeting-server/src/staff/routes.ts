// Staff routes: sign-in, sign-out, who am I, and (administrators) the list, creation, locking and
// password reset of staff accounts. Sessions and CSRF are in session.ts, accounts in service.ts.
import type { StaffSession } from '../../../shared/admin';
import { staffRoutes as api } from '../../../shared/routes/staff';
import { appendAudit } from '../audit/audit';
import { defineRoute, type RouteDef } from '../http/route';
import { createStaffUser, login, updateStaffUser } from './service';
import {
  STAFF_SESSION_TTL_MS,
  clearSessionCookies,
  sessionAnswer,
  setSessionCookies,
  staffOf,
  staffActor,
  type StaffDeps,
} from './session';
import { deleteSession, listStaff, toStaffUser } from './store';

export function staffRoutes(deps: StaffDeps): RouteDef[] {
  return [
    defineRoute(api.login, async ({ req, res, body }) => {
      const { user, sessionId, expiresAt } = await login(
        deps,
        body,
        req.ip ?? 'unknown',
        STAFF_SESSION_TTL_MS,
      );
      await appendAudit(deps.db, {
        at: new Date(deps.now()),
        actor: staffActor(user),
        meetingId: null,
        action: 'POST /api/staff/login',
        details: { ip: req.ip ?? 'unknown' },
      });
      setSessionCookies(res, deps, sessionId, expiresAt);
      return sessionAnswer(deps, user, sessionId, expiresAt);
    }),
    defineRoute(api.logout, async ({ res }) => {
      await deleteSession(deps.db, staffOf(res).sessionId);
      clearSessionCookies(res, deps);
      return { ok: true };
    }),
    defineRoute(api.me, ({ res }) => {
      const ctx = staffOf(res);
      const answer: StaffSession = {
        user: toStaffUser(ctx.user),
        csrfToken: ctx.csrfToken,
        expiresAt: ctx.expiresAt.toISOString(),
      };
      return answer;
    }),
    defineRoute(api.staffUsers, async () => (await listStaff(deps.db)).map(toStaffUser)),
    defineRoute(api.createStaffUser, async ({ body }) =>
      toStaffUser(await createStaffUser(deps.db, body)),
    ),
    defineRoute(api.updateStaffUser, async ({ res, params, body }) =>
      toStaffUser(
        await updateStaffUser(deps.db, staffOf(res).user, params.userId, body, deps.now()),
      ),
    ),
  ];
}

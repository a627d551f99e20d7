// HTTP routes of the first run and of a staff member's own account: check and use the one-time
// setup link (creates the first administrator and signs them in), and change one's own password.
import { Router } from 'express';
import {
  ChangePassword,
  CompleteSetup,
  SetupCheck,
  type StaffSession,
} from '../../../shared/admin';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/database';
import { parse } from '../http/errors';
import { enforce } from './rate-limit';
import { changePassword } from './service';
import { checkSetupLink, completeSetup } from './setup';
import {
  STAFF_SESSION_TTL_MS,
  csrfTokenFor,
  requireStaff,
  setSessionCookies,
  staffActor,
  staffOf,
  type StaffDeps,
} from './session';
import { toStaffUser } from './store';

/** Guessing a setup link is hopeless (192 random bits); this only keeps the endpoint quiet. */
const SETUP_LIMIT = { max: 30, windowSeconds: 15 * 60 };

export function setupRouter(deps: StaffDeps & { db: Db }): Router {
  const r = Router();

  r.post('/api/setup/check', async (req, res) => {
    await enforce(deps.db, `setup-ip:${req.ip}`, SETUP_LIMIT, deps.now());
    const { token } = parse(SetupCheck, req.body);
    res.json(await checkSetupLink(deps.db, { secret: deps.secret, now: deps.now() }, token));
  });

  r.post('/api/setup', async (req, res) => {
    await enforce(deps.db, `setup-ip:${req.ip}`, SETUP_LIMIT, deps.now());
    const body = parse(CompleteSetup, req.body);
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
    const answer: StaffSession = {
      user: toStaffUser(user),
      csrfToken: csrfTokenFor(deps.secret, sessionId),
      expiresAt: expiresAt.toISOString(),
    };
    res.status(201).json(answer);
  });

  r.post('/api/staff/password', requireStaff(deps), async (req, res) => {
    const body = parse(ChangePassword, req.body);
    const ctx = staffOf(res);
    await changePassword(deps.db, ctx.user, ctx.sessionId, body);
    res.json({ ok: true });
  });

  return r;
}

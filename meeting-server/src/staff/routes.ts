// Staff HTTP routes: login, logout, who am I, and (administrators) the list and creation of
// staff accounts. Sessions and CSRF are in session.ts, accounts in service.ts.
import { Router } from 'express';
import { CreateStaffUser, StaffLogin, type StaffSession } from '../../../shared/admin';
import { parse } from '../http/errors';
import { createStaffUser, login } from './service';
import {
  STAFF_SESSION_TTL_MS,
  clearSessionCookies,
  csrfTokenFor,
  requireStaff,
  setSessionCookies,
  staffOf,
  staffActor,
  staffSession,
  notSignedIn,
  type StaffDeps,
} from './session';
import { deleteSession, listStaff, toStaffUser } from './store';
import { appendAudit } from '../audit/audit';

export function staffRouter(deps: StaffDeps): Router {
  const r = Router();

  r.post('/api/staff/login', async (req, res) => {
    const body = parse(StaffLogin, req.body);
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
    const answer: StaffSession = {
      user: toStaffUser(user),
      csrfToken: csrfTokenFor(deps.secret, sessionId),
      expiresAt: expiresAt.toISOString(),
    };
    res.json(answer);
  });

  r.post('/api/staff/logout', requireStaff(deps), async (_req, res) => {
    await deleteSession(deps.db, staffOf(res).sessionId);
    clearSessionCookies(res, deps);
    res.json({ ok: true });
  });

  r.get('/api/staff/me', async (req, res) => {
    const ctx = await staffSession(deps, req);
    if (!ctx) throw notSignedIn();
    const answer: StaffSession = {
      user: toStaffUser(ctx.user),
      csrfToken: ctx.csrfToken,
      expiresAt: ctx.expiresAt.toISOString(),
    };
    res.json(answer);
  });

  r.get('/api/staff/users', requireStaff(deps, { admin: true }), async (_req, res) => {
    res.json((await listStaff(deps.db)).map(toStaffUser));
  });

  r.post('/api/staff/users', requireStaff(deps, { admin: true }), async (req, res) => {
    const body = parse(CreateStaffUser, req.body);
    res.status(201).json(toStaffUser(await createStaffUser(deps.db, body)));
  });

  return r;
}

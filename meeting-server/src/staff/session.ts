// Staff sessions over cookies: `hdnd_staff` (HttpOnly, SameSite=Strict) holds the random session
// id; `hdnd_csrf` (readable by the page) holds the CSRF token derived from it. Every staff request
// that changes state must echo that token in the `x-csrf-token` header (double submit), so a
// forged cross-site form cannot act even if a browser ignored SameSite.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_HEADER, type StaffSession } from '../../../shared/admin';
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import type { RateLimits } from '../http/rate-limits';
import { runAudited, type AuditActor } from '../audit/audit';
import { findSession, toStaffUser, type StaffRow } from './store';

export const SESSION_COOKIE = 'hdnd_staff';
export const CSRF_COOKIE = 'hdnd_csrf';
export const STAFF_SESSION_TTL_MS = 12 * 3600 * 1000;

export interface StaffDeps {
  db: Queryable;
  secret: string;
  now: () => number;
  /** Mark cookies Secure (PUBLIC_URL is https). */
  secureCookies: boolean;
  /** Rate limits (login, petitions); defaults when absent. */
  rateLimits?: RateLimits;
}

export interface StaffContext {
  user: StaffRow;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Parses a Cookie header into name → value (first occurrence wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`staff-csrf.${sessionId}`).digest('base64url');
}

function cookie(
  name: string,
  value: string,
  opts: { httpOnly: boolean; secure: boolean; maxAgeSeconds: number },
): string {
  return [
    `${name}=${value}`,
    'Path=/',
    `Max-Age=${opts.maxAgeSeconds}`,
    'SameSite=Strict',
    ...(opts.httpOnly ? ['HttpOnly'] : []),
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function setSessionCookies(
  res: Response,
  deps: StaffDeps,
  sessionId: string,
  expiresAt: Date,
): void {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - deps.now()) / 1000));
  res.append(
    'Set-Cookie',
    cookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      secure: deps.secureCookies,
      maxAgeSeconds,
    }),
  );
  res.append(
    'Set-Cookie',
    cookie(CSRF_COOKIE, csrfTokenFor(deps.secret, sessionId), {
      httpOnly: false,
      secure: deps.secureCookies,
      maxAgeSeconds,
    }),
  );
}

export function clearSessionCookies(res: Response, deps: StaffDeps): void {
  for (const [name, httpOnly] of [
    [SESSION_COOKIE, true],
    [CSRF_COOKIE, false],
  ] as const) {
    res.append(
      'Set-Cookie',
      cookie(name, '', { httpOnly, secure: deps.secureCookies, maxAgeSeconds: 0 }),
    );
  }
}

export const notSignedIn = () =>
  new HttpError(
    401,
    ErrorCode.unauthorized,
    'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Hãy đăng nhập lại bằng tài khoản văn phòng.',
    'You are not signed in or your session has expired. Sign in again with your secretariat account.',
  );

const csrfRefused = () =>
  new HttpError(
    403,
    'csrf_invalid',
    'Yêu cầu thiếu mã bảo vệ (CSRF). Tải lại trang rồi thử lại.',
    'The request lacks its protection token (CSRF). Reload the page and try again.',
  );

export const adminOnly = () =>
  new HttpError(
    403,
    ErrorCode.forbidden,
    'Chỉ quản trị viên mới làm được việc này.',
    'Only an administrator can do this.',
  );

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Loads the staff session from the cookie (undefined when absent or expired). */
export async function staffSession(
  deps: StaffDeps,
  req: Request,
): Promise<StaffContext | undefined> {
  const sessionId = parseCookies(req.get('cookie')).get(SESSION_COOKIE);
  if (!sessionId || !/^[A-Za-z0-9_-]{20,100}$/.test(sessionId)) return undefined;
  const found = await findSession(deps.db, sessionId, deps.now());
  if (!found) return undefined;
  return {
    user: found.user,
    sessionId,
    csrfToken: csrfTokenFor(deps.secret, sessionId),
    expiresAt: found.expiresAt,
  };
}

function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Requires a signed-in staff user (and an administrator with `admin: true`); state-changing
 * methods also need the CSRF header. Puts the context in `res.locals.staff`.
 */
export function requireStaff(deps: StaffDeps, opts: { admin?: boolean } = {}) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const ctx = await staffSession(deps, req);
      if (!ctx) return next(notSignedIn());
      if (!SAFE_METHODS.has(req.method) && !csrfMatches(ctx.csrfToken, req.get(CSRF_HEADER))) {
        return next(csrfRefused());
      }
      if (opts.admin && !ctx.user.is_admin) return next(adminOnly());
      res.locals.staff = ctx;
      if (SAFE_METHODS.has(req.method)) return next();
      // Every staff write is audited: its first change to the database writes the entry.
      runAudited(staffActor(ctx.user), req, null, () => next());
    } catch (err) {
      next(err);
    }
  };
}

/** The answer to a sign-in (login or first-run setup): who is signed in and the CSRF token. */
export function sessionAnswer(
  deps: StaffDeps,
  user: StaffRow,
  sessionId: string,
  expiresAt: Date,
): StaffSession {
  return {
    user: toStaffUser(user),
    csrfToken: csrfTokenFor(deps.secret, sessionId),
    expiresAt: expiresAt.toISOString(),
  };
}

/** The audit log's "who" for a staff account. */
export const staffActor = (user: StaffRow): AuditActor => ({
  kind: 'staff',
  id: user.id,
  name: `${user.full_name} <${user.email}>`,
  role: user.is_admin ? 'admin' : 'staff',
  memberId: null,
});

export function staffOf(res: Response): StaffContext {
  return res.locals.staff as StaffContext;
}

// Staff accounts: login with rate limiting, the first administrator from the environment, and
// creating further staff users.
import type { CreateStaffUser, StaffLogin } from '../../../shared/admin';
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { hashPassword, verifyPassword } from './passwords';
import { attempts, clear, hit, rateLimited, type Limit } from './rate-limit';
import { createSession, insertStaffUser, findStaffByEmail, type StaffRow } from './store';

/** Failed logins allowed per IP + e-mail, and per IP across e-mails, in 15 minutes. */
export const LOGIN_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };
export const LOGIN_IP_LIMIT: Limit = { max: 30, windowSeconds: 15 * 60 };

const wrongPassword = () =>
  new HttpError(
    401,
    'login_failed',
    'Sai e-mail hoặc mật khẩu. Kiểm tra lại; nếu quên mật khẩu, hãy nhờ quản trị viên đặt lại.',
    'Wrong e-mail or password. Check them; if you forgot the password, ask an administrator to reset it.',
  );

export async function login(
  deps: { db: Queryable; now: () => number },
  body: StaffLogin,
  ip: string,
  ttlMs: number,
): Promise<{ user: StaffRow; sessionId: string; expiresAt: Date }> {
  const key = `login:${ip}:${body.email}`;
  const ipKey = `login-ip:${ip}`;
  const now = deps.now();
  if (
    (await attempts(deps.db, key, LOGIN_LIMIT, now)) >= LOGIN_LIMIT.max ||
    (await attempts(deps.db, ipKey, LOGIN_IP_LIMIT, now)) >= LOGIN_IP_LIMIT.max
  ) {
    throw rateLimited(15);
  }
  const user = await findStaffByEmail(deps.db, body.email);
  const ok = await verifyPassword(user?.password_hash, body.password);
  if (!user || !ok) {
    await hit(deps.db, key, LOGIN_LIMIT, now);
    await hit(deps.db, ipKey, LOGIN_IP_LIMIT, now);
    throw wrongPassword();
  }
  await clear(deps.db, key);
  const expiresAt = new Date(now + ttlMs);
  const sessionId = await createSession(deps.db, user.id, expiresAt);
  return { user, sessionId, expiresAt };
}

export async function createStaffUser(db: Queryable, body: CreateStaffUser): Promise<StaffRow> {
  const row = await insertStaffUser(db, {
    email: body.email,
    fullName: body.fullName,
    passwordHash: await hashPassword(body.password),
    isAdmin: body.isAdmin,
  });
  if (!row) {
    throw new HttpError(
      409,
      ErrorCode.conflict,
      'Đã có tài khoản với e-mail này.',
      'A staff account with this e-mail already exists.',
    );
  }
  return row;
}

/**
 * Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD when there is no staff
 * account yet. Safe to call at every start: once any account exists it changes nothing.
 */
export async function ensureFirstAdmin(
  db: Queryable,
  admin: { email: string; password: string },
): Promise<'created' | 'exists'> {
  const any = await db.query('SELECT 1 FROM staff_users LIMIT 1');
  if (any.length) return 'exists';
  const row = await insertStaffUser(db, {
    email: admin.email,
    fullName: 'Quản trị viên',
    passwordHash: await hashPassword(admin.password),
    isAdmin: true,
  });
  return row ? 'created' : 'exists';
}

// Staff accounts: login with rate limiting, the first administrator from the environment, and
// creating further staff users.
import type {
  ChangePassword,
  CreateStaffUser,
  StaffLogin,
  UpdateStaffUser,
} from '../../../shared/admin';
import { passwordStrength } from '../../../shared/password-strength';
import { ErrorCode } from '../../../shared/errors';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { hashPassword, verifyPassword } from './passwords';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limits';
import { clear, enforce, unhit, type Limit } from '../http/rate-limit';
import {
  countAdmins,
  createSession,
  findStaffByEmail,
  findStaffById,
  hasAdmin,
  insertStaffUser,
  sha256,
  type StaffRow,
} from './store';

/** Failed logins allowed per IP + e-mail, and per IP across e-mails (defaults: in 15 minutes). */
export const LOGIN_LIMIT: Limit = DEFAULT_RATE_LIMITS.login!;
export const LOGIN_IP_LIMIT: Limit = DEFAULT_RATE_LIMITS.loginIp!;

const wrongPassword = () =>
  new HttpError(
    401,
    'login_failed',
    'Sai e-mail hoặc mật khẩu. Kiểm tra lại; nếu quên mật khẩu, hãy nhờ quản trị viên đặt lại.',
    'Wrong e-mail or password. Check them; if you forgot the password, ask an administrator to reset it.',
  );

export async function login(
  deps: { db: Queryable; now: () => number; rateLimits?: Pick<RateLimits, 'login' | 'loginIp'> },
  body: StaffLogin,
  ip: string,
  ttlMs: number,
): Promise<{ user: StaffRow; sessionId: string; expiresAt: Date }> {
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const counters = [
    { key: `login:${ip}:${body.email}`, limit: limits.login },
    { key: `login-ip:${ip}`, limit: limits.loginIp },
  ].filter((c): c is { key: string; limit: Limit } => c.limit !== null);
  const now = deps.now();
  // Every attempt is counted BEFORE the password is checked, in one atomic statement per counter,
  // so a burst of parallel requests cannot all pass a read-then-check-then-count window.
  for (const c of counters) await enforce(deps.db, c.key, c.limit, now);
  const user = await findStaffByEmail(deps.db, body.email);
  const ok = await verifyPassword(user?.password_hash, body.password);
  if (!user || !ok) throw wrongPassword();
  if (user.disabled_at) {
    // Said only to whoever knows the password: the account exists and was locked on purpose.
    throw new HttpError(
      403,
      ErrorCode.forbidden,
      'Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên của văn phòng.',
      'This account is locked. Contact your office’s administrator.',
    );
  }
  // A success is not a failure: it clears this e-mail's count and gives back its per-address one.
  await clear(deps.db, `login:${ip}:${body.email}`);
  const perIp = counters.find((c) => c.key === `login-ip:${ip}`);
  if (perIp) await unhit(deps.db, perIp.key, perIp.limit, now);
  const expiresAt = new Date(now + ttlMs);
  const sessionId = await createSession(deps.db, user.id, expiresAt);
  return { user, sessionId, expiresAt };
}

export async function createStaffUser(db: Queryable, body: CreateStaffUser): Promise<StaffRow> {
  const weak = weakPassword(body.password, [body.email, body.fullName]);
  if (weak) throw weak;
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
 * Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD when there is no
 * administrator yet. Safe to call at every start: once one exists it changes nothing.
 */
export async function ensureFirstAdmin(
  db: Queryable,
  admin: { email: string; password: string },
): Promise<'created' | 'exists'> {
  if (await hasAdmin(db)) return 'exists';
  const row = await insertStaffUser(db, {
    email: admin.email,
    fullName: 'Quản trị viên',
    passwordHash: await hashPassword(admin.password),
    isAdmin: true,
  });
  return row ? 'created' : 'exists';
}

/** The bilingual refusal of a password that `passwordStrength` does not accept. */
export function weakPassword(password: string, personal: string[]): HttpError | undefined {
  const strength = passwordStrength(password, personal);
  if (strength.acceptable) return undefined;
  const first = strength.hints[0];
  return new HttpError(
    400,
    ErrorCode.badRequest,
    `Mật khẩu chưa đủ mạnh. ${first?.vi ?? ''}`.trim(),
    `The password is not strong enough. ${first?.en ?? ''}`.trim(),
  );
}

/**
 * Changes a staff member's own password after checking the current one; every other session of
 * the account ends (a password changed because it leaked must lock the other holder out).
 */
export async function changePassword(
  db: Queryable,
  user: StaffRow,
  keepSessionId: string,
  body: ChangePassword,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
    throw new HttpError(
      403,
      ErrorCode.forbidden,
      'Mật khẩu hiện tại không đúng.',
      'The current password is wrong.',
    );
  }
  const weak = weakPassword(body.newPassword, [user.email, user.full_name]);
  if (weak) throw weak;
  await db.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [
    user.id,
    await hashPassword(body.newPassword),
  ]);
  await db.query('DELETE FROM staff_sessions WHERE user_id = $1 AND id_hash <> $2', [
    user.id,
    sha256(keepSessionId),
  ]);
}

const refuse = (vi: string, en: string) => new HttpError(409, ErrorCode.conflict, vi, en);

/**
 * An administrator locks or unlocks another account, sets its new password, or changes its role.
 * Any actual change ends the account's sessions (a locked officer is out at once; a reset password or a
 * new role takes effect at the next sign-in). An administrator cannot lock or demote themself, and
 * the last unlocked administrator stays one, so the office can never lock itself out.
 */
export async function updateStaffUser(
  db: Queryable,
  by: StaffRow,
  userId: string,
  body: UpdateStaffUser,
  nowMs: number,
): Promise<StaffRow> {
  const user = await findStaffById(db, userId);
  if (!user) {
    throw new HttpError(404, ErrorCode.notFound, 'Không có tài khoản này.', 'No such account.');
  }
  const self = user.id === by.id;
  if (self && (body.disabled === true || body.isAdmin === false)) {
    throw refuse(
      'Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình.',
      'You cannot lock your own account or remove your own administrator role.',
    );
  }
  const losesAdmin =
    user.is_admin && !user.disabled_at && (body.disabled === true || body.isAdmin === false);
  if (losesAdmin && (await countAdmins(db)) <= 1) {
    throw refuse(
      'Đây là quản trị viên cuối cùng: hãy cho tài khoản khác làm quản trị viên trước.',
      'This is the last administrator: make another account an administrator first.',
    );
  }
  if (body.password !== undefined) {
    const weak = weakPassword(body.password, [user.email, user.full_name]);
    if (weak) throw weak;
    await db.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [
      user.id,
      await hashPassword(body.password),
    ]);
  }
  if (body.disabled !== undefined) {
    await db.query('UPDATE staff_users SET disabled_at = $2 WHERE id = $1', [
      user.id,
      body.disabled ? new Date(nowMs).toISOString() : null,
    ]);
  }
  if (body.isAdmin !== undefined) {
    await db.query('UPDATE staff_users SET is_admin = $2 WHERE id = $1', [user.id, body.isAdmin]);
  }
  const changed =
    body.password !== undefined ||
    (body.disabled !== undefined && body.disabled !== Boolean(user.disabled_at)) ||
    (body.isAdmin !== undefined && body.isAdmin !== user.is_admin);
  if (changed && !self) await db.query('DELETE FROM staff_sessions WHERE user_id = $1', [user.id]);
  return (await findStaffById(db, user.id))!;
}

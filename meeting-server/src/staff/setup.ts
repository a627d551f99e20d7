// First run without a developer: while no administrator account exists, each start issues a one-time setup
// link (signed with the app secret, its random part stored only as a SHA-256, 24 hours, single use)
// that opens the page where the first administrator is created in the browser. Issuing a new link
// retires the older ones, so only the link printed last works.
import { randomBytes } from 'node:crypto';
import { z } from '../../../shared/zod';
import type { CompleteSetup } from '../../../shared/admin';
import { ErrorCode } from '../../../shared/errors';
import type { Db, Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { signPayload, verifyPayload } from '../auth/signed';
import { hashPassword } from './passwords';
import { weakPassword } from './service';
import { createSession, hasAdmin, insertStaffUser, sha256, type StaffRow } from './store';

export const SETUP_LINK_TTL_MS = 24 * 3600 * 1000;
const PURPOSE = 'staff-setup';
const Payload = z.object({ n: z.string().min(20).max(100), exp: z.number() });

export const setupLinkInvalid = () =>
  new HttpError(
    410,
    ErrorCode.invitationInvalid,
    'Liên kết cài đặt này không dùng được nữa (đã dùng, đã hết hạn hoặc đã có liên kết mới hơn). ' +
      'Khởi động lại máy chủ để in liên kết mới, hoặc đăng nhập nếu đã có tài khoản.',
    'This setup link can no longer be used (used, expired, or a newer one was printed). ' +
      'Restart the server to print a new link, or sign in if an account exists.',
  );

const alreadySetUp = () =>
  new HttpError(
    409,
    ErrorCode.conflict,
    'Đã có tài khoản quản trị: hãy đăng nhập tại /admin.',
    'An administrator account already exists: sign in at /admin.',
  );

/**
 * Issues a setup link when there is no administrator (undefined otherwise). The token goes in the
 * URL's fragment, so it reaches neither server logs nor a Referer header.
 */
export async function issueSetupLink(
  db: Db,
  deps: { secret: string; now: number; publicUrl: string },
): Promise<{ url: string; expiresAt: Date } | undefined> {
  if (await hasAdmin(db)) return undefined;
  const nonce = randomBytes(24).toString('base64url');
  const expiresAt = new Date(deps.now + SETUP_LINK_TTL_MS);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM staff_setup_links');
    await tx.query('INSERT INTO staff_setup_links (nonce_hash, expires_at) VALUES ($1, $2)', [
      sha256(nonce),
      expiresAt.toISOString(),
    ]);
  });
  const token = signPayload(deps.secret, PURPOSE, { n: nonce, exp: expiresAt.getTime() });
  return { url: `${deps.publicUrl.replace(/\/$/, '')}/admin/setup#t=${token}`, expiresAt };
}

/** The nonce of a well-signed, unexpired token (throws the bilingual 410 otherwise). */
function nonceOf(secret: string, token: string, now: number): string {
  const v = verifyPayload(secret, PURPOSE, token);
  const p = v.ok ? Payload.safeParse(v.payload) : undefined;
  if (!p?.success || p.data.exp <= now) throw setupLinkInvalid();
  return p.data.n;
}

/** Whether the link can still create the first administrator (answers the page before the form). */
export async function checkSetupLink(
  db: Queryable,
  deps: { secret: string; now: number },
  token: string,
): Promise<{ expiresAt: string }> {
  const nonce = nonceOf(deps.secret, token, deps.now);
  if (await hasAdmin(db)) throw alreadySetUp();
  const rows = await db.query<{ expires_at: Date }>(
    `SELECT expires_at FROM staff_setup_links
      WHERE nonce_hash = $1 AND used_at IS NULL AND expires_at > $2`,
    [sha256(nonce), new Date(deps.now).toISOString()],
  );
  if (!rows[0]) throw setupLinkInvalid();
  return { expiresAt: new Date(rows[0].expires_at).toISOString() };
}

/**
 * Creates the first administrator through the link and signs them in. One transaction: the link
 * is spent and the account created together, so two browsers racing with one link make one account.
 */
export async function completeSetup(
  db: Db,
  deps: { secret: string; now: number; sessionTtlMs: number },
  body: CompleteSetup,
): Promise<{ user: StaffRow; sessionId: string; expiresAt: Date }> {
  const nonce = nonceOf(deps.secret, body.token, deps.now);
  const weak = weakPassword(body.password, [body.email, body.fullName]);
  if (weak) throw weak;
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const spent = await tx.query(
      `UPDATE staff_setup_links SET used_at = $2
        WHERE nonce_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING 1`,
      [sha256(nonce), new Date(deps.now).toISOString()],
    );
    if (!spent.length) throw setupLinkInvalid();
    if (await hasAdmin(tx)) throw alreadySetUp();
    const user = await insertStaffUser(tx, {
      email: body.email,
      fullName: body.fullName,
      passwordHash,
      isAdmin: true,
    });
    if (!user) throw alreadySetUp();
    const expiresAt = new Date(deps.now + deps.sessionTtlMs);
    const sessionId = await createSession(tx, user.id, expiresAt);
    return { user, sessionId, expiresAt };
  });
}

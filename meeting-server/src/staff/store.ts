// Persistence of staff users and their sessions. A session id is random (32 bytes); the database
// keeps only its SHA-256, so a leaked database does not yield live sessions.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { StaffUser } from '../../../shared/admin';
import type { Queryable } from '../db/database';

export interface StaffRow {
  id: string;
  email: string;
  full_name: string;
  password_hash: string;
  is_admin: boolean;
  created_at: Date;
  disabled_at: Date | null;
}

export const toStaffUser = (r: StaffRow): StaffUser => ({
  id: r.id,
  email: r.email,
  fullName: r.full_name,
  isAdmin: r.is_admin,
  createdAt: new Date(r.created_at).toISOString(),
  disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
});

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Inserts a staff user; returns undefined when the e-mail is already taken. */
export async function insertStaffUser(
  db: Queryable,
  u: { email: string; fullName: string; passwordHash: string; isAdmin: boolean },
): Promise<StaffRow | undefined> {
  const rows = await db.query<StaffRow>(
    `INSERT INTO staff_users (id, email, full_name, password_hash, is_admin)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING *`,
    [randomUUID(), u.email.toLowerCase(), u.fullName, u.passwordHash, u.isAdmin],
  );
  return rows[0];
}

export async function findStaffByEmail(
  db: Queryable,
  email: string,
): Promise<StaffRow | undefined> {
  const rows = await db.query<StaffRow>('SELECT * FROM staff_users WHERE email = $1', [
    email.toLowerCase(),
  ]);
  return rows[0];
}

export async function listStaff(db: Queryable): Promise<StaffRow[]> {
  return db.query<StaffRow>('SELECT * FROM staff_users ORDER BY created_at, email');
}

/** Whether an administrator exists (the demo's secretariat account is not one). */
export async function hasAdmin(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM staff_users WHERE is_admin LIMIT 1')).length > 0;
}

export async function countAdmins(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM staff_users WHERE is_admin AND disabled_at IS NULL',
  );
  return Number(rows[0]?.n ?? 0);
}

/** Creates a session; returns the raw id for the cookie (never stored). */
export async function createSession(
  db: Queryable,
  userId: string,
  expiresAt: Date,
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.query('INSERT INTO staff_sessions (id_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    sha256(id),
    userId,
    expiresAt.toISOString(),
  ]);
  return id;
}

export async function findSession(
  db: Queryable,
  rawId: string,
  nowMs: number,
): Promise<{ user: StaffRow; expiresAt: Date } | undefined> {
  const rows = await db.query<StaffRow & { session_expires_at: Date }>(
    `SELECT u.*, s.expires_at AS session_expires_at
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
      WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [sha256(rawId), new Date(nowMs).toISOString()],
  );
  const r = rows[0];
  if (!r) return undefined;
  return { user: r, expiresAt: new Date(r.session_expires_at) };
}

export async function deleteSession(db: Queryable, rawId: string): Promise<void> {
  await db.query('DELETE FROM staff_sessions WHERE id_hash = $1', [sha256(rawId)]);
}

export async function findStaffById(db: Queryable, id: string): Promise<StaffRow | undefined> {
  return (await db.query<StaffRow>('SELECT * FROM staff_users WHERE id = $1', [id]))[0];
}

// Test helpers for staff sessions: sign in over HTTP and send requests with the session cookie
// and the CSRF header, as the secretariat's browser would.
import { CSRF_HEADER, StaffSession } from '../../../shared/admin';
import type { Queryable } from '../db/database';
import { createStaffUser, ensureFirstAdmin } from './service';

export const ADMIN = { email: 'admin@hdnd.example.vn', password: 'mật-khẩu-quản-trị-2026' };
export const CLERK = { email: 'thuky@hdnd.example.vn', password: 'mật-khẩu-thư-ký-2026' };

export interface StaffClient {
  session: StaffSession;
  cookie: string;
  /** fetch with the session cookie and CSRF header (pass `csrf: false` to leave the header out). */
  request(
    method: string,
    path: string,
    body?: unknown,
    opts?: { csrf?: boolean },
  ): Promise<Response>;
}

export async function seedStaff(db: Queryable): Promise<void> {
  await ensureFirstAdmin(db, ADMIN);
  await createStaffUser(db, { ...CLERK, fullName: 'Phạm Thị Thư Ký', isAdmin: false });
}

export async function signIn(
  baseUrl: string,
  who: { email: string; password: string },
): Promise<StaffClient> {
  const res = await fetch(`${baseUrl}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const session = StaffSession.parse(await res.json());
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    session,
    cookie,
    request(method, path, body, opts = {}) {
      const headers: Record<string, string> = { cookie };
      if (opts.csrf !== false) headers[CSRF_HEADER] = session.csrfToken;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    },
  };
}

// Secretariat login over HTTP on PGlite and PostgreSQL: argon2id hashes, HttpOnly SameSite=Strict
// cookies, CSRF on writes, bilingual 401 on a wrong password, rate-limited attempts, logout,
// administrators alone create accounts, and the first administrator is created once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StaffSession, StaffUser } from '../../../shared/admin';
import { ApiError } from '../../../shared/errors';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { startTestServer, type RunningServer } from '../testing/server';
import { LOGIN_IP_LIMIT, LOGIN_LIMIT, ensureFirstAdmin } from './service';
import { ADMIN, CLERK, seedStaff, signIn } from './testing';

const NEW_USER = {
  email: 'Vanphong@HDND.example.vn',
  fullName: 'Đỗ Văn Phòng',
  password: 'một-mật-khẩu-dài-đủ',
};

describe.each(DATABASE_KINDS)('staff login on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;

  // One database per kind (opening PGlite is the slow part); each test starts from the two
  // seeded accounts with no sessions and no counted attempts.
  // Opening PGlite and seeding can take long on a busy 2-core machine.
  beforeAll(async () => {
    db = await openTestDb(kind);
    await seedStaff(db);
    server = await startTestServer(db);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });
  beforeEach(async () => {
    await db.query('DELETE FROM staff_sessions');
    await db.query('DELETE FROM rate_limits');
    await db.query('DELETE FROM staff_users WHERE email <> ALL($1)', [[ADMIN.email, CLERK.email]]);
    if ((await db.query('SELECT 1 FROM staff_users')).length !== 2) {
      await db.query('DELETE FROM staff_users');
      await seedStaff(db);
    }
  });

  const login = (body: unknown) =>
    fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const rows = await db.query<{ password_hash: string }>('SELECT password_hash FROM staff_users');
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(r.password_hash).not.toContain(ADMIN.password);
    }
  });

  it('signs in with an HttpOnly, SameSite=Strict session cookie and a CSRF token', async () => {
    const res = await login(ADMIN);
    expect(res.status).toBe(200);
    const session = StaffSession.parse(await res.json());
    expect(session.user).toMatchObject({ email: ADMIN.email, isAdmin: true });
    const cookies = res.headers.getSetCookie();
    const sessionCookie = cookies.find((c) => c.startsWith('hdnd_staff='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Strict/);
    const csrfCookie = cookies.find((c) => c.startsWith('hdnd_csrf='))!;
    expect(csrfCookie).toContain(session.csrfToken);
    expect(csrfCookie).not.toMatch(/HttpOnly/);
    // Only a hash of the session id is kept.
    const raw = sessionCookie.split(';')[0]!.split('=')[1]!;
    const stored = await db.query<{ id_hash: string }>('SELECT id_hash FROM staff_sessions');
    expect(stored.map((s) => s.id_hash)).not.toContain(raw);
    expect(stored).toHaveLength(1);
  });

  it('answers a wrong password with 401 in Vietnamese and English', async () => {
    const res = await login({ ...ADMIN, password: 'sai-mật-khẩu-rồi' });
    expect(res.status).toBe(401);
    const body = ApiError.parse(await res.json());
    expect(body.code).toBe('login_failed');
    expect(body.message.vi).toMatch(/Sai e-mail hoặc mật khẩu/);
    expect(body.message.en).toMatch(/Wrong e-mail or password/);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const res = await login({ email: 'nobody@hdnd.example.vn', password: 'whatever-password' });
    expect(res.status).toBe(401);
    expect(ApiError.parse(await res.json()).code).toBe('login_failed');
  });

  it('refuses further attempts for that e-mail after too many failures, even the right password', async () => {
    for (let i = 0; i < LOGIN_LIMIT.max; i++) {
      expect((await login({ ...CLERK, password: `wrong-password-${i}` })).status).toBe(401);
    }
    const res = await login(CLERK);
    expect(res.status).toBe(429);
    const body = ApiError.parse(await res.json());
    expect(body.code).toBe('rate_limited');
    expect(body.message.vi).toMatch(/đợi/);
    // Another account from the same address is not locked out by these failures.
    expect((await login(ADMIN)).status).toBe(200);
  });

  it('counts parallel wrong passwords before checking them: 200 at once get 5 × 401, the rest 429', async () => {
    // The attack of the security review: a burst from one address against the administrator.
    const burst = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login({ ...ADMIN, password: `doan-mat-khau-${i}` })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_LIMIT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - LOGIN_LIMIT.max);
    // The right password is refused too until the window ends.
    expect((await login(ADMIN)).status).toBe(429);
    // Across e-mails, one address gets at most the per-address limit of answers that check a password.
    const spread = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        login({ email: `nguoi${i}@hdnd.example.vn`, password: 'doan-mat-khau' }),
      ),
    );
    expect(spread.filter((r) => r.status === 401).length).toBeLessThanOrEqual(
      LOGIN_IP_LIMIT.max - LOGIN_LIMIT.max,
    );
  }, 120_000);

  it('answers 400 (never 500) on malformed login bodies', async () => {
    for (const body of [{}, { email: 'not-an-email', password: 'x' }, { email: ADMIN.email }, []]) {
      expect((await login(body)).status).toBe(400);
    }
  });

  it('tells who is signed in, and nobody after logout', async () => {
    const clerk = await signIn(server.url, CLERK);
    const me = await clerk.request('GET', '/api/staff/me');
    expect(StaffSession.parse(await me.json()).user.email).toBe(CLERK.email);
    expect((await clerk.request('POST', '/api/staff/logout')).status).toBe(200);
    expect((await clerk.request('GET', '/api/staff/me')).status).toBe(401);
    expect(await db.query('SELECT 1 FROM staff_sessions')).toEqual([]);
  });

  it('refuses a state-changing request without the CSRF header, changing nothing', async () => {
    const admin = await signIn(server.url, ADMIN);
    const res = await admin.request('POST', '/api/staff/users', NEW_USER, { csrf: false });
    expect(res.status).toBe(403);
    expect(ApiError.parse(await res.json()).code).toBe('csrf_invalid');
    const other = await signIn(server.url, CLERK);
    const wrong = await fetch(`${server.url}/api/staff/users`, {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': other.session.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify(NEW_USER),
    });
    expect(wrong.status).toBe(403);
    expect(await db.query('SELECT 1 FROM staff_users')).toHaveLength(2);
  });

  it('lets an administrator create a staff account that can then sign in', async () => {
    const admin = await signIn(server.url, ADMIN);
    const res = await admin.request('POST', '/api/staff/users', NEW_USER);
    expect(res.status).toBe(201);
    const user = StaffUser.parse(await res.json());
    expect(user).toMatchObject({ email: 'vanphong@hdnd.example.vn', isAdmin: false });
    const again = await admin.request('POST', '/api/staff/users', NEW_USER);
    expect(again.status).toBe(409);
    const fresh = await signIn(server.url, { email: user.email, password: NEW_USER.password });
    expect(fresh.session.user.fullName).toBe('Đỗ Văn Phòng');
  });

  it('refuses account creation to a non-administrator and to nobody, changing nothing', async () => {
    const clerk = await signIn(server.url, CLERK);
    const res = await clerk.request('POST', '/api/staff/users', NEW_USER);
    expect(res.status).toBe(403);
    expect(ApiError.parse(await res.json()).message.vi).toMatch(/quản trị viên/);
    expect((await clerk.request('GET', '/api/staff/users')).status).toBe(403);
    const anon = await fetch(`${server.url}/api/staff/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(NEW_USER),
    });
    expect(anon.status).toBe(401);
    expect(await db.query('SELECT 1 FROM staff_users')).toHaveLength(2);
  });

  it('lets an administrator reset a password and lock an account: its sessions end at once', async () => {
    const admin = await signIn(server.url, ADMIN);
    const made = StaffUser.parse(
      await (await admin.request('POST', '/api/staff/users', NEW_USER)).json(),
    );
    const officer = await signIn(server.url, { email: made.email, password: NEW_USER.password });
    const patch = (body: unknown, who = admin, id = made.id) =>
      who.request('PATCH', `/api/staff/users/${id}`, body);

    // A forgotten password: the administrator sets a new one; the old one and its session are over.
    expect((await patch({ password: 'ngắn' })).status).toBe(400);
    const newPassword = 'mật-khẩu-mới-trao-tận-tay';
    expect((await patch({ password: newPassword })).status).toBe(200);
    expect((await officer.request('GET', '/api/staff/me')).status).toBe(401);
    expect((await login({ email: made.email, password: NEW_USER.password })).status).toBe(401);
    const again = await signIn(server.url, { email: made.email, password: newPassword });

    // Locked: signed out at once, and the right password no longer signs in.
    const locked = StaffUser.parse(await (await patch({ disabled: true })).json());
    expect(locked.disabledAt).not.toBeNull();
    expect((await again.request('GET', '/api/staff/me')).status).toBe(401);
    const refused = await login({ email: made.email, password: newPassword });
    expect(refused.status).toBe(403);
    expect(ApiError.parse(await refused.json()).message.vi).toContain('đã bị khóa');
    expect((await patch({ disabled: false })).status).toBe(200);
    await signIn(server.url, { email: made.email, password: newPassword });

    // Nobody locks or demotes themself; an officer changes no account; an unknown id is 404.
    expect((await patch({ disabled: true }, admin, admin.session.user.id)).status).toBe(409);
    expect((await patch({ isAdmin: false }, admin, admin.session.user.id)).status).toBe(409);
    const clerk = await signIn(server.url, CLERK);
    expect((await patch({ disabled: true }, clerk)).status).toBe(403);
    expect((await patch({ disabled: true }, admin, 'no-such-id')).status).toBe(404);
  });

  it('refuses a forged or expired session cookie', async () => {
    const forged = await fetch(`${server.url}/api/staff/me`, {
      headers: { cookie: `hdnd_staff=${'A'.repeat(43)}` },
    });
    expect(forged.status).toBe(401);
    const clerk = await signIn(server.url, CLERK);
    await db.query("UPDATE staff_sessions SET expires_at = now() - interval '1 second'");
    expect((await clerk.request('GET', '/api/staff/me')).status).toBe(401);
  });

  it('creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD once, never overwriting', async () => {
    await db.query('DELETE FROM staff_users');
    expect(await ensureFirstAdmin(db, ADMIN)).toBe('created');
    expect(await ensureFirstAdmin(db, { ...ADMIN, password: 'another-password-123' })).toBe(
      'exists',
    );
    const rows = await db.query<{ email: string; is_admin: boolean }>(
      'SELECT email, is_admin FROM staff_users',
    );
    expect(rows).toEqual([{ email: ADMIN.email, is_admin: true }]);
    expect((await login(ADMIN)).status).toBe(200);
  });
});

// First run: the one-time setup link creates the first administrator in the browser, once, only
// from the link printed last, and within 24 hours; a staff member changes their own password.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StaffSession } from '../../../shared/admin';
import { ApiError } from '../../../shared/errors';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { TEST_SECRET, startTestServer, type RunningServer } from '../testing/server';
import { CLERK, seedStaff, signIn } from './testing';
import { SETUP_LINK_TTL_MS, issueSetupLink } from './setup';
import { createStaffUser } from './service';

const OFFICER = {
  fullName: 'Hoàng Thị Lan',
  email: 'lan.vanphong@hdnd.example.vn',
  password: 'Kỳ họp thứ 3 bắt đầu lúc 8 giờ!',
};

describe.each(DATABASE_KINDS)('first-run setup on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let clock = Date.now();

  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startTestServer(db, { now: () => clock });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });
  beforeEach(async () => {
    clock = Date.now();
    for (const t of ['staff_sessions', 'staff_users', 'staff_setup_links', 'rate_limits'])
      await db.query(`DELETE FROM ${t}`);
  });

  const issue = async () => {
    const link = await issueSetupLink(db, {
      secret: TEST_SECRET,
      now: clock,
      publicUrl: server.url,
    });
    if (!link) throw new Error('no setup link issued');
    return { ...link, token: new URL(link.url).hash.replace(/^#t=/, '') };
  };
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const complete = (token: string, who = OFFICER) => post('/api/setup', { token, ...who });

  it('prints a link to /admin/setup with the token in the fragment, valid for 24 hours', async () => {
    const link = await issue();
    expect(link.url.startsWith(`${server.url}/admin/setup#t=`)).toBe(true);
    expect(link.expiresAt.getTime()).toBe(clock + SETUP_LINK_TTL_MS);
    const res = await post('/api/setup/check', { token: link.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ expiresAt: link.expiresAt.toISOString() });
  });

  it('creates the administrator and signs them in; the account works for sign-in afterwards', async () => {
    const { token } = await issue();
    const res = await complete(token);
    expect(res.status).toBe(201);
    const session = StaffSession.parse(await res.json());
    expect(session.user).toMatchObject({ email: OFFICER.email, isAdmin: true });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const me = await fetch(`${server.url}/api/staff/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const again = await signIn(server.url, OFFICER);
    expect(again.session.user.fullName).toBe(OFFICER.fullName);
    // Once an administrator exists, no new link is issued at start.
    expect(
      await issueSetupLink(db, { secret: TEST_SECRET, now: clock, publicUrl: server.url }),
    ).toBe(undefined);
  });

  it('works once: a second use, even by a racing browser, is refused and makes no second account', async () => {
    const { token } = await issue();
    const answers = await Promise.all([
      complete(token),
      complete(token, { ...OFFICER, email: 'ke-gian@example.vn' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 410]);
    expect((await complete(token)).status).toBe(410);
    const users = await db.query('SELECT email FROM staff_users');
    expect(users).toHaveLength(1);
  });

  it('only the link printed last works; an expired or forged link is refused in Vietnamese', async () => {
    const first = await issue();
    const second = await issue();
    const old = await complete(first.token);
    expect(old.status).toBe(410);
    expect(ApiError.parse(await old.json()).message.vi).toContain('Khởi động lại máy chủ');

    const [payload, mac] = second.token.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), exp: 9e15 }),
    ).toString('base64url');
    expect((await complete(`${forged}.${mac}`)).status).toBe(410);

    clock += SETUP_LINK_TTL_MS + 1000;
    expect((await post('/api/setup/check', { token: second.token })).status).toBe(410);
    expect((await complete(second.token)).status).toBe(410);
    expect(await db.query('SELECT 1 FROM staff_users')).toHaveLength(0);
  });

  it('refuses a weak password with what to change, and the link stays usable', async () => {
    const { token } = await issue();
    const weak = await complete(token, { ...OFFICER, password: 'matkhau123' });
    expect(weak.status).toBe(400);
    expect(ApiError.parse(await weak.json()).message.vi).toContain('Mật khẩu chưa đủ mạnh');
    expect((await complete(token)).status).toBe(201);
  });

  it('is not offered while the demo secretariat account is the only staff account', async () => {
    await createStaffUser(db, { ...CLERK, fullName: 'Thư ký demo', isAdmin: false });
    const { token } = await issue();
    expect((await complete(token)).status).toBe(201);
  });

  it('changes one’s own password: checks the current one, refuses a weak one, ends other sessions', async () => {
    await seedStaff(db);
    const here = await signIn(server.url, CLERK);
    const elsewhere = await signIn(server.url, CLERK);
    const next = 'Ngày mai họp tổ đại biểu số 4!';
    const wrong = await here.request('POST', '/api/staff/password', {
      currentPassword: 'not-the-password',
      newPassword: next,
    });
    expect(wrong.status).toBe(403);
    const weak = await here.request('POST', '/api/staff/password', {
      currentPassword: CLERK.password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    const ok = await here.request('POST', '/api/staff/password', {
      currentPassword: CLERK.password,
      newPassword: next,
    });
    expect(ok.status).toBe(200);
    expect((await here.request('GET', '/api/staff/me')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/staff/me')).status).toBe(401);
    await expect(signIn(server.url, CLERK)).rejects.toThrow(/401/);
    expect((await signIn(server.url, { ...CLERK, password: next })).session.user.email).toBe(
      CLERK.email,
    );
  });
});

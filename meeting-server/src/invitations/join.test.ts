// The invitation → join exchange through the HTTP API, on PGlite and PostgreSQL: forged, expired,
// revoked and other-meeting invitations are refused with a bilingual error; the demo's secretary
// link joins as staff.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import { ensureDemo } from '../demo';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { TEST_SECRET, startTestServer, type RunningServer } from '../testing/server';
import { signInvitation } from './token';

describe.each(DATABASE_KINDS)('invitations on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let links: { label: string; url: string }[];

  beforeEach(async () => {
    db = await openTestDb(kind);
    server = await startTestServer(db);
    links = await ensureDemo(db, { secret: TEST_SECRET, publicUrl: server.url, now: Date.now() });
  });
  afterEach(async () => {
    await server.close();
    await db.destroy();
  });

  const tokenOf = (label: string) =>
    links.find((l) => l.label.includes(label))!.url.split('/j/')[1]!;
  const join = (body: unknown) =>
    fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('shows the lobby information of a personal invitation; the demo secretary link joins as staff', async () => {
    const res = await fetch(`${server.url}/api/invitations/${tokenOf('Nguyễn Văn An')}`);
    expect(res.status).toBe(200);
    const info = (await res.json()) as {
      role: string;
      name: string;
      meeting: { councilName: string };
    };
    expect(info.role).toBe('chair');
    expect(info.name).toBe('Nguyễn Văn An');
    expect(info.meeting.councilName).toBe('HĐND xã Minh Khai (demo)');

    // The secretariat's link (one database per test is slow, so it is checked here).
    const staff = await join({ invitation: tokenOf('Thư ký') });
    expect(staff.status).toBe(200);
    const joined = JoinResponse.parse(await staff.json());
    expect([joined.role, joined.name, joined.canPublish]).toEqual([
      'secretary',
      'Phạm Thu Hà',
      true,
    ]);
    // A demo seeded before the secretary link existed: the next start adds one, once.
    const [seeded] = await db.query<{ value: string }>(
      "SELECT value FROM server_settings WHERE key = 'demo'",
    );
    const older = JSON.parse(seeded!.value) as Record<string, string>;
    delete older.secretary;
    await db.query("UPDATE server_settings SET value = $1 WHERE key = 'demo'", [
      JSON.stringify(older),
    ]);
    const again = () =>
      ensureDemo(db, { secret: TEST_SECRET, publicUrl: server.url, now: Date.now() });
    const secretaryLink = (l: { label: string; url: string }[]) =>
      l.find((x) => x.label.startsWith('Thư ký'))!.url;
    const added = secretaryLink(await again());
    expect(added).not.toBe(secretaryLink(links));
    expect(secretaryLink(await again())).toBe(added);
    const ok = await join({ invitation: added.split('/j/')[1]! });
    expect(JoinResponse.parse(await ok.json()).role).toBe('secretary');
  });

  it('refuses a forged invitation with a Vietnamese and English message', async () => {
    const real = tokenOf('Trần Thị Bình');
    const [payload] = real.split('.');
    const res = await join({ invitation: `${payload}.${'A'.repeat(43)}` });
    expect(res.status).toBe(401);
    const body = ApiError.parse(await res.json());
    expect(body.code).toBe('invitation_invalid');
    expect(body.message.vi).toMatch(/không hợp lệ/);
    expect(body.message.en).toMatch(/not valid/);
  });

  it('refuses an invitation re-signed for another meeting', async () => {
    const rows = await db.query<{ id: string; meeting_id: string }>(
      "SELECT id, meeting_id FROM invitations WHERE role = 'voter'",
    );
    const other = await db.query<{ id: string }>('SELECT id FROM meetings WHERE id <> $1', [
      rows[0]!.meeting_id,
    ]);
    const token = signInvitation(TEST_SECRET, {
      iid: rows[0]!.id,
      mid: other[0]!.id,
      exp: Date.now() / 1000 + 60,
    });
    const res = await join({ invitation: token, name: 'X' });
    expect(res.status).toBe(401);
  });

  it('refuses an expired and a revoked invitation', async () => {
    const [row] = await db.query<{ id: string; meeting_id: string }>(
      "SELECT id, meeting_id FROM invitations WHERE role = 'member' LIMIT 1",
    );
    const expired = signInvitation(TEST_SECRET, {
      iid: row!.id,
      mid: row!.meeting_id,
      exp: Date.now() / 1000 - 5,
    });
    expect(((await (await join({ invitation: expired })).json()) as { code: string }).code).toBe(
      'invitation_expired',
    );
    await db.query('UPDATE invitations SET revoked_at = now() WHERE id = $1', [row!.id]);
    const live = signInvitation(TEST_SECRET, {
      iid: row!.id,
      mid: row!.meeting_id,
      exp: Date.now() / 1000 + 60,
    });
    const res = await join({ invitation: live });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('invitation_revoked');
  });

  it('answers 400 on a malformed body and never 500', async () => {
    for (const body of [{}, { invitation: 42 }, { invitation: 'x' }, 'null']) {
      const res = await join(body);
      expect(res.status).toBe(400);
    }
    const raw = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
  });

  it('refreshes a session with the same identity, and refuses once the invitation is revoked', async () => {
    const joined = JoinResponse.parse(
      await (await join({ invitation: tokenOf('Lê Văn Cường') })).json(),
    );
    const refreshWith = (token: string) =>
      fetch(`${server.url}/api/session/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    const again = JoinResponse.parse(await (await refreshWith(joined.sessionToken)).json());
    expect(again.identity).toBe(joined.identity);
    expect(again.room).toBe(joined.room);
    expect((await refreshWith('garbage.token-value')).status).toBe(401);
    expect((await fetch(`${server.url}/api/session/refresh`, { method: 'POST' })).status).toBe(401);
    await db.query("UPDATE invitations SET revoked_at = now() WHERE role = 'member'");
    expect((await refreshWith(joined.sessionToken)).status).toBe(401);
  });

  it('ends the session when its invitation expires: refresh and chained refreshes are refused', async () => {
    // The review's attack: an invitation expiring in 3 s, kept alive by refreshing.
    const token = tokenOf('Trần Thị Bình');
    const expiresAt = Date.now() + 3000;
    await db.query(
      "UPDATE invitations SET expires_at = $1 WHERE id = (SELECT id FROM invitations WHERE role = 'member' AND member_id IN (SELECT id FROM members WHERE full_name = 'Trần Thị Bình'))",
      [new Date(expiresAt)],
    );
    const refreshWith = (session: string) =>
      fetch(`${server.url}/api/session/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session}` },
      });
    const joined = JoinResponse.parse(await (await join({ invitation: token })).json());
    const chained = JoinResponse.parse(await (await refreshWith(joined.sessionToken)).json());
    // No LiveKit token outlives the invitation it came from.
    for (const t of [joined.token, chained.token]) {
      const exp = (
        JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { exp: number }
      ).exp;
      expect(exp * 1000).toBeLessThanOrEqual(expiresAt + 1000);
    }
    await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 200));
    expect(ApiError.parse(await (await join({ invitation: token })).json()).code).toBe(
      'invitation_expired',
    );
    for (const session of [joined.sessionToken, chained.sessionToken]) {
      const res = await refreshWith(session);
      expect(res.status).toBe(401);
      const body = ApiError.parse(await res.json());
      expect(body.code).toBe('invitation_expired');
      expect(body.message.vi).toMatch(/hết hạn/);
    }
  });

  it("cleans a voter's typed name, refuses an invisible one, and keeps the role from the link", async () => {
    const voterLink = tokenOf('Cử tri / Voter');
    // "Chủ tọa" typed backwards behind a right-to-left override reads as the chair's title.
    const disguised = JoinResponse.parse(
      await (
        await join({ invitation: voterLink, name: '\u202eaọt ủhC', ward: '\u2067Thôn Đông\u2069' })
      ).json(),
    );
    expect(disguised.name).toBe('aọt ủhC');
    expect(disguised.role).toBe('voter');
    const hand = await fetch(`${server.url}/api/meetings/${disguised.meetingId}/hand`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${disguised.sessionToken}`,
      },
      body: JSON.stringify({ kind: 'speak' }),
    });
    const state = (await hand.json()) as { queue: { name: string; role: string }[] };
    expect(state.queue).toEqual([expect.objectContaining({ name: 'aọt ủhC', role: 'voter' })]);

    // A name that is one zero-width space: refused before anything is issued, saying why.
    for (const name of ['\u200b', '\u202e\u200d', ' \u3164 ']) {
      const res = await join({ invitation: voterLink, name });
      expect(res.status, JSON.stringify(name)).toBe(400);
      const err = ApiError.parse(await res.json());
      expect(err.message.vi).toMatch(/chữ cái hoặc chữ số nhìn thấy được/);
      expect(err.message.en).toMatch(/visible letter or digit/);
    }
    // A name equal to a role word is only a name: the role still comes from the link.
    const plain = JoinResponse.parse(
      await (await join({ invitation: voterLink, name: 'Chủ tọa' })).json(),
    );
    expect([plain.name, plain.role]).toEqual(['Chủ tọa', 'voter']);

    // The same rule for the name on a petition.
    const petition = (name: string) =>
      fetch(`${server.url}/api/meetings/${plain.meetingId}/petitions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${plain.sessionToken}`,
        },
        body: JSON.stringify({ name, text: 'Đề nghị sửa đường liên thôn.' }),
      });
    const refused = await petition('\u2060');
    expect(refused.status).toBe(400);
    expect(ApiError.parse(await refused.json()).message.en).toMatch(/visible letter or digit/);
    expect((await petition('\u202eHoàng Văn Dân')).status).toBe(201);
    const [row] = await db.query<{ name: string }>('SELECT name FROM petitions');
    expect(row!.name).toBe('Hoàng Văn Dân');
  });
});

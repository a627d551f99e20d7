// Rate limits on joining (per IP and per personal invitation), session refresh (per session and
// IP), petitions and a voter's hands (per session, per public link + device; petitions per IP too)
// and staff sign-in: 429 with `{ code, message }` and Retry-After, counted per token so one person
// cannot lock out another, reset when the window ends, configurable (RATE_LIMIT_*), and generous
// enough by default for a hall of voters on one address. A server with limits off builds the
// fixture; servers on the same database then judge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { bearer, tokenOf } from '../admin/testing';
import { ConfigError, loadConfig } from '../config';
import { DEFAULT_RATE_LIMITS, parseLimit, type RateLimits } from '../http/rate-limits';
import { ADMIN } from '../staff/testing';
import { openTestDb, type TestDb } from '../testing/databases';
import { buildWorld, startHostileServer, type HostileServer, type World } from './testing';

const off: RateLimits = {
  login: null,
  loginIp: null,
  joinIp: null,
  joinInvitation: null,
  refresh: null,
  refreshIp: null,
  petition: null,
  petitionDevice: null,
  petitionIp: null,
  hand: null,
  handDevice: null,
};

describe('rate-limit configuration', () => {
  it('reads RATE_LIMIT_* as <count>/<window> or off, and stops on anything else', () => {
    expect(parseLimit('5/15m')).toEqual({ max: 5, windowSeconds: 900 });
    expect(parseLimit(' 1000/1H ')).toEqual({ max: 1000, windowSeconds: 3600 });
    expect(parseLimit('off')).toBeNull();
    for (const bad of ['5', '5/15', '0/1m', '-1/1m', '5/15 m', 'many']) {
      expect(parseLimit(bad), bad).toBeUndefined();
    }
    const c = loadConfig({ RATE_LIMIT_JOIN_IP: '10/1m', RATE_LIMIT_PETITION: 'off' });
    expect(c.rateLimits).toEqual({ joinIp: { max: 10, windowSeconds: 60 }, petition: null });
    expect(() => loadConfig({ RATE_LIMIT_REFRESH: 'lots' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_REFRESH: 'lots' })).toThrow(
      /RATE_LIMIT_REFRESH must be <count>\/<window>/,
    );
    expect(loadConfig({}).rateLimits).toEqual({});
  });
});

describe('rate limits (PostgreSQL)', () => {
  let db: TestDb;
  let setup: HostileServer;
  let strict: HostileServer;
  let w: World;
  // Frozen, so no window ends in the middle of a test unless the test moves it.
  let clock = Date.now();

  beforeAll(async () => {
    db = await openTestDb('postgres');
    setup = await startHostileServer(db, { rateLimits: off });
    w = await buildWorld(setup.url, db);
    strict = await startHostileServer(db, {
      now: () => clock,
      rateLimits: {
        login: { max: 2, windowSeconds: 900 },
        loginIp: { max: 100, windowSeconds: 900 },
        joinIp: { max: 10, windowSeconds: 600 },
        joinInvitation: { max: 2, windowSeconds: 600 },
        refresh: { max: 2, windowSeconds: 600 },
        refreshIp: { max: 100, windowSeconds: 600 },
        petition: { max: 2, windowSeconds: 3600 },
        petitionIp: { max: 3, windowSeconds: 3600 },
      },
    });
  });
  afterAll(async () => {
    await strict?.close();
    await setup?.close();
    await db?.destroy();
  });

  const join = (url: string, token: string, name?: string) =>
    fetch(`${url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation: token, ...(name ? { name } : {}) }),
    });

  /** A 429 that says what to do, with a Retry-After within the window. */
  async function expectLimited(res: Response, windowSeconds: number) {
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(windowSeconds);
    const err = ApiError.parse(await res.json());
    expect(err.code).toBe('rate_limited');
    expect(err.message.vi).toMatch(/đợi khoảng \d+ phút/);
    expect(err.message.en).toMatch(/wait about \d+ minutes?/);
  }

  it('limits joins per personal invitation, not the public voter link, then per IP', async () => {
    const member = tokenOf(w.fx.invitations.member);
    expect((await join(strict.url, member)).status).toBe(200);
    expect((await join(strict.url, member)).status).toBe(200);
    await expectLimited(await join(strict.url, member), 600);
    // Another person's invitation is not locked out by this one.
    expect((await join(strict.url, tokenOf(w.fx.invitations.chair))).status).toBe(200);
    // The public voter link is shared by the whole hall: only the per-IP limit counts.
    const voters = tokenOf(w.fx.invitations.voter);
    for (let i = 1; i <= 6; i++) {
      expect((await join(strict.url, voters, `Cử tri ${i}`)).status).toBe(200);
    }
    // 10 attempts from this address so far (the refused one counts): the 11th is refused.
    await expectLimited(await join(strict.url, voters, 'Cử tri 7'), 600);
    // Subscribing to a package exchanges an invitation too, under the same per-IP limit.
    const sub = await fetch(`${strict.url}/api/packages/${w.pkg.id}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation: member }),
    });
    await expectLimited(sub, 600);
  });

  it('limits session refreshes per session, so one client cannot lock out another', async () => {
    const chair = bearer(strict.url, w.fx.sessions.chair);
    expect((await chair('POST', '/api/session/refresh')).status).toBe(200);
    expect((await chair('POST', '/api/session/refresh')).status).toBe(200);
    await expectLimited(await chair('POST', '/api/session/refresh'), 600);
    const secretary = bearer(strict.url, w.fx.sessions.secretary);
    expect((await secretary('POST', '/api/session/refresh')).status).toBe(200);
  });

  it('limits petitions per voter session and per IP', async () => {
    const path = `/api/meetings/${w.fx.voterMeeting.id}/petitions`;
    const petition = (i: number) => ({
      name: 'Hoàng Văn Dân',
      text: `Kiến nghị số ${i}: đề nghị lắp đèn đường thôn Đông.`,
    });
    const voter = bearer(strict.url, w.fx.sessions.voter);
    // buildWorld sent one petition through the server without limits: not counted here.
    expect((await voter('POST', path, petition(1))).status).toBe(201);
    expect((await voter('POST', path, petition(2))).status).toBe(201);
    await expectLimited(await voter('POST', path, petition(3)), 3600);
    const joined = await join(setup.url, tokenOf(w.fx.invitations.voter), 'Cử tri khác');
    const other = bearer(
      strict.url,
      ((await joined.json()) as { sessionToken: string }).sessionToken,
    );
    expect((await other('POST', path, petition(4))).status).toBe(201);
    // Three accepted from this address in the hour: the next is refused whoever sends it.
    await expectLimited(await other('POST', path, petition(5)), 3600);
    const [row] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM petitions WHERE meeting_id = $1',
      [w.fx.voterMeeting.id],
    );
    expect(row!.n).toBe(4);
  });

  it('limits failed staff sign-ins per IP and e-mail, even the right password then', async () => {
    const login = (password: string) =>
      fetch(`${strict.url}/api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.email, password }),
      });
    expect((await login('sai-mật-khẩu-1')).status).toBe(401);
    expect((await login('sai-mật-khẩu-2')).status).toBe(401);
    await expectLimited(await login('sai-mật-khẩu-3'), 900);
    await expectLimited(await login(ADMIN.password), 900);
  });

  it('lets everything through again when the window ends', async () => {
    clock += 3600 * 1000;
    expect((await join(strict.url, tokenOf(w.fx.invitations.member))).status).toBe(200);
    const login = await fetch(`${strict.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
  });

  it('by default lets a hall of voters on one address join, and a delegate reload', async () => {
    expect(DEFAULT_RATE_LIMITS.joinIp!.max).toBeGreaterThanOrEqual(300);
    const defaults = await startHostileServer(db);
    try {
      const voters = tokenOf(w.fx.invitations.voter);
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => join(defaults.url, voters, `Cử tri ${i}`)),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(60).fill(200));
      for (let i = 0; i < 10; i++) {
        expect((await join(defaults.url, tokenOf(w.fx.invitations.secretary))).status).toBe(200);
      }
    } finally {
      await defaults.close();
    }
  });

  it('counts hands and petitions per public link and device: a phone rejoining gets no more, a hall on one address is not blocked', async () => {
    const defaults = await startHostileServer(db);
    try {
      const meeting = w.fx.voterMeeting.id;
      const hand = `/api/meetings/${meeting}/hand`;
      const petitions = `/api/meetings/${meeting}/petitions`;
      const petition = { name: 'Cử tri', text: 'Đề nghị sửa cống thoát nước thôn Đông.' };
      const joinFrom = async (device: string | null, name: string) => {
        const res = await fetch(`${defaults.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            invitation: tokenOf(w.fx.invitations.voter),
            name,
            ...(device ? { device } : {}),
          }),
        });
        expect(res.status).toBe(200);
        return bearer(defaults.url, ((await res.json()) as { sessionToken: string }).sessionToken);
      };

      // 50 phones in one hall behind one address: each raises a hand and sends a petition.
      for (let i = 0; i < 50; i++) {
        const phone = await joinFrom(`hall-phone-${String(i).padStart(8, '0')}`, `Cử tri ${i}`);
        expect((await phone('POST', hand, { kind: 'speak' })).status).toBe(200);
        expect((await phone('POST', petitions, petition)).status).toBe(201);
      }

      // One phone rejoining 40 times, raising a hand from each new session.
      const one = 'one-phone-rejoining-forty';
      const raised: number[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await (await joinFrom(one, `Người ${i}`))('POST', hand, { kind: 'speak' });
        raised.push(res.status);
        if (res.status === 429) await expectLimited(res, 3600);
      }
      const handMax = DEFAULT_RATE_LIMITS.handDevice!.max;
      expect(raised).toEqual([...Array(handMax).fill(200), ...Array(40 - handMax).fill(429)]);
      // ...and 15 petitions from three sessions of that phone (5 per session allowed).
      const sent: number[] = [];
      for (let s = 0; s < 3; s++) {
        const session = await joinFrom(one, `Người ${s}`);
        for (let j = 0; j < 5; j++) sent.push((await session('POST', petitions, petition)).status);
      }
      const petitionMax = DEFAULT_RATE_LIMITS.petitionDevice!.max;
      expect(sent.filter((st) => st === 201)).toHaveLength(petitionMax);
      expect(sent.filter((st) => st === 429)).toHaveLength(15 - petitionMax);

      const [queued] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM hands WHERE meeting_id = $1',
        [meeting],
      );
      expect(queued!.n).toBe(50 + handMax);

      // Without a device id (an old page), one session still cannot raise and lower endlessly.
      const plain = await joinFrom(null, 'Không có mã thiết bị');
      const perSession = DEFAULT_RATE_LIMITS.hand!.max;
      for (let i = 0; i < perSession; i++) {
        expect((await plain('POST', hand, { kind: 'speak' })).status).toBe(200);
        expect((await plain('DELETE', hand)).status).toBe(200);
      }
      await expectLimited(await plain('POST', hand, { kind: 'speak' }), 3600);
    } finally {
      await defaults.close();
    }
  });
});

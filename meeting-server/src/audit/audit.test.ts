// The audit log on PGlite and PostgreSQL: chair, secretary and secretariat actions leave one entry
// each (who, when, what, which meeting) in the same transaction as the change; refused requests and
// ballots leave none; passwords never reach it; and the database refuses UPDATE, DELETE, TRUNCATE.
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditList } from '../../../shared/admin';
import { ApiError } from '../../../shared/errors';
import { MeetingState, Motion } from '../../../shared/meeting';
import { PackageManifest } from '../../../shared/packages';
import { bearer, ok } from '../admin/testing';
import { buildWorld, startHostileServer, type HostileServer, type World } from '../hostile/testing';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { foldText } from '../../../shared/text/normalize';
import { listAudit, runAudited, withAudit, type AuditActor } from './audit';

describe.each(DATABASE_KINDS)('audit log on %s', (kind) => {
  let db: TestDb;
  let server: HostileServer;
  let w: World;

  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startHostileServer(db);
    w = await buildWorld(server.url, db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
  });

  const entries = async (meetingId?: string) =>
    ok(
      await w.admin.request(
        'GET',
        `/api/admin/audit?limit=500${meetingId ? `&meetingId=${meetingId}` : ''}`,
      ),
      AuditList,
    );
  const newest = async () => (await entries())[0]!;

  it('records who gave the floor, when, and to whom, with the meeting', async () => {
    const before = Date.now();
    const m = `/api/meetings/${w.fx.sitting.id}`;
    await ok(
      await bearer(server.url, w.fx.sessions.chair)('POST', `${m}/floor`, {
        entryId: w.handEntryId,
      }),
      MeetingState,
    );
    const e = await newest();
    expect(e).toMatchObject({
      action: 'POST /api/meetings/:meetingId/floor',
      meetingId: w.fx.sitting.id,
      actor: {
        kind: 'participant',
        id: `member:${w.fx.members[0]!.id}`,
        name: 'Nguyễn Văn An',
        role: 'chair',
        memberId: w.fx.members[0]!.id,
      },
      details: { body: { entryId: w.handEntryId } },
    });
    expect(new Date(e.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    await bearer(server.url, w.fx.sessions.chair)('DELETE', `${m}/floor`);
    expect((await newest()).action).toBe('DELETE /api/meetings/:meetingId/floor');
  });

  it('records the chair’s votes, the secretary’s check-in and agenda, one entry each', async () => {
    const m = `/api/meetings/${w.fx.sitting.id}`;
    const chair = bearer(server.url, w.fx.sessions.chair);
    const secretary = bearer(server.url, w.fx.sessions.secretary);
    const count = (await entries()).length;
    // A vote opens only with the quorum (2 of 3) and only members present vote: check two in.
    for (const member of [w.fx.members[0]!, w.fx.members[2]!]) {
      await ok(
        await secretary('POST', `${m}/attendance/check-in`, { memberId: member.id, present: true }),
        MeetingState,
      );
    }
    const motion = await ok(
      await chair('POST', `${m}/motions`, { agendaItemId: null, title: 'Biểu quyết thử' }),
      Motion,
    );
    await ok(await chair('POST', `${m}/motions/${motion.id}/open`), MeetingState);
    await ok(
      await secretary('POST', `${m}/agenda/current`, {
        agendaItemId: w.fx.sitting.agenda[1]!.id,
      }),
      MeetingState,
    );
    // The chair votes as a delegate: ballots are never in the audit log.
    const ballot = await chair('POST', `${m}/motions/${motion.id}/ballots`, {
      choice: 'for',
      idempotencyKey: 'audit-test-ballot-1',
    });
    expect(ballot.status, await ballot.text()).toBe(200);
    await ok(await chair('POST', `${m}/motions/${motion.id}/close`), MeetingState);
    const mine = (await entries()).slice(0, (await entries()).length - count).reverse();
    expect(mine.map((e) => [e.actor.role, e.action])).toEqual([
      ['secretary', 'POST /api/meetings/:meetingId/attendance/check-in'],
      ['secretary', 'POST /api/meetings/:meetingId/attendance/check-in'],
      ['chair', 'POST /api/meetings/:meetingId/motions'],
      ['chair', 'POST /api/meetings/:meetingId/motions/:motionId/open'],
      ['secretary', 'POST /api/meetings/:meetingId/agenda/current'],
      ['chair', 'POST /api/meetings/:meetingId/motions/:motionId/close'],
    ]);
    expect(JSON.stringify(mine)).not.toContain('audit-test-ballot-1');
  });

  it('records secretariat actions with the staff account, resolving the meeting of a package or petition', async () => {
    const council = await w.clerk.request('POST', '/api/admin/councils', {
      name: 'HĐND xã Kiểm Toán',
      level: 'commune',
      totalMembers: 5,
    });
    expect(council.status).toBe(201);
    const created = await newest();
    expect(created).toMatchObject({
      action: 'POST /api/admin/councils',
      meetingId: null,
      actor: { kind: 'staff', id: w.clerk.session.user.id, role: 'staff', memberId: null },
      details: { body: { name: 'HĐND xã Kiểm Toán', level: 'commune', totalMembers: 5 } },
    });
    expect(created.actor.name).toContain(w.clerk.session.user.email);
    await ok(
      await w.clerk.request('POST', `/api/admin/packages/${w.pkg.id}/publish`),
      PackageManifest,
    );
    expect(await newest()).toMatchObject({
      action: 'POST /api/admin/packages/:packageId/publish',
      meetingId: w.fx.sitting.id,
    });
    const classified = await w.clerk.request(
      'POST',
      `/api/admin/petitions/${w.petitionId}/classify`,
      { category: 'infrastructure' },
    );
    expect(classified.status, await classified.text()).toBe(200);
    expect(await newest()).toMatchObject({
      action: 'POST /api/admin/petitions/:petitionId/classify',
      meetingId: w.fx.voterMeeting.id,
    });
  });

  it('never records a password, and records sign-in', async () => {
    const created = await w.admin.request('POST', '/api/staff/users', {
      email: 'kiemtoan@hdnd.example.vn',
      fullName: 'Kiểm Toán Viên',
      password: 'mật-khẩu-không-được-ghi-lại',
    });
    expect(created.status).toBe(201);
    const login = await fetch(`${server.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'kiemtoan@hdnd.example.vn',
        password: 'mật-khẩu-không-được-ghi-lại',
      }),
    });
    expect(login.status).toBe(200);
    const [signIn, create] = await entries();
    expect(create).toMatchObject({
      action: 'POST /api/staff/users',
      actor: { role: 'admin' },
      details: { body: { password: '[redacted]', email: 'kiemtoan@hdnd.example.vn' } },
    });
    expect(signIn).toMatchObject({
      action: 'POST /api/staff/login',
      actor: { kind: 'staff', name: 'Kiểm Toán Viên <kiemtoan@hdnd.example.vn>' },
    });
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE '%không-được-ghi-lại%'",
    );
    expect(row!.n).toBe(0);
  });

  it('stores text PostgreSQL’s jsonb refuses (NUL, lone surrogates) without failing the action', async () => {
    // Found by the endpoint fuzz test: roll-call reads no body, so nothing refused this one, and
    // the entry's JSON used to make the action itself fail.
    const m = `/api/meetings/${w.fx.sitting.id}`;
    const chair = bearer(server.url, w.fx.sessions.chair);
    for (let i = 0; i < 2; i++) {
      const res = await chair('POST', `${m}/roll-call`, { ['k\u0000']: 'a\u0000b\ud800c\udfff' });
      expect(res.status, await res.text()).toBe(200);
      expect((await newest()).details).toEqual({
        params: { meetingId: w.fx.sitting.id },
        body: { 'k\ufffd': 'a\ufffdb\ufffdc\ufffd' },
      });
    }
  });

  it('leaves no entry for refused requests (400, 403, 404, 409)', async () => {
    const count = (await entries()).length;
    const m = `/api/meetings/${w.fx.sitting.id}`;
    const chair = bearer(server.url, w.fx.sessions.chair);
    const refused = [
      await chair('POST', `${m}/floor/extend`, { seconds: 'long' }),
      await bearer(server.url, w.fx.sessions.secretary)('POST', `${m}/floor`, {
        entryId: w.handEntryId,
      }),
      await chair('POST', `${m}/motions/nope/open`),
      await w.clerk.request('PATCH', '/api/admin/councils/nope', { name: 'X' }),
      await w.clerk.request('POST', `/api/admin/petitions/${w.petitionId}/publish`, {
        published: 'yes',
      }),
    ];
    expect(refused.map((r) => Math.floor(r.status / 100))).toEqual([4, 4, 4, 4, 4]);
    expect((await entries()).length).toBe(count);
  });

  it('writes the entry in the change’s transaction: a rolled-back change leaves none', async () => {
    const audited = withAudit(db, Date.now);
    const actor: AuditActor = {
      kind: 'staff',
      id: 'test',
      name: 'Thử nghiệm',
      role: 'staff',
      memberId: null,
    };
    const req = {
      method: 'POST',
      baseUrl: '',
      route: { path: '/api/test/rollback' },
      params: {},
      query: {},
      body: { note: 'rolled back' },
    } as unknown as Request;
    await expect(
      runAudited(actor, req, null, () =>
        audited.transaction(async (tx) => {
          await tx.query("INSERT INTO server_settings (key, value) VALUES ('audit-test', 'x')");
          throw new Error('fails after the change');
        }),
      ),
    ).rejects.toThrow('fails after the change');
    // A read-only request writes nothing either; a lone write outside a transaction is audited.
    await runAudited(actor, { ...req, route: { path: '/api/test/read' } } as Request, null, () =>
      audited.query('SELECT count(*) FROM councils'),
    );
    await runAudited(actor, { ...req, route: { path: '/api/test/write' } } as Request, null, () =>
      audited.query("INSERT INTO server_settings (key, value) VALUES ('audit-test-2', 'y')"),
    );
    const tests = (await listAudit(db, { limit: 500 })).filter((e) => e.actor.id === 'test');
    expect(tests.map((e) => e.action)).toEqual(['POST /api/test/write']);
    const settings = await db.query("SELECT key FROM server_settings WHERE key LIKE 'audit-test%'");
    expect(settings).toEqual([{ key: 'audit-test-2' }]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the log in the database itself', async () => {
    const before = await db.query('SELECT * FROM audit_log ORDER BY id');
    expect(before.length).toBeGreaterThan(3);
    for (const sql of [
      "UPDATE audit_log SET actor_name = 'someone else'",
      'DELETE FROM audit_log',
      'DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)',
      'TRUNCATE audit_log',
    ]) {
      await expect(db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await db.query('SELECT * FROM audit_log ORDER BY id')).toEqual(before);
  });

  it('shows the log to administrators only, by meeting and in pages', async () => {
    const clerk = await w.clerk.request('GET', '/api/admin/audit');
    expect(clerk.status).toBe(403);
    expect(ApiError.parse(await clerk.json()).code).toBe('forbidden');
    expect((await fetch(`${server.url}/api/admin/audit`)).status).toBe(401);
    const sitting = await entries(w.fx.sitting.id);
    expect(sitting.length).toBeGreaterThan(3);
    expect(sitting.every((e) => e.meetingId === w.fx.sitting.id)).toBe(true);
    const page1 = await ok(await w.admin.request('GET', '/api/admin/audit?limit=2'), AuditList);
    const page2 = await ok(
      await w.admin.request('GET', `/api/admin/audit?limit=2&before=${page1[1]!.id}`),
      AuditList,
    );
    expect(page1.length).toBe(2);
    expect(page2[0]!.id).toBeLessThan(page1[1]!.id);
    const bad = await w.admin.request('GET', '/api/admin/audit?limit=0');
    expect(bad.status).toBe(400);
  });

  it('finds who did it with or without diacritics, in any case, stored composed or not', async () => {
    const audited = withAudit(db, Date.now);
    const write = (name: string, path: string) =>
      runAudited(
        { kind: 'participant', id: `test:${path}`, name, role: 'secretary', memberId: null },
        {
          method: 'POST',
          baseUrl: '',
          route: { path },
          params: {},
          query: {},
          body: {},
        } as unknown as Request,
        null,
        () => audited.query("INSERT INTO server_settings (key, value) VALUES ($1, 'x')", [path]),
      );
    await write('Trần Thị Cúc', '/api/test/who-composed');
    await write('ĐỖ VĂN ĐỨC'.normalize('NFD'), '/api/test/who-decomposed');
    await write('Tran Van Cuong', '/api/test/who-plain');
    const who = async (actor: string) =>
      (
        await ok(
          await w.admin.request('GET', `/api/admin/audit?actor=${encodeURIComponent(actor)}`),
          AuditList,
        )
      ).map((e) => e.action);
    expect(await who('tran thi cuc')).toEqual(['POST /api/test/who-composed']);
    expect(await who('TRAN THI')).toEqual(['POST /api/test/who-composed']);
    expect(await who('Trần Thị Cúc')).toEqual(['POST /api/test/who-composed']);
    expect(await who('thi cúc')).toEqual(['POST /api/test/who-composed']);
    expect(await who('do van duc')).toEqual(['POST /api/test/who-decomposed']);
    expect(await who('đỗ văn')).toEqual(['POST /api/test/who-decomposed']);
    expect(await who('tran')).toEqual(['POST /api/test/who-plain', 'POST /api/test/who-composed']);
    expect(await who('tran thi cuong')).toEqual([]);
  });

  it('filters the log by who, by what and by time, and reads % and _ as plain text', async () => {
    const all = await entries();
    const someone = all.find((e) => e.actor.kind === 'staff')!;
    const part = someone.actor.name.slice(1, 5).toUpperCase();
    const byWho = await ok(
      await w.admin.request('GET', `/api/admin/audit?actor=${encodeURIComponent(part)}`),
      AuditList,
    );
    expect(byWho.length).toBeGreaterThan(0);
    expect(byWho.every((e) => foldText(e.actor.name).includes(foldText(part)))).toBe(true);
    const byWhat = await ok(
      await w.admin.request('GET', '/api/admin/audit?action=floor'),
      AuditList,
    );
    expect(byWhat.length).toBeGreaterThan(0);
    expect(byWhat.every((e) => e.action.includes('floor'))).toBe(true);
    const wild = await ok(await w.admin.request('GET', '/api/admin/audit?actor=%25'), AuditList);
    expect(wild).toEqual([]);
    const at = Date.parse(all[0]!.at);
    const after = new Date(at + 1000).toISOString();
    const before = new Date(at - 3600_000).toISOString();
    const q = (from: string, to: string) =>
      `/api/admin/audit?limit=500&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    expect(await ok(await w.admin.request('GET', q(after, after)), AuditList)).toEqual([]);
    const inRange = await ok(await w.admin.request('GET', q(before, after)), AuditList);
    expect(inRange.map((e) => e.id)).toContain(all[0]!.id);
  });
});

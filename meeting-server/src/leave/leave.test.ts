// Leave requests on PGlite and PostgreSQL, through the HTTP API: a delegate asks with a reason and
// sees the answer; nobody else can ask for them or read their request; only the chair and the
// secretariat decide; an approved absence shows as excused in the state and in the minutes (JSON,
// CSV, PDF) while quorum still counts every delegate; each write leaves an audit entry.
import { pdfText } from '../pdf/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { Invitation, Meeting, Minutes } from '../../../shared/admin';
import { LeaveRequest, LeaveRequestList, MyLeave } from '../../../shared/leave';
import { ApiError } from '../../../shared/errors';
import { MeetingState } from '../../../shared/meeting';
import { bearer, joinAs, ok, useStaffFixture } from '../admin/testing';
import { DATABASE_KINDS } from '../testing/databases';

describe.each(DATABASE_KINDS)('leave requests on %s', (kind) => {
  const t = useStaffFixture(kind);
  let cuong: ReturnType<typeof bearer>;
  let m: string;

  beforeAll(async () => {
    m = `/api/meetings/${t.fx.sitting.id}`;
    // Lê Văn Cường (a delegate with no invitation in the fixture) is invited and opens his link.
    const inv = await ok(
      await t.staff.request('POST', `/api/admin/meetings/${t.fx.sitting.id}/invitations`, {
        role: 'member',
        memberId: t.fx.members[2]!.id,
      }),
      Invitation,
      201,
    );
    cuong = bearer(t.server.url, (await joinAs(t.server.url, inv)).sessionToken);
  }, 120_000);

  it('the delegate asks, the chair declines, he asks again, the secretariat approves', async () => {
    const chair = bearer(t.server.url, t.fx.sessions.chair);
    const secretary = bearer(t.server.url, t.fx.sessions.secretary);
    const member = bearer(t.server.url, t.fx.sessions.member);
    const reason = 'Đi công tác tỉnh theo quyết định của UBND huyện';

    // Too short a reason is refused and nothing is stored.
    expect((await cuong('POST', `${m}/leave`, { reason: ' ' })).status).toBe(400);
    expect((await ok(await cuong('GET', `${m}/leave`), MyLeave)).request).toBeNull();

    const asked = await ok(await cuong('POST', `${m}/leave`, { reason }), LeaveRequest);
    expect(asked).toMatchObject({ name: 'Lê Văn Cường', reason, status: 'pending' });
    // Another delegate sees only her own (none); the secretary (not a delegate) cannot ask.
    expect((await ok(await member('GET', `${m}/leave`), MyLeave)).request).toBeNull();
    expect((await secretary('POST', `${m}/leave`, { reason })).status).toBe(403);

    const listed = await ok(await secretary('GET', `${m}/leave-requests`), LeaveRequestList);
    expect(listed.map((l) => l.name)).toEqual(['Lê Văn Cường']);
    expect((await member('GET', `${m}/leave-requests`)).status).toBe(403);

    // Only the chair decides in the meeting: a delegate or the secretary is refused.
    const decision = `${m}/leave-requests/${asked.id}/decision`;
    expect((await member('POST', decision, { approved: true })).status).toBe(403);
    expect((await cuong('POST', decision, { approved: true })).status).toBe(403);
    expect((await secretary('POST', decision, { approved: true })).status).toBe(403);
    expect((await ok(await cuong('GET', `${m}/leave`), MyLeave)).request!.status).toBe('pending');

    const declined = await ok(
      await chair('POST', decision, { approved: false, note: 'Đề nghị cử người báo cáo thay' }),
      LeaveRequest,
    );
    expect(declined).toMatchObject({ status: 'declined', decidedBy: 'Nguyễn Văn An (chủ tọa)' });
    const seen = (await ok(await cuong('GET', `${m}/leave`), MyLeave)).request!;
    expect(seen).toMatchObject({ status: 'declined', note: 'Đề nghị cử người báo cáo thay' });
    let state = await ok(await chair('GET', `${m}/state`), MeetingState);
    expect(state.attendance.excused).toBe(0);

    // Asked again: waiting for a new decision; the secretariat approves from the staff app.
    const again = await ok(await cuong('POST', `${m}/leave`, { reason }), LeaveRequest);
    expect(again).toMatchObject({ id: asked.id, status: 'pending', note: null });
    const adminList = await ok(
      await t.staff.request('GET', `/api/admin/meetings/${t.fx.sitting.id}/leave-requests`),
      LeaveRequestList,
    );
    expect(adminList.map((l) => l.status)).toEqual(['pending']);
    const approved = await ok(
      await t.staff.request('POST', `/api/admin/leave-requests/${asked.id}/decision`, {
        approved: true,
      }),
      LeaveRequest,
    );
    expect(approved.status).toBe('approved');
    expect((await ok(await cuong('GET', `${m}/leave`), MyLeave)).request!.status).toBe('approved');

    // Excused, not present: the total and the quorum are unchanged (2 of 3 needed, 0 present).
    state = await ok(await chair('GET', `${m}/state`), MeetingState);
    const row = state.attendance.members.find((a) => a.name === 'Lê Văn Cường')!;
    expect(row).toMatchObject({ present: false, excused: true });
    expect(state.attendance).toMatchObject({
      totalMembers: 3,
      present: 0,
      excused: 1,
      required: 2,
      quorum: false,
    });

    // Each write is in the audit log, with the meeting: the delegate's, the chair's, the staff's.
    const rows = await t.db.query<{ actor_kind: string; action: string; meeting_id: string }>(
      `SELECT actor_kind, action, meeting_id FROM audit_log WHERE action LIKE '%leave%' ORDER BY id`,
    );
    expect(rows.map((r) => r.actor_kind)).toEqual([
      'participant',
      'participant',
      'participant',
      'staff',
    ]);
    expect(new Set(rows.map((r) => r.meeting_id))).toEqual(new Set([t.fx.sitting.id]));
  });

  it('the minutes show the excused delegate apart from the absent ones', async () => {
    const get = (ext: string) =>
      t.staff.request('GET', `/api/meetings/${t.fx.sitting.id}/minutes.${ext}`);
    const minutes = await ok(await get('json'), Minutes);
    const byName = new Map(minutes.attendance.members.map((a) => [a.name, a]));
    expect(byName.get('Lê Văn Cường')).toMatchObject({ attended: false, excused: true });
    expect(byName.get('Trần Thị Bình')).toMatchObject({ attended: false, excused: false });
    expect(minutes.attendance).toMatchObject({ totalMembers: 3, attended: 0, excused: 1 });

    const csv = await (await get('csv')).text();
    expect(csv).toContain('Lê Văn Cường,Vắng có lý do: Đi công tác tỉnh');
    expect(csv).toMatch(/Trần Thị Bình,Vắng mặt/);

    const pdf = await pdfText(new Uint8Array(await (await get('pdf')).arrayBuffer()));
    expect(pdf).toContain('vắng có lý do 1');
    expect(pdf).toMatch(/Lê Văn Cường \(Tổ 2\): vắng có lý do \(Đi công tác tỉnh/);
    expect(pdf).toMatch(/Trần Thị Bình \(Tổ 1\): vắng mặt/);
  });

  // Last: it ends by closing the sitting. On PostgreSQL the requests really run at once (a pool).
  it('requests and decisions at the same time leave one request with one answer', async () => {
    const chair = bearer(t.server.url, t.fx.sessions.chair);
    const staffDecide = (id: string, body: object) =>
      t.staff.request('POST', `/api/admin/leave-requests/${id}/decision`, body);
    const read = async () => (await ok(await cuong('GET', `${m}/leave`), MyLeave)).request!;

    // A request sent four times at once (a double click, a retry): one request, pending.
    const reasons = ['Ốm nặng', 'Ốm, có giấy', 'Đi viện', 'Đi viện tỉnh'];
    const sent = await Promise.all(
      reasons.map((reason) => cuong('POST', `${m}/leave`, { reason })),
    );
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const rows = await t.db.query<{ reason: string }>(
      'SELECT reason FROM leave_requests WHERE meeting_id = $1',
      [t.fx.sitting.id],
    );
    expect(rows).toHaveLength(1);
    expect(reasons).toContain(rows[0]!.reason);
    const current = await read();
    expect(current.status).toBe('pending');

    // The chair and the secretariat approve at once: approved, one excused delegate.
    const both = await Promise.all([
      chair('POST', `${m}/leave-requests/${current.id}/decision`, {
        approved: true,
        requestedAt: current.requestedAt,
      }),
      staffDecide(current.id, { approved: true, requestedAt: current.requestedAt }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect((await read()).status).toBe('approved');
    const state = await ok(await chair('GET', `${m}/state`), MeetingState);
    expect(state.attendance.excused).toBe(1);

    // A decline racing a new reason: whichever commits first, the new reason waits for a decision
    // (the decline is refused if it came second: nobody declines a reason they did not read).
    const [decline, again] = await Promise.all([
      staffDecide(current.id, { approved: false, requestedAt: current.requestedAt }),
      cuong('POST', `${m}/leave`, { reason: 'Lý do mới: đi công tác' }),
    ]);
    expect(again.status).toBe(200);
    expect([200, 409]).toContain(decline.status);
    if (decline.status === 409) {
      expect(ApiError.parse(await decline.json()).code).toBe('leave_changed');
    }
    expect(await read()).toMatchObject({ status: 'pending', reason: 'Lý do mới: đi công tác' });

    // Deciding what was read before the new reason is refused, and says to read it again.
    const stale = await staffDecide(current.id, {
      approved: true,
      requestedAt: current.requestedAt,
    });
    expect(stale.status).toBe(409);
    expect(ApiError.parse(await stale.json()).message.vi).toContain('Hãy đọc lại đơn');
    expect((await read()).status).toBe('pending');

    // A request racing the close: it lands before the close, or is refused as too late.
    const [late, close] = await Promise.all([
      cuong('POST', `${m}/leave`, { reason: 'Gửi lúc bế mạc' }),
      t.staff.request('PATCH', `/api/admin/meetings/${t.fx.sitting.id}`, { status: 'closed' }),
    ]);
    await ok(close, Meeting);
    expect([200, 409]).toContain(late.status);
    // What the answer said is what was kept: stored if accepted, nothing if refused.
    if (late.status === 409) {
      expect(ApiError.parse(await late.json()).code).toBe('meeting_closed');
      expect((await read()).reason).toBe('Lý do mới: đi công tác');
    } else {
      expect((await read()).reason).toBe('Gửi lúc bế mạc');
    }
    expect((await cuong('POST', `${m}/leave`, { reason: 'Sau bế mạc' })).status).toBe(409);
  });
});

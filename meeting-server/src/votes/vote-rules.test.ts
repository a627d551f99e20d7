// The rules around every vote, through the public API on PGlite and PostgreSQL (issue #15's
// scenarios reproduced as reported on a 35-member council): only members present may vote, the
// quorum is needed to open a sitting and a vote, present and quorum are recorded at close, a
// roll-call confirmation counts as presence, the total is the serving delegates, and closing the
// meeting closes its open votes (issue #16 item 5); confidence ballots by own keys (item 6).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors';
import type { MeetingState, Motion, MotionResult } from '../../../shared/meeting';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import {
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  type LiveFixture,
  type MeetingApi,
} from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';
import { CLERK, seedStaff, signIn, type StaffClient } from '../staff/testing';

const COUNCIL = 35;

describe.each(DATABASE_KINDS)('vote rules on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let clerk: StaffClient;

  beforeAll(async () => {
    db = await openTestDb(kind);
    await seedStaff(db);
    server = await startTestServer(db, { sweepIntervalMs: 0 });
    clerk = await signIn(server.url, CLERK);
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  /** A 35-member council with the first `present` members checked in, and its chair. */
  async function council(present: number, members = COUNCIL) {
    const fx = await seedLiveMeeting(db, { members, checkedIn: present });
    const api = (i: number, role: 'member' | 'chair' | 'secretary' = 'member') =>
      meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role, memberId: fx.memberIds[i]! }).token,
      );
    const chair = api(0, 'chair');
    const secretary = meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.meetingId, { role: 'secretary' }).token,
    );
    return { fx, api, chair, secretary };
  }
  const draft = async (chair: MeetingApi, body: Record<string, unknown> = {}) =>
    (await chair.post<Motion>('/motions', { agendaItemId: null, title: 'Nghị quyết', ...body }))
      .body;
  const vote = (api: MeetingApi, motionId: string, body: Record<string, unknown>) =>
    api.post<ApiError>(`/motions/${motionId}/ballots`, { idempotencyKey: randomUUID(), ...body });
  const close = async (chair: MeetingApi, motionId: string) => {
    const answer = await chair.post<MeetingState>(`/motions/${motionId}/close`);
    expect(answer.status).toBe(200);
    return answer.body.motions.find((m) => m.id === motionId)!.result!;
  };
  const checkIn = (secretary: MeetingApi, fx: LiveFixture, i: number, present: boolean) =>
    secretary.post<MeetingState>('/attendance/check-in', { memberId: fx.memberIds[i], present });

  it('refuses ballots of members recorded as absent; the result never holds more ballots than present', async () => {
    // Issue #15: 24 of 35 checked in, "majority of those present", 35 ballots sent.
    const { fx, api, chair } = await council(24);
    const m = await draft(chair, { rule: 'majority_of_present' });
    expect((await chair.post(`/motions/${m.id}/open`)).status).toBe(200);
    const answers = await Promise.all(
      fx.memberIds.map((_, i) => vote(api(i), m.id, { choice: i < 13 ? 'for' : 'against' })),
    );
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(11);
    for (const a of refused) {
      expect(a.status).toBe(403);
      expect(a.body.code).toBe('not_present');
      expect(a.body.message.vi).toContain('thư ký');
      expect(a.body.message.en).toContain('Ask the secretary to check you in');
    }
    const r = await close(chair, m.id);
    expect(r.counts).toMatchObject({ for: 13, against: 11, abstain: 0 });
    expect(r).toMatchObject({ present: 24, totalMembers: 35, required: 13, passed: true });
    expect(r.counts.for + r.counts.against + r.counts.abstain).toBeLessThanOrEqual(r.present);
  });

  it('a member checked out after the vote opened can no longer vote; one who arrives can', async () => {
    const { fx, api, chair, secretary } = await council(30);
    const m = await draft(chair);
    expect((await chair.post(`/motions/${m.id}/open`)).status).toBe(200);
    expect((await checkIn(secretary, fx, 5, false)).status).toBe(200);
    expect((await vote(api(5), m.id, { choice: 'for' })).body.code).toBe('not_present');
    expect((await vote(api(31), m.id, { choice: 'for' })).status).toBe(403);
    expect((await checkIn(secretary, fx, 31, true)).status).toBe(200);
    expect((await vote(api(31), m.id, { choice: 'for' })).status).toBe(200);
    // Secret ballots are held to the same rule.
    const s = await draft(chair, { title: 'Bầu', secret: true });
    await close(chair, m.id);
    expect((await chair.post(`/motions/${s.id}/open`)).status).toBe(200);
    expect((await vote(api(5), s.id, { choice: 'for' })).body.code).toBe('not_present');
    expect((await vote(api(6), s.id, { choice: 'for' })).status).toBe(200);
  });

  it('without the quorum neither the sitting nor a vote opens, and the chair is told how many are missing', async () => {
    // Issue #15: 23 of 35 present (two thirds is 24).
    const { fx, chair, secretary } = await council(23);
    const m = await draft(chair);
    const opened = await chair.post<ApiError>(`/motions/${m.id}/open`);
    expect(opened.status).toBe(409);
    expect(opened.body.code).toBe('no_quorum');
    expect(opened.body.message.vi).toContain('23/35');
    expect(opened.body.message.vi).toContain('thiếu 1');
    expect(opened.body.message.en).toContain('1 missing');
    const sitting = await chair.post<ApiError>('/status', { status: 'open' });
    expect(sitting.status).toBe(409);
    expect(sitting.body.code).toBe('no_quorum');
    expect((await chair.get<MeetingState>('/state')).body.meeting.status).toBe('scheduled');
    // The 24th member arrives: both open.
    await checkIn(secretary, fx, 23, true);
    expect((await chair.post('/status', { status: 'open' })).status).toBe(200);
    expect((await chair.post(`/motions/${m.id}/open`)).status).toBe(200);
  });

  it('records present and the quorum at close (30 at open, 32 at close; quorum lost fails the vote)', async () => {
    const { fx, api, chair, secretary } = await council(30);
    const m = await draft(chair);
    await chair.post(`/motions/${m.id}/open`);
    await checkIn(secretary, fx, 30, true);
    await checkIn(secretary, fx, 31, true);
    await Promise.all(Array.from({ length: 20 }, (_, i) => vote(api(i), m.id, { choice: 'for' })));
    const r = await close(chair, m.id);
    expect(r).toMatchObject({ present: 32, quorumRequired: 24, quorumHeld: true, passed: true });

    const n = await draft(chair, { title: 'Nghị quyết 2' });
    await chair.post(`/motions/${n.id}/open`);
    await Promise.all(Array.from({ length: 20 }, (_, i) => vote(api(i), n.id, { choice: 'for' })));
    // Nine leave before the close: 23 present, the quorum no longer holds.
    for (const i of [20, 21, 22, 23, 24, 25, 26, 27, 28]) await checkIn(secretary, fx, i, false);
    const lost = await close(chair, n.id);
    expect(lost).toMatchObject({ present: 23, quorumHeld: false, ruleMet: true, passed: false });
  });

  it('counts votes cast as for + against: 8 for, 7 against, 5 không biểu quyết passes', async () => {
    const { api, chair } = await council(30);
    const m = await draft(chair, { rule: 'majority_of_cast' });
    await chair.post(`/motions/${m.id}/open`);
    const choices = [
      ...Array(8).fill('for'),
      ...Array(7).fill('against'),
      ...Array(5).fill('abstain'),
    ];
    await Promise.all(choices.map((choice, i) => vote(api(i), m.id, { choice })));
    const r = await close(chair, m.id);
    expect(r).toMatchObject({ basis: { of: 'cast', count: 15 }, required: 8, passed: true });
  });

  it('a roll-call confirmation counts in the live present count, and the member may then vote', async () => {
    const { api, chair } = await council(24);
    const before = (await chair.get<MeetingState>('/state')).body.attendance.present;
    await chair.post('/roll-call');
    for (const i of [24, 25, 26])
      expect((await api(i).post('/roll-call/confirm')).status).toBe(200);
    const after = (await chair.get<MeetingState>('/state')).body.attendance;
    expect([before, after.present]).toEqual([24, 27]);
    expect(after.members.filter((a) => a.via === 'roll_call')).toHaveLength(3);
    const m = await draft(chair);
    await chair.post(`/motions/${m.id}/open`);
    expect((await vote(api(25), m.id, { choice: 'for' })).status).toBe(200);
    // A new roll-call ends the old confirmations' presence.
    await chair.post('/roll-call');
    await chair.post('/roll-call');
    expect((await chair.get<MeetingState>('/state')).body.attendance.present).toBe(24);
  });

  it('the total is the serving delegates: a term that ended lowers it, and that member cannot vote', async () => {
    const { fx, api, chair } = await council(30);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await db.query(
      "UPDATE members SET term_ended_on = $2::date, term_end_reason = 'resigned' WHERE id = $1",
      [fx.memberIds[1], yesterday],
    );
    const state = (await chair.get<MeetingState>('/state')).body.attendance;
    expect(state.totalMembers).toBe(34);
    expect(state.present).toBe(29);
    expect(state.members.map((a) => a.memberId)).not.toContain(fx.memberIds[1]);
    const m = await draft(chair);
    await chair.post(`/motions/${m.id}/open`);
    expect((await vote(api(1), m.id, { choice: 'for' })).status).toBe(403);
    await Promise.all(
      Array.from({ length: 18 }, (_, i) => vote(api(i + 2), m.id, { choice: 'for' })),
    );
    const r = await close(chair, m.id);
    // 18 of 34 is more than half; of 35 it would also be, so check the numbers themselves.
    expect(r).toMatchObject({ totalMembers: 34, eligible: 34, required: 18, passed: true });
    expect(r.percentOfAll.for).toBe(52.9);
  });

  it('the full council counts its configured number of delegates when fewer are on the member list', async () => {
    const { fx, chair } = await council(20, 30);
    await db.query('UPDATE councils SET total_members = 35 WHERE id = $1', [fx.councilId]);
    const a = (await chair.get<MeetingState>('/state')).body.attendance;
    expect([a.totalMembers, a.required, a.quorum]).toEqual([35, 24, false]);
  });

  it('closing the meeting closes its open vote; a ballot afterwards is refused', async () => {
    const { api, chair } = await council(30);
    const m = await draft(chair);
    await chair.post(`/motions/${m.id}/open`);
    expect((await vote(api(1), m.id, { choice: 'for' })).status).toBe(200);
    const closed = await chair.post<MeetingState>('/status', { status: 'closed' });
    expect(closed.status).toBe(200);
    const motion = closed.body.motions.find((x) => x.id === m.id)!;
    expect(motion.status).toBe('closed');
    expect((motion.result as MotionResult).counts.for).toBe(1);
    const late = await vote(api(2), m.id, { choice: 'for' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('vote_closed');
    expect((await chair.get<MeetingState>('/state')).body.motions[0]!.castCount).toBe(1);
  });

  it('the secretariat’s status change (admin PATCH) follows the same rules: quorum to open, closing closes the vote', async () => {
    const { fx, api, chair, secretary } = await council(23);
    const patch = (status: string) =>
      clerk.request('PATCH', `/api/admin/meetings/${fx.meetingId}`, { status, title: 'Sửa' });
    const refused = await patch('open');
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ApiError).code).toBe('no_quorum');
    // Refused as a whole: neither the status nor the title changed.
    const before = (await chair.get<MeetingState>('/state')).body.meeting;
    expect(before.status).toBe('scheduled');
    expect(before.title).not.toBe('Sửa');
    await checkIn(secretary, fx, 23, true);
    expect((await patch('open')).status).toBe(200);
    expect((await chair.get<MeetingState>('/state')).body.meeting.status).toBe('open');
    const m = await draft(chair);
    expect((await chair.post(`/motions/${m.id}/open`)).status).toBe(200);
    expect((await vote(api(1), m.id, { choice: 'for' })).status).toBe(200);
    expect((await patch('closed')).status).toBe(200);
    const state = (await chair.get<MeetingState>('/state')).body;
    expect(state.meeting.status).toBe('closed');
    const motion = state.motions.find((x) => x.id === m.id)!;
    expect(motion.status).toBe('closed');
    expect((motion.result as MotionResult).counts.for).toBe(1);
    expect((await vote(api(2), m.id, { choice: 'for' })).body.code).toBe('vote_closed');
  });

  it('a confidence ballot naming an unknown key is refused even with an official named "constructor"', async () => {
    const { api, chair } = await council(30);
    const m = await draft(chair, { kind: 'confidence', officials: ['constructor', 'toString'] });
    await chair.post(`/motions/${m.id}/open`);
    const bad = await vote(api(1), m.id, { confidence: { x: 'low', y: 'high' } });
    expect(bad.status).toBe(400);
    const good = await vote(api(2), m.id, { confidence: { constructor: 'low', toString: 'high' } });
    expect(good.status).toBe(200);
    const r = await close(chair, m.id);
    expect(r.eligible - r.counts.notVoted).toBe(1);
    expect(r.confidence!.map((c) => [c.official, c.high, c.low])).toEqual([
      ['constructor', 0, 1],
      ['toString', 1, 0],
    ]);
  });
});

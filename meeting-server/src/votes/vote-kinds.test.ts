// The kinds of vote beyond a resolution, through the public API on PGlite and PostgreSQL (issue
// #15): an election of candidates to N posts (blank and spoiled ballots counted, a tie at the last
// post left for a new round), a dismissal (two thirds of all to remove a delegate, more than half to
// dismiss an office-holder, configurable), a no-confidence vote per official. All are secret:
// nothing stored links a member to a choice, and ballots are checked against the motion's own list.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors';
import type { MeetingState, Motion, MyBallot } from '../../../shared/meeting';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { meetingApi, seedLiveMeeting, sessionFor, type MeetingApi } from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

describe.each(DATABASE_KINDS)('kinds of vote on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;

  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startTestServer(db, { sweepIntervalMs: 0 });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  /** A council of `members` with the first `present` checked in, and its chair. */
  async function council(present: number, members = 35) {
    const fx = await seedLiveMeeting(db, { members, checkedIn: present });
    const api = (i: number) =>
      meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'member', memberId: fx.memberIds[i]! }).token,
      );
    const chair = meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
    );
    return { fx, api, chair };
  }
  const draft = (chair: MeetingApi, body: Record<string, unknown>) =>
    chair.post<Motion & ApiError>('/motions', { agendaItemId: null, title: 'Bầu', ...body });
  const opened = async (chair: MeetingApi, body: Record<string, unknown>) => {
    const m = await draft(chair, body);
    expect(m.status).toBe(200);
    expect((await chair.post(`/motions/${m.body.id}/open`)).status).toBe(200);
    return m.body;
  };
  const vote = (api: MeetingApi, motionId: string, body: Record<string, unknown>) =>
    api.post<ApiError>(`/motions/${motionId}/ballots`, { idempotencyKey: randomUUID(), ...body });
  /** Each ballot in order by members 0, 1, 2, …; every one must be accepted. */
  const voteAll = async (
    api: (i: number) => MeetingApi,
    motionId: string,
    ballots: Record<string, unknown>[],
  ) => {
    const answers = await Promise.all(ballots.map((b, i) => vote(api(i), motionId, b)));
    expect(answers.map((a) => a.status)).toEqual(ballots.map(() => 200));
  };
  const close = async (chair: MeetingApi, motionId: string) => {
    const answer = await chair.post<MeetingState>(`/motions/${motionId}/close`);
    expect(answer.status).toBe(200);
    return answer.body.motions.find((m) => m.id === motionId)!.result!;
  };
  const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

  it('elects a vice-chair from two candidates; blank and spoiled ballots are counted; the ballot is secret', async () => {
    const { fx, api, chair } = await council(30);
    const m = await opened(chair, {
      kind: 'election',
      title: 'Bầu Phó Chủ tịch HĐND',
      officials: ['Trần Văn A', 'Lê Thị B'],
      posts: 1,
      secret: false,
    });
    expect(m).toMatchObject({ kind: 'election', secret: true, posts: 1, allowChange: false });
    // Only the motion's own candidates, each at most once.
    expect((await vote(api(29), m.id, { keep: ['Ai khác'] })).status).toBe(400);
    expect((await vote(api(29), m.id, { keep: ['Trần Văn A', 'Trần Văn A'] })).status).toBe(400);
    expect((await vote(api(29), m.id, { choice: 'for' })).status).toBe(400);
    expect((await vote(api(29), m.id, { keep: ['constructor'] })).status).toBe(400);
    await voteAll(api, m.id, [
      ...times(18, { keep: ['Trần Văn A'] }),
      ...times(7, { keep: ['Lê Thị B'] }),
      ...times(2, { keep: [] }),
      ...times(1, { keep: ['Lê Thị B', 'Trần Văn A'] }),
    ]);
    // A member recorded as absent cannot vote.
    expect((await vote(api(31), m.id, { keep: ['Lê Thị B'] })).body.code).toBe('not_present');
    // Secret: the member learns only that they voted, and a second ballot is refused.
    expect((await api(0).get<MyBallot>(`/motions/${m.id}/my-ballot`)).body).toEqual({
      voted: true,
      choice: null,
    });
    expect((await vote(api(0), m.id, { keep: ['Lê Thị B'] })).body.code).toBe('already_voted');
    const r = await close(chair, m.id);
    expect(r).toMatchObject({ kind: 'election', totalMembers: 35, present: 30, passed: null });
    expect(r.counts.notVoted).toBe(7);
    expect(r.election).toEqual({
      posts: 1,
      required: 18,
      ballots: { cast: 28, valid: 27, blank: 2, spoiled: 1 },
      candidates: [
        { name: 'Trần Văn A', votes: 18, percentOfAll: 51.4, reached: true, elected: true },
        { name: 'Lê Thị B', votes: 7, percentOfAll: 20, reached: false, elected: false },
      ],
      elected: 1,
      newRound: null,
    });
    // Nothing stored links a member to a candidate: no named ballots, only who voted.
    const named = await db.query('SELECT 1 FROM open_ballots WHERE motion_id = $1', [m.id]);
    expect(named).toHaveLength(0);
    const voters = await db.query<Record<string, unknown>>(
      'SELECT * FROM motion_voters WHERE motion_id = $1',
      [m.id],
    );
    expect(voters).toHaveLength(28);
    expect(Object.keys(voters[0]!).sort()).toEqual(['idempotency_key', 'member_id', 'motion_id']);
    expect(fx.memberIds).toContain(voters[0]!.member_id);
  });

  it('an election, a dismissal and a no-confidence vote open only with the quorum (23 of 35)', async () => {
    const { chair } = await council(23);
    for (const body of [
      { kind: 'election', officials: ['A', 'B'], posts: 1 },
      { kind: 'dismissal', officials: ['C'], dismissalTarget: 'office' },
      { kind: 'no_confidence', officials: ['D'] },
    ]) {
      const m = await draft(chair, body);
      expect(m.status).toBe(200);
      const refused = await chair.post<ApiError>(`/motions/${m.body.id}/open`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('no_quorum');
      expect(refused.body.message.vi).toContain('thiếu 1');
    }
  });

  it('a tie at the last post is reported for a new round; more posts than candidates is refused', async () => {
    const { api, chair } = await council(30, 30);
    const refused = await draft(chair, { kind: 'election', officials: ['A'], posts: 2 });
    expect(refused.status).toBe(400);
    expect(refused.body.message.vi).toContain('ứng cử viên');
    expect((await draft(chair, { kind: 'election', officials: [] })).status).toBe(400);
    const m = await opened(chair, { kind: 'election', officials: ['A', 'B', 'C'], posts: 2 });
    await voteAll(api, m.id, [
      ...times(3, { keep: ['A'] }),
      ...times(10, { keep: ['A', 'B'] }),
      ...times(7, { keep: ['C', 'A'] }),
      ...times(7, { keep: ['B', 'C'] }),
      ...times(3, { keep: ['C'] }),
    ]);
    const r = await close(chair, m.id);
    expect(r.election!.candidates.map((c) => [c.name, c.votes, c.elected])).toEqual([
      ['A', 20, true],
      ['B', 17, false],
      ['C', 17, false],
    ]);
    expect(r.election).toMatchObject({
      elected: 1,
      newRound: { posts: 1, candidates: ['B', 'C'] },
    });
  });

  it('removing a delegate needs two thirds of all (23 of 35 fails, 24 passes); an office-holder more than half', async () => {
    const { api, chair } = await council(30);
    const body = { kind: 'dismissal', officials: ['Nguyễn Văn C'], dismissalTarget: 'delegate' };
    const withoutTarget = await draft(chair, { kind: 'dismissal', officials: ['Nguyễn Văn C'] });
    expect(withoutTarget.status).toBe(400);
    const two = await draft(chair, {
      kind: 'dismissal',
      officials: ['X', 'Y'],
      dismissalTarget: 'office',
    });
    expect(two.status).toBe(400);

    const a = await opened(chair, { ...body, title: 'Bãi nhiệm đại biểu' });
    expect(a).toMatchObject({
      rule: 'two_thirds_of_all',
      secret: true,
      dismissalTarget: 'delegate',
    });
    await voteAll(api, a.id, [...times(23, { choice: 'for' }), ...times(5, { choice: 'against' })]);
    const ra = await close(chair, a.id);
    expect(ra).toMatchObject({
      kind: 'dismissal',
      dismissal: { person: 'Nguyễn Văn C', target: 'delegate' },
      required: 24,
      ruleMet: false,
      passed: false,
    });
    expect(ra.ballots).toBeUndefined();

    const b = await opened(chair, { ...body, title: 'Bãi nhiệm (lần 2)' });
    await voteAll(api, b.id, times(24, { choice: 'for' }));
    expect(await close(chair, b.id)).toMatchObject({ required: 24, passed: true });

    const c = await opened(chair, { ...body, dismissalTarget: 'office', title: 'Miễn nhiệm' });
    expect(c.rule).toBe('majority_of_all');
    await voteAll(api, c.id, [
      ...times(18, { choice: 'for' }),
      ...times(10, { choice: 'abstain' }),
    ]);
    expect(await close(chair, c.id)).toMatchObject({
      dismissal: { target: 'office' },
      required: 18,
      passed: true,
    });

    // A council that configures its own rule: the rule given is kept.
    const d = await opened(chair, {
      ...body,
      rule: 'majority_of_all',
      title: 'Bãi nhiệm (quy chế)',
    });
    expect(d.rule).toBe('majority_of_all');
    await voteAll(api, d.id, times(18, { choice: 'for' }));
    expect(await close(chair, d.id)).toMatchObject({ required: 18, passed: true });
  });

  it("the meeting's settings change the rules the chair does not give: a resolution, a removal", async () => {
    const fx = await seedLiveMeeting(db, {
      members: 35,
      checkedIn: 30,
      settings: { defaultRule: 'two_thirds_of_all', delegateRemovalRule: 'majority_of_all' },
    });
    const api = (i: number) =>
      meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'member', memberId: fx.memberIds[i]! }).token,
      );
    const chair = meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
    );
    // 20 of 35 in favour: more than half of all (18) would pass; this meeting asks two thirds (24).
    const r = await opened(chair, { title: 'Nghị quyết' });
    expect(r.rule).toBe('two_thirds_of_all');
    await voteAll(api, r.id, times(20, { choice: 'for' }));
    expect(await close(chair, r.id)).toMatchObject({
      rule: 'two_thirds_of_all',
      required: 24,
      ruleMet: false,
      passed: false,
    });
    // A rule the chair gives still wins over the setting.
    const given = await opened(chair, { title: 'Nghị quyết (quá nửa)', rule: 'majority_of_all' });
    await voteAll(api, given.id, times(20, { choice: 'for' }));
    expect(await close(chair, given.id)).toMatchObject({ required: 18, passed: true });
    // Removing a delegate under this meeting's threshold (more than half): 18 of 35 pass.
    const d = await opened(chair, {
      kind: 'dismissal',
      officials: ['Nguyễn Văn C'],
      dismissalTarget: 'delegate',
      title: 'Bãi nhiệm đại biểu',
    });
    expect(d.rule).toBe('majority_of_all');
    await voteAll(api, d.id, times(18, { choice: 'for' }));
    expect(await close(chair, d.id)).toMatchObject({
      rule: 'majority_of_all',
      dismissal: { target: 'delegate' },
      required: 18,
      passed: true,
    });
    // The office-holder threshold was left alone: its default, more than half, still applies.
    const o = await draft(chair, {
      kind: 'dismissal',
      officials: ['Trần Thị D'],
      dismissalTarget: 'office',
    });
    expect(o.body.rule).toBe('majority_of_all');
  });

  it('a no-confidence vote: more than half of ALL voting không tín nhiệm means not trusted', async () => {
    const { api, chair } = await council(30, 34);
    const m = await opened(chair, {
      kind: 'no_confidence',
      title: 'Bỏ phiếu tín nhiệm',
      officials: ['Chủ tịch UBND', 'toString'],
    });
    expect(m.secret).toBe(true);
    // Every official exactly once, by the motion's own names.
    for (const bad of [
      { noConfidence: { 'Chủ tịch UBND': 'trust' } },
      { noConfidence: { 'Chủ tịch UBND': 'trust', toString: 'trust', x: 'trust' } },
      { noConfidence: { 'Chủ tịch UBND': 'trust', constructor: 'trust' } },
      { confidence: { 'Chủ tịch UBND': 'high', toString: 'high' } },
      { choice: 'for' },
    ]) {
      expect((await vote(api(29), m.id, bad)).status).toBe(400);
    }
    // 34 members: 17 (exactly half) is not enough, 18 is.
    await voteAll(api, m.id, [
      ...times(17, { noConfidence: { 'Chủ tịch UBND': 'no_trust', toString: 'no_trust' } }),
      { noConfidence: { 'Chủ tịch UBND': 'no_trust', toString: 'trust' } },
      ...times(10, { noConfidence: { 'Chủ tịch UBND': 'trust', toString: 'trust' } }),
    ]);
    const r = await close(chair, m.id);
    expect(r).toMatchObject({
      kind: 'no_confidence',
      totalMembers: 34,
      required: 18,
      passed: null,
    });
    expect(r.noConfidence).toEqual([
      {
        official: 'Chủ tịch UBND',
        trust: 10,
        noTrust: 18,
        percentOfAll: { trust: 29.4, noTrust: 52.9 },
        notTrusted: true,
      },
      {
        official: 'toString',
        trust: 11,
        noTrust: 17,
        percentOfAll: { trust: 32.4, noTrust: 50 },
        notTrusted: false,
      },
    ]);
  });
});

// Ballots over HTTP on PGlite and PostgreSQL: who may vote, retries, changes, results, the
// secret ballot's unlinkability checked against every table of the database, and a burst of
// ballots announced to a real LiveKit client in a few coalesced messages.
import { randomUUID } from 'node:crypto';
import { Room, dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type BallotReceipt,
  type MeetingState,
  type Motion,
  type MyBallot,
} from '../../../shared/meeting';
import { COALESCE_MS } from '../room/broadcast';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import {
  collectState,
  eventually,
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  type LiveFixture,
  type MeetingApi,
} from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

afterAll(async () => {
  await dispose();
});

describe.each(DATABASE_KINDS)('ballots on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let fx: LiveFixture;
  let chair: MeetingApi;
  const member = (i: number) =>
    meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.meetingId, { role: 'member', memberId: fx.memberIds[i]! }).token,
    );
  const openVote = async (body: Record<string, unknown>) => {
    const motion = (
      await chair.post<Motion>('/motions', { agendaItemId: null, title: 'NQ', ...body })
    ).body;
    expect((await chair.post(`/motions/${motion.id}/open`)).status).toBe(200);
    return motion;
  };
  const ballot = (api: MeetingApi, motionId: string, body: Record<string, unknown>) =>
    api.post<BallotReceipt>(`/motions/${motionId}/ballots`, {
      idempotencyKey: randomUUID(),
      ...body,
    });

  // One database and server per kind (PGlite start-up is slow); a fresh council and meeting per test.
  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startTestServer(db, { sweepIntervalMs: 0 });
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });
  beforeEach(async () => {
    fx = await seedLiveMeeting(db, { members: 5, checkedIn: 5 });
    chair = meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
    );
  });

  it('counts the same ballot sent twice once and answers the same receipt', async () => {
    const m = await openVote({});
    const body = { choice: 'for', idempotencyKey: randomUUID() };
    const [a, b] = await Promise.all([
      member(1).post<BallotReceipt>(`/motions/${m.id}/ballots`, body),
      member(1).post<BallotReceipt>(`/motions/${m.id}/ballots`, body),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    const state = await chair.get<MeetingState>('/state');
    expect(state.body.motions[0]!.castCount).toBe(1);
  });

  it('refuses a second, different ballot when changes are not allowed', async () => {
    const m = await openVote({ allowChange: false });
    expect((await ballot(member(1), m.id, { choice: 'for' })).status).toBe(200);
    const again = await ballot(member(1), m.id, { choice: 'against' });
    expect(again.status).toBe(409);
    expect((again.body as unknown as { code: string }).code).toBe('already_voted');
    expect((await member(1).get<MyBallot>(`/motions/${m.id}/my-ballot`)).body).toEqual({
      voted: true,
      choice: 'for',
    });
  });

  it('replaces the ballot when changes are allowed, still counting one', async () => {
    const m = await openVote({ allowChange: true });
    await ballot(member(1), m.id, { choice: 'for' });
    expect((await ballot(member(1), m.id, { choice: 'against' })).status).toBe(200);
    const closed = await chair.post<MeetingState>(`/motions/${m.id}/close`);
    const r = closed.body.motions[0]!.result!;
    expect(r.counts).toMatchObject({ for: 0, against: 1 });
    expect(r.ballots!.find((b) => b.memberId === fx.memberIds[1])!.choice).toBe('against');
  });

  it('a late retry of a replaced ballot answers its old receipt and never reverts the change', async () => {
    const m = await openVote({ allowChange: true });
    const first = { choice: 'for', idempotencyKey: randomUUID() };
    const second = { choice: 'against', idempotencyKey: randomUUID() };
    const a = await member(1).post<BallotReceipt>(`/motions/${m.id}/ballots`, first);
    expect((await member(1).post(`/motions/${m.id}/ballots`, second)).status).toBe(200);
    // The first request arrives again (a retry after a lost answer): same answer, no change.
    const retried = await member(1).post<BallotReceipt>(`/motions/${m.id}/ballots`, first);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(a.body);
    expect((await member(1).get<MyBallot>(`/motions/${m.id}/my-ballot`)).body).toEqual({
      voted: true,
      choice: 'against',
    });
    // A third, new choice still changes it; then both older keys stay harmless.
    await ballot(member(1), m.id, { choice: 'abstain' });
    for (const body of [first, second]) {
      expect((await member(1).post(`/motions/${m.id}/ballots`, body)).status).toBe(200);
    }
    const r = (await chair.post<MeetingState>(`/motions/${m.id}/close`)).body.motions[0]!.result!;
    expect(r.counts).toMatchObject({ for: 0, against: 0, abstain: 1 });
    expect(r.ballots!.find((b) => b.memberId === fx.memberIds[1])!.choice).toBe('abstain');
  });

  it('forces a secret vote to refuse changes', async () => {
    const m = await chair.post<Motion>('/motions', {
      agendaItemId: null,
      title: 'Bầu',
      secret: true,
      allowChange: true,
    });
    expect(m.body.allowChange).toBe(false);
  });

  it('refuses ballots from voters, guests, staff and a member of another meeting (403)', async () => {
    const m = await openVote({});
    const others = [
      sessionFor(fx.meetingId, { role: 'voter' }),
      sessionFor(fx.meetingId, { role: 'guest' }),
      sessionFor(fx.meetingId, { role: 'secretary' }),
    ].map((s) => meetingApi(server.url, fx.meetingId, s.token));
    const foreign = meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.otherMeetingId, { role: 'member', memberId: fx.memberIds[2]! }).token,
    );
    for (const api of [...others, foreign]) {
      expect((await ballot(api, m.id, { choice: 'for' })).status).toBe(403);
    }
    expect((await chair.get<MeetingState>('/state')).body.motions[0]!.castCount).toBe(0);
  });

  it('refuses a ballot once the vote is closed (409 vote_closed)', async () => {
    const m = await openVote({});
    await chair.post(`/motions/${m.id}/close`);
    const late = await ballot(member(1), m.id, { choice: 'for' });
    expect(late.status).toBe(409);
    expect((late.body as unknown as { code: string }).code).toBe('vote_closed');
  });

  it('an open vote passes with more than half of ALL members and lists every named choice', async () => {
    const m = await openVote({});
    for (const i of [0, 1, 2]) await ballot(i === 0 ? chair : member(i), m.id, { choice: 'for' });
    await ballot(member(3), m.id, { choice: 'against' });
    const r = (await chair.post<MeetingState>(`/motions/${m.id}/close`)).body.motions[0]!.result!;
    expect(r).toMatchObject({ totalMembers: 5, required: 3, passed: true });
    expect(r.counts).toEqual({ for: 3, against: 1, abstain: 0, notVoted: 1 });
    expect(r.percentOfAll.for).toBe(60);
    expect(r.ballots).toHaveLength(5);
    expect(r.ballots!.filter((b) => b.choice === null)).toHaveLength(1);
  });

  it('shows only how many voted while a vote is open, never the running choices', async () => {
    const m = await openVote({});
    await ballot(member(1), m.id, { choice: 'for' });
    const s = await member(2).get<MeetingState>('/state');
    expect(s.body.motions[0]!.castCount).toBe(1);
    expect(s.body.motions[0]!.result).toBeNull();
  });

  it('a secret vote leaves no row anywhere linking a member to a choice', async () => {
    const m = await openVote({ secret: true });
    // Two members, two different choices: any link would tell them apart.
    await ballot(member(1), m.id, { choice: 'for' });
    await ballot(member(2), m.id, { choice: 'against' });
    const tallyXmins = await db.query<{ x: string }>(
      'SELECT DISTINCT xmin::text AS x FROM secret_tallies WHERE motion_id = $1',
      [m.id],
    );
    const closed = await chair.post<MeetingState>(`/motions/${m.id}/close`);
    const r = closed.body.motions[0]!.result!;
    expect(r.counts).toMatchObject({ for: 1, against: 1 });
    expect(r.ballots).toBeUndefined();
    expect((await member(1).get<MyBallot>(`/motions/${m.id}/my-ballot`)).body).toEqual({
      voted: true,
      choice: null,
    });

    const schema = db.schema ?? 'public';
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
      [schema],
    );
    expect(tables.length).toBeGreaterThan(10);
    const voterIds = [fx.memberIds[1]!, fx.memberIds[2]!];
    for (const { table_name } of tables) {
      const rows = await db.query<Record<string, unknown>>(`SELECT * FROM "${table_name}"`);
      for (const row of rows) {
        const text = JSON.stringify(row);
        const namesVoter = voterIds.some((id) => text.includes(id));
        const namesChoice = /"(for|against)"/.test(text);
        // No row names both a voter and a choice, except the closed motion's own result, which has
        // no member ids (checked above) — so a row naming a voter never names a choice.
        expect({ table_name, linked: namesVoter && namesChoice }).toEqual({
          table_name,
          linked: false,
        });
      }
    }
    // The counters carry no order either: every counter row was written by the last ballot.
    expect(tallyXmins).toHaveLength(1);
  });

  it('a confidence vote is secret and counts high/confidence/low per official', async () => {
    const m = await openVote({ kind: 'confidence', officials: ['Ông A', 'Bà B'] });
    expect(m.secret).toBe(true);
    await ballot(member(1), m.id, { confidence: { 'Ông A': 'high', 'Bà B': 'low' } });
    await ballot(member(2), m.id, { confidence: { 'Ông A': 'high', 'Bà B': 'confidence' } });
    expect((await ballot(member(3), m.id, { confidence: { 'Ông A': 'high' } })).status).toBe(400);
    const r = (await chair.post<MeetingState>(`/motions/${m.id}/close`)).body.motions[0]!.result!;
    // Counts and % of all 5 members per official, the 96/2023 flag, and no pass/fail verdict.
    expect(r.confidence).toEqual([
      {
        official: 'Ông A',
        high: 2,
        confidence: 0,
        low: 0,
        percentOfAll: { high: 40, confidence: 0, low: 0 },
        flag: 'none',
      },
      {
        official: 'Bà B',
        high: 0,
        confidence: 1,
        low: 1,
        percentOfAll: { high: 0, confidence: 20, low: 20 },
        flag: 'none',
      },
    ]);
    expect(r).toMatchObject({ kind: 'confidence', passed: null, required: null });
  });
  it('a burst of ballots reaches a LiveKit client as a few coalesced messages with the full count', async () => {
    const MEMBERS = 40;
    const big = await seedLiveMeeting(db, { members: MEMBERS, checkedIn: MEMBERS });
    const as = (memberId: string, role: 'chair' | 'member' = 'member') =>
      meetingApi(server.url, big.meetingId, sessionFor(big.meetingId, { role, memberId }).token);
    const bigChair = as(big.memberIds[0]!, 'chair');
    const room = new Room();
    const received = collectState(room);
    try {
      const { token } = await server.livekit.mintToken({
        identity: 'guest:watcher',
        name: 'Theo dõi',
        room: big.roomName,
        role: 'guest',
        canPublish: false,
      });
      await room.connect(server.livekit.url, token, { autoSubscribe: false, dynacast: false });
      const motion = (await bigChair.post<Motion>('/motions', { agendaItemId: null, title: 'NQ' }))
        .body;
      expect((await bigChair.post(`/motions/${motion.id}/open`)).status).toBe(200);
      const opened = await eventually(async () =>
        received.find((r) => r.state?.motions[0]?.status === 'open'),
      );
      received.length = 0;

      const started = performance.now();
      const answers = await Promise.all(
        big.memberIds.map((id) =>
          as(id).post(`/motions/${motion.id}/ballots`, {
            choice: 'for',
            idempotencyKey: randomUUID(),
          }),
        ),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const last = await eventually(async () =>
        received.find((r) => r.state?.motions[0]?.castCount === MEMBERS),
      );
      // One message per ballot would be MEMBERS messages; coalescing allows one per window.
      const burst = received.filter((r) => r.at <= last.at);
      expect(burst.length).toBeLessThanOrEqual(Math.ceil((last.at - started) / COALESCE_MS) + 1);
      expect(burst.length).toBeLessThan(MEMBERS / 2);
      const versions = burst.map((r) => r.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      // Every new ballot raises the version by one.
      expect(last.version).toBe(opened.version + MEMBERS);

      // Closing is announced with the stored final count, one version later.
      received.length = 0;
      expect((await bigChair.post(`/motions/${motion.id}/close`)).status).toBe(200);
      const closed = await eventually(async () =>
        received.find((r) => r.state?.motions[0]?.status === 'closed'),
      );
      expect(closed.state!.motions[0]!.castCount).toBe(MEMBERS);
      expect(closed.version).toBe(opened.version + MEMBERS + 1);
    } finally {
      await room.disconnect();
    }
  });
});

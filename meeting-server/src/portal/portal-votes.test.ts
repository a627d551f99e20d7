// The public page's vote results on PGlite and PostgreSQL: every kind of closed vote is published
// (a resolution, an election with its elected candidate, a confidence rating, a dismissal), with
// figures only — no ballot is ever sent, neither a secret vote's nor an open vote's named choices.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingState, Motion } from '../../../shared/meeting';
import { Portal } from '../../../shared/portal';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { meetingApi, seedLiveMeeting, sessionFor, type MeetingApi } from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

describe.each(DATABASE_KINDS)('vote results on the public page on %s', (kind) => {
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

  it('lists a closed election with its elected candidate, a rating and a dismissal; never a ballot', async () => {
    const fx = await seedLiveMeeting(db, { members: 9, checkedIn: 9 });
    const as = (i: number, role: 'chair' | 'member' = 'member') =>
      meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role, memberId: fx.memberIds[i]! }).token,
      );
    const chair = as(0, 'chair');
    /** Opens a vote, takes one ballot from each of members 0, 1, … and closes it. */
    const held = async (body: Record<string, unknown>, ballots: Record<string, unknown>[]) => {
      const m = await chair.post<Motion>('/motions', { agendaItemId: null, ...body });
      expect(m.status).toBe(200);
      expect((await chair.post(`/motions/${m.body.id}/open`)).status).toBe(200);
      const cast = (api: MeetingApi, b: Record<string, unknown>) =>
        api.post(`/motions/${m.body.id}/ballots`, { idempotencyKey: randomUUID(), ...b });
      const answers = await Promise.all(ballots.map((b, i) => cast(as(i), b)));
      expect(answers.map((a) => a.status)).toEqual(ballots.map(() => 200));
      const closed = await chair.post<MeetingState>(`/motions/${m.body.id}/close`);
      expect(closed.status).toBe(200);
      return closed.body.motions.find((x) => x.id === m.body.id)!;
    };
    const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

    const openVote = await held({ title: 'Nghị quyết biểu quyết công khai' }, [
      ...times(6, { choice: 'for' }),
      { choice: 'against' },
    ]);
    // In the meeting, an open vote's result names each member's choice.
    expect(openVote.result!.ballots).toHaveLength(9);
    const open = openVote.id;
    const { id: election } = await held(
      {
        kind: 'election',
        title: 'Bầu Phó Chủ tịch HĐND',
        officials: ['Trần Văn A', 'Lê Thị B'],
        posts: 1,
      },
      [...times(6, { keep: ['Trần Văn A'] }), ...times(2, { keep: ['Lê Thị B'] })],
    );
    const { id: rating } = await held(
      { kind: 'confidence', title: 'Lấy phiếu tín nhiệm', officials: ['Ông C'] },
      [...times(5, { confidence: { 'Ông C': 'low' } }), { confidence: { 'Ông C': 'high' } }],
    );
    const { id: dismissal } = await held(
      {
        kind: 'dismissal',
        title: 'Miễn nhiệm',
        officials: ['Bà D'],
        dismissalTarget: 'office',
      },
      times(5, { choice: 'for' }),
    );

    const res = await fetch(`${server.url}/api/public/councils/${fx.councilId}/portal`);
    expect(res.status).toBe(200);
    const raw: unknown = await res.json();
    // Strict: an answer with a `ballots` field (or any field not published) does not parse.
    const page = Portal.parse(raw);
    const byId = new Map(page.votes.map((v) => [v.id, v]));
    expect([...byId.keys()].sort()).toEqual([open, election, rating, dismissal].sort());

    expect(byId.get(election)).toMatchObject({
      kind: 'election',
      secret: true,
      result: { election: { elected: 1 } },
    });
    const candidates = byId.get(election)!.result.election!.candidates;
    expect(candidates.find((c) => c.elected)?.name).toBe('Trần Văn A');
    expect(candidates.find((c) => c.name === 'Lê Thị B')).toMatchObject({
      votes: 2,
      elected: false,
    });
    expect(byId.get(rating)!.result.confidence).toEqual([
      expect.objectContaining({ official: 'Ông C', high: 1, low: 5, flag: 'may_resign' }),
    ]);
    expect(byId.get(dismissal)).toMatchObject({
      kind: 'dismissal',
      result: { dismissal: { person: 'Bà D', target: 'office' }, passed: true },
    });
    // The open vote: its counts and verdict, but not who chose what.
    expect(byId.get(open)).toMatchObject({
      kind: 'resolution',
      secret: false,
      result: { counts: { for: 6, against: 1, notVoted: 2 }, passed: true },
    });
    for (const v of (raw as { votes: { result: object }[] }).votes) {
      expect(Object.keys(v.result)).not.toContain('ballots');
    }
    const text = JSON.stringify(raw);
    expect(text).not.toContain('Đại biểu 0001');
    expect(text).not.toContain(fx.memberIds[0]!);
  });
});

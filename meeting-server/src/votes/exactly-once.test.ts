// Exactly once: 300 distinct members cast a secret ballot at the same moment over HTTP, 30 of
// them also retrying with the same idempotency key: exactly 300 ballots are counted, on PGlite
// and on PostgreSQL. (The open-vote path is covered by ballots.test.ts; a sitting of 1,000 is
// measured by `npm run bench ballots`.)
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BallotReceipt, MeetingState, Motion } from '../../../shared/meeting';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { meetingApi, seedLiveMeeting, sessionFor, type LiveFixture } from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

const MEMBERS = 300;

describe.each(DATABASE_KINDS)('300 concurrent ballots on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let fx: LiveFixture;

  beforeEach(async () => {
    db = await openTestDb(kind, { max: 20 });
    server = await startTestServer(db, { sweepIntervalMs: 0 });
    fx = await seedLiveMeeting(db, { members: MEMBERS, checkedIn: MEMBERS });
  });
  afterEach(async () => {
    await server.close();
    await db.destroy();
  });

  it('every member is counted exactly once', { timeout: 120_000 }, async () => {
    const secret = true;
    const chair = meetingApi(
      server.url,
      fx.meetingId,
      sessionFor(fx.meetingId, { role: 'chair' }).token,
    );
    const motion = (
      await chair.post<Motion>('/motions', {
        agendaItemId: null,
        title: 'Nghị quyết ngân sách',
        secret,
      })
    ).body;
    expect((await chair.post(`/motions/${motion.id}/open`)).status).toBe(200);

    const choices = ['for', 'against', 'abstain'] as const;
    const ballots = fx.memberIds.map((memberId, i) => ({
      api: meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'member', memberId }).token,
      ),
      body: { choice: choices[i % 3], idempotencyKey: randomUUID() },
    }));
    const started = performance.now();
    const answers = await Promise.all(
      ballots.flatMap((b, i) =>
        (i % 10 === 0 ? [b, b] : [b]).map((x) =>
          x.api.post<BallotReceipt>(`/motions/${motion.id}/ballots`, x.body),
        ),
      ),
    );
    const ms = performance.now() - started;
    console.info(
      `[bench] ${kind} secret=${secret}: ${answers.length} ballot requests in ${ms.toFixed(0)} ms`,
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);

    const open = await chair.get<MeetingState>('/state');
    expect(open.body.motions[0]!.castCount).toBe(MEMBERS);
    expect(open.body.motions[0]!.result).toBeNull();
    const closed = await chair.post<MeetingState>(`/motions/${motion.id}/close`);
    const result = closed.body.motions[0]!.result!;
    expect(result.counts).toEqual({ for: 100, against: 100, abstain: 100, notVoted: 0 });
    const [stored] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM motion_voters WHERE motion_id = $1',
      [motion.id],
    );
    expect(stored!.n).toBe(MEMBERS);
  });
});

// The meeting state read on PGlite and PostgreSQL: closed votes are kept in memory between reads
// (live/state.ts), so these check that what a client sees is the same as a read that keeps
// nothing, that later changes still show, and that a vote closed by another server instance is
// seen closed with its result.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateMotion, type MeetingState } from '../../../shared/meeting';
import type { Db } from '../db/database';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { seedLiveMeeting, type LiveFixture } from '../testing/live';
import { castBallot, closeMotion, createMotion, openMotion } from '../votes/service';
import type { LiveDeps } from './context';
import { readState } from './state';

describe.each(DATABASE_KINDS)('meeting state on %s', (kind) => {
  let db: TestDb;
  let fx: LiveFixture;
  /** The same database seen by another server instance (nothing kept in common). */
  let other: Db;
  const deps = (on: Db): LiveDeps => ({
    db: on,
    livekit: {} as LiveDeps['livekit'],
    now: () => Date.now(),
    log: () => {},
    changed: () => {},
  });
  const vote = async (on: Db, title: string) => {
    const m = await createMotion(
      deps(on),
      fx.meetingId,
      CreateMotion.parse({ agendaItemId: null, title }),
    );
    await openMotion(deps(on), fx.meetingId, m.id);
    return m.id;
  };
  const cast = (on: Db, motionId: string, i: number, choice: 'for' | 'against') =>
    castBallot(
      deps(on),
      fx.meetingId,
      motionId,
      { memberId: fx.memberIds[i]! },
      { choice, idempotencyKey: `k-${motionId}-${i}` },
    );
  const motion = (s: MeetingState, id: string) => s.motions.find((m) => m.id === id)!;

  beforeEach(async () => {
    db = await openTestDb(kind);
    fx = await seedLiveMeeting(db, { members: 5, checkedIn: 5 });
    await db.query("UPDATE meetings SET status = 'open' WHERE id = $1", [fx.meetingId]);
    other = { ...db };
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('a closed vote read again is the same as a fresh read, and later changes still show', async () => {
    const a = await vote(db, 'Nghị quyết A');
    for (let i = 0; i < 4; i++) await cast(db, a, i, i === 3 ? 'against' : 'for');
    await closeMotion(deps(db), fx.meetingId, a);
    const first = await readState(db, fx.meetingId);
    expect(motion(first, a).result?.counts).toMatchObject({ for: 3, against: 1, notVoted: 1 });

    const b = await vote(db, 'Nghị quyết B');
    await cast(db, b, 0, 'for');
    const kept = await readState(db, fx.meetingId);
    expect(kept).toEqual(await readState(other, fx.meetingId));
    expect(motion(kept, a)).toEqual(motion(first, a));
    expect(motion(kept, b)).toMatchObject({ status: 'open', castCount: 1 });
    expect(kept.version).toBeGreaterThan(first.version);
  });

  it('a vote closed by another instance is seen closed with its result', async () => {
    const a = await vote(db, 'Nghị quyết A');
    await cast(db, a, 0, 'against');
    expect(motion(await readState(db, fx.meetingId), a).status).toBe('open');
    await closeMotion(deps(other), fx.meetingId, a);
    const seen = motion(await readState(db, fx.meetingId), a);
    expect(seen.status).toBe('closed');
    expect(seen.result?.counts).toMatchObject({ for: 0, against: 1 });
    expect(seen.result?.passed).toBe(false);
  });
});

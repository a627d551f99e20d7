// Restarting the server in the middle of a meeting loses nothing acknowledged: PGlite on a data
// folder, a vote opened and ballots cast (open and secret), the app and the database closed and
// reopened: the state and every ballot are the same, and voting carries on.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeetingState, Motion } from '../../../shared/meeting';
import { openPglite } from '../db/database';
import { migrate } from '../db/migrate';
import type { TestDb } from '../testing/databases';
import { meetingApi, seedLiveMeeting, sessionFor } from '../testing/live';
import { startTestServer } from '../testing/server';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function open(dir: string): Promise<TestDb> {
  const db = await openPglite(dir);
  await migrate(db);
  return Object.assign(db, { destroy: () => db.close() });
}

describe('restart in the middle of a meeting', () => {
  it('keeps the state, the open vote and every acknowledged ballot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hdnd-restart-'));
    dirs.push(dir);
    let db = await open(dir);
    const fx = await seedLiveMeeting(db, { members: 4, checkedIn: 4 });
    let server = await startTestServer(db, { sweepIntervalMs: 0 });
    const as = (i: number, role: 'chair' | 'member' = 'member') =>
      meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role, memberId: fx.memberIds[i]! }).token,
      );
    const secret = (
      await as(0, 'chair').post<Motion>('/motions', {
        agendaItemId: null,
        title: 'Bầu',
        secret: true,
      })
    ).body;
    await as(0, 'chair').post(`/motions/${secret.id}/open`);
    for (const [i, choice] of [
      [1, 'for'],
      [2, 'against'],
    ] as const) {
      expect(
        (
          await as(i).post(`/motions/${secret.id}/ballots`, {
            choice,
            idempotencyKey: randomUUID(),
          })
        ).status,
      ).toBe(200);
    }
    await as(1).post('/hand', { kind: 'question' });
    const before = (await as(0, 'chair').get<MeetingState>('/state')).body;
    const tallies = () =>
      db.query('SELECT official, choice, count FROM secret_tallies ORDER BY official, choice');
    const talliesBefore = await tallies();
    await server.close();
    await db.close();

    db = await open(dir);
    server = await startTestServer(db, { sweepIntervalMs: 0 });
    try {
      expect((await as(0, 'chair').get<MeetingState>('/state')).body).toEqual(before);
      expect(await tallies()).toEqual(talliesBefore);
      await as(3).post(`/motions/${secret.id}/ballots`, {
        choice: 'for',
        idempotencyKey: randomUUID(),
      });
      const closed = await as(0, 'chair').post<MeetingState>(`/motions/${secret.id}/close`);
      expect(closed.body.motions[0]!.result!.counts).toEqual({
        for: 2,
        against: 1,
        abstain: 0,
        notVoted: 1,
      });
    } finally {
      await server.close();
      await db.close();
    }
  });
});

// kill -9 of the meeting server during a vote, then restart: the real main.ts runs as a child
// process (on PostgreSQL, and on PGlite in a data folder), N ballots are sent at once and the
// process is SIGKILLed after a third of them were acknowledged. After the restart every
// acknowledged ballot is there with its choice, the open vote and the queue come back to a client
// that refetches the state, a LiveKit client hears the new process, and resending every ballot
// with its idempotency key counts each member exactly once. On PostgreSQL neither process is
// given APP_SECRET and the restarted one gets an empty DATA_DIR: the signing secret comes from the
// database, so sessions issued before the crash still work.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Room, dispose } from '@livekit/rtc-node';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type {
  BallotReceipt,
  MeetingState,
  Motion,
  MyBallot,
  VoteChoice,
} from '../../../shared/meeting';
import { openPglite } from '../db/database';
import { migrate } from '../db/migrate';
import { createLiveKit } from '../livekit/livekit';
import { TEST_DATABASE_URL, openTestDb, type TestDb } from '../testing/databases';
import { TEST_SECRET } from '../testing/server';
import { collectState, eventually, meetingApi, seedLiveMeeting, sessionFor } from '../testing/live';
import { FAULT_PORTS, startMain, urlWithSchema, type MainProcess } from './helpers';

const N = 300;
const KILL_AFTER = 100;
const choices: VoteChoice[] = ['for', 'against', 'abstain'];

afterAll(async () => {
  await dispose();
});

describe.each(['postgres', 'pglite'] as const)('kill -9 during a vote on %s', (kind) => {
  it(
    'keeps every acknowledged ballot; clients resynchronise; retries count once',
    { timeout: 120_000 },
    async () => {
      const lk = inject('livekit');
      const dataDir = await mkdtemp(join(tmpdir(), 'hdnd-kill9-'));
      let pgDb: TestDb | undefined;
      let fx;
      if (kind === 'postgres') {
        pgDb = await openTestDb('postgres', { max: 2 });
        fx = await seedLiveMeeting(pgDb, { members: N, checkedIn: N });
        // No APP_SECRET on PostgreSQL: every instance signs with the one in the database.
        await pgDb.query("INSERT INTO app_secrets (name, value) VALUES ('app', $1)", [TEST_SECRET]);
      } else {
        const seedDb = await openPglite(join(dataDir, 'pglite'));
        await migrate(seedDb);
        fx = await seedLiveMeeting(seedDb, { members: N, checkedIn: N });
        await seedDb.close();
      }
      const env = {
        port: FAULT_PORTS.killServer + (kind === 'pglite' ? 1 : 0),
        dataDir,
        livekit: lk,
        ...(pgDb
          ? { databaseUrl: urlWithSchema(TEST_DATABASE_URL, pgDb.schema!), appSecret: null }
          : {}),
      };
      let server: MainProcess = await startMain(env);
      const firstStartMs = server.startMs;
      const room = new Room();
      try {
        const as = (i: number) =>
          meetingApi(
            server.url,
            fx.meetingId,
            sessionFor(fx.meetingId, {
              role: i === 0 ? 'chair' : 'member',
              memberId: fx.memberIds[i]!,
            }).token,
          );
        const chair = () => as(0);
        const motion = (
          await chair().post<Motion>('/motions', {
            agendaItemId: null,
            title: 'Nghị quyết về ngân sách',
            allowChange: false,
          })
        ).body;
        expect((await chair().post(`/motions/${motion.id}/open`)).status).toBe(200);
        expect((await as(1).post('/hand', { kind: 'speak' })).status).toBe(200);
        expect((await as(2).post('/hand', { kind: 'question' })).status).toBe(200);

        const { token } = await createLiveKit(lk).mintToken({
          identity: 'guest:observer',
          name: 'Quan sát',
          room: fx.roomName,
          role: 'guest',
          canPublish: false,
        });
        const received = collectState(room);
        await room.connect(lk.url, token, { autoSubscribe: false, dynacast: false });

        // N ballots at once; SIGKILL when the KILL_AFTER-th acknowledgement arrives.
        const ballots = fx.memberIds.map((_, i) => ({
          choice: choices[i % 3]!,
          idempotencyKey: randomUUID(),
        }));
        let acks = 0;
        let killedAt = 0;
        const sentAt = performance.now();
        const outcomes = await Promise.all(
          ballots.map((body, i) =>
            as(i)
              .post<BallotReceipt>(`/motions/${motion.id}/ballots`, body)
              .then((res) => {
                if (res.status === 200 && ++acks === KILL_AFTER) {
                  killedAt = performance.now();
                  server.kill9();
                }
                return res;
              })
              .catch((err: unknown) => err as Error),
          ),
        );
        const acked = outcomes
          .map((o, i) => ({ o, i }))
          .filter(({ o }) => !(o instanceof Error) && o.status === 200);
        const lost = outcomes.filter((o) => o instanceof Error).length;
        // Nothing but acknowledgements and dropped connections: no error answers.
        expect(acked.length + lost).toBe(N);
        expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
        await new Promise<void>((r) =>
          server.child.exitCode !== null || server.child.signalCode !== null
            ? r()
            : server.child.once('exit', () => r()),
        );
        expect(server.child.signalCode).toBe('SIGKILL');
        const versionAtKill = Math.max(-1, ...received.map((m) => m.version));

        const restartAt = performance.now();
        // On PostgreSQL the new process gets an empty DATA_DIR: nothing it needs is on the disk.
        if (pgDb) await mkdir(dataDir + '-b');
        server = await startMain(pgDb ? { ...env, dataDir: dataDir + '-b' } : env);
        const restartMs = server.startMs;

        // A client refetches the state: the open vote and the queue are there.
        const state = (await chair().get<MeetingState>('/state')).body;
        const stateBackMs = performance.now() - restartAt;
        const m = state.motions.find((x) => x.id === motion.id)!;
        expect(m.status).toBe('open');
        expect(state.queue.map((q) => q.kind)).toEqual(['speak', 'question']);
        const committedBeforeKill = m.castCount;
        expect(committedBeforeKill).toBeGreaterThanOrEqual(acked.length);
        expect(committedBeforeKill).toBeLessThanOrEqual(N);

        // Every acknowledged ballot is there, with its choice.
        const mine = await Promise.all(
          acked.map(({ i }) => as(i).get<MyBallot>(`/motions/${motion.id}/my-ballot`)),
        );
        expect(mine.map((r) => r.body)).toEqual(
          acked.map(({ i }) => ({ voted: true, choice: ballots[i]!.choice })),
        );
        if (pgDb) {
          const [row] = await pgDb.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM open_ballots WHERE motion_id = $1',
            [motion.id],
          );
          expect(row!.n).toBe(committedBeforeKill);
        }

        // Every client resends its ballot with the same key: all accepted, each counted once, and
        // the acknowledged ones get their original receipt back.
        const retried = await Promise.all(
          ballots.map((body, i) =>
            as(i).post<BallotReceipt>(`/motions/${motion.id}/ballots`, body),
          ),
        );
        expect(retried.map((r) => r.status)).toEqual(Array(N).fill(200));
        for (const { o, i } of acked) {
          expect(retried[i]!.body).toEqual((o as { body: BallotReceipt }).body);
        }
        const after = (await chair().get<MeetingState>('/state')).body;
        expect(after.motions[0]!.castCount).toBe(N);

        // The restarted process announces through LiveKit again.
        await eventually(async () => received.some((x) => x.version > versionAtKill));

        const closed = (await chair().post<MeetingState>(`/motions/${motion.id}/close`)).body;
        expect(closed.motions[0]!.result!.counts).toEqual({
          for: N / 3,
          against: N / 3,
          abstain: N / 3,
          notVoted: 0,
        });
        console.log(
          `[kill -9 on ${kind}] ${N} ballots sent at once; SIGKILL at the ${KILL_AFTER}th ` +
            `acknowledgement, ${(killedAt - sentAt).toFixed(0)} ms after sending: ${acked.length} ` +
            `acknowledged, ${lost} connections dropped; after restart ${committedBeforeKill} ` +
            `counted (every acknowledged one, plus ${committedBeforeKill - acked.length} committed ` +
            `but unacknowledged); resending all ${N} with their keys → ${after.motions[0]!.castCount} ` +
            `counted. main.ts start ${firstStartMs.toFixed(0)} ms, restart ${restartMs.toFixed(0)} ms, ` +
            `state back ${stateBackMs.toFixed(0)} ms after restart began.`,
        );
      } finally {
        await room.disconnect();
        await server.stop();
        await pgDb?.destroy();
        for (const d of [dataDir, dataDir + '-b']) await rm(d, { recursive: true, force: true });
      }
    },
  );
});

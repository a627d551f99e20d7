// The database becomes unreachable during a vote: the server's PostgreSQL connections go through a
// TCP proxy that resets every connection and refuses new ones in the middle of a burst of
// ballots. Every request answers 200 or 503 `service_unavailable` with a Vietnamese and English
// message (never a 500), /healthz answers 503, and nothing is half-written: each ballot row has
// its count. When the database is back, resending every ballot with its key counts each once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import type { BallotReceipt, MeetingState, Motion } from '../../../shared/meeting';
import { openPostgres } from '../db/database';
import { TEST_DATABASE_URL, openTestDb, type TestDb } from '../testing/databases';
import {
  eventually,
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  type ApiAnswer,
  type LiveFixture,
} from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';
import { TcpProxy } from './helpers';

const N = 60;
const CUT_AFTER = 20;

let direct: TestDb;
let viaProxy: TestDb;
let proxy: TcpProxy;
let server: RunningServer;
let fx: LiveFixture;
const logged: unknown[] = [];

beforeAll(async () => {
  direct = await openTestDb('postgres', { max: 2 });
  fx = await seedLiveMeeting(direct, { members: N, checkedIn: N });
  const target = new URL(TEST_DATABASE_URL);
  proxy = await new TcpProxy({
    host: target.hostname,
    port: Number(target.port || 5432),
  }).start();
  target.host = `127.0.0.1:${proxy.port}`;
  const pool = await openPostgres(target.toString(), { schema: direct.schema!, max: 5 });
  viaProxy = Object.assign(pool, { destroy: () => pool.close() });
  server = await startTestServer(viaProxy, { sweepIntervalMs: 0, log: (e) => logged.push(e) });
});
afterAll(async () => {
  await server.close();
  await viaProxy.destroy();
  await proxy.cut();
  await direct.destroy();
});

const as = (i: number) =>
  meetingApi(
    server.url,
    fx.meetingId,
    sessionFor(fx.meetingId, { role: i === 0 ? 'chair' : 'member', memberId: fx.memberIds[i]! })
      .token,
  );

function expectUnavailable(res: ApiAnswer<unknown>) {
  expect(res.status).toBe(503);
  const body = ApiError.parse(res.body);
  expect(body.code).toBe('service_unavailable');
  expect(body.message.vi).toMatch(/không kết nối được cơ sở dữ liệu/);
  expect(body.message.en).toMatch(/cannot reach its database/);
}

describe('database unreachable', () => {
  it('answers 503 with a clear message, writes nothing half-way, and recovers', async () => {
    const chair = as(0);
    const motion = (
      await chair.post<Motion>('/motions', {
        agendaItemId: null,
        title: 'Nghị quyết',
        allowChange: false,
      })
    ).body;
    expect((await chair.post(`/motions/${motion.id}/open`)).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // N ballots at once; the database goes away after CUT_AFTER answers.
    const ballots = fx.memberIds.map((_, i) => ({
      choice: (['for', 'against', 'abstain'] as const)[i % 3],
      idempotencyKey: randomUUID(),
    }));
    let answered = 0;
    let cut: Promise<void> | undefined;
    const started = performance.now();
    let cutAt = 0;
    const answers = await Promise.all(
      ballots.map((b, i) =>
        as(i)
          .post<BallotReceipt>(`/motions/${motion.id}/ballots`, b)
          .then((res) => {
            if (++answered === CUT_AFTER) {
              cutAt = performance.now() - started;
              cut = proxy.cut();
            }
            return res;
          }),
      ),
    );
    await cut;
    const ok = answers.filter((a) => a.status === 200).length;
    const unavailable = answers.filter((a) => a.status === 503);
    // Every answer is an acknowledgement or a clear 503; never a 500.
    expect(ok + unavailable.length).toBe(N);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const a of unavailable) expectUnavailable(a);

    // While it is down: reads, writes and the health check answer 503 at once.
    const downStarted = performance.now();
    expectUnavailable(await as(1).post('/hand', { kind: 'speak' }));
    expectUnavailable(await chair.get('/state'));
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(ApiError.parse(await health.json()).code).toBe('service_unavailable');
    const downAnswerMs = (performance.now() - downStarted) / 3;

    // Nothing half-written: each stored ballot is counted, each acknowledged one is stored, and
    // the hand refused with 503 is not there.
    const [row] = await direct.query<{ n: number; hands: number }>(
      `SELECT (SELECT count(*)::int FROM open_ballots WHERE motion_id = $1) AS n,
              (SELECT count(*)::int FROM hands WHERE meeting_id = $2) AS hands`,
      [motion.id, fx.meetingId],
    );
    expect(row!.hands).toBe(0);
    const stored = new Set(
      (
        await direct.query<{ idempotency_key: string }>(
          'SELECT idempotency_key FROM open_ballots WHERE motion_id = $1',
          [motion.id],
        )
      ).map((r) => r.idempotency_key),
    );
    answers.forEach((a, i) => {
      if (a.status === 200) expect(stored.has(ballots[i]!.idempotencyKey)).toBe(true);
    });
    const committedUnacked = row!.n - ok;

    // The database comes back: the same pool reconnects, and every client resends its ballot.
    await proxy.restore();
    const backAt = performance.now();
    await eventually(async () => (await fetch(`${server.url}/healthz`)).status === 200);
    const recoverMs = performance.now() - backAt;
    // The state the server serves agrees with the rows: every stored ballot is counted.
    const back = (await chair.get<MeetingState>('/state')).body;
    expect(back.motions[0]!.castCount).toBe(row!.n);
    expect(back.queue).toEqual([]);
    const retried = await Promise.all(
      ballots.map((b, i) => as(i).post<BallotReceipt>(`/motions/${motion.id}/ballots`, b)),
    );
    expect(retried.map((r) => r.status)).toEqual(Array(N).fill(200));
    const state = (await chair.get<MeetingState>('/state')).body;
    expect(state.motions[0]!.castCount).toBe(N);
    const closed = (await chair.post<MeetingState>(`/motions/${motion.id}/close`)).body;
    expect(closed.motions[0]!.result!.counts).toEqual({
      for: N / 3,
      against: N / 3,
      abstain: N / 3,
      notVoted: 0,
    });
    const [stored2] = await direct.query<{ cast: number }>(
      'SELECT cast_count AS cast FROM motions WHERE id = $1',
      [motion.id],
    );
    expect(stored2!.cast).toBe(N);
    expect(logged.length).toBeGreaterThan(0);
    console.log(
      `[database unreachable] ${N} ballots at once, connections reset after ${CUT_AFTER} answers ` +
        `(${cutAt.toFixed(0)} ms): ${ok} acknowledged, ${unavailable.length} answered 503 ` +
        `service_unavailable, 0 other; stored ${row!.n} ballots = castCount after reconnect ` +
        `(${committedUnacked} committed but answered 503); while down each request answered 503 ` +
        `in ${downAnswerMs.toFixed(0)} ms; /healthz back ${recoverMs.toFixed(0)} ms after the ` +
        `database returned; resending all ${N} → ${state.motions[0]!.castCount} counted.`,
    );
  });
});

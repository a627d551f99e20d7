// Ballots: 1,000 eligible members voting at once over HTTP on one open motion — ballots/s and
// p50/p99 latency — on PGlite and on PostgreSQL, against plain INSERTs of the same rows into the
// same database (measured by the server process just before it starts serving).
// Then the same 1,000 ballots as delegates cast them: arriving at random moments over a few seconds
// after the chair opens the vote (open loop: each ballot is sent at its moment whether or not the
// earlier ones are answered, and its latency counts from that moment, so a slow server cannot hide
// its queue). BENCH_BALLOT_WINDOW_S sets the window (5 s).
import { performance } from 'node:perf_hooks';
import { signParticipant } from '../meeting-server/src/auth/participant';
import { ms, quantile, rows, timeMany } from './harness';
import { BENCH_SECRET, cpuSeconds, startServer, type Seeded } from './stack';

const MEMBERS = 1000;
const WINDOW_S = Number(process.env.BENCH_BALLOT_WINDOW_S ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends `fn(i)` for each i at `at[i]` ms after the start, without waiting for earlier answers;
 * returns the sorted latencies measured from each scheduled moment (ms) and the wall time.
 */
export async function openLoop(at: number[], fn: (i: number) => Promise<unknown>) {
  const order = at.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0]);
  const start = performance.now();
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  for (const [t, i] of order) {
    const wait = start + t - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      fn(i).then(() => {
        latencies.push(performance.now() - (start + t));
      }),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return { latencies, wallMs: performance.now() - start };
}

export function session(seeded: Seeded, memberId: string, role: 'chair' | 'member' = 'member') {
  return signParticipant(BENCH_SECRET, {
    mid: seeded.meetingId,
    sub: `member:${memberId}`,
    role,
    memberId,
    name: memberId,
    // Every request re-checks its invitation: the bench's chair invitation stands for all.
    iid: seeded.chairInvitation,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
}

export async function api(
  seeded: Seeded,
  token: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await fetch(`${seeded.url}/api/meetings/${seeded.meetingId}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function openMotion(seeded: Seeded, chair: string, secret = false): Promise<string> {
  const motion = (await api(seeded, chair, 'POST', '/motions', {
    agendaItemId: seeded.agendaItemId,
    title: 'Dự thảo nghị quyết về dự toán ngân sách',
    text: 'Toàn văn dự thảo.',
    secret,
  })) as { id: string };
  await api(seeded, chair, 'POST', `/motions/${motion.id}/open`);
  return motion.id;
}

/** Closes the vote and reads the result: the ballots counted for and against. */
async function closeAndCount(seeded: Seeded, chair: string, motionId: string) {
  await api(seeded, chair, 'POST', `/motions/${motionId}/close`);
  const state = (await api(seeded, chair, 'GET', '/state')) as {
    motions: { id: string; result: { counts: { for: number; against: number } } | null }[];
  };
  const counts = state.motions.find((m) => m.id === motionId)?.result?.counts;
  return (counts?.for ?? 0) + (counts?.against ?? 0);
}

export async function benchBallots() {
  for (const db of ['pglite', 'postgres'] as const) {
    const { seeded, child, stop } = await startServer({ db, members: MEMBERS });
    try {
      const chair = session(seeded, seeded.memberIds[0]!, 'chair');
      const motionId = await openMotion(seeded, chair);
      const tokens = seeded.memberIds.map((id) => session(seeded, id));
      // The server's own CPU per ballot: unlike the rates, it hardly moves when other work shares
      // the machine's cores.
      const cpu0 = cpuSeconds(child.pid!);
      const run = await timeMany(MEMBERS, MEMBERS, (i) =>
        api(seeded, tokens[i]!, 'POST', `/motions/${motionId}/ballots`, {
          choice: i % 3 === 0 ? 'against' : 'for',
          idempotencyKey: `bench-${i}-${motionId}`,
        }),
      );
      const cpuMsPerBallot = ((cpuSeconds(child.pid!) - cpu0) * 1000) / MEMBERS;
      const counted = await closeAndCount(seeded, chair, motionId);
      const baselinePerSecond = (MEMBERS / seeded.baseline.ms) * 1000;
      const p99 = quantile(run.latencies, 0.99);
      rows.push({
        name: `ballots: ${MEMBERS} at once over HTTP (${db})`,
        figure: `${run.perSecond.toFixed(0)}/s, p50 ${ms(quantile(run.latencies, 0.5))}, p99 ${ms(p99)}; server CPU ${cpuMsPerBallot.toFixed(2)} ms/ballot; counted ${counted}`,
        baseline: `plain INSERT ${baselinePerSecond.toFixed(0)}/s, p99 ${ms(seeded.baseline.p99)}`,
        ratio: `${(run.perSecond / baselinePerSecond).toFixed(2)} of INSERT rate`,
        target: db === 'pglite' ? '≥ 500/s; p99 ≤ 100 ms' : 'p99 ≤ 100 ms',
        met: counted === MEMBERS && p99 <= 100 && (db !== 'pglite' || run.perSecond >= 500),
      });

      // Open loop: a second vote, the members' ballots spread at random over WINDOW_S seconds.
      const motion2 = await openMotion(seeded, chair);
      const at = seeded.memberIds.map(() => Math.random() * WINDOW_S * 1000);
      const spread = await openLoop(at, (i) =>
        api(seeded, tokens[i]!, 'POST', `/motions/${motion2}/ballots`, {
          choice: i % 3 === 0 ? 'against' : 'for',
          idempotencyKey: `spread-${i}-${motion2}`,
        }),
      );
      const counted2 = await closeAndCount(seeded, chair, motion2);
      const p99s = quantile(spread.latencies, 0.99);
      rows.push({
        name: `ballots: ${MEMBERS} spread over ${WINDOW_S} s, open loop (${db})`,
        figure: `p50 ${ms(quantile(spread.latencies, 0.5))}, p95 ${ms(quantile(spread.latencies, 0.95))}, p99 ${ms(p99s)}, max ${ms(spread.latencies.at(-1)!)}; counted ${counted2}`,
        baseline: `plain INSERT p99 ${ms(seeded.baseline.p99)}`,
        ratio: '—',
        target: 'p99 ≤ 100 ms',
        met: counted2 === MEMBERS && p99s <= 100,
      });
    } finally {
      await stop();
    }
  }
}

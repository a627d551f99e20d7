// Ballots: 1,000 eligible members voting at once over HTTP on one open motion — ballots/s and
// p50/p99 latency — on PGlite and on PostgreSQL, against plain INSERTs of the same rows into the
// same database (measured by the server process just before it starts serving).
import { signParticipant } from '../meeting-server/src/auth/participant';
import { ms, quantile, rows, timeMany } from './harness';
import { BENCH_SECRET, cpuSeconds, startServer, type Seeded } from './stack';

const MEMBERS = 1000;

export function session(seeded: Seeded, memberId: string, role: 'chair' | 'member' = 'member') {
  return signParticipant(BENCH_SECRET, {
    mid: seeded.meetingId,
    sub: `member:${memberId}`,
    role,
    memberId,
    name: memberId,
    iid: role === 'chair' ? seeded.chairInvitation : 'bench',
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
      await api(seeded, chair, 'POST', `/motions/${motionId}/close`);
      const state = (await api(seeded, chair, 'GET', '/state')) as {
        motions: { id: string; result: { counts: { for: number; against: number } } | null }[];
      };
      const counts = state.motions.find((m) => m.id === motionId)?.result?.counts;
      const counted = (counts?.for ?? 0) + (counts?.against ?? 0);
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
    } finally {
      await stop();
    }
  }
}

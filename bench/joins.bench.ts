// Joins: 300 listen-only voters joining one voter meeting — each exchanges the public invitation
// for a token over HTTP, connects to the real livekit-server (signalling, ICE, DTLS; subscribe
// only), and LiveKit posts its participant_joined webhook to the meeting server. Measures the time
// until every voter is connected and every webhook answered, per-voter join times, and the CPU of
// each process (the meeting server, livekit-server, the load generator), against token minting
// alone and POST /api/join alone.
//
// The voters are real WebRTC clients. By default (BENCH_JOIN_CLIENT=go) they are pion clients in
// Go (bench/joins-go, server-sdk-go), built into tools/bin/joins-go on demand: a real voter brings
// their own phone, and a pion client costs a fraction of the CPU of an @livekit/rtc-node one
// (libwebrtc, about 0.5 CPU-s a join), which on one 2-core machine took the cores from the servers
// being measured. BENCH_JOIN_CLIENT=node runs the rtc-node clients (bench/joins-client.ts) instead,
// spread over processes, each its own FFI runtime: in one process every Room hears every FFI event,
// which stalls at 300. Both programs speak the same line protocol on stdin/stdout.
// Every wait has a deadline, so voters that never join are counted and the run goes on.
// Knobs: BENCH_VOTERS (300), BENCH_JOIN_CLIENT (go | node), BENCH_JOIN_CLIENTS (load-generator
// processes: 1 for go, 6 for node), BENCH_JOIN_INFLIGHT (24 voters joining at once),
// BENCH_JOIN_DEADLINE_S (120, or 0.4 s a voter), BENCH_PROFILE (V8 profiles of the server and the
// node clients). Details (CPU per process and per client thread) go to stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ParticipantInfo_State } from 'livekit-server-sdk';
import { signInvitation } from '../meeting-server/src/invitations/token';
import { createLiveKit } from '../meeting-server/src/livekit/livekit';
import { GO_CLIENT, ensureGoClient, stopLineClient } from './go-client';
import type { ClientMessage, VoterReport } from './joins-client';
import { quantile, rows, timeMany } from './harness';
import { BENCH_SECRET, benchLiveKit, cpuSeconds, startServer } from './stack';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 300);
/** Which load generator: pion clients in Go (bench/joins-go) or rtc-node (bench/joins-client.ts). */
const CLIENT_KIND = process.env.BENCH_JOIN_CLIENT ?? 'go';
/** Load-generator processes: Go spreads one process's voters over the cores; rtc-node needs several. */
const CLIENTS = Math.max(
  1,
  Number(process.env.BENCH_JOIN_CLIENTS ?? (CLIENT_KIND === 'node' ? 6 : 1)),
);
/** Voters joining at the same moment, over all clients. */
const INFLIGHT = Math.max(1, Number(process.env.BENCH_JOIN_INFLIGHT ?? 24));
/** After this, voters still outside are counted as not joined and the benchmark moves on. */
const DEADLINE_MS = Number(process.env.BENCH_JOIN_DEADLINE_S ?? Math.max(120, VOTERS * 0.4)) * 1000;
/** Per connect attempt, as livekit-client's peerConnectionTimeout; 3 attempts. */
const CONNECT_TIMEOUT_MS = 15_000;
const TARGET_MS = 30_000;

const CLIENT_SCRIPT = fileURLToPath(new URL('./joins-client.ts', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A deadline for Promise.race that does not keep the process alive once the race is over. */
const deadline = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
/** How the figures name the load generator. */
const CLIENT_LABEL = CLIENT_KIND === 'go' ? 'pion (Go)' : 'rtc-node';
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Client {
  child: ChildProcess;
  reports: VoterReport[];
  ready: Promise<void>;
  started: boolean;
  done: boolean;
}

function startClient(
  first: number,
  count: number,
  inflight: number,
  server: string,
  invitation: string,
): Client {
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const [command, args] =
    CLIENT_KIND === 'go'
      ? [GO_CLIENT, []]
      : [process.execPath, [...profile, '--import', 'tsx', CLIENT_SCRIPT]];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      JOINS_SERVER: server,
      JOINS_INVITATION: invitation,
      JOINS_FIRST: String(first),
      JOINS_COUNT: String(count),
      JOINS_INFLIGHT: String(inflight),
      JOINS_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      JOINS_ATTEMPTS: '3',
      // rtc-node's pino logger is at debug level otherwise (a line per connect).
      NODE_ENV: 'production',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const client: Client = {
    child,
    reports: [],
    ready: Promise.resolve(),
    started: false,
    done: false,
  };
  let other = 0;
  const forward = (line: string) => {
    // Client logs (rtc-node's pino JSON and FFI warnings, the Go SDK's errors): show the first few.
    if (++other <= 5) process.stderr.write(`  [joins client ${first}+] ${line.slice(0, 300)}\n`);
  };
  createInterface({ input: child.stderr! }).on('line', forward);
  client.ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('JOINS ')) return forward(line);
      const m = JSON.parse(line.slice(6)) as ClientMessage;
      if (m.type === 'ready') resolve();
      else if (m.type === 'voter') client.reports.push(m);
      else client.done = true;
    });
    child.once('exit', (code) => {
      client.done = true;
      reject(new Error(`joins client exited with ${code}`));
    });
  });
  client.ready.catch(() => {});
  return client;
}

const stopClient = (c: Client) => stopLineClient(c.child);

/** Machine-wide busy CPU seconds (all cores), from /proc/stat. */
function machineBusySeconds(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const n = f.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - n[3]! - n[4]!) / 100;
}

/** CPU seconds per thread name, summed over processes (threads that ended are not counted). */
function threadSeconds(pids: number[]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // the process has ended
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // Node names all its threads "node" (Go: "joins-go"); the main thread has the process's id.
        const name = tid === String(pid) ? `${comm.trim()} main thread` : comm.trim();
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        const s = (Number(fields[11]) + Number(fields[12])) / 100;
        byName.set(name, (byName.get(name) ?? 0) + s);
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return byName;
}

function safeCpu(pid: number | undefined): number {
  try {
    return pid ? cpuSeconds(pid) : 0;
  } catch {
    return 0;
  }
}

/** participant_joined webhooks as bench/server-child.ts counts them. */
interface WebhookCount {
  /** Answered 200, and when the last of them was (epoch ms). */
  joined: number;
  lastJoinedAt: number;
  /** Arrived; answered with another status; summed time from arrival to answer, ms. */
  received: number;
  refused: number;
  answerMs: number;
}

async function webhookCount(url: string): Promise<WebhookCount> {
  try {
    const res = await fetch(`${url}/__bench/webhooks`, { signal: AbortSignal.timeout(2000) });
    return (await res.json()) as WebhookCount;
  } catch {
    return { joined: 0, lastJoinedAt: 0, received: 0, refused: 0, answerMs: 0 };
  }
}

export async function benchJoins() {
  if (CLIENT_KIND !== 'go' && CLIENT_KIND !== 'node') {
    throw new Error(`BENCH_JOIN_CLIENT must be go or node, not ${CLIENT_KIND}`);
  }
  if (CLIENT_KIND === 'go') ensureGoClient();
  const lk = await benchLiveKit();
  const minter = createLiveKit(lk);
  const mint = await timeMany(VOTERS, 16, (i) =>
    minter.mintToken({
      identity: `voter:${i}`,
      name: `Cử tri ${i}`,
      room: 'r',
      role: 'voter',
      canPublish: false,
    }),
  );

  const {
    seeded,
    child: server,
    stop,
  } = await startServer({
    db: 'pglite',
    members: 3,
    meetingKind: 'voter',
  });
  const invitation = signInvitation(BENCH_SECRET, {
    iid: seeded.voterInvitation,
    mid: seeded.meetingId,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  // Second baseline: the HTTP half alone (POST /api/join, no LiveKit connect), same concurrency,
  // on a quiet server — what the meeting server needs per join when the machine is its own.
  const httpCpu0 = cpuSeconds(server.pid!);
  let httpFailed = 0;
  const httpOnly = await timeMany(VOTERS, INFLIGHT, async (i) => {
    const res = await fetch(`${seeded.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation, name: `Khách ${i + 1}` }),
      signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS),
    }).catch(() => undefined);
    if (!res?.ok) httpFailed++;
    await res?.arrayBuffer();
  });
  const httpCpu = cpuSeconds(server.pid!) - httpCpu0;
  const httpBaseline =
    `POST /api/join alone (no connect): ${VOTERS} in ${(httpOnly.wallMs / 1000).toFixed(2)} s` +
    (httpFailed ? ` (${httpFailed} failed)` : '');

  const nClients = Math.min(CLIENTS, VOTERS);
  const clients: Client[] = [];
  for (let k = 0, first = 1; k < nClients; k++) {
    const count = Math.floor(VOTERS / nClients) + (k < VOTERS % nClients ? 1 : 0);
    const inflight = Math.max(1, Math.round(INFLIGHT / nClients));
    clients.push(startClient(first, count, inflight, seeded.url, invitation));
    first += count;
  }
  try {
    // A client that does not start within a minute is stopped; its voters count as not joined.
    let started = false;
    await Promise.race([
      Promise.allSettled(clients.map((c) => c.ready.then(() => (c.started = true)))),
      deadline(60_000),
    ]);
    for (const c of clients) {
      if (c.started) started = true;
      else await stopClient(c);
    }
    if (!started) {
      rows.push({
        name: `joins: ${VOTERS} listen-only voters (token + join + webhook)`,
        figure: 'no load-generator process started (see the log above)',
        baseline: `token minting alone: ${VOTERS} in ${(mint.wallMs / 1000).toFixed(2)} s; ${httpBaseline}`,
        ratio: '—',
        target: 'all joined within 30 s',
        met: false,
      });
      return;
    }
    const pids = {
      server: server.pid,
      livekit: lk.process.pid,
      clients: clients.map((c) => c.child.pid!),
    };
    const cpuNow = () => ({
      server: safeCpu(pids.server),
      livekit: safeCpu(pids.livekit),
      clients: pids.clients.reduce((a, p) => a + safeCpu(p), 0),
      machine: machineBusySeconds(),
    });
    const threads0 = threadSeconds(pids.clients);
    const cpu0 = cpuNow();
    const t0 = performance.timeOrigin + performance.now();
    for (const c of clients) if (c.started) c.child.stdin!.write('go\n');

    // Done when every client has reported every voter and every joined voter's webhook has been
    // answered, or at the deadline.
    let hooks: WebhookCount = { joined: 0, lastJoinedAt: 0, received: 0, refused: 0, answerMs: 0 };
    let timedOut = false;
    for (;;) {
      await sleep(100);
      const reports = clients.flatMap((c) => c.reports);
      const ok = reports.filter((r) => r.ok).length;
      hooks = await webhookCount(seeded.url);
      if (clients.every((c) => c.done || !c.started) && hooks.joined >= ok) break;
      if (performance.timeOrigin + performance.now() - t0 > DEADLINE_MS) {
        timedOut = true;
        break;
      }
    }
    const tEnd = performance.timeOrigin + performance.now();
    const cpu1 = cpuNow();
    const threads1 = threadSeconds(pids.clients);
    const reports = clients.flatMap((c) => c.reports);
    const ok = reports.filter((r) => r.ok);
    const failed = reports.filter((r) => !r.ok);
    const retries = reports.reduce((a, r) => a + r.retries, 0);
    const lastIn = Math.max(t0, ...ok.map((r) => r.endAt), hooks.lastJoinedAt);
    const allMs = (timedOut ? tEnd : lastIn) - t0;
    const within = ok.filter((r) => r.endAt - t0 <= TARGET_MS).length;
    const perVoter = ok.map((r) => r.endAt - r.startAt).sort((a, b) => a - b);
    const tokenMs = ok.map((r) => r.tokenMs).sort((a, b) => a - b);
    const connectMs = ok.map((r) => r.connectMs).sort((a, b) => a - b);
    let inRoom = -1;
    /** Participants LiveKit has made active (their transport is up), which it announces. */
    let active = -1;
    try {
      const listed = await Promise.race([
        minter.rooms.listParticipants(seeded.room),
        deadline(5000).then(() => Promise.reject(new Error('listParticipants timed out'))),
      ]);
      inRoom = listed.length;
      active = listed.filter((p) => p.state === ParticipantInfo_State.ACTIVE).length;
    } catch {
      // reported as -1
    }
    const cpu = {
      server: cpu1.server - cpu0.server,
      livekit: cpu1.livekit - cpu0.livekit,
      clients: cpu1.clients - cpu0.clients,
      machine: cpu1.machine - cpu0.machine,
    };
    const other = cpu.machine - cpu.server - cpu.livekit - cpu.clients;
    const wallS = (tEnd - t0) / 1000;

    const threadDelta = [...threads1]
      .map(([name, s]) => [name, s - (threads0.get(name) ?? 0)] as const)
      .filter(([, s]) => s >= 0.05)
      .sort((a, b) => b[1] - a[1]);
    const byVoter = (x: number) => `${((x / Math.max(1, ok.length)) * 1000).toFixed(0)} ms/voter`;
    process.stderr.write(
      [
        '',
        `  joins: ${ok.length}/${VOTERS} joined, ${failed.length} failed, ${retries} retries; ${nClients} ${CLIENT_LABEL} client process${nClients === 1 ? '' : 'es'}, ${INFLIGHT} joining at once; LiveKit lists ${inRoom} in the room (${active} active), ${hooks.joined} participant_joined webhooks answered 200 (${hooks.received} arrived, ${hooks.refused} answered with an error, ${(hooks.answerMs / Math.max(1, hooks.received)).toFixed(0)} ms from arrival to answer on average; LiveKit posts a room's webhooks one at a time and drops those queued more than 30 s or beyond 200)`,
        `  per voter (start → in room): p50 ${sec(quantile(perVoter, 0.5))}, p95 ${sec(quantile(perVoter, 0.95))}; POST /api/join p50 ${quantile(tokenMs, 0.5).toFixed(0)} ms, p95 ${quantile(tokenMs, 0.95).toFixed(0)} ms; connect p50 ${sec(quantile(connectMs, 0.5))}, p95 ${sec(quantile(connectMs, 0.95))}`,
        `  CPU over ${wallS.toFixed(1)} s (2 cores = ${(wallS * 2).toFixed(0)} CPU-s): meeting server ${cpu.server.toFixed(1)} s (${byVoter(cpu.server)}), livekit-server ${cpu.livekit.toFixed(1)} s (${byVoter(cpu.livekit)}), clients ${cpu.clients.toFixed(1)} s (${byVoter(cpu.clients)}), other processes on the machine ${other.toFixed(1)} s; machine busy ${((cpu.machine / (wallS * 2)) * 100).toFixed(0)}%`,
        `  server side alone (meeting server + livekit-server): ${(cpu.server + cpu.livekit).toFixed(1)} CPU-s for ${ok.length} voters = ${sec(((cpu.server + cpu.livekit) / 2) * 1000)} of 2 cores; POST /api/join alone: ${VOTERS} in ${sec(httpOnly.wallMs)} (p50 ${quantile(httpOnly.latencies, 0.5).toFixed(0)} ms, p95 ${quantile(httpOnly.latencies, 0.95).toFixed(0)} ms), meeting-server CPU ${((httpCpu / VOTERS) * 1000).toFixed(1)} ms/join`,
        `  clients' CPU by thread: ${threadDelta.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(', ')}`,
        ...failed.slice(0, 3).map((r) => `  voter ${r.n} failed: ${r.error}`),
        '',
      ].join('\n'),
    );

    rows.push({
      name: `joins: ${VOTERS} listen-only voters (token + join + webhook)`,
      figure:
        (timedOut
          ? `deadline ${sec(DEADLINE_MS)} reached: ${ok.length}/${VOTERS} in the room`
          : `${ok.length === VOTERS ? 'all ' : ''}${ok.length}/${VOTERS} in the room after ${sec(allMs)}`) +
        (inRoom !== ok.length ? ` (LiveKit lists ${inRoom})` : '') +
        (hooks.joined < ok.length
          ? ` (${hooks.joined} participant_joined webhooks answered)`
          : '') +
        ` (${within} within 30 s); per voter p50 ${sec(quantile(perVoter, 0.5))}, p95 ${sec(quantile(perVoter, 0.95))};` +
        ` CPU: meeting server ${cpu.server.toFixed(1)} s, livekit-server ${cpu.livekit.toFixed(1)} s, ${nClients} ${CLIENT_LABEL} client process${nClients === 1 ? '' : 'es'} ${cpu.clients.toFixed(1)} s;` +
        ` ${retries} retries${failed.length ? `, ${failed.length} failed` : ''}`,
      baseline: `token minting alone: ${VOTERS} in ${(mint.wallMs / 1000).toFixed(2)} s; ${httpBaseline}`,
      ratio: `${(allMs / mint.wallMs).toFixed(0)}×`,
      target: 'all joined within 30 s',
      met: !timedOut && ok.length === VOTERS && allMs <= TARGET_MS,
    });
  } finally {
    await Promise.all(clients.map(stopClient));
    await Promise.race([stop(), deadline(10_000)]);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  }
}

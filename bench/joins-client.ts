// Load-generator child for bench/joins.bench.ts: joins its share of listen-only voters to one voter
// meeting, as phones would (POST /api/join with the public invitation, then a real
// @livekit/rtc-node connect, each attempt with a timeout and retried like livekit-client), and
// reports each voter's timings as JSON lines on stdout. Several of these run side by side: every
// rtc-node Room hears every FFI event of its process, so one process with 300 Rooms does
// O(rooms × events) work in JavaScript and stalls; a few processes with a share each do not.
//
// Environment: JOINS_SERVER (meeting server URL), JOINS_INVITATION, JOINS_FIRST (first voter
// number), JOINS_COUNT, JOINS_INFLIGHT (voters joining at once in this process),
// JOINS_CONNECT_TIMEOUT_MS, JOINS_ATTEMPTS; JOINS_KEEP_NATIVE_LOGS=1 keeps rtc-node's log events.
// Protocol: prints `JOINS {"type":"ready"}` once loaded, starts on a `go` line on stdin, prints one
// `JOINS {"type":"voter",...}` per voter and `JOINS {"type":"done"}`; stays in the room until a
// `stop` line (or stdin closes), then leaves and exits.
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Room, dispose } from '@livekit/rtc-node';
import { JoinResponse } from '../shared/api';
import { dropNativeLogEvents } from './rtc-logs';

export interface VoterReport {
  type: 'voter';
  /** Voter number (1-based, across all clients). */
  n: number;
  ok: boolean;
  /** Epoch ms (performance.timeOrigin-based) when the voter started and when it was in the room. */
  startAt: number;
  endAt: number;
  /** POST /api/join, ms (the successful attempt). */
  tokenMs: number;
  /** The successful rtc-node connect, ms. */
  connectMs: number;
  /** Attempts beyond the first (HTTP and connect together). */
  retries: number;
  error?: string;
}

export type ClientMessage = { type: 'ready' } | VoterReport | { type: 'done' };

const env = (name: string, fallback?: string): string => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};
const server = env('JOINS_SERVER');
const invitation = env('JOINS_INVITATION');
const first = Number(env('JOINS_FIRST', '1'));
const count = Number(env('JOINS_COUNT'));
const inflight = Number(env('JOINS_INFLIGHT', '8'));
const connectTimeoutMs = Number(env('JOINS_CONNECT_TIMEOUT_MS', '15000'));
const attempts = Number(env('JOINS_ATTEMPTS', '3'));

const send = (m: ClientMessage) => process.stdout.write(`JOINS ${JSON.stringify(m)}\n`);
const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** livekit-client waits a little before trying again; jittered so retries do not arrive together. */
const backoff = () => sleep(500 + Math.random() * 1000);

const rooms: Room[] = [];
let stopping = false;

async function fetchToken(n: number) {
  const res = await fetch(`${server}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invitation, name: `Cử tri ${n}` }),
    signal: AbortSignal.timeout(connectTimeoutMs),
  });
  if (!res.ok) throw new Error(`POST /api/join ${res.status}`);
  return JoinResponse.parse(await res.json());
}

/** One connect attempt; on timeout the Room is left when (if ever) the late connect completes. */
async function connectOnce(url: string, token: string): Promise<Room> {
  const room = new Room();
  const connecting = room.connect(url, token, { autoSubscribe: true, dynacast: false });
  dropNativeLogEvents();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`connect timed out after ${connectTimeoutMs} ms`)),
      connectTimeoutMs,
    );
  });
  try {
    await Promise.race([connecting, timeout]);
    return room;
  } catch (err) {
    connecting.then(
      () => void room.disconnect().catch(() => {}),
      () => {},
    );
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function joinVoter(n: number): Promise<VoterReport> {
  const startAt = epoch();
  let retries = 0;
  let tokenMs = 0;
  let joined: JoinResponse | undefined;
  let lastError = '';
  for (let attempt = 1; attempt <= attempts && !stopping; attempt++) {
    try {
      if (!joined) {
        const t = performance.now();
        joined = await fetchToken(n);
        tokenMs = performance.now() - t;
      }
      const t = performance.now();
      const room = await connectOnce(joined.livekitUrl, joined.token);
      rooms.push(room);
      const connectMs = performance.now() - t;
      return { type: 'voter', n, ok: true, startAt, endAt: epoch(), tokenMs, connectMs, retries };
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      if (attempt < attempts) {
        retries++;
        await backoff();
      }
    }
  }
  return {
    type: 'voter',
    n,
    ok: false,
    startAt,
    endAt: epoch(),
    tokenMs,
    connectMs: 0,
    retries,
    error: lastError,
  };
}

async function run() {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inflight, count) }, async () => {
      while (next < count && !stopping) send(await joinVoter(first + next++));
    }),
  );
  send({ type: 'done' });
}

async function leave() {
  if (stopping) return;
  stopping = true;
  // A disconnect that never answers must not keep the process alive.
  await Promise.race([Promise.allSettled(rooms.map((r) => r.disconnect())), sleep(5000)]);
  await Promise.race([dispose(), sleep(2000)]);
  process.exit(0);
}

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() === 'go') void run();
  if (line.trim() === 'stop') void leave();
});
input.on('close', () => void leave());
send({ type: 'ready' });

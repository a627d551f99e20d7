// Drives bench/joins-go in listen mode (JOINS_MODE=listen): pion WebRTC clients in their own Go
// process that report each data packet they receive with its arrival time (epoch ms), so
// livekit.bench.ts times the vote result at 50 receivers that, like delegates' own devices, do not
// take turns on the bench's JavaScript thread.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { GO_CLIENT, ensureGoClient, stopLineClient } from './go-client';

/** A data packet one client received (dataReport in bench/joins-go/listen.go). */
export interface DataReport {
  type: 'data';
  /** The client's index in the tokens given. */
  i: number;
  /** Arrival, epoch ms. */
  at: number;
  topic: string;
  version?: number;
  /** Topic `state`: the motions the message carries (its full state's, or the changed ones). */
  motions?: { id: string; status: string }[];
  /** Topic `state`: why a meeting client would fetch GET /state instead of applying it. */
  fetch?: 'version-only' | 'gap' | 'malformed';
}

interface ListenerReport {
  type: 'listener';
  n: number;
  ok: boolean;
  connectMs: number;
  retries: number;
  error?: string;
}

type Line = DataReport | ListenerReport | { type: 'ready' | 'done' } | { type: 'pong'; at: number };

/** Epoch ms on the bench's clock, as arrival times are compared with. */
export const epochNow = () => performance.timeOrigin + performance.now();

export interface GoListeners {
  /** Connect reports, one per token (after `connected` resolves). */
  listeners: ListenerReport[];
  /** Every data report goes to this callback. */
  onData: (cb: (r: DataReport) => void) => void;
  /** Go's clock minus the bench's (ms), from the ping with the shortest round trip, and that trip. */
  clockOffset: () => Promise<{ offsetMs: number; rttMs: number }>;
  stop: () => Promise<void>;
}

/** Starts the Go process and connects one client per token; resolves when all have been tried. */
export async function startGoListeners(url: string, tokens: string[]): Promise<GoListeners> {
  ensureGoClient('BENCH_RESULT_CLIENTS=node npx tsx bench/run.ts livekit');
  const child = spawn(GO_CLIENT, [], {
    env: {
      ...process.env,
      JOINS_MODE: 'listen',
      JOINS_LIVEKIT_URL: url,
      JOINS_TOKENS: tokens.join(' '),
      JOINS_INFLIGHT: '8',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let logged = 0;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (++logged <= 5) process.stderr.write(`  [listen-go] ${line.slice(0, 300)}\n`);
  });
  const listeners: ListenerReport[] = [];
  let dataCb: (r: DataReport) => void = () => {};
  let pong: ((at: number) => void) | undefined;
  let ready!: () => void;
  let done!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  const doneP = new Promise<void>((r) => (done = r));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('JOINS ')) return;
    const m = JSON.parse(line.slice(6)) as Line;
    if (m.type === 'data') dataCb(m);
    else if (m.type === 'listener') listeners.push(m);
    else if (m.type === 'pong') pong?.(m.at);
    else if (m.type === 'ready') ready();
    else done();
  });
  const failed = exited.then(() => {
    throw new Error(`joins-go (listen) exited with ${child.exitCode ?? child.signalCode}`);
  });
  await Promise.race([readyP, failed]);
  child.stdin!.write('go\n');
  await Promise.race([doneP, failed]);
  failed.catch(() => {});
  return {
    listeners,
    onData: (cb) => (dataCb = cb),
    clockOffset: async () => {
      let best = { offsetMs: NaN, rttMs: Infinity };
      for (let k = 0; k < 20; k++) {
        const t0 = epochNow();
        const at = await new Promise<number>((resolve) => {
          pong = resolve;
          child.stdin!.write('ping\n');
        });
        const t1 = epochNow();
        if (t1 - t0 < best.rttMs) best = { offsetMs: at - (t0 + t1) / 2, rttMs: t1 - t0 };
      }
      return best;
    },
    stop: () => stopLineClient(child),
  };
}

// Benchmark stack: a real livekit-server --dev and a meeting server in a child process (so its CPU
// is measured apart from the load generator), seeded by bench/server-child.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startLocalLiveKit, type LocalLiveKit } from '../meeting-server/src/livekit/local-server';

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-0123456789';
export const LIVEKIT_PORT = Number(process.env.BENCH_LIVEKIT_PORT ?? 17800);
export const SERVER_PORT = LIVEKIT_PORT + 50;

export interface Seeded {
  url: string;
  db: string;
  councilId: string;
  meetingId: string;
  memberIds: string[];
  agendaItemId: string;
  room: string;
  voterInvitation: string;
  chairInvitation: string;
  baseline: { ms: number; p50: number; p99: number };
}

let livekit: LocalLiveKit | undefined;

export async function benchLiveKit(): Promise<LocalLiveKit> {
  livekit ??= await startLocalLiveKit({
    port: LIVEKIT_PORT,
    webhookUrls: [`http://127.0.0.1:${SERVER_PORT}/api/livekit/webhook`],
  });
  return livekit;
}

export async function stopBenchLiveKit() {
  await livekit?.stop();
  livekit = undefined;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

export async function startServer(opts: {
  db: 'pglite' | 'postgres';
  members: number;
  meetingKind?: 'session' | 'voter';
}): Promise<{ seeded: Seeded; child: ChildProcess; stop: () => Promise<void> }> {
  const lk = await benchLiveKit();
  // BENCH_PROFILE=<folder>: the meeting server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/server-child.ts'], {
    env: {
      ...process.env,
      BENCH_DB: opts.db,
      BENCH_MEMBERS: String(opts.members),
      BENCH_MEETING_KIND: opts.meetingKind ?? 'session',
      BENCH_SECRET,
      PORT: String(SERVER_PORT),
      LIVEKIT_URL: lk.url,
      LIVEKIT_API_KEY: lk.apiKey,
      LIVEKIT_API_SECRET: lk.apiSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const seeded = await new Promise<Seeded>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice(6)) as Seeded);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    seeded,
    child,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

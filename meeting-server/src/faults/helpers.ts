// Helpers for the fault tests: the real meeting server (main.ts) as a child process that can be
// killed with SIGKILL and a TCP proxy in front of PostgreSQL that can cut every connection.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_SECRET } from '../testing/server';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Port offsets from TEST_LIVEKIT_PORT used by the fault and attack tests (webhook.test.ts has +10,
 * multinode +40, adopt +80, two-instances +82): `rejoin` is hostile/sessions.test.ts's own LiveKit
 * (+20..+22) and its server (+25), where that LiveKit posts its webhooks.
 */
export const FAULT_PORTS = (() => {
  const base = Number(process.env.TEST_LIVEKIT_PORT ?? 17880);
  return { livekitRestart: base + 60, killServer: base + 70, rejoin: base + 20 };
})();

/** A PostgreSQL URL whose connections use `schema` (how a test's main.ts finds its tables). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface MainProcess {
  child: ChildProcess;
  url: string;
  /** From spawn to the "listening" line, ms. */
  startMs: number;
  /** Everything the process wrote (for a failure message). */
  output: () => string;
  kill9(): void;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx meeting-server/src/main.ts` with only the variables given (plus PATH
 * and HOME), waits until it listens. The app secret is the tests' (sessionFor() tokens work)
 * unless `appSecret: null`.
 */
export async function startMain(env: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** APP_SECRET; `null` = unset (on PostgreSQL the server then uses the one in the database). */
  appSecret?: string | null;
  livekit: { url: string; apiKey: string; apiSecret: string };
}): Promise<MainProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'meeting-server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(env.port),
      HOST: '127.0.0.1',
      DATA_DIR: env.dataDir,
      ...(env.appSecret === null ? {} : { APP_SECRET: env.appSecret ?? TEST_SECRET }),
      LIVEKIT_URL: env.livekit.url,
      LIVEKIT_API_KEY: env.livekit.apiKey,
      LIVEKIT_API_SECRET: env.livekit.apiSecret,
      DEMO: '0',
      ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (d: Buffer) => (out += d.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`main.ts did not start:\n${out}`)), 60_000);
    const onData = () => {
      if (out.includes('Máy chủ họp:')) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`main.ts exited with ${code}:\n${out}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    child,
    url: `http://127.0.0.1:${env.port}`,
    startMs: performance.now() - started,
    output: () => out,
    kill9: () => child.kill('SIGKILL'),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A TCP proxy to `target` that can drop every connection and refuse new ones, then come back. */
export class TcpProxy {
  #server: net.Server | undefined;
  #sockets = new Set<net.Socket>();
  port = 0;

  constructor(readonly target: { host: string; port: number }) {}

  async start(): Promise<this> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((r) => server.listen(this.port, '127.0.0.1', () => r()));
    this.port = (server.address() as net.AddressInfo).port;
    this.#server = server;
    return this;
  }

  /** The database "goes away": every open connection is reset, new ones are refused. */
  async cut(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.resetAndDestroy();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  }

  /** The database is back on the same port. */
  restore(): Promise<this> {
    return this.start();
  }
}

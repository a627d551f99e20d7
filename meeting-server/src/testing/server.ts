// Starts createApp on an ephemeral loopback port against a test database and the test LiveKit.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createApp } from '../app';
import { liveOf, type Live } from '../room/index';
import { createLiveKit, type LiveKit } from '../livekit/livekit';
import type { TestDb } from './databases';

export const TEST_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface RunningServer {
  url: string;
  livekit: LiveKit;
  /** The live-meeting services of this server (sweeper, broadcaster). */
  live: Live;
  close(): Promise<void>;
}

export async function startTestServer(
  db: TestDb,
  opts: {
    port?: number;
    now?: () => number;
    sweepIntervalMs?: number;
    log?: (err: unknown) => void;
    /** PUBLIC_URL (https: Secure cookies and HSTS). */
    publicUrl?: string;
    /** Another LiveKit than the test run's (a test that restarts its own). */
    livekit?: { url: string; apiKey: string; apiSecret: string };
  } = {},
): Promise<RunningServer> {
  const lk = opts.livekit ?? inject('livekit');
  const livekit = createLiveKit(lk);
  const app = createApp({
    db,
    livekit,
    secret: TEST_SECRET,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
    ...(opts.sweepIntervalMs !== undefined ? { sweepIntervalMs: opts.sweepIntervalMs } : {}),
    log: opts.log ?? (process.env.TEST_SERVER_LOG ? (e) => console.error(e) : () => undefined),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    livekit,
    live: liveOf(app),
    async close() {
      await liveOf(app).stop();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}

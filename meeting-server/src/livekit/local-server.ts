// Starts a real `livekit-server --dev` on loopback (installed into tools/bin by scripts/ensure.sh),
// for `npm start`, the integration tests and the end-to-end tests. Not used in production.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ATTENDANCE_EVENTS } from './events';
import { LOCAL_LIVEKIT } from '../config';

/**
 * LiveKit posts a room's webhooks one at a time and drops them past 200 queued or 30 s old: 300
 * voters joining a voter meeting could push a delegate's join or leave out. Only the events the
 * meeting server uses are sent (ATTENDANCE_EVENTS), and the queue may hold 5,000 for 5 minutes
 * (the server accepts events up to 24 hours late). docs/deploy.md carries the same settings.
 */
const WEBHOOK_TUNING = [
  '  filter_params:',
  `    include_events: [${ATTENDANCE_EVENTS.join(', ')}]`,
  '  resource_url_notifier:',
  '    max_depth: 5000',
  '    max_age: 5m',
];

export const LIVEKIT_BIN =
  process.env.LIVEKIT_BIN ??
  fileURLToPath(new URL('../../../tools/bin/livekit-server', import.meta.url));

export interface LocalLiveKitOptions {
  /** HTTP/WebSocket port; RTC uses port+1 (TCP) and port+2 (UDP). */
  port: number;
  /** Where LiveKit posts webhooks (the meeting server's /api/livekit/webhook). */
  webhookUrls?: string[];
  /** Redis for multi-node mode (host:port), and the Redis database number to use. */
  redis?: string;
  redisDb?: number;
  apiKey?: string;
  apiSecret?: string;
  log?: (line: string) => void;
}

export interface LocalLiveKit {
  url: string;
  apiKey: string;
  apiSecret: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function livekitConfigYaml(o: LocalLiveKitOptions): string {
  const apiKey = o.apiKey ?? LOCAL_LIVEKIT.apiKey;
  const apiSecret = o.apiSecret ?? LOCAL_LIVEKIT.apiSecret;
  const lines = [
    `port: ${o.port}`,
    'rtc:',
    `  tcp_port: ${o.port + 1}`,
    `  udp_port: ${o.port + 2}`,
    '  use_external_ip: false',
    'keys:',
    `  ${apiKey}: ${apiSecret}`,
    'logging:',
    '  level: warn',
    'room:',
    '  empty_timeout: 300',
    '  departure_timeout: 20',
  ];
  if (o.webhookUrls?.length) {
    lines.push(
      'webhook:',
      `  api_key: ${apiKey}`,
      '  urls:',
      ...o.webhookUrls.map((u) => `    - ${u}`),
      ...WEBHOOK_TUNING,
    );
  }
  if (o.redis) lines.push('redis:', `  address: ${o.redis}`, `  db: ${o.redisDb ?? 0}`);
  return lines.join('\n') + '\n';
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`livekit-server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`livekit-server did not answer on ${url} within ${timeoutMs} ms`);
}

export async function startLocalLiveKit(o: LocalLiveKitOptions): Promise<LocalLiveKit> {
  if (!existsSync(LIVEKIT_BIN)) {
    throw new Error(
      `livekit-server is not installed at ${LIVEKIT_BIN}. Run \`bash scripts/ensure.sh\` (needs Go) to install it.`,
    );
  }
  const args = [
    '--dev',
    '--bind',
    '127.0.0.1',
    '--node-ip',
    '127.0.0.1',
    '--config-body',
    livekitConfigYaml(o),
  ];
  const child = spawn(LIVEKIT_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) o.log?.(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  await waitForHttp(`http://127.0.0.1:${o.port}/`, child, 15_000);
  return {
    url: `ws://127.0.0.1:${o.port}`,
    apiKey: o.apiKey ?? LOCAL_LIVEKIT.apiKey,
    apiSecret: o.apiSecret ?? LOCAL_LIVEKIT.apiSecret,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

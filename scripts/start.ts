// `npm start`: builds the extension and the web client, starts a local livekit-server --dev (unless
// LIVEKIT_URL names another one) and the meeting server on embedded PGlite, prints where
// everything is, and stops every process it started on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../meeting-server/src/config';
import { startLocalLiveKit, type LocalLiveKit } from '../meeting-server/src/livekit/local-server';

const root = resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
let livekit: LocalLiveKit | undefined;

function run(cmd: string, args: string[], label: string): Promise<void> {
  console.log(`→ ${label}`);
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? ok() : fail(new Error(`${label} failed (exit ${code})`)),
    );
  });
}

let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  await livekit?.stop();
  process.exit(code);
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  await run(
    'npx',
    ['wxt', 'build'],
    'Building the browser extension / Đang build tiện ích trình duyệt',
  );
  await run(
    'npx',
    ['vite', 'build', '--config', 'meeting-server/web/vite.config.ts', '--logLevel', 'warn'],
    'Building the meeting web client / Đang build giao diện họp',
  );

  const env: NodeJS.ProcessEnv = { ...process.env, DEMO: process.env.DEMO ?? '1' };
  if (!process.env.LIVEKIT_URL) {
    const port = Number(new URL(config.livekit.url).port || 7880);
    console.log(`→ Starting livekit-server --dev on 127.0.0.1:${port}`);
    livekit = await startLocalLiveKit({
      port,
      // The data folder's own random secret (config.ts localLiveKitSecret), never a built-in one.
      apiKey: config.livekit.apiKey,
      apiSecret: config.livekit.apiSecret,
      webhookUrls: [`http://127.0.0.1:${config.port}/api/livekit/webhook`],
      log: (line) => {
        if (/error|fatal/i.test(line)) console.error(`[livekit] ${line}`);
      },
    });
    livekit.process.on('exit', (code) => {
      if (stopping) return;
      console.error(`livekit-server stopped (exit ${code}); stopping everything.`);
      void shutdown(1);
    });
    env.LIVEKIT_URL = livekit.url;
  }
  // Node with tsx's loader directly (no npx/tsx wrapper process), so the stop signal reaches the server.
  const server = spawn(process.execPath, ['--import', 'tsx', 'meeting-server/src/main.ts'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  children.push(server);
  server.on('exit', (code) => {
    if (stopping) return;
    if (code !== 0 && code !== null) console.error(`The meeting server stopped (exit ${code}).`);
    void shutdown(code ?? 0);
  });
  console.log(`
Tiện ích trình duyệt / Browser extension: ${resolve(root, '.output/chrome-mv3')}
  Chrome → chrome://extensions → bật "Chế độ dành cho nhà phát triển" (Developer mode)
  → "Tải tiện ích đã giải nén" (Load unpacked) → chọn thư mục trên.
Dừng tất cả / Stop everything: Ctrl-C
`);
}

main().catch((err: unknown) => {
  console.error(
    `Không khởi động được / Start failed: ${err instanceof Error ? err.message : String(err)}`,
  );
  void shutdown(1);
});

// The end-to-end test stack: a real livekit-server --dev and the meeting server on a fresh PGlite,
// with the demo council seeded; the invitation links and the LiveKit URL, key and secret (random per
// run, as `npm start` makes one per data folder) are written to e2e/.artifacts/stack-<port>.json.
// A second meeting server on the same database and LiveKit (E2E_PORT+1) mints tokens that live only
// SHORT_TOKEN_TTL_SECONDS, for the token-refresh spec; the `refresh` room's links point at it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../meeting-server/src/app';
import { localLiveKitSecret } from '../meeting-server/src/config';
import { openPglite } from '../meeting-server/src/db/database';
import { migrate } from '../meeting-server/src/db/migrate';
import { ensureDemo } from '../meeting-server/src/demo';
import { createLiveKit } from '../meeting-server/src/livekit/livekit';
import { startLocalLiveKit } from '../meeting-server/src/livekit/local-server';
import { SHORT_TOKEN_TTL_SECONDS, seedRooms } from './meeting-seed';

const port = Number(process.env.E2E_PORT ?? 18080);
const lkPort = port + 800;
const secret = 'e2e-secret-that-is-long-enough-0123456789';

const dataDir = await mkdtemp(join(tmpdir(), 'hdnd-e2e-'));
const lk = await startLocalLiveKit({
  port: lkPort,
  apiSecret: localLiveKitSecret(dataDir),
  webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`],
});
const db = await openPglite(join(dataDir, 'pglite'));
await migrate(db);
const publicUrl = `http://127.0.0.1:${port}`;
const app = createApp({ db, livekit: createLiveKit(lk), secret });
const shortUrl = `http://127.0.0.1:${port + 1}`;
const shortTtl = createApp({
  db,
  livekit: createLiveKit({ ...lk, tokenTtlSeconds: SHORT_TOKEN_TTL_SECONDS }),
  secret,
});
const links = [
  ...(await ensureDemo(db, { secret, publicUrl, now: Date.now() })),
  // One sitting per meeting-room spec (e2e/meeting-*.spec.ts), so specs never share state.
  ...(await seedRooms(db, {
    secret,
    publicUrl,
    now: Date.now(),
    rooms: ['vote', 'xss', 'network', 'elect', 'leave'],
  })),
  ...(await seedRooms(db, { secret, publicUrl: shortUrl, now: Date.now(), rooms: ['refresh'] })),
];
const artifacts = new URL('./.artifacts/', import.meta.url);
await mkdir(artifacts, { recursive: true });
await writeFile(
  new URL(`stack-${port}.json`, artifacts),
  JSON.stringify(
    { publicUrl, links, livekit: { url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret } },
    null,
    2,
  ),
);
// Listen only once the links are written: Playwright starts the tests when /healthz answers.
const shortServer = shortTtl.listen(port + 1, '127.0.0.1');
const server = app.listen(port, '127.0.0.1');
console.log(`e2e stack ready on ${publicUrl} (short-lived tokens on ${shortUrl})`);

const stop = async () => {
  server.close();
  shortServer.close();
  await lk.stop();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

// Vitest global setup: one real livekit-server --dev for the whole server test run, and one
// migrated PGlite written out once, which every PGlite test database starts as a copy of
// (opening a copy skips initdb: about three times faster than an empty PGlite).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../db/database';
import { migrate } from '../db/migrate';
import { startLocalLiveKit } from '../livekit/local-server';

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: { url: string; apiKey: string; apiSecret: string; port: number };
    /** A file holding a migrated PGlite's data folder (testing/databases.ts). */
    pgliteTemplate: string;
  }
}

/** Migrates an empty in-memory PGlite and writes its data folder into `dir`. */
async function writePgliteTemplate(dir: string): Promise<string> {
  const db = await openPglite();
  try {
    await migrate(db);
    const path = join(dir, 'migrated.tar');
    await writeFile(path, Buffer.from(await (await db.dump()).arrayBuffer()));
    return path;
  } finally {
    await db.close();
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.TEST_LIVEKIT_PORT ?? 17880);
  const dir = await mkdtemp(join(tmpdir(), 'hdnd-pglite-template-'));
  project.provide('pgliteTemplate', await writePgliteTemplate(dir));
  const lk = await startLocalLiveKit({
    port,
    // Webhooks from this LiveKit go to the server test that listens on the fixed webhook port.
    webhookUrls: [`http://127.0.0.1:${port + 10}/api/livekit/webhook`],
  });
  project.provide('livekit', { url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, port });
  return async () => {
    await lk.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

// Vitest global setup: one real livekit-server --dev for the whole server test run.
import type { TestProject } from 'vitest/node';
import { startLocalLiveKit } from '../livekit/local-server';

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: { url: string; apiKey: string; apiSecret: string; port: number };
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.TEST_LIVEKIT_PORT ?? 17880);
  const lk = await startLocalLiveKit({
    port,
    // Webhooks from this LiveKit go to the server test that listens on the fixed webhook port.
    webhookUrls: [`http://127.0.0.1:${port + 10}/api/livekit/webhook`],
  });
  project.provide('livekit', { url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, port });
  return () => lk.stop();
}

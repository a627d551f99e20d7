// The security headers of every answer: behind TLS (PUBLIC_URL https) browsers are told never to
// fall back to plain http (HSTS, a year); a plain-http server (local use) does not send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../testing/databases';
import { startTestServer, type RunningServer } from '../testing/server';

describe('security headers', () => {
  let db: TestDb;
  let https: RunningServer;
  let plain: RunningServer;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    https = await startTestServer(db, {
      sweepIntervalMs: 0,
      publicUrl: 'https://hop.hdnd.example.vn',
    });
    plain = await startTestServer(db, { sweepIntervalMs: 0 });
  }, 120_000);
  afterAll(async () => {
    await https.close();
    await plain.close();
    await db.destroy();
  });

  it('sends Strict-Transport-Security on every answer when PUBLIC_URL is https', async () => {
    for (const path of ['/healthz', '/api/no-such-endpoint', '/j/not-a-token']) {
      const res = await fetch(`${https.url}${path}`);
      expect(res.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(
      (await fetch(`${plain.url}/healthz`)).headers.get('strict-transport-security'),
    ).toBeNull();
  });
});

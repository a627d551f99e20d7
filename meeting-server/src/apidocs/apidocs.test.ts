// The API reference stays true: docs/api.md is exactly what `npm run docs:api` writes, and the
// route table it comes from lists every route the server registers, no more and no fewer.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createLiveKit } from '../livekit/livekit';
import { openTestDb } from '../testing/databases';
import { TEST_SECRET } from '../testing/server';
import { registeredRoutes } from './registered';
import { API_DOC, apiMarkdown } from './render';
import { ROUTES } from './routes';

describe('API reference', () => {
  it('docs/api.md matches the route table and the zod contracts (run `npm run docs:api`)', async () => {
    const committed = await readFile(API_DOC, 'utf8');
    expect(
      committed === (await apiMarkdown(ROUTES, API_DOC)),
      'docs/api.md is out of date: run `npm run docs:api`',
    ).toBe(true);
  });

  it('lists exactly the API routes the server registers', async () => {
    // PostgreSQL opens in a fraction of PGlite's start-up time; no query runs here.
    const db = await openTestDb('postgres', { migrate: false });
    try {
      const app = createApp({
        db,
        livekit: createLiveKit(inject('livekit')),
        secret: TEST_SECRET,
        sweepIntervalMs: 0,
        log: () => undefined,
      });
      const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
      const registered = registeredRoutes(app)
        .filter((r) => r.path.startsWith('/api/') || r.path === '/healthz')
        .map(key)
        .sort();
      expect(registered).toEqual(ROUTES.map(key).sort());
    } finally {
      await db.destroy();
    }
  });
});

// The API reference stays true: docs/api.md is exactly what `npm run docs:api` writes from the
// route contracts (shared/routes), and the server mounts exactly those contracts, each once, as
// its only API routes; the role matrix is the contracts' roles. A route added without a contract
// (so without docs or roles) fails here.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import {
  API,
  ROLE_MATRIX,
  ROUTES,
  adminRoutes,
  joiningRoutes,
  meetingRoutes,
  memberImportRoutes,
  minutesRoutes,
  packageRoutes,
  petitionRoutes,
  leaveRoutes,
  participationRoutes,
  portalRoutes,
  secretBallotRoutes,
  staffRoutes,
  whoMayCall,
  type RouteContract,
} from '../../../shared/routes';
import { createApp } from '../app';
import { createLiveKit } from '../livekit/livekit';
import { openTestDb } from '../testing/databases';
import { TEST_SECRET } from '../testing/server';
import { registeredRoutes } from './registered';
import { API_DOC, apiMarkdown } from './render';

const DOMAINS = [
  joiningRoutes,
  meetingRoutes,
  secretBallotRoutes,
  petitionRoutes,
  leaveRoutes,
  minutesRoutes,
  participationRoutes,
  staffRoutes,
  adminRoutes,
  memberImportRoutes,
  packageRoutes,
  portalRoutes,
];

async function withApp<T>(fn: (app: ReturnType<typeof createApp>) => T): Promise<T> {
  // PostgreSQL opens in a fraction of PGlite's start-up time; no query runs here.
  const db = await openTestDb('postgres', { migrate: false });
  try {
    return fn(
      createApp({
        db,
        livekit: createLiveKit(inject('livekit')),
        secret: TEST_SECRET,
        sweepIntervalMs: 0,
        log: () => undefined,
      }),
    );
  } finally {
    await db.destroy();
  }
}

describe('API reference', () => {
  it('docs/api.md matches the route contracts and the zod schemas (run `npm run docs:api`)', async () => {
    const committed = await readFile(API_DOC, 'utf8');
    expect(
      committed === (await apiMarkdown(ROUTES, API_DOC)),
      'docs/api.md is out of date: run `npm run docs:api`',
    ).toBe(true);
  });

  it('lists exactly the API routes the server registers', async () => {
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    const registered = await withApp((app) =>
      registeredRoutes(app)
        .filter((r) => r.path.startsWith('/api/') || r.path === '/healthz')
        .map(key)
        .sort(),
    );
    expect(registered).toEqual(ROUTES.map(key).sort());
  });

  it('the server mounts every contract once, and nothing else, through mountRoutes', async () => {
    const mounted = await withApp((app) => app.locals.routes as RouteContract[]);
    const contracts = Object.values(API) as RouteContract[];
    expect(new Set(mounted).size).toBe(mounted.length);
    expect(mounted.filter((c) => !contracts.includes(c))).toEqual([]);
    expect(contracts.filter((c) => !mounted.includes(c)).map((c) => c.path)).toEqual([]);
  });

  it('every contract is documented and every participant route names its roles', () => {
    // A name used by two domains would hide one route from the list.
    expect(DOMAINS.reduce((n, d) => n + Object.keys(d).length, 0)).toBe(ROUTES.length);
    for (const r of ROUTES) {
      expect(r.summary.length, r.name).toBeGreaterThan(5);
      expect(whoMayCall(r).length, r.name).toBeGreaterThan(2);
      const participant = r.auth === 'participant' || r.auth === 'participant or staff';
      if (participant) expect(r.roles?.length ?? 0, r.name).toBeGreaterThan(0);
      else expect(r.roles, r.name).toBeUndefined();
      expect(ROLE_MATRIX[r.name], r.name).toBe(r.roles);
    }
  });
});

// CORS of the participant API: the extension's side panel (another origin) may join, read the
// state, raise and lower a hand, vote, and read the errors; staff and chair-only routes stay closed
// to other origins. The middleware runs in a real Express app over HTTP, in front of stand-in
// routes (the real app's routes are exercised cross-origin by e2e/sidepanel.spec.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isParticipantPath, participantCors } from './cors';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('participant API CORS', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.use(participantCors);
    app.get('/api/meetings/:id/state', (req, res) => {
      if (!req.get('authorization')) res.status(401).json({ code: 'unauthorized' });
      else res.json({ version: 1 });
    });
    app.post('/api/admin/councils', (_req, res) => res.json({}));
    server = await new Promise((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const preflight = (path: string, method: string) =>
    fetch(`${url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers the preflight of joining, lowering a hand and voting', async () => {
    for (const [path, method] of [
      ['/api/join', 'POST'],
      ['/api/meetings/m1/hand', 'DELETE'],
      ['/api/meetings/m1/motions/x/ballots', 'POST'],
    ] as const) {
      const res = await preflight(path, method);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')).toContain(method);
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    }
  });

  it('lets another origin read the answer, its Date header, and an error', async () => {
    const ok = await fetch(`${url}/api/meetings/m1/state`, {
      headers: { origin: ORIGIN, authorization: 'Bearer session-token' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-expose-headers')).toContain('Date');
    // No credentials are ever allowed: the API is authorised by the Bearer session alone.
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await fetch(`${url}/api/meetings/m1/state`, { headers: { origin: ORIGIN } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('does not open staff or chair-only routes to other origins', async () => {
    const res = await preflight('/api/admin/councils', 'POST');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    for (const path of [
      '/api/meetings/m1/floor',
      '/api/meetings/m1/motions',
      '/api/meetings/m1/minutes.pdf',
      '/api/meetings/m1/petitions',
      '/api/meetings/m1/leave-requests',
      '/api/meetings/m1/leave-requests/r1/decision',
      '/api/staff/login',
      '/api/admin/councils/c1/participation',
    ]) {
      expect(isParticipantPath(path), path).toBe(false);
    }
    for (const path of [
      '/api/invitations/abc.def',
      '/api/session/refresh',
      '/api/meetings/m1/state',
      '/api/meetings/m1/roll-call/confirm',
      '/api/meetings/m1/motions/x/my-ballot',
      // A delegate asks for leave from the side panel.
      '/api/meetings/m1/leave',
      // … and reads their own participation record there.
      '/api/meetings/m1/participation',
    ]) {
      expect(isParticipantPath(path), path).toBe(true);
    }
  });
});

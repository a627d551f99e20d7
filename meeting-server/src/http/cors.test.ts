// CORS of the participant API through the real HTTP app: the extension's side panel (another
// origin) may join, read the state, raise a hand and vote with its Bearer session, and read the
// errors; staff routes (cookie sessions) stay closed to other origins. HTTP only, so PGlite alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import { ensureDemo } from '../demo';
import { openTestDb, type TestDb } from '../testing/databases';
import { TEST_SECRET, startTestServer, type RunningServer } from '../testing/server';
import { isParticipantPath } from './cors';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('participant API CORS', () => {
  let db: TestDb;
  let server: RunningServer;
  let delegate: string;

  beforeAll(async () => {
    db = await openTestDb('pglite');
    server = await startTestServer(db, { sweepIntervalMs: 0 });
    const links = await ensureDemo(db, {
      secret: TEST_SECRET,
      publicUrl: server.url,
      now: Date.now(),
    });
    delegate = links.find((l) => l.label.includes('Trần Thị Bình'))!.url.split('/j/')[1]!;
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  const preflight = (path: string, method: string) =>
    fetch(`${server.url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers the preflight of joining and of lowering a hand', async () => {
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

  it('lets another origin join and read the state, the Date header and the errors', async () => {
    const info = await fetch(`${server.url}/api/invitations/${delegate}`, {
      headers: { origin: ORIGIN },
    });
    expect(info.headers.get('access-control-allow-origin')).toBe('*');
    const joined = JoinResponse.parse(
      await (
        await fetch(`${server.url}/api/join`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ invitation: delegate }),
        })
      ).json(),
    );
    const state = await fetch(`${server.url}/api/meetings/${joined.meetingId}/state`, {
      headers: { origin: ORIGIN, authorization: `Bearer ${joined.sessionToken}` },
    });
    expect(state.status).toBe(200);
    expect(state.headers.get('access-control-allow-origin')).toBe('*');
    expect(state.headers.get('access-control-expose-headers')).toContain('Date');
    // An error answer is readable too, so the panel can say what to do next.
    const refused = await fetch(`${server.url}/api/meetings/${joined.meetingId}/state`, {
      headers: { origin: ORIGIN },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('does not open staff or chair-only routes to other origins', async () => {
    const res = await preflight('/api/admin/councils', 'POST');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(isParticipantPath('/api/meetings/m1/floor')).toBe(false);
    expect(isParticipantPath('/api/meetings/m1/minutes.pdf')).toBe(false);
    expect(isParticipantPath('/api/meetings/m1/state')).toBe(true);
  });
});

// Property-based tests over EVERY endpoint of the route contracts (shared/routes), on PGlite and
// on PostgreSQL, so a new endpoint is covered the day it is added: thousands of malformed bodies,
// raw payloads, path parameters and query strings, sent with the credentials that reach each
// route's validation. Every answer must be below 500, a schema-invalid input must get 4xx, every
// error must be the JSON `{ code, message: { vi, en } }`, and the server must log nothing and stay
// healthy. FUZZ_SEED reproduces a run (fast-check prints the seed of a failure); FUZZ_RUNS scales
// the runs.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { z } from '../../../shared/zod';
import { tokenOf } from '../admin/testing';
import { createStaffUser } from '../staff/service';
import { ROUTES, type NamedRoute as RouteDoc } from '../../../shared/routes';
import { DATABASE_KINDS, openTestDb, type DatabaseKind, type TestDb } from '../testing/databases';
import { nastyString, nastyValue, pathSegment, queryString, shapedValue } from './arbitraries';
import { buildWorld, startHostileServer, type HostileServer, type World } from './testing';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_801;
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const CONCURRENCY = 4;
const TIMEOUT = 60_000 * Math.max(1, SCALE);
/** Cases per route and kind of input (scaled by FUZZ_RUNS). */
const RUNS = { body: 30, raw: 8, params: 10, query: 8 };
/**
 * The share of those cases each engine runs. Most cases are refused before any query, so PGlite
 * adds little that PostgreSQL has not seen; at full runs it more than doubled this file's time
 * (2 busy cores, PostgreSQL alone 21–26 s, both 37–58 s), so it runs the first half of the same
 * seed's cases on every route (both then 30–50 s).
 */
const ENGINE_SHARE: Record<DatabaseKind, number> = { pglite: 0.5, postgres: 1 };

type Credentials =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string; meetingId: string }
  | { kind: 'staff'; cookie: string; csrf: string };

interface Target {
  route: RouteDoc;
  cred: Credentials;
  params: Record<string, string>;
}

const isWrite = (r: RouteDoc) => r.method !== 'GET';
const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
const fill = (path: string, values: Record<string, string>) =>
  path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => values[name]!);
const keysOf = (schema: z.ZodType | undefined): string[] =>
  schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];

describe.each(DATABASE_KINDS)('every endpoint under hostile input on %s', (kind) => {
  const scale = SCALE * ENGINE_SHARE[kind];
  const runs = (n: number) => Math.max(1, Math.round(n * scale));
  let db: TestDb;
  let server: HostileServer;
  let world: World;
  const targets: Target[] = [];
  let sent = 0;
  const stats: Record<string, Record<number, number>> = {};

  async function send(
    t: Target,
    opts: {
      path?: string;
      query?: string;
      body?: string | Uint8Array;
      contentType?: string;
    } = {},
  ): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {};
    if (t.cred.kind === 'bearer') headers.authorization = `Bearer ${t.cred.token}`;
    if (t.cred.kind === 'staff') {
      headers.cookie = t.cred.cookie;
      headers['x-csrf-token'] = t.cred.csrf;
    }
    if (opts.contentType) headers['content-type'] = opts.contentType;
    const path = opts.path ?? fill(t.route.path, t.params);
    const url = `${server.url}${path}${opts.query ? `?${opts.query}` : ''}`;
    sent++;
    const res = await fetch(url, {
      method: t.route.method,
      headers,
      ...(opts.body !== undefined && t.route.method !== 'GET'
        ? { body: typeof opts.body === 'string' ? opts.body : new Uint8Array(opts.body) }
        : {}),
      signal: AbortSignal.timeout(10_000),
    });
    const key = `${t.route.method} ${t.route.path}`;
    (stats[key] ??= {})[res.status] = ((stats[key] ??= {})[res.status] ?? 0) + 1;
    return { status: res.status, text: await res.text() };
  }

  /** Below 500; 4xx when `invalid`; every error the bilingual JSON error. */
  function judge(
    t: Target,
    what: string,
    input: unknown,
    res: { status: number; text: string },
    invalid: boolean,
  ) {
    const where = `${t.route.method} ${t.route.path} (${what}) with ${JSON.stringify(input)?.slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`${where} → ${res.status} ${res.text.slice(0, 300)}`);
    if (invalid && (res.status < 400 || res.status > 499)) {
      throw new Error(`${where} → ${res.status}, expected 4xx for input the schema refuses`);
    }
    // Node itself answers an over-long request line or header block (431), before any handler.
    if (res.status === 431 && res.text === '') return;
    if (res.status >= 400) {
      let body: unknown;
      try {
        body = JSON.parse(res.text);
      } catch {
        throw new Error(`${where} → ${res.status} without a JSON error: ${res.text.slice(0, 200)}`);
      }
      const parsed = ApiError.safeParse(body);
      if (!parsed.success || !parsed.data.message.vi || !parsed.data.message.en) {
        throw new Error(`${where} → ${res.status} error is not {code, message}: ${res.text}`);
      }
    }
  }

  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startHostileServer(db);
    world = await buildWorld(server.url, db);
    const { fx } = world;
    const staffCred = (c: World['clerk']): Credentials => ({
      kind: 'staff',
      cookie: c.cookie,
      csrf: c.session.csrfToken,
    });
    const sessions = (['chair', 'secretary', 'member', 'voter', 'voterChair'] as const).map(
      (who) => ({
        kind: 'bearer' as const,
        token: fx.sessions[who],
        meetingId: who === 'voter' || who === 'voterChair' ? fx.voterMeeting.id : fx.sitting.id,
      }),
    );
    // A delegate's leave request, for the routes that decide one.
    const leave = await fetch(`${server.url}/api/meetings/${fx.sitting.id}/leave`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${fx.sessions.member}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reason: 'Đi công tác' }),
    });
    const requestId = ((await leave.json()) as { id: string }).id;
    const known: Record<string, string> = {
      meetingId: fx.sitting.id,
      councilId: fx.council.id,
      memberId: fx.members[2]!.id,
      bodyId: fx.committee.id,
      invitationId: world.spareInvitation.id,
      petitionId: world.petitionId,
      packageId: world.pkg.id,
      documentId: world.pkg.documents[0]!.id,
      sha256: world.pkg.documents[0]!.versions[0]!.sha256,
      motionId: world.motion.id,
      requestId,
      token: tokenOf(fx.invitations.member),
      ref: (
        await db.query<{ ref: string }>('SELECT ref FROM petitions WHERE id = $1', [
          world.petitionId,
        ])
      )[0]!.ref,
      // A spare account: locking it or changing its password leaves the callers' sessions alone.
      userId: (
        await createStaffUser(db, {
          email: 'du-phong@hdnd.example.vn',
          fullName: 'Tài khoản dự phòng',
          password: 'Kỳ họp bất thường lúc chín giờ sáng!',
          isAdmin: false,
        })
      ).id,
    };
    for (const route of ROUTES) {
      const names = paramNames(route.path);
      const missing = names.filter((n) => !(n in known));
      if (missing.length) {
        throw new Error(
          `${route.method} ${route.path}: add a real value for :${missing.join(', :')} in hostile/endpoints.fuzz.test.ts`,
        );
      }
      let cred: Credentials = { kind: 'none' };
      if (route.auth === 'staff' || route.auth === 'participant or staff') {
        cred = staffCred(world.clerk);
      } else if (route.auth === 'admin') {
        cred = staffCred(world.admin);
      } else if (route.auth === 'participant') {
        // The first session whose role reaches validation (not 401/403) is the one to fuzz with.
        cred = sessions[0]!;
        for (const s of sessions) {
          const probe: Target = { route, cred: s, params: { ...known, meetingId: s.meetingId } };
          const res = await send(probe, { body: '[]', contentType: 'application/json' });
          if (res.status !== 401 && res.status !== 403) {
            cred = s;
            break;
          }
        }
      }
      const params = { ...known };
      if (cred.kind === 'bearer') params.meetingId = cred.meetingId;
      targets.push({ route, cred, params });
    }
  });

  afterAll(async () => {
    await server?.close();
    await db?.destroy();
  });

  /** Runs `fn` over every target, a few routes at a time (each route's cases in order). */
  const each = (fn: (t: Target) => Promise<void>) => async () => {
    const queue = [...targets];
    const worker = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) await fn(t);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  it(
    'answers malformed JSON bodies with 4xx (never 5xx) on every write endpoint',
    each(async (t) => {
      if (!isWrite(t.route) || t.route.path === '/api/staff/logout') return;
      const schema = t.route.body;
      const arb: fc.Arbitrary<unknown> = schema
        ? fc.oneof(
            { weight: 5, arbitrary: shapedValue(schema, world.knownStrings, 'typed') },
            { weight: 2, arbitrary: shapedValue(schema, world.knownStrings, 'chaotic') },
            { weight: 1, arbitrary: nastyValue },
            { weight: 1, arbitrary: fc.jsonValue() },
          )
        : nastyValue;
      await fc.assert(
        fc.asyncProperty(arb, async (value) => {
          const text = JSON.stringify(value);
          const res = await send(t, {
            ...(text === undefined ? {} : { body: text }),
            contentType: 'application/json',
          });
          const sentValue: unknown = text === undefined ? undefined : JSON.parse(text);
          const invalid = schema ? !schema.safeParse(sentValue).success : false;
          judge(t, 'body', value, res, invalid);
        }),
        { numRuns: runs(RUNS.body), seed: SEED },
      );
    }),
    TIMEOUT,
  );

  it(
    'answers raw payloads (broken JSON, deep nesting, wrong types, bytes) with 4xx or success, never 5xx',
    each(async (t) => {
      if (!isWrite(t.route) || t.route.path === '/api/staff/logout') return;
      const payload = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,2',
          '{"a":1}}',
          'nul',
          '"\\ud800"',
          '{"__proto__":{"x":1}}',
        ),
        fc.integer({ min: 500, max: 20_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
        fc.integer({ min: 500, max: 5_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
        fc.uint8Array({ maxLength: 200 }),
      );
      const type = fc.constantFrom(
        'application/json',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/pdf',
        'application/octet-stream',
        '*/*',
        'application/vnd.api+json',
      );
      await fc.assert(
        fc.asyncProperty(payload, type, async (body, contentType) => {
          const res = await send(t, { body, contentType });
          judge(
            t,
            `raw ${contentType}`,
            typeof body === 'string' ? body.slice(0, 80) : '<bytes>',
            res,
            false,
          );
        }),
        { numRuns: runs(RUNS.raw), seed: SEED },
      );
    }),
    TIMEOUT,
  );

  it(
    'answers hostile path parameters (NUL, bad UTF-8, traversal, 5000 characters) with 4xx, never 5xx',
    each(async (t) => {
      const names = paramNames(t.route.path);
      if (!names.length) return;
      const arb = fc.record(Object.fromEntries(names.map((n) => [n, pathSegment])));
      const body = t.route.body
        ? shapedValue(t.route.body, world.knownStrings, 'typed')
        : fc.constant({});
      await fc.assert(
        fc.asyncProperty(arb, fc.subarray(names, { minLength: 1 }), body, async (bad, which, b) => {
          const values = { ...t.params };
          for (const n of which) values[n] = bad[n]!;
          const path = t.route.path.replace(/:([A-Za-z0-9_]+)/g, (_, n: string) => values[n]!);
          const res = await send(t, {
            path,
            ...(isWrite(t.route) ? { body: JSON.stringify(b) ?? '{}' } : {}),
            contentType: 'application/json',
          });
          judge(t, `params ${which.join(',')}`, path, res, false);
        }),
        { numRuns: runs(RUNS.params), seed: SEED },
      );
    }),
    TIMEOUT,
  );

  it(
    'answers hostile query strings with 4xx when the query is validated, never 5xx',
    each(async (t) => {
      if (t.route.path === '/api/staff/logout') return;
      const q = t.route.query;
      await fc.assert(
        fc.asyncProperty(queryString(keysOf(q)), nastyString, async (query, pdfTail) => {
          const res = await send(t, {
            query,
            ...(q
              ? { body: `%PDF-1.4\n${pdfTail}\n%%EOF`, contentType: 'application/pdf' }
              : isWrite(t.route)
                ? { body: '{}', contentType: 'application/json' }
                : {}),
          });
          const parsed = q ? q.safeParse(Object.fromEntries(new URLSearchParams(query))) : null;
          // Repeated keys become arrays on the server, which the schema refuses.
          const repeated =
            new Set([...new URLSearchParams(query).keys()]).size !==
            [...new URLSearchParams(query).keys()].length;
          judge(t, 'query', query, res, parsed ? !parsed.success && !repeated : false);
        }),
        { numRuns: runs(RUNS.query), seed: SEED },
      );
    }),
    TIMEOUT,
  );

  it('refuses a 2 MB JSON body on every JSON endpoint with 413, quickly', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    for (const t of targets) {
      // File uploads (a PDF with its query, a spreadsheet) are not JSON endpoints.
      if (!isWrite(t.route) || t.route.query || t.route.upload) continue;
      const started = performance.now();
      const res = await send(t, { body: big, contentType: 'application/json' });
      const ms = performance.now() - started;
      expect(res.status, `${t.route.method} ${t.route.path}`).toBe(413);
      expect(ApiError.parse(JSON.parse(res.text)).code).toBe('payload_too_large');
      expect(ms, `${t.route.method} ${t.route.path} took ${ms} ms`).toBeLessThan(3_000);
    }
  });

  it('answers 413 as soon as a too large body is announced, without waiting for it', async () => {
    const port = Number(new URL(server.url).port);
    const staff = world.clerk;
    const cases = [
      { path: '/api/join', headers: 'Content-Type: application/json', declared: 2 * 1024 * 1024 },
      {
        path: `/api/admin/councils`,
        headers: `Content-Type: application/json\r\nCookie: ${staff.cookie}\r\nx-csrf-token: ${staff.session.csrfToken}`,
        declared: 2 * 1024 * 1024,
      },
      {
        path: `/api/admin/packages/${world.pkg.id}/documents?title=L%E1%BB%9Bn`,
        headers: `Content-Type: application/pdf\r\nCookie: ${staff.cookie}\r\nx-csrf-token: ${staff.session.csrfToken}`,
        declared: 500 * 1024 * 1024,
      },
      { path: '/api/livekit/webhook', headers: 'Content-Type: application/json', declared: 1e9 },
    ];
    for (const c of cases) {
      // Only the head and 1 KB of the body are ever sent: the answer must not wait for the rest.
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let data = '';
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new Error(`${c.path}: no answer within 5 s (${data})`));
        }, 5_000);
        socket.on('data', (d) => {
          data += d.toString('latin1');
          if (data.includes('\r\n\r\n')) {
            clearTimeout(timer);
            socket.destroy();
            resolve(data);
          }
        });
        socket.on('error', reject);
        socket.write(
          `POST ${c.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${c.headers}\r\nContent-Length: ${c.declared}\r\n\r\n${'%PDF-'.padEnd(1024, 'x')}`,
        );
      });
      expect(answer.split('\r\n')[0], c.path).toBe('HTTP/1.1 413 Payload Too Large');
    }
  });

  it('stays healthy, logged no unexpected error, and counted thousands of cases', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const chair = await fetch(`${server.url}/api/meetings/${world.fx.sitting.id}/state`, {
      headers: { authorization: `Bearer ${world.fx.sessions.chair}` },
    });
    expect(chair.status).toBe(200);
    if (process.env.FUZZ_STATS) console.log(sent, JSON.stringify(stats));
    expect(server.logged.map((e) => String(e).slice(0, 300))).toEqual([]);
    expect(sent).toBeGreaterThan(2_000 * Math.min(1, scale));
  });
});

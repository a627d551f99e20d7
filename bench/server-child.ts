// A meeting server in its own process for benchmarks: opens PGlite (temp dir) or PostgreSQL (a
// fresh schema), migrates, seeds a council of BENCH_MEMBERS members with one meeting, measures the
// plain-INSERT baseline on the same database, then serves. Prints one JSON line: READY {...}.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createApp } from '../meeting-server/src/app';
import { openPglite, openPostgres, type Db } from '../meeting-server/src/db/database';
import { migrate } from '../meeting-server/src/db/migrate';
import { createLiveKit } from '../meeting-server/src/livekit/livekit';
import {
  addMember,
  createBody,
  createCouncil,
  createInvitation,
  createMeeting,
} from '../meeting-server/src/meetings/store';

const kind = process.env.BENCH_DB ?? 'pglite';
const members = Number(process.env.BENCH_MEMBERS ?? 1000);
const meetingKind = (process.env.BENCH_MEETING_KIND ?? 'session') as 'session' | 'voter';

async function open(): Promise<{ db: Db; schema?: string }> {
  if (kind === 'pglite')
    return { db: await openPglite(join(await mkdtemp(join(tmpdir(), 'hdnd-bench-')), 'pg')) };
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return { db: await openPostgres(url, { schema, max: 20 }), schema };
}

const { db, schema } = await open();
await migrate(db);

const seed = await db.transaction(async (tx) => {
  const councilId = await createCouncil(tx, {
    name: 'HĐND tỉnh (benchmark)',
    level: 'province',
    totalMembers: members,
  });
  const ids: string[] = [];
  for (let i = 0; i < members; i++)
    ids.push(await addMember(tx, { councilId, fullName: `Đại biểu ${i + 1}` }));
  const bodyId = await createBody(tx, {
    councilId,
    kind: 'council',
    name: 'HĐND tỉnh',
    memberIds: ids,
  });
  const meetingId = await createMeeting(tx, {
    councilId,
    bodyId,
    kind: meetingKind,
    title: 'Kỳ họp (benchmark)',
    startsAt: new Date(),
    agenda: ['Dự thảo nghị quyết'],
  });
  await tx.query("UPDATE meetings SET status = 'open' WHERE id = $1", [meetingId]);
  // Every member is checked in in the hall: only members present vote (docs/voting-rules.md).
  await tx.query(
    `INSERT INTO attendance (meeting_id, member_id, hall, hall_since)
     SELECT $1, unnest($2::text[]), true, now()`,
    [meetingId, ids],
  );
  const voterInvitation = await createInvitation(tx, {
    meetingId,
    role: 'voter',
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const chairInvitation = await createInvitation(tx, {
    meetingId,
    role: 'chair',
    memberId: ids[0]!,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const agenda = await tx.query<{ id: string }>(
    'SELECT id FROM agenda_items WHERE meeting_id = $1',
    [meetingId],
  );
  const room = await tx.query<{ room_name: string }>(
    'SELECT room_name FROM meetings WHERE id = $1',
    [meetingId],
  );
  return {
    councilId,
    meetingId,
    memberIds: ids,
    agendaItemId: agenda[0]!.id,
    room: room[0]!.room_name,
    voterInvitation,
    chairInvitation,
  };
});

// Baseline: plain INSERTs of the same number of rows, same concurrency, same database.
await db.exec(
  'CREATE TABLE bench_plain (motion_id text, member_id text, choice text, PRIMARY KEY (motion_id, member_id))',
);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const lat: number[] = [];
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < members) {
      const i = next++;
      const s = performance.now();
      await db.query('INSERT INTO bench_plain (motion_id, member_id, choice) VALUES ($1, $2, $3)', [
        'm',
        seed.memberIds[i],
        'for',
      ]);
      lat.push(performance.now() - s);
    }
  }),
);
const baselineMs = performance.now() - t0;
lat.sort((a, b) => a - b);

const secret = process.env.BENCH_SECRET!;
const livekit = createLiveKit({
  url: process.env.LIVEKIT_URL!,
  apiKey: process.env.LIVEKIT_API_KEY!,
  apiSecret: process.env.LIVEKIT_API_SECRET!,
});
// For the joins benchmark: participant_joined webhooks the server answered 200, and when the last
// one was answered (GET /__bench/webhooks); also how many arrived, how many were answered with
// another status, and the summed time from arrival to answer (LiveKit posts one room's webhooks
// one after another, so that time bounds their rate). A webhook's Authorization header is unique
// to it, so the verified event is matched to its response by that header.
const webhooks = { joined: 0, lastJoinedAt: 0, received: 0, refused: 0, answerMs: 0 };
const answering = new Map<string, { res: ServerResponse; arrivedAt: number }>();
const receive = livekit.webhooks.receive.bind(livekit.webhooks);
livekit.webhooks.receive = async (...args) => {
  const event = await receive(...args);
  const auth = args[1];
  const pending = auth ? answering.get(auth) : undefined;
  if (event.event === 'participant_joined' && pending) {
    const { res, arrivedAt } = pending;
    webhooks.received++;
    res.once('finish', () => {
      webhooks.answerMs += performance.now() - arrivedAt;
      if (res.statusCode !== 200) {
        webhooks.refused++;
        return;
      }
      webhooks.joined++;
      webhooks.lastJoinedAt = performance.timeOrigin + performance.now();
    });
  }
  return event;
};

const app = createApp({ db, livekit, secret, log: (e) => console.error(e) });
const server = createServer((req, res) => {
  if (req.url === '/__bench/webhooks') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(webhooks));
    return;
  }
  const auth = req.headers.authorization;
  if (req.url === '/api/livekit/webhook' && auth) {
    answering.set(auth, { res, arrivedAt: performance.now() });
    res.once('close', () => answering.delete(auth));
  }
  void app(req, res);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const port = (server.address() as AddressInfo).port;
  console.log(
    'READY ' +
      JSON.stringify({
        url: `http://127.0.0.1:${port}`,
        db: kind,
        schema,
        ...seed,
        baseline: {
          ms: baselineMs,
          p50: lat[Math.floor(lat.length * 0.5)],
          p99: lat[Math.floor(lat.length * 0.99)],
        },
      }),
  );
});
process.on('SIGTERM', () => {
  server.close();
  void db.close().finally(() => process.exit(0));
});

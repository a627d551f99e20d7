// Scale-out: two meeting-server instances (each its own app and PostgreSQL pool) on one database,
// participants split across them. Hands raised on either form one queue, seen the same through
// both instances and by a real LiveKit client; one vote takes ballots on both at once, with
// retries and changed ballots sent to the other instance: every ballot is counted exactly once.
// And two real main.ts processes with separate DATA_DIRs serve the same package PDFs: one uploaded
// through A downloads byte for byte through B, and neither writes it to its own disk.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Room, dispose } from '@livekit/rtc-node';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER } from '../../../shared/admin';
import type { BallotReceipt, MeetingState, Motion, VoteChoice } from '../../../shared/meeting';
import { PackageManifest } from '../../../shared/packages';
import { openPostgres } from '../db/database';
import { CLERK, seedStaff, signIn } from '../staff/testing';
import { startMain, urlWithSchema } from './helpers';
import { TEST_DATABASE_URL, openTestDb, type TestDb } from '../testing/databases';
import {
  eventually,
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  collectState,
  type ApiAnswer,
} from '../testing/live';
import { startTestServer } from '../testing/server';

const MEMBERS = 40;

afterAll(async () => {
  await dispose();
});

describe('two meeting-server instances on one PostgreSQL database', () => {
  it('one queue, one vote, every ballot counted once', async () => {
    const dbA = await openTestDb('postgres', { max: 5 });
    const poolB = await openPostgres(TEST_DATABASE_URL, { schema: dbA.schema!, max: 5 });
    const dbB: TestDb = Object.assign(poolB, { destroy: () => poolB.close() });
    const fx = await seedLiveMeeting(dbA, { members: MEMBERS, checkedIn: MEMBERS });
    const a = await startTestServer(dbA);
    const b = await startTestServer(dbB);
    const room = new Room();
    try {
      // Member i talks to instance A when i is even, B when odd.
      const instanceOf = (i: number) => (i % 2 ? b : a);
      const other = (i: number) => (i % 2 ? a : b);
      const token = (i: number) =>
        sessionFor(fx.meetingId, { role: i === 0 ? 'chair' : 'member', memberId: fx.memberIds[i]! })
          .token;
      const api = (i: number, on = instanceOf(i)) => meetingApi(on.url, fx.meetingId, token(i));

      // A real LiveKit client in the room (a delegate's tab) hears both instances.
      const { token: lkToken } = await a.livekit.mintToken({
        identity: 'guest:observer',
        name: 'Quan sát',
        room: fx.roomName,
        role: 'guest',
        canPublish: false,
      });
      const received = collectState(
        room,
        async () => (await api(0, a).get<MeetingState>('/state')).body,
      );
      await room.connect(a.livekit.url, lkToken, { autoSubscribe: false, dynacast: false });

      // Hands: members 1..10 raise on their own instance, all at once; member 11 on both at once.
      const started = performance.now();
      const raised = await Promise.all([
        ...Array.from({ length: 10 }, (_, k) => api(k + 1).post('/hand', { kind: 'speak' })),
        api(11, a).post('/hand', { kind: 'question' }),
        api(11, b).post('/hand', { kind: 'question' }),
      ]);
      const handsMs = performance.now() - started;
      expect(raised.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(
        raised
          .slice(10)
          .map((r) => r.status)
          .sort(),
      ).toEqual([200, 409]);
      const viaA = (await api(0, a).get<MeetingState>('/state')).body;
      const viaB = (await api(0, b).get<MeetingState>('/state')).body;
      expect(viaA.queue).toHaveLength(11);
      expect(viaB.queue).toEqual(viaA.queue);
      expect(new Set(viaA.queue.map((q) => q.identity)).size).toBe(11);
      // The LiveKit client ends up with the same queue, whichever instance announced it last.
      const newest = await eventually(async () => {
        const held = received.flatMap((r) => (r.state ? [r.state] : []));
        const top = held.reduce<MeetingState | undefined>(
          (m, s) => (!m || s.version > m.version ? s : m),
          undefined,
        );
        return top && top.version >= viaA.version ? top : undefined;
      });
      expect(newest.queue).toEqual(viaA.queue);

      // One vote, opened through A, ballots to both instances at once.
      const motion = (
        await api(0, a).post<Motion>('/motions', {
          agendaItemId: null,
          title: 'Nghị quyết',
          allowChange: false,
        })
      ).body;
      expect((await api(0, b).post(`/motions/${motion.id}/open`)).status).toBe(200);
      const choices: VoteChoice[] = ['for', 'against', 'abstain'];
      type Sent = {
        i: number;
        choice: VoteChoice;
        key: string;
        kind: 'first' | 'retry' | 'change';
      };
      const sends: Sent[] = [];
      for (let i = 0; i < MEMBERS; i++) {
        const first = { i, choice: choices[i % 3]!, key: randomUUID() };
        sends.push({ ...first, kind: 'first' });
        // Every third member's client retries the same ballot on the other instance; every fifth
        // sends a different ballot there (changes are not allowed in this vote).
        if (i % 3 === 0) sends.push({ ...first, kind: 'retry' });
        if (i % 5 === 1)
          sends.push({ i, choice: choices[(i + 1) % 3]!, key: randomUUID(), kind: 'change' });
      }
      const voteStarted = performance.now();
      const answers: ApiAnswer<BallotReceipt & { code?: string }>[] = await Promise.all(
        sends.map((s) =>
          api(s.i, s.kind === 'first' ? instanceOf(s.i) : other(s.i)).post<
            BallotReceipt & { code?: string }
          >(`/motions/${motion.id}/ballots`, { choice: s.choice, idempotencyKey: s.key }),
        ),
      );
      const voteMs = performance.now() - voteStarted;

      // What each member's ballot is, from the answers: the accepted one of each member.
      const accepted = new Map<number, VoteChoice>();
      sends.forEach((s, n) => {
        const ans = answers[n]!;
        if (ans.status === 200) {
          const prev = accepted.get(s.i);
          expect(prev === undefined || prev === s.choice, `member ${s.i} accepted twice`).toBe(
            true,
          );
          accepted.set(s.i, s.choice);
        } else {
          expect(ans.status).toBe(409);
          expect(ans.body.code).toBe('already_voted');
          // Only a member who also sent a different ballot can be refused (either one may win).
          expect(sends.some((x) => x.i === s.i && x.kind === 'change')).toBe(true);
        }
      });
      // Retries got the same receipt as the first sending, on the other instance.
      sends.forEach((s, n) => {
        if (s.kind !== 'retry') return;
        const first = sends.findIndex((f) => f.i === s.i && f.kind === 'first');
        expect(answers[n]!.body).toEqual(answers[first]!.body);
      });
      // Exactly one of "first" and "change" won for each member who sent both.
      for (const s of sends.filter((x) => x.kind === 'change')) {
        const pair = sends
          .map((x, n) => ({ x, n }))
          .filter(({ x }) => x.i === s.i && x.kind !== 'retry')
          .map(({ n }) => answers[n]!.status)
          .sort();
        expect(pair).toEqual([200, 409]);
      }
      expect(accepted.size).toBe(MEMBERS);

      const during = (await api(0, b).get<MeetingState>('/state')).body.motions[0]!;
      expect(during.castCount).toBe(MEMBERS);
      const closed = (await api(0, b).post<MeetingState>(`/motions/${motion.id}/close`)).body;
      const result = closed.motions[0]!.result!;
      const count = (c: VoteChoice) => [...accepted.values()].filter((v) => v === c).length;
      expect(result.counts).toEqual({
        for: count('for'),
        against: count('against'),
        abstain: count('abstain'),
        notVoted: 0,
      });
      // One ballot row per member, and the count stored at close matches it.
      const [rows] = await dbA.query<{ n: number; cast: number }>(
        `SELECT (SELECT count(*)::int FROM open_ballots WHERE motion_id = $1) AS n,
                (SELECT cast_count FROM motions WHERE id = $1) AS cast`,
        [motion.id],
      );
      expect(rows).toEqual({ n: MEMBERS, cast: MEMBERS });

      for (const ballot of result.ballots!) {
        const i = fx.memberIds.indexOf(ballot.memberId);
        expect(ballot.choice).toBe(accepted.get(i));
      }
      // The close, made on B, reaches the LiveKit client too.
      await eventually(async () => received.some((r) => r.state?.motions[0]?.status === 'closed'));
      const retries = sends.filter((s) => s.kind === 'retry').length;
      const changes = sends.filter((s) => s.kind === 'change').length;
      console.log(
        `[two instances] ${MEMBERS} members on 2 instances: 11 hand raises (1 on both at once) in ` +
          `${handsMs.toFixed(0)} ms → one queue of 11; ${sends.length} ballot requests ` +
          `(${MEMBERS} first, ${retries} retries on the other instance, ${changes} changed ` +
          `ballots there) in ${voteMs.toFixed(0)} ms → ${result.counts.for + result.counts.against + result.counts.abstain} ` +
          `counted, ${answers.filter((x) => x.status === 409).length} refused already_voted; ` +
          `${received.length} state messages received`,
      );
    } finally {
      await room.disconnect();
      await a.close();
      await b.close();
      await dbB.destroy();
      await dbA.destroy();
    }
  });
});

describe('two main.ts processes with separate DATA_DIRs on one PostgreSQL database', () => {
  it(
    'a package PDF uploaded through A downloads byte for byte through B',
    { timeout: 120_000 },
    async () => {
      const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
      // The largest corpus PDF: several 1 MiB chunks.
      const pdf = await readFile(
        join(import.meta.dirname, '../../../../shared/corpus/pdfs/freeculture.pdf'),
      );
      const db = await openTestDb('postgres', { max: 2 });
      await seedStaff(db);
      const { meetingId } = await seedLiveMeeting(db, { members: 2 });
      const dirs = [
        await mkdtemp(join(tmpdir(), 'hdnd-two-a-')),
        await mkdtemp(join(tmpdir(), 'hdnd-two-b-')),
      ];
      // Ports of main.ts: an offset from TEST_LIVEKIT_PORT no other test uses (see FAULT_PORTS).
      const env = (i: number) => ({
        port: Number(process.env.TEST_LIVEKIT_PORT ?? 17880) + 82 + i,
        dataDir: dirs[i]!,
        databaseUrl: urlWithSchema(TEST_DATABASE_URL, db.schema!),
        livekit: inject('livekit'),
      });
      const [a, b] = await Promise.all([startMain(env(0)), startMain(env(1))]);
      try {
        const clerk = await signIn(a.url, CLERK);
        const created = await clerk.request('POST', `/api/admin/meetings/${meetingId}/packages`, {
          title: 'Tài liệu kỳ họp',
          visibility: 'public',
        });
        const pkg = PackageManifest.parse(await created.json());
        const uploaded = await fetch(
          `${a.url}/api/admin/packages/${pkg.id}/documents?title=Free%20Culture`,
          {
            method: 'POST',
            headers: {
              cookie: clerk.cookie,
              [CSRF_HEADER]: clerk.session.csrfToken,
              'content-type': 'application/pdf',
            },
            body: new Uint8Array(pdf),
          },
        );
        expect(uploaded.status).toBe(201);
        expect((await clerk.request('POST', `/api/admin/packages/${pkg.id}/publish`)).status).toBe(
          200,
        );

        const res = await fetch(`${b.url}/api/packages/${pkg.id}/files/${sha(pdf)}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-length')).toBe(String(pdf.length));
        expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(pdf));
        // B's manifest lists the same file; neither instance kept it on its own disk.
        const manifest = PackageManifest.parse(
          await (await fetch(`${b.url}/api/packages/${pkg.id}/manifest`)).json(),
        );
        expect(manifest.documents[0]!.versions[0]!.sha256).toBe(sha(pdf));
        for (const dir of dirs) expect(await readdir(dir)).not.toContain('packages');
      } finally {
        await Promise.all([a.stop(), b.stop()]);
        await db.destroy();
        for (const dir of dirs) await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

// Encrypted secret votes through the public API on PGlite and PostgreSQL (issue #17): the counting
// committee (3 members, t = 2) makes its key in its consoles (shared/ballot-committee.ts), delegates
// encrypt their ballots with the real client (shared/meeting-client.ts), the server refuses
// tampered ballots and shares and a second ballot, and the count appears only when t shares arrive
// — here with one committee member's device lost. The public board verifies; an altered copy fails.
// And the attack of issue #17 replayed: after a secret vote with known random choices, read what
// the database keeps — every tuple version on every page of every table (pageinspect) and the
// write-ahead log (pg_walinspect) — and try to link each member to a choice. On a vote with
// per-choice counters (no committee) the old row versions give the link away; on an encrypted vote
// a ballot's transaction writes only new rows — who voted, and ciphertexts — and changes no
// existing row, so there is nothing to link.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBoard } from '../../../shared/ballot-crypto';
import { committeeConsole, type SecretStore } from '../../../shared/ballot-committee';
import { VoteChoice, type MeetingState, type Motion } from '../../../shared/meeting';
import { ClientError, meetingClient, type MeetingCalls } from '../../../shared/meeting-client';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { seedLiveMeeting, sessionFor, type LiveFixture } from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

/** A console's IndexedDB, in memory. */
const memoryStore = (): SecretStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    get: async (k) => data.get(k),
    set: async (k, v) => {
      data.set(k, v);
    },
  };
};

const VOTERS = 6;

interface TupleVersion {
  rel: string;
  xmin: string;
  xmax: string;
  data: Buffer | null;
}

describe.each(DATABASE_KINDS)('encrypted secret votes on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let fx: LiveFixture;
  let calls: MeetingCalls[];
  let chair: MeetingCalls;
  const stores = [memoryStore(), memoryStore(), memoryStore()];
  /** Committee members are delegates 1, 2, 3 (index 1, 2, 3). */
  const consoles = () =>
    [1, 2, 3].map((i, k) => committeeConsole(calls[i]!.committeeCalls(), stores[k]!));

  const choices = Array.from(
    { length: VOTERS },
    () => VoteChoice.options[Math.floor(Math.random() * 3)]!,
  );

  beforeAll(async () => {
    db = await openTestDb(kind, { inspect: true });
    server = await startTestServer(db, { sweepIntervalMs: 0 });
    fx = await seedLiveMeeting(db, { members: VOTERS, checkedIn: VOTERS });
    const client = meetingClient({ base: server.url, lang: () => 'vi' });
    calls = fx.memberIds.map((id, i) =>
      client.meeting(
        fx.meetingId,
        () => sessionFor(fx.meetingId, { role: i === 0 ? 'chair' : 'member', memberId: id }).token,
      ),
    );
    chair = calls[0]!;
  });
  afterAll(async () => {
    await server.close();
    await db.destroy();
  });

  /** A secret resolution with the known choices, closed; returns the motion. */
  async function secretVote(): Promise<Motion> {
    const chair = calls[0]!;
    const draft = await chair.createMotion({ agendaItemId: null, title: 'Kín', secret: true });
    const m = (await chair.openMotion(draft.id)).motions.find((x) => x.id === draft.id)!;
    for (const [i, choice] of choices.entries())
      await calls[i]!.castBallot(m.id, { choice, idempotencyKey: randomUUID() }, m);
    const closed: MeetingState = await chair.closeMotion(m.id);
    return closed.motions.find((x) => x.id === m.id)!;
  }

  /** Every tuple version on every page of every table of the schema and their TOAST tables. */
  async function allTupleVersions(): Promise<TupleVersion[]> {
    const rels = await db.query<{ rel: string; name: string; pages: number }>(
      `SELECT c.oid::regclass::text AS rel, c.relname AS name,
              (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages
         FROM pg_class c WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
       UNION ALL
       SELECT t.oid::regclass::text, c.relname || ' (toast)',
              (pg_relation_size(t.oid) / current_setting('block_size')::int)::int
         FROM pg_class c JOIN pg_class t ON t.oid = c.reltoastrelid
        WHERE c.relnamespace = current_schema()::regnamespace`,
    );
    const out: TupleVersion[] = [];
    for (const r of rels) {
      for (let page = 0; page < r.pages; page++) {
        const rows = await db.query<{ xmin: string; xmax: string; data: Buffer | null }>(
          `SELECT t_xmin::text AS xmin, t_xmax::text AS xmax, t_data AS data
             FROM heap_page_items(get_raw_page($1, $2)) WHERE t_xmin IS NOT NULL`,
          [r.rel, page],
        );
        for (const row of rows) out.push({ rel: r.name, ...row });
      }
    }
    return out;
  }

  /** Each voter's transaction id: the xmin of their "who voted" row (the attacker sees it too). */
  const voterXids = async (motionId: string) =>
    db.query<{ member_id: string; xid: string }>(
      'SELECT member_id, xmin::text AS xid FROM motion_voters WHERE motion_id = $1',
      [motionId],
    );

  /**
   * The link through counters' old row versions: in a voter's transaction, the counter whose new
   * version is one more than the version it replaced is the voter's choice.
   */
  function linkThroughCounters(tuples: TupleVersion[], xid: string): string | null {
    const counters = tuples.filter((t) => t.rel === 'secret_tallies' && t.data);
    const count = (t: TupleVersion) => t.data!.readInt32LE(t.data!.length - 4);
    const key = (t: TupleVersion) => t.data!.subarray(0, t.data!.length - 4).toString('latin1');
    for (const after of counters.filter((t) => t.xmin === xid)) {
      const before = counters.find((t) => t.xmax === xid && key(t) === key(after));
      if (before && count(after) === count(before) + 1)
        return VoteChoice.options.find((c) => key(after).replace(/\0+$/, '').endsWith(c)) ?? null;
    }
    return null;
  }

  it('links members to choices through a counter vote’s old row versions (the known leak)', async () => {
    const m = await secretVote();
    expect(m.encrypted).toBe(false);
    const tuples = await allTupleVersions();
    const links = (await voterXids(m.id)).map((v) => ({
      truth: choices[fx.memberIds.indexOf(v.member_id)],
      guess: linkThroughCounters(tuples, v.xid),
    }));
    // Pruning may drop some old versions; whatever is left links correctly.
    const found = links.filter((l) => l.guess !== null);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((l) => l.guess === l.truth)).toBe(true);
  });

  it('the committee makes its key in its consoles; the server keeps only public parts', async () => {
    const set = await chair.setCommittee({ memberIds: fx.memberIds.slice(1, 4) });
    expect(set).toMatchObject({ threshold: 2, publicKey: null, myIndex: null });
    const cs = consoles();
    // Each console takes the ceremony as far as it can; three rounds reach the end in any order.
    const steps: string[] = [];
    for (let round = 0; round < 3; round++) for (const c of cs) steps.push(await c.advance());
    expect(steps.slice(-3)).toEqual(['ready', 'ready', 'ready']);
    const state = await chair.committee();
    expect(state.publicKey).toMatch(/^[0-9a-f]{64}$/);
    // The key shares exist only in the consoles' stores; the server relays ciphertexts.
    const shares = stores.map((s) => JSON.parse([...s.data.values()][0]!).secretShare as string);
    const dump = JSON.stringify(
      await db.query('SELECT * FROM ballot_key_shares UNION ALL SELECT * FROM ballot_key_shares'),
    );
    for (const share of shares) expect(dump).not.toContain(share);
  });

  it('counts an election only from t decryption shares, with a member’s device lost', async () => {
    const candidates = ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C'];
    const draft = await chair.createMotion({
      agendaItemId: null,
      title: 'Bầu Phó Chủ tịch HĐND',
      kind: 'election',
      officials: candidates,
      posts: 2,
    });
    const opened = (await chair.openMotion(draft.id)).motions.find((m) => m.id === draft.id)!;
    expect(opened.encrypted).toBe(true);
    const [A, B, C] = candidates;
    const keeps = [[A!, B!], [A!], [], [B!, C!], [A!, C!]];

    // Too many names kept: refused in the browser, before anything is sent.
    await expect(
      calls[4]!.castBallot(opened.id, { keep: candidates, idempotencyKey: randomUUID() }, opened),
    ).rejects.toThrow(/tối đa 2 người/);

    const keys = keeps.map(() => randomUUID());
    const receipts = [];
    for (const [i, keep] of keeps.entries()) {
      if (i === 4) {
        // Member 3's ballot replayed by member 4: its proofs are bound to member 3, so refused.
        const stolen = (await chair.board(opened.id)).ballots[3]!.ballot;
        const res = await fetch(
          `${server.url}/api/meetings/${fx.meetingId}/motions/${opened.id}/ballots`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${sessionFor(fx.meetingId, { role: 'member', memberId: fx.memberIds[4]! }).token}`,
            },
            body: JSON.stringify({ idempotencyKey: randomUUID(), encrypted: stolen }),
          },
        );
        expect(res.status).toBe(400);
      }
      receipts.push(
        await calls[i]!.castBallot(opened.id, { keep, idempotencyKey: keys[i]! }, opened),
      );
    }
    expect(receipts.every((r) => /^[0-9a-f]{64}$/.test(r.receipt ?? ''))).toBe(true);
    // A resend with the same key is the same ballot; a second ballot is refused, in Vietnamese.
    const again = await calls[1]!.castBallot(
      opened.id,
      { keep: [A!], idempotencyKey: keys[1]! },
      opened,
    );
    expect(again.receipt).toBe(receipts[1]!.receipt);
    const second = await calls[1]!
      .castBallot(opened.id, { keep: [C!], idempotencyKey: randomUUID() }, opened)
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ClientError);
    expect(second).toMatchObject({ code: 'already_voted', status: 409 });
    expect((second as Error).message).toMatch(/Bạn đã bỏ phiếu kín/);
    expect((await calls[2]!.myBallot(opened.id)).receipt).toBe(receipts[2]!.receipt);

    const closed = (await chair.closeMotion(opened.id)).motions.find((m) => m.id === opened.id)!;
    expect(closed).toMatchObject({ status: 'closed', castCount: 5, result: null });

    // Member 1's device is lost. Member 2 decrypts: not enough yet.
    const [, c2, c3] = consoles();
    const voters = fx.memberIds.slice(0, keeps.length);
    expect(await c2!.decrypt(opened.id, voters)).toEqual({ sent: true, counted: false });
    // A tampered share (one partial decryption replaced) is refused.
    const board = await chair.board(opened.id);
    const good = board.decryptions[0]!;
    const bad = { ...good, member: 3, parts: good.parts };
    await expect(calls[3]!.committeeCalls().decryptionShare(opened.id, bad)).rejects.toThrow(
      /Phần giải mã không hợp lệ/,
    );
    expect(await c3!.decrypt(opened.id, voters)).toEqual({ sent: true, counted: true });

    const state: MeetingState = await chair.getState();
    const election = state.motions.find((m: Motion) => m.id === opened.id)!.result!.election!;
    expect(election.candidates.map((c) => [c.name, c.votes])).toEqual([
      [A, 3],
      [B, 2],
      [C, 2],
    ]);
    expect(election.ballots).toMatchObject({ valid: 5, blank: 1, spoiled: 0 });

    // The public board: every receipt on it, it verifies, and an altered copy does not.
    const published = await chair.board(opened.id);
    expect(published.ballots.map((e) => e.receipt)).toEqual(receipts.map((r) => r.receipt));
    expect(verifyBoard(published)).toMatchObject({ ok: true, ballotCount: 5 });
    const altered = structuredClone(published);
    altered.ballots[2]!.ballot = published.ballots[3]!.ballot;
    expect(verifyBoard(altered).ok).toBe(false);
  });

  it('finds no link after an encrypted vote: tables, old row versions and the WAL', async () => {
    // The committee made its key above.
    const [start] = await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const m = await secretVote();
    expect(m.encrypted).toBe(true);
    const [end] = await db.query<{ lsn: string }>('SELECT pg_current_wal_flush_lsn()::text AS lsn');
    const xids = await voterXids(m.id);
    expect(xids).toHaveLength(VOTERS);
    const mine = new Set(xids.map((x) => x.xid));

    // Old row versions: a ballot's transaction changed no existing row but the motion's lock, and
    // created only who-voted, board and ciphertext rows.
    const tuples = await allTupleVersions();
    const created = new Set(tuples.filter((t) => mine.has(t.xmin)).map((t) => t.rel));
    const allowed = [
      'motion_voters',
      'secret_ballots',
      'secret_ballots (toast)',
      'secret_ballot_ciphertexts',
    ];
    expect([...created].filter((r) => !allowed.includes(r))).toEqual([]);
    expect([...created]).toEqual(expect.arrayContaining(['motion_voters', 'secret_ballots']));
    // A row a ballot's transaction replaced has a new version made by it; a row it only locked
    // (the motion; the member and board rows its foreign keys check) has none.
    const updated = tuples.filter(
      (t) => mine.has(t.xmax) && tuples.some((n) => n.rel === t.rel && n.xmin === t.xmax),
    );
    expect(updated.map((t) => t.rel)).toEqual([]);
    for (const x of xids) expect(linkThroughCounters(tuples, x.xid)).toBeNull();

    // The WAL: a ballot's transaction inserts rows (and locks, commits, prunes dead versions of
    // earlier ones); no heap record of it updates or deletes a row.
    const records = await db.query<{ xid: string; rm: string; type: string }>(
      `SELECT xid::text AS xid, resource_manager AS rm, record_type AS type
         FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn)`,
      [start!.lsn, end!.lsn],
    );
    const ballots = records.filter((r) => mine.has(r.xid));
    expect(ballots.length).toBeGreaterThan(VOTERS);
    const heapKinds = ballots.filter((r) => r.rm === 'Heap' || r.rm === 'Heap2').map((r) => r.type);
    expect(heapKinds).toContain('INSERT');
    expect(heapKinds.filter((t) => /UPDATE|DELETE/.test(t))).toEqual([]);

    // The tables: per member, the stored rows hold only who voted and ciphertexts (no choice name).
    const rows = await db.query<{ row: string }>(
      `SELECT row_to_json(b)::text AS row FROM secret_ballots b WHERE motion_id = $1
       UNION ALL SELECT row_to_json(v)::text FROM motion_voters v WHERE motion_id = $1`,
      [m.id],
    );
    for (const r of rows)
      for (const c of VoteChoice.options) expect(r.row).not.toMatch(new RegExp(`"${c}"`));
    expect(await db.query('SELECT 1 FROM secret_tallies WHERE motion_id = $1', [m.id])).toEqual([]);
  });
});

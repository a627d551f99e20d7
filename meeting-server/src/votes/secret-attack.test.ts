// The attack of issue #17, replayed on PGlite and PostgreSQL: after a secret vote with known random
// choices, read what the database keeps — every tuple version on every page of every table
// (pageinspect) and the write-ahead log (pg_walinspect) — and try to link each member to a choice.
// On a vote with per-choice counters (a meeting without a counting committee) the old row versions
// give the link away; on an encrypted vote (a meeting with a committee) a ballot's transaction
// writes only new rows — who voted, and ciphertexts — and changes no existing row, so there is
// nothing to link.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeConsole, type SecretStore } from '../../../shared/ballot-committee';
import { VoteChoice, type MeetingState, type Motion } from '../../../shared/meeting';
import { meetingClient, type MeetingCalls } from '../../../shared/meeting-client';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { seedLiveMeeting, sessionFor, type LiveFixture } from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

const VOTERS = 6;

const memoryStore = (): SecretStore => {
  const data = new Map<string, string>();
  return {
    get: async (k) => data.get(k),
    set: async (k, v) => {
      data.set(k, v);
    },
  };
};

interface TupleVersion {
  rel: string;
  xmin: string;
  xmax: string;
  data: Buffer | null;
}

describe.each(DATABASE_KINDS)('the attack of issue #17 on %s', (kind) => {
  let db: TestDb;
  let server: RunningServer;
  let fx: LiveFixture;
  let calls: MeetingCalls[];
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

  it('finds no link after an encrypted vote: tables, old row versions and the WAL', async () => {
    await calls[0]!.setCommittee({ memberIds: fx.memberIds.slice(1, 4) });
    const cs = [1, 2, 3].map((i) => committeeConsole(calls[i]!.committeeCalls(), memoryStore()));
    for (let round = 0; round < 3; round++) for (const c of cs) await c.advance();
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

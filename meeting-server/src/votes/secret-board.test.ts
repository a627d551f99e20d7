// Encrypted secret votes through the public API on PGlite and PostgreSQL (issue #17): the counting
// committee (3 members, t = 2) makes its key in its consoles (shared/ballot-committee.ts), delegates
// encrypt their ballots with the real client (shared/meeting-client.ts), the server refuses
// tampered ballots and shares and a second ballot, and the count appears only when t shares arrive
// — here with one committee member's device lost. The public board verifies; an altered copy fails.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBoard } from '../../../shared/ballot-crypto';
import { committeeConsole, type SecretStore } from '../../../shared/ballot-committee';
import type { MeetingState, Motion } from '../../../shared/meeting';
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

  beforeAll(async () => {
    db = await openTestDb(kind);
    server = await startTestServer(db, { sweepIntervalMs: 0 });
    fx = await seedLiveMeeting(db, { members: 5, checkedIn: 5 });
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
    const voters = fx.memberIds;
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
});

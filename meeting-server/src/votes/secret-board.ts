// Encrypted secret votes on the server (issue #17, docs/secret-ballot.md): the vote-counting
// committee's key ceremony (relayed, never seen in the clear), the board of each secret vote (the
// header when it opens, each ballot as ciphertexts with proofs in a hash chain, the close with the
// encrypted totals), and the committee's decryption shares, from which the result is computed once
// t valid ones are in. Nothing written here holds a choice: a ballot's only row is its ciphertexts.
import { randomUUID } from 'node:crypto';
import {
  ballotReceipt,
  checkDealerCommitment,
  dealerFromJson,
  encryptedShareFromJson,
  jointPublicKey,
  majority,
  openBoard,
  pointFromHex,
  verificationKey,
  type BallotJson,
  type Board,
  type BoardHeader,
  type Committee,
} from '../../../shared/ballot-crypto';
import { checkBallot } from '../../../shared/ballot-crypto/ballot';
import {
  ballotCiphertextKeys,
  boardPublicKey,
  boardSpec,
  closeBoard,
  entryHash,
  headerHash,
  type BoardEntry,
} from '../../../shared/ballot-crypto/board';
import { shareSignedByDealer } from '../../../shared/ballot-crypto/dkg';
import { ciphertextFromJson } from '../../../shared/ballot-crypto/elgamal';
import {
  checkDecryptionShare,
  combineDecryption,
  type DecryptionShareJson,
} from '../../../shared/ballot-crypto/tally';
import type { BallotReceipt } from '../../../shared/meeting';
import {
  ballotQuestions,
  countsFromTotals,
  type CommitteeState,
  type SecretCount,
} from '../../../shared/secret-ballot';
import type { z } from '../../../shared/zod';
import type { DealBody, SetCommittee } from '../../../shared/secret-ballot';
import type { VoteFacts } from '../../../shared/vote-rules';
import type { Queryable } from '../db/database';
import { badRequest, forbidden, notFound } from '../http/errors';
import type { LiveDeps } from '../live/context';
import { conflict, mutate, type MotionRow } from '../live/state';

const noCommittee = () =>
  notFound(
    'Cuộc họp chưa có ban kiểm phiếu. Chủ tọa hoặc thư ký hãy lập ban kiểm phiếu trước.',
    'The meeting has no vote-counting committee. The chair or secretary must name one first.',
  );
const notOnCommittee = () =>
  forbidden(
    'Bạn không phải thành viên ban kiểm phiếu của cuộc họp này.',
    'You are not a member of this meeting’s vote-counting committee.',
  );

interface CommitteeRow {
  ceremony_id: string;
  threshold: number;
  members: {
    index: number;
    member_id: string;
    name: string;
    transport_key: string | null;
    commitment: z.infer<typeof DealBody>['commitment'] | null;
  }[];
}

async function committeeRow(db: Queryable, meetingId: string): Promise<CommitteeRow | null> {
  const [row] = await db.query<CommitteeRow>(
    `SELECT c.ceremony_id, c.threshold,
       (SELECT coalesce(json_agg(json_build_object('index', m.member_index, 'member_id', m.member_id,
          'name', mb.full_name, 'transport_key', m.transport_key, 'commitment', m.commitment)
          ORDER BY m.member_index), '[]')
          FROM ballot_committee_members m JOIN members mb ON mb.id = m.member_id
         WHERE m.meeting_id = c.meeting_id) AS members
       FROM ballot_committees c WHERE c.meeting_id = $1`,
    [meetingId],
  );
  return row ?? null;
}

/** The committee as dkg.ts sees it (every member has a transport key). */
function dkgCommittee(c: CommitteeRow): Committee {
  return {
    ceremonyId: c.ceremony_id,
    threshold: c.threshold,
    members: c.members.map((m) => ({
      index: m.index,
      memberId: m.member_id,
      transportKey: pointFromHex(m.transport_key!),
    })),
  };
}

/** The joint key, once every member has dealt (all n dealers qualify). */
function jointKey(c: CommitteeRow) {
  if (!c.members.length || !c.members.every((m) => m.commitment)) return null;
  return jointPublicKey(c.members.map((m) => dealerFromJson(m.commitment!)));
}

function stateOf(c: CommitteeRow, memberId: string | null): CommitteeState {
  const key = jointKey(c);
  return {
    ceremonyId: c.ceremony_id,
    threshold: c.threshold,
    members: c.members.map((m) => ({
      index: m.index,
      memberId: m.member_id,
      name: m.name,
      transportKey: m.transport_key,
      commitment: m.commitment,
    })),
    publicKey: key ? key.toHex() : null,
    myIndex: c.members.find((m) => m.member_id === memberId)?.index ?? null,
  };
}

export async function committeeState(
  db: Queryable,
  meetingId: string,
  memberId: string | null,
): Promise<CommitteeState> {
  const c = await committeeRow(db, meetingId);
  if (!c) throw noCommittee();
  return stateOf(c, memberId);
}

/**
 * Names the committee (members of the meeting's body), replacing one whose key no vote uses yet.
 * A new ceremony id: every key-generation message is bound to it.
 */
export async function setCommittee(
  deps: LiveDeps,
  meetingId: string,
  body: SetCommittee,
  memberId: string | null,
): Promise<CommitteeState> {
  const ids = [...new Set(body.memberIds)];
  const threshold = body.threshold ?? majority(ids.length);
  if (threshold > ids.length) {
    throw badRequest(
      `Ngưỡng giải mã (${threshold}) không được lớn hơn số thành viên ban kiểm phiếu (${ids.length}).`,
      `The threshold (${threshold}) cannot exceed the committee's size (${ids.length}).`,
    );
  }
  await mutate(deps, meetingId, async (tx) => {
    const members = await tx.query<{ member_id: string }>(
      `SELECT bm.member_id FROM body_members bm JOIN meetings mt ON mt.body_id = bm.body_id
        WHERE mt.id = $1 AND bm.member_id = ANY($2::text[])`,
      [meetingId, ids],
    );
    if (members.length !== ids.length) {
      throw badRequest(
        'Thành viên ban kiểm phiếu phải là đại biểu của cơ quan họp.',
        'Committee members must be members of the meeting body.',
      );
    }
    const used = await tx.query(
      'SELECT 1 FROM motions WHERE meeting_id = $1 AND encrypted AND result IS NULL',
      [meetingId],
    );
    if (used.length) {
      throw conflict(
        'committee_in_use',
        'Ban kiểm phiếu đang giữ khóa của một cuộc bỏ phiếu kín chưa kiểm xong; không thể lập lại lúc này.',
        'The committee holds the key of a secret vote not yet counted; it cannot be replaced now.',
      );
    }
    await tx.query('DELETE FROM ballot_committees WHERE meeting_id = $1', [meetingId]);
    await tx.query(
      `INSERT INTO ballot_committees (meeting_id, ceremony_id, threshold, created_at)
       VALUES ($1, $2, $3, $4)`,
      [meetingId, randomUUID(), threshold, new Date(deps.now())],
    );
    await tx.query(
      `INSERT INTO ballot_committee_members (meeting_id, member_index, member_id)
       SELECT $1, i, id FROM unnest($2::text[]) WITH ORDINALITY AS u(id, i)`,
      [meetingId, ids],
    );
    return { value: undefined, changed: true };
  });
  return committeeState(deps.db, meetingId, memberId);
}

async function myCommitteeIndex(c: CommitteeRow | null, memberId: string | null) {
  if (!c) throw noCommittee();
  const me = c.members.find((m) => m.member_id === memberId);
  if (!me) throw notOnCommittee();
  return me;
}

/** A console publishes its transport key (until dealing starts; its secret stays in the browser). */
export async function postTransportKey(
  deps: LiveDeps,
  meetingId: string,
  memberId: string | null,
  transportKey: string,
): Promise<CommitteeState> {
  try {
    pointFromHex(transportKey);
  } catch {
    throw badRequest('Khóa truyền không hợp lệ.', 'The transport key is not a valid point.');
  }
  // Through mutate: the new meeting version makes every console take its next step.
  await mutate(deps, meetingId, async (tx) => {
    const c = await committeeRow(tx, meetingId);
    const me = await myCommitteeIndex(c, memberId);
    if (c!.members.some((m) => m.commitment)) {
      throw conflict(
        'ceremony_started',
        'Ban kiểm phiếu đã bắt đầu tạo khóa; không thể đổi khóa truyền. Hãy lập lại ban kiểm phiếu.',
        'The committee has started dealing; transport keys are fixed. Name the committee again.',
      );
    }
    await tx.query(
      `UPDATE ballot_committee_members SET transport_key = $3
        WHERE meeting_id = $1 AND member_index = $2`,
      [meetingId, me.index, transportKey],
    );
    return { value: undefined, changed: true };
  });
  return committeeState(deps.db, meetingId, memberId);
}

/**
 * A console deals: its commitment (checked: proof bound to the ceremony) and one encrypted share
 * for every other member, each signed by it (checked). The shares are stored as they came.
 */
export async function postDeal(
  deps: LiveDeps,
  meetingId: string,
  memberId: string | null,
  body: z.infer<typeof DealBody>,
): Promise<CommitteeState> {
  const bad = () =>
    badRequest(
      'Phần khóa gửi lên không hợp lệ (cam kết hoặc chữ ký sai). Hãy tải lại bảng điều khiển ban kiểm phiếu.',
      'The deal is invalid (commitment or signature). Reload the committee console.',
    );
  await mutate(deps, meetingId, async (tx) => {
    const [locked] = await tx.query<{ ceremony_id: string }>(
      'SELECT ceremony_id FROM ballot_committees WHERE meeting_id = $1 FOR UPDATE',
      [meetingId],
    );
    if (!locked) throw noCommittee();
    const c = (await committeeRow(tx, meetingId))!;
    const me = await myCommitteeIndex(c, memberId);
    if (!c.members.every((m) => m.transport_key)) {
      throw conflict(
        'ceremony_waiting',
        'Chưa đủ khóa truyền của mọi thành viên ban kiểm phiếu; hãy chờ mọi thành viên mở bảng điều khiển.',
        'Not every committee member has published a transport key yet; wait for all consoles.',
      );
    }
    if (me.commitment) {
      throw conflict('already_dealt', 'Bạn đã gửi phần khóa.', 'You have already dealt.');
    }
    const committee = dkgCommittee(c);
    let commitment;
    try {
      commitment = dealerFromJson(body.commitment);
    } catch {
      throw bad();
    }
    const others = c.members.filter((m) => m.index !== me.index).map((m) => m.index);
    const recipients = body.shares.map((s) => s.recipient).sort((a, b) => a - b);
    if (
      commitment.dealer !== me.index ||
      commitment.commitments.length !== c.threshold ||
      !checkDealerCommitment(committee, commitment) ||
      recipients.join() !== others.join() ||
      !body.shares.every((s) => {
        try {
          return s.dealer === me.index && shareSignedByDealer(committee, encryptedShareFromJson(s));
        } catch {
          return false;
        }
      })
    ) {
      throw bad();
    }
    await tx.query(
      `UPDATE ballot_committee_members SET commitment = $3
        WHERE meeting_id = $1 AND member_index = $2`,
      [meetingId, me.index, JSON.stringify(body.commitment)],
    );
    await tx.query(
      `INSERT INTO ballot_key_shares (meeting_id, dealer, recipient, message)
       SELECT $1, $2, r, m::jsonb FROM unnest($3::int[], $4::text[]) AS u(r, m)`,
      [
        meetingId,
        me.index,
        body.shares.map((s) => s.recipient),
        body.shares.map((s) => JSON.stringify(s)),
      ],
    );
    return { value: undefined, changed: true };
  });
  return committeeState(deps.db, meetingId, memberId);
}

export async function myKeyShares(db: Queryable, meetingId: string, memberId: string | null) {
  const me = await myCommitteeIndex(await committeeRow(db, meetingId), memberId);
  const rows = await db.query<{ message: z.infer<typeof DealBody>['shares'][number] }>(
    'SELECT message FROM ballot_key_shares WHERE meeting_id = $1 AND recipient = $2 ORDER BY dealer',
    [meetingId, me.index],
  );
  return { shares: rows.map((r) => r.message) };
}

/**
 * When a secret vote opens in a meeting with a committee: its board header (in the opening
 * transaction). Returns false when the meeting has no committee (the vote keeps counters, see
 * docs/secret-ballot.md "Status"); refuses while the committee's key is not made.
 */
export async function openSecretBoard(tx: Queryable, m: MotionRow): Promise<boolean> {
  const c = await committeeRow(tx, m.meeting_id);
  if (!c) return false;
  const key = jointKey(c);
  if (!key) {
    throw conflict(
      'committee_key_missing',
      'Ban kiểm phiếu chưa tạo xong khóa (mỗi thành viên cần mở bảng điều khiển ban kiểm phiếu). ' +
        'Hãy chờ rồi mở biểu quyết lại.',
      'The vote-counting committee has not finished its key (each member must open the committee ' +
        'console). Wait, then open the vote again.',
    );
  }
  const board = openBoard({
    voteId: m.id,
    title: m.title,
    questions: ballotQuestions(m),
    committee: {
      ceremonyId: c.ceremony_id,
      threshold: c.threshold,
      members: c.members.map((x) => ({
        index: x.index,
        memberId: x.member_id,
        name: x.name,
        transportKey: pointFromHex(x.transport_key!),
      })),
      dealers: c.members.map((x) => dealerFromJson(x.commitment!)),
    },
    publicKey: key,
  });
  await tx.query('INSERT INTO secret_boards (motion_id, header, header_hash) VALUES ($1, $2, $3)', [
    m.id,
    JSON.stringify(board.header),
    headerHash(board.header),
  ]);
  await tx.query('UPDATE motions SET encrypted = true WHERE id = $1', [m.id]);
  return true;
}

/** Board headers never change once written: kept per database, so a ballot needs no read to check. */
const headers = new WeakMap<Queryable, Map<string, BoardHeader>>();

export async function boardHeader(db: Queryable, motionId: string): Promise<BoardHeader | null> {
  let cache = headers.get(db);
  if (!cache) headers.set(db, (cache = new Map()));
  const hit = cache.get(motionId);
  if (hit) return hit;
  const [row] = await db.query<{ header: BoardHeader }>(
    'SELECT header FROM secret_boards WHERE motion_id = $1',
    [motionId],
  );
  if (!row) return null;
  if (cache.size >= 500) cache.clear();
  cache.set(motionId, row.header);
  return row.header;
}

/** The whole board of a vote as stored (null: not an encrypted vote). */
export async function loadBoard(db: Queryable, motionId: string): Promise<Board | null> {
  const [row] = await db.query<{
    header: BoardHeader;
    close: Board['close'];
    result: Board['result'];
  }>('SELECT header, close, result FROM secret_boards WHERE motion_id = $1', [motionId]);
  if (!row) return null;
  const entries = await db.query<{
    seq: number;
    voter_id: string;
    voter_name: string;
    ballot: BallotJson;
    receipt: string;
    prev: string;
    hash: string;
  }>(
    `SELECT seq, voter_id, voter_name, ballot, receipt, prev, hash FROM secret_ballots
      WHERE motion_id = $1 ORDER BY seq`,
    [motionId],
  );
  const shares = await db.query<{ share: DecryptionShareJson }>(
    'SELECT share FROM secret_decryption_shares WHERE motion_id = $1 ORDER BY member_index',
    [motionId],
  );
  return {
    format: 'hdnd-secret-ballot/v1',
    header: row.header,
    ballots: entries.map((e): BoardEntry => ({
      seq: e.seq,
      voterId: e.voter_id,
      voterName: e.voter_name,
      ballot: e.ballot,
      receipt: e.receipt,
      prev: e.prev,
      hash: e.hash,
    })),
    close: row.close,
    decryptions: shares.map((s) => s.share),
    result: row.result,
  };
}

export async function publicBoard(db: Queryable, motionId: string): Promise<Board> {
  const board = await loadBoard(db, motionId);
  if (!board) {
    throw notFound(
      'Không có bảng công khai cho biểu quyết này (không phải bỏ phiếu kín mã hóa).',
      'There is no public board for this vote (not an encrypted secret vote).',
    );
  }
  return board;
}

/** What a delegate's browser encrypts for: the header and the voter id its proofs are bound to. */
export async function ballotBox(
  db: Queryable,
  meetingId: string,
  motionId: string,
  memberId: string | null,
) {
  const header = await boardHeader(db, motionId);
  const ours = await db.query('SELECT 1 FROM motions WHERE id = $1 AND meeting_id = $2', [
    motionId,
    meetingId,
  ]);
  if (!header || !ours.length) {
    throw notFound(
      'Biểu quyết này chưa mở hoặc không dùng phiếu mã hóa.',
      'This vote is not open or does not use encrypted ballots.',
    );
  }
  if (!memberId) {
    throw forbidden('Bạn không có quyền biểu quyết nội dung này.', 'You may not vote on this.');
  }
  return { header, voterId: memberId };
}

const invalidBallot = () =>
  badRequest(
    'Phiếu mã hóa không hợp lệ (chứng minh không đúng) nên không được nhận. Hãy tải lại trang rồi bỏ phiếu lại.',
    'The encrypted ballot is invalid (a proof fails), so it was not accepted. Reload the page and vote again.',
  );

/**
 * Checks an encrypted ballot's proofs for this voter (outside any transaction: CPU work, no lock).
 * Throws 400 when a proof fails — the ballot never reaches the board.
 */
export function checkEncryptedBallot(header: BoardHeader, voterId: string, ballot: BallotJson) {
  let faults;
  try {
    faults = checkBallot(boardSpec(header), boardPublicKey(header), voterId, ballot).faults;
  } catch {
    throw invalidBallot();
  }
  if (faults.length) throw invalidBallot();
}

/**
 * Appends a checked ballot to the board, in one transaction that also records who voted: the
 * motion row locked (`lockSql`: open, eligible, present), the voter row, the ciphertexts (unique
 * per vote: a copied ciphertext is refused) and the entry chained to the last one read under the
 * lock. Returns null when the lock-and-check found nothing (the caller says why) and
 * `{ existing }` when the member has voted already.
 */
export async function appendEncryptedBallot(
  db: LiveDeps['db'],
  lockSql: string,
  a: { motionId: string; meetingId: string; memberId: string; key: string; ballot: BallotJson },
  castAt: Date,
): Promise<{ receipt: BallotReceipt } | { existing: { key: string; receipt: string } } | null> {
  return db.transaction(async (tx) => {
    const locked = await tx.query(lockSql, [a.motionId, a.meetingId, a.memberId]);
    if (!locked.length) return null;
    const voter = await tx.query(
      `INSERT INTO motion_voters (motion_id, member_id, idempotency_key) VALUES ($1, $2, $3)
       ON CONFLICT (motion_id, member_id) DO NOTHING RETURNING member_id`,
      [a.motionId, a.memberId, a.key],
    );
    if (!voter.length) {
      const [prior] = await tx.query<{ idempotency_key: string; receipt: string }>(
        'SELECT idempotency_key, receipt FROM secret_ballots WHERE motion_id = $1 AND voter_id = $2',
        [a.motionId, a.memberId],
      );
      return { existing: { key: prior?.idempotency_key ?? '', receipt: prior?.receipt ?? '' } };
    }
    const keys = ballotCiphertextKeys(a.ballot);
    const fresh = await tx.query(
      `INSERT INTO secret_ballot_ciphertexts (motion_id, a) SELECT $1, unnest($2::text[])
       ON CONFLICT DO NOTHING RETURNING a`,
      [a.motionId, keys],
    );
    if (fresh.length !== new Set(keys).size) {
      throw conflict(
        'replayed_ciphertext',
        'Phiếu chứa phần mã hóa chép từ một phiếu khác nên không được nhận.',
        'The ballot contains a ciphertext copied from another ballot; it was not accepted.',
      );
    }
    const [last] = await tx.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM secret_ballots WHERE motion_id = $1 ORDER BY seq DESC LIMIT 1',
      [a.motionId],
    );
    const [head] = await tx.query<{ header_hash: string }>(
      'SELECT header_hash FROM secret_boards WHERE motion_id = $1',
      [a.motionId],
    );
    const [name] = await tx.query<{ full_name: string }>(
      'SELECT full_name FROM members WHERE id = $1',
      [a.memberId],
    );
    const receipt = ballotReceipt(a.ballot);
    const entry = {
      seq: last ? last.seq + 1 : 0,
      voterId: a.memberId,
      voterName: name?.full_name ?? '',
      receipt,
      prev: last ? last.hash : head!.header_hash,
    };
    await tx.query(
      `INSERT INTO secret_ballots
         (motion_id, seq, voter_id, voter_name, ballot, receipt, prev, hash, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        a.motionId,
        entry.seq,
        entry.voterId,
        entry.voterName,
        JSON.stringify(a.ballot),
        receipt,
        entry.prev,
        entryHash(entry),
        a.key,
      ],
    );
    return {
      receipt: {
        motionId: a.motionId,
        accepted: true as const,
        castAt: castAt.toISOString(),
        receipt,
      },
    };
  });
}

/** What the pass rule counts from, fixed at the close (the result comes later, from the shares). */
export type ResultBase = Omit<VoteFacts, 'cast'> & { rule: MotionRow['rule'] };

/** In closeMotion's transaction: the close of the board (encrypted totals), and the rule's base. */
export async function closeSecretBoard(tx: Queryable, motionId: string, base: ResultBase) {
  const board = await loadBoard(tx, motionId);
  if (!board) return;
  const closed = closeBoard(board);
  await tx.query('UPDATE secret_boards SET close = $2, base = $3 WHERE motion_id = $1', [
    motionId,
    JSON.stringify(closed.close),
    JSON.stringify(base),
  ]);
}

/**
 * A committee member's decryption share: checked against the member's verification key and the
 * closed board's totals, stored; with t valid shares, the totals are decrypted and `result` (the
 * vote-rules result from the counts and the base) is written on the motion.
 */
export async function postDecryptionShare(
  deps: LiveDeps,
  meetingId: string,
  motionId: string,
  memberId: string | null,
  share: DecryptionShareJson,
  result: (m: MotionRow, base: ResultBase, counts: SecretCount[]) => unknown,
  motionRow: (tx: Queryable) => Promise<MotionRow>,
): Promise<{ accepted: true; counted: boolean }> {
  const header = await boardHeader(deps.db, motionId);
  if (!header) throw notFound('Không có bảng của biểu quyết này.', 'This vote has no board.');
  const me = header.committee.members.find((m) => m.memberId === memberId);
  if (!me || me.index !== share.member) throw notOnCommittee();
  const [row] = await deps.db.query<{ close: Board['close'] }>(
    'SELECT close FROM secret_boards WHERE motion_id = $1',
    [motionId],
  );
  const close = row?.close;
  if (!close) {
    throw conflict(
      'vote_not_closed',
      'Chỉ gửi phần giải mã sau khi kết thúc biểu quyết.',
      'A decryption share is sent only after the vote is closed.',
    );
  }
  const totals = close.totals.map((r) => r.map(ciphertextFromJson));
  const vk = verificationKey(header.committee.dealers.map(dealerFromJson), share.member);
  if (!checkDecryptionShare({ voteId: header.voteId, closeHash: close.hash }, vk, totals, share)) {
    throw badRequest(
      'Phần giải mã không hợp lệ (chứng minh sai hoặc cho một bảng khác) nên không được nhận.',
      'The decryption share is invalid (wrong proof or another board); it was not accepted.',
    );
  }
  await deps.db.query(
    `INSERT INTO secret_decryption_shares (motion_id, member_index, share) VALUES ($1, $2, $3)
     ON CONFLICT (motion_id, member_index) DO NOTHING`,
    [motionId, share.member, JSON.stringify(share)],
  );
  return mutate<{ accepted: true; counted: boolean }>(deps, meetingId, async (tx) => {
    const [locked] = await tx.query<{ result: unknown; base: ResultBase }>(
      'SELECT b.result, b.base FROM secret_boards b WHERE b.motion_id = $1 FOR UPDATE',
      [motionId],
    );
    if (locked!.result)
      return { value: { accepted: true as const, counted: true }, changed: false };
    // Every stored share was checked on arrival, and every ballot before it reached the board:
    // the totals need only the Lagrange combination of t shares (no ballot is checked again, so
    // the result follows the last share at once even with hundreds of ballots).
    const stored = await tx.query<{ share: DecryptionShareJson }>(
      'SELECT share FROM secret_decryption_shares WHERE motion_id = $1 ORDER BY member_index',
      [motionId],
    );
    if (stored.length < header.committee.threshold) {
      return { value: { accepted: true as const, counted: false }, changed: false };
    }
    const parts = new Map(
      stored.map((r) => [
        r.share.member,
        r.share.parts.map((q) => q.map((p) => pointFromHex(p.d))),
      ]),
    );
    const tallied = {
      result: {
        ballotCount: close.ballotCount,
        totals: combineDecryption(totals, parts, header.committee.threshold, close.ballotCount),
      },
    };
    const m = await motionRow(tx);
    const counts = countsFromTotals(m, tallied.result);
    await tx.query('UPDATE secret_boards SET result = $2 WHERE motion_id = $1', [
      motionId,
      JSON.stringify(tallied.result),
    ]);
    await tx.query('UPDATE motions SET result = $2 WHERE id = $1', [
      motionId,
      JSON.stringify(result(m, locked!.base, counts)),
    ]);
    return { value: { accepted: true as const, counted: true }, changed: true };
  });
}

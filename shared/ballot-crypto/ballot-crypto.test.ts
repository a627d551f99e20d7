// Secret-ballot library: ElGamal, proofs, the committee's threshold key, ballots, the bulletin
// board and its verifier — including every tampering the verifier must catch. Small committees
// and electorates: each group operation costs a millisecond or more on a loaded machine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BallotRuleError,
  checkBallot,
  choiceContext,
  confidenceRating,
  election,
  encryptBallot,
  singleChoice,
  sumContext,
  type BallotJson,
  type BallotSpec,
} from './ballot';
import {
  addDecryptionShare,
  appendBallot,
  ballotReceipt,
  canonicalJson,
  checkAcceptable,
  closeBoard,
  commitmentDigest,
  encryptedShareFromJson,
  encryptedShareToJson,
  withResult,
  type Board,
} from './board';
import { boardFor, castAll, runKeyCeremony, type Ceremony } from './ceremony.fixture';
import {
  combineShares,
  complaintUpheld,
  deal,
  lagrangeAtZero,
  makeComplaint,
  receiveShare,
  verificationKey,
  type Committee,
} from './dkg';
import {
  add,
  ciphertextToJson,
  decryptToPoint,
  discreteLog,
  encrypt,
  generateKeyPair,
  scale,
  sum,
  type Ciphertext,
} from './elgamal';
import {
  EncodingError,
  Fn,
  G,
  gPow,
  mul,
  pointFromHex,
  pointToHex,
  randomScalar,
  scalarFromHex,
  scalarToHex,
} from './group';
import { Batch } from './batch';
import {
  batchMembership,
  branchToJson,
  proveEqualLogs,
  proveMembership,
  verifyEqualLogs,
  verifyMembership,
} from './proofs';
import {
  committeeDecrypt,
  describeVerification,
  tallyBoard,
  verifyBoard,
  type ProblemCode,
} from './verify';

// Named fixtures: one 2-of-3 committee for the whole file (its key ceremony runs once).
const CEREMONY: Ceremony = runKeyCeremony(3);
const KEY = generateKeyPair();
/** A no-confidence vote (trust / no trust): the smallest real ballot, exactly one of two. */
const TRUST = [singleChoice(2)];

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const codes = (board: unknown): ProblemCode[] => verifyBoard(board).problems.map((p) => p.code);

/** Decrypts with the given committee members' consoles and publishes the result. */
function count(board: Board, members: number[]): Board {
  let b = board;
  for (const m of members) {
    const answer = committeeDecrypt(b, m, CEREMONY.secrets[m - 1]!.secretShare);
    if ('refused' in answer) throw new Error(JSON.stringify(answer.refused));
    b = addDecryptionShare(b, answer.share);
  }
  const t = tallyBoard(b);
  if ('problems' in t) throw new Error(JSON.stringify(t.problems));
  return withResult(b, t.result);
}

// Three delegates: trust, no trust, trust — counted by members 1 and 2.
const CLOSED = castAll(boardFor(CEREMONY, TRUST), [[[0]], [[1]], [[0]]]);
const COUNTED = count(CLOSED, [1, 2]);

describe('group encodings', () => {
  it('round-trips points and scalars and refuses non-canonical ones', () => {
    const p = mul(G, 12345n);
    expect(pointFromHex(pointToHex(p)).equals(p)).toBe(true);
    expect(scalarFromHex(scalarToHex(77n))).toBe(77n);
    expect(() => pointFromHex('ff'.repeat(32))).toThrow(EncodingError);
    expect(() => pointFromHex(pointToHex(p).toUpperCase())).toThrow(EncodingError);
    expect(() => scalarFromHex('ff'.repeat(32))).toThrow(EncodingError);
  });
});

describe('exponential ElGamal', () => {
  it('decrypts what it encrypts and adds ciphertexts homomorphically', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        (ms) => {
          const total = sum(ms.map((m) => encrypt(KEY.publicKey, m).ciphertext));
          const want = ms.reduce((a, b) => a + b, 0);
          expect(discreteLog(decryptToPoint(KEY.secret, total), 12)).toBe(want);
        },
      ),
      { numRuns: 5 },
    );
  });

  it('finds small totals up to the bound and nothing past it', () => {
    expect(discreteLog(gPow(0), 1000)).toBe(0);
    expect(discreteLog(gPow(1000), 1000)).toBe(1000);
    expect(discreteLog(gPow(731), 1000)).toBe(731);
    expect(discreteLog(gPow(1001), 1000)).toBeUndefined();
  });

  it('hides the message: two encryptions of the same value differ', () => {
    const x = encrypt(KEY.publicKey, 1).ciphertext;
    const y = encrypt(KEY.publicKey, 1).ciphertext;
    expect(x.a.equals(y.a)).toBe(false);
    expect(discreteLog(decryptToPoint(KEY.secret, add(x, y)), 2)).toBe(2);
  });
});

describe('zero-knowledge proofs', () => {
  const ctx = ['test', 'vote-1', 'dv-1'];

  it('proves a ciphertext is 0 or 1, and fails for 2, for another context or a changed ciphertext', () => {
    for (const m of [0, 1]) {
      const { ciphertext, r } = encrypt(KEY.publicKey, m);
      const proof = proveMembership(KEY.publicKey, ciphertext, r, [0, 1], m, ctx);
      expect(verifyMembership(KEY.publicKey, ciphertext, [0, 1], proof, ctx)).toBe(true);
      expect(
        verifyMembership(KEY.publicKey, ciphertext, [0, 1], proof, ['test', 'vote-1', 'dv-2']),
      ).toBe(false);
      const other = encrypt(KEY.publicKey, m).ciphertext;
      expect(verifyMembership(KEY.publicKey, other, [0, 1], proof, ctx)).toBe(false);
    }
    // A dishonest prover with m = 2 cannot make the real branch: the proof fails.
    const { ciphertext, r } = encrypt(KEY.publicKey, 2);
    const forged = proveMembership(KEY.publicKey, ciphertext, r, [0, 1], 1, ctx);
    expect(verifyMembership(KEY.publicKey, ciphertext, [0, 1], forged, ctx)).toBe(false);
  });

  it('proves equal discrete logs (a correct partial decryption) and rejects a wrong one', () => {
    const x = randomScalar();
    const a = mul(G, randomScalar());
    const proof = proveEqualLogs(x, G, mul(G, x), a, mul(a, x), ctx);
    expect(verifyEqualLogs(G, mul(G, x), a, mul(a, x), proof, ctx)).toBe(true);
    expect(verifyEqualLogs(G, mul(G, x), a, mul(a, x).add(G), proof, ctx)).toBe(false);
  });
});

describe('committee key (threshold DKG)', () => {
  it('gives a joint key that any majority decrypts under, and a minority cannot', () => {
    const m = encrypt(CEREMONY.publicKey, 5).ciphertext;
    for (const set of [
      [1, 2],
      [1, 3],
      [2, 3],
      [1, 2, 3],
    ]) {
      const combined = set.reduce(
        (acc, j) =>
          acc.add(mul(m.a, Fn.mul(CEREMONY.secrets[j - 1]!.secretShare, lagrangeAtZero(set, j)))),
        mul(G, 0n),
      );
      expect(discreteLog(m.b.subtract(combined), 10)).toBe(5);
    }
    // One member alone (below the threshold) gets a wrong value.
    const alone = mul(m.a, CEREMONY.secrets[0]!.secretShare);
    expect(discreteLog(m.b.subtract(alone), 10)).toBeUndefined();
    // Each member's verification key is public and matches its secret share.
    for (const s of CEREMONY.secrets)
      expect(verificationKey(CEREMONY.dealers, s.index).equals(mul(G, s.secretShare))).toBe(true);
  });

  it('lets a member prove a dealer cheated, while an honest dealer survives false complaints and a tampering server', () => {
    const { committee } = CEREMONY;
    const secret1 = CEREMONY.secrets[0]!.transportSecret;
    const secret2 = CEREMONY.secrets[1]!.transportSecret;
    const d = deal(committee, 1, secret1);
    const toMember2 = d.shares.find((s) => s.recipient === 2)!;
    expect(receiveShare(committee, secret2, d.commitment, toMember2).ok).toBe(true);
    // A false complaint against an honest dealer is not upheld.
    const falseComplaint = makeComplaint(committee, secret2, toMember2);
    expect(complaintUpheld(committee, d.commitment, toMember2, falseComplaint)).toBe(false);
    // The relaying server flips a byte: the message is no longer the dealer's, the recipient asks
    // for it again instead of complaining, and a complaint would not be upheld either.
    const json = encryptedShareToJson(toMember2);
    const tampered = encryptedShareFromJson({
      ...json,
      body: (json.body[0] === '0' ? '1' : '0') + json.body.slice(1),
    });
    expect(receiveShare(committee, secret2, d.commitment, tampered)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const onTampered = makeComplaint(committee, secret2, tampered);
    expect(complaintUpheld(committee, d.commitment, tampered, onTampered)).toBe(false);
    // A member cannot read a share sent to someone else.
    const secret3 = CEREMONY.secrets[2]!.transportSecret;
    expect(receiveShare(committee, secret3, d.commitment, toMember2).ok).toBe(false);
    // A cheating dealer publishes commitments its (signed) shares do not match: caught, and the
    // recipient's complaint is upheld by anyone.
    const other = deal(committee, 1, secret1);
    expect(receiveShare(committee, secret2, other.commitment, toMember2)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(complaintUpheld(committee, other.commitment, toMember2, falseComplaint)).toBe(true);
    // Nobody else can deal in member 1's name.
    expect(() => deal(committee, 1, secret2)).toThrow(/transport key/);
  });

  it('works for 3-of-5 with a lost member: the other four finish the key and the count', () => {
    const c5 = runKeyCeremony(5);
    expect(c5.committee.threshold).toBe(3);
    const m = encrypt(c5.publicKey, 4).ciphertext;
    const present = [1, 2, 4];
    const combined = present.reduce(
      (acc, j) =>
        acc.add(mul(m.a, Fn.mul(c5.secrets[j - 1]!.secretShare, lagrangeAtZero(present, j)))),
      mul(G, 0n),
    );
    expect(discreteLog(m.b.subtract(combined), 10)).toBe(4);
  });

  it('binds a dealer to its commitment before it sees the others (commit-then-reveal)', () => {
    const [d1, d2] = CEREMONY.dealers;
    const digest = commitmentDigest(CEREMONY.committee.ceremonyId, d1!);
    expect(commitmentDigest(CEREMONY.committee.ceremonyId, d1!)).toBe(digest);
    expect(commitmentDigest(CEREMONY.committee.ceremonyId, { ...d2!, dealer: 1 })).not.toBe(digest);
    expect(commitmentDigest('another', d1!)).not.toBe(digest);
  });

  it('refuses a secret share that does not add up to the public commitments', () => {
    const shares = new Map(CEREMONY.dealers.map((d) => [d.dealer, 1n] as const));
    expect(() => combineShares(CEREMONY.dealers, 1, shares)).toThrow(/does not match/);
  });

  it('rejects a key made by fewer members than the threshold (one member alone would know it)', () => {
    const board = clone(CLOSED);
    board.header.committee.dealers = board.header.committee.dealers.slice(0, 1);
    expect(codes(board)).toEqual(expect.arrayContaining(['khoa_hoi_dong_sai', 'khoa_chung_sai']));
  });

  it('binds dealer proofs to the ceremony', () => {
    const renamed: Committee = { ...CEREMONY.committee, ceremonyId: 'another' };
    const board = clone(CLOSED);
    board.header.committee.ceremonyId = renamed.ceremonyId;
    expect(codes(board)).toContain('khoa_hoi_dong_sai');
  });
});

describe('ballots', () => {
  const spec = (questions: BallotSpec['questions']): BallotSpec => ({
    voteId: 'vote-1',
    questions,
  });

  it('refuses to build a ballot the rules do not allow', () => {
    const pk = CEREMONY.publicKey;
    expect(() => encryptBallot(spec(TRUST), pk, 'dv-1', [[0, 1]])).toThrow(BallotRuleError);
    expect(() => encryptBallot(spec(TRUST), pk, 'dv-1', [[]])).toThrow(BallotRuleError);
    expect(() => encryptBallot(spec(TRUST), pk, 'dv-1', [[2]])).toThrow(BallotRuleError);
    expect(() => encryptBallot(spec([election(3, 1)]), pk, 'dv-1', [[0, 2]])).toThrow(
      BallotRuleError,
    );
    expect(() => encryptBallot(spec(TRUST), pk, 'dv-1', [[0], [1]])).toThrow(BallotRuleError);
  });

  it('accepts and decrypts any allowed choice (election of 2 among 3, blank included)', () => {
    const s = spec([election(3, 2)]);
    fc.assert(
      fc.property(fc.subarray([0, 1, 2], { maxLength: 2 }), (picked) => {
        const ballot = encryptBallot(s, KEY.publicKey, 'dv-1', [picked]);
        const { faults, ciphertexts } = checkBallot(s, KEY.publicKey, 'dv-1', ballot);
        expect(faults).toEqual([]);
        const marks = ciphertexts![0]!.map((x) => discreteLog(decryptToPoint(KEY.secret, x), 1));
        expect(marks).toEqual(
          [0, 1, 2].map((i) => (picked.includes(i) ? 1 : 0)).concat(picked.length ? 0 : 1),
        );
      }),
      { numRuns: 4 },
    );
  });

  it('catches a single wrong equation inside the batch and names its proof', () => {
    // A mark that encrypts 2 with a "0 or 1" proof: its challenge sum is right and every equation
    // but one (the key side of the real branch) holds. An election of 2 among 3 allows a sum of 2,
    // so the question's sum proof is honest and valid: the batch holds one false equation of 14.
    const s = spec([election(3, 2)]);
    const pk = KEY.publicKey;
    const marks = [2, 0, 0, 0].map((m, i) => {
      const { ciphertext, r } = encrypt(pk, m);
      const slot = i < 3 ? i : 'blank';
      const proof = proveMembership(pk, ciphertext, r, [0, 1], Math.min(m, 1), [
        ...choiceContext(s.voteId, 'dv-1', pk, 0, slot),
      ]);
      return { ciphertext, r, proof, slot };
    });
    const batch = new Batch();
    const forged = marks[0]!;
    const ctx0 = choiceContext(s.voteId, 'dv-1', pk, 0, 0);
    expect(batchMembership(batch, pk, forged.ciphertext, [0, 1], forged.proof, ctx0)).toBe(true);
    expect(batch.check()).toBe(false);
    expect(verifyMembership(pk, forged.ciphertext, [0, 1], forged.proof, ctx0)).toBe(false);
    // values [1, 2, 4]: a sum of 2 is index 1 (weight 4 for the blank mark)
    // the sum proof is about Σ marks + 4·blank (its randomness likewise)
    const withBlank = (xs: Ciphertext[]) => sum([...xs, scale(marks[3]!.ciphertext, 4)]);
    const blankR = Fn.mul(marks[3]!.r, 4n);
    const total = withBlank(marks.slice(0, 3).map((m) => m.ciphertext));
    const r = marks.slice(0, 3).reduce((acc, m) => Fn.add(acc, m.r), blankR);
    const overall = proveMembership(
      pk,
      total,
      r,
      [1, 2, 4],
      1,
      sumContext(s.voteId, 'dv-1', pk, 0),
    );
    const json = (m: (typeof marks)[number]) => ({
      ciphertext: ciphertextToJson(m.ciphertext),
      proof: m.proof.map(branchToJson),
    });
    const ballot: BallotJson = {
      answers: [
        {
          choices: marks.slice(0, 3).map(json),
          blank: json(marks[3]!),
          overall: overall.map(branchToJson),
        },
      ],
    };
    expect(checkBallot(s, pk, 'dv-1', ballot).faults).toEqual([
      { kind: 'choice-proof', question: 0, slot: 0 },
    ]);
    // The same ballot with an honest first mark passes.
    const honest = encrypt(pk, 1);
    const honestProof = proveMembership(pk, honest.ciphertext, honest.r, [0, 1], 1, ctx0);
    const total2 = withBlank([honest.ciphertext, marks[1]!.ciphertext, marks[2]!.ciphertext]);
    const r2 = [honest.r, marks[1]!.r, marks[2]!.r].reduce((a, b) => Fn.add(a, b), blankR);
    ballot.answers[0]!.choices[0] = json({ ...marks[0]!, ...honest, proof: honestProof });
    ballot.answers[0]!.overall = proveMembership(
      pk,
      total2,
      r2,
      [1, 2, 4],
      0,
      sumContext(s.voteId, 'dv-1', pk, 0),
    ).map(branchToJson);
    expect(checkBallot(s, pk, 'dv-1', ballot).faults).toEqual([]);
  });

  it('rejects a ballot copied to another voter or another vote', () => {
    const s = spec(TRUST);
    const ballot = encryptBallot(s, KEY.publicKey, 'dv-1', [[1]]);
    expect(checkBallot(s, KEY.publicKey, 'dv-2', ballot).faults.length).toBeGreaterThan(0);
    expect(
      checkBallot({ ...s, voteId: 'vote-2' }, KEY.publicKey, 'dv-1', ballot).faults.length,
    ).toBeGreaterThan(0);
  });
});

/** A cheating client: marks two choices, each with a valid 0/1 proof, and a proof for "2". */
function twoChoiceBallot(board: Board, voterId: string): BallotJson {
  const pk = CEREMONY.publicKey;
  const ctx = (slot: number) => ['choice', board.header.voteId, voterId, pk, 0, String(slot)];
  const marks = [0, 1].map((slot) => {
    const { ciphertext, r } = encrypt(pk, 1);
    const proof = proveMembership(pk, ciphertext, r, [0, 1], 1, ctx(slot));
    return {
      ciphertext,
      r,
      json: {
        ciphertext: { a: pointToHex(ciphertext.a), b: pointToHex(ciphertext.b) },
        proof: proof.map(branchToJson),
      },
    };
  });
  const total = sum(marks.map((m) => m.ciphertext));
  const overall = proveMembership(pk, total, Fn.add(marks[0]!.r, marks[1]!.r), [2], 0, [
    'question-sum',
    board.header.voteId,
    voterId,
    pk,
    0,
  ]);
  return {
    answers: [
      { choices: marks.map((m) => m.json), blank: null, overall: overall.map(branchToJson) },
    ],
  };
}

/** Re-chains a board after a change, as a server hiding its tampering would (so only the proof check can tell). */
function rechain(board: Board): Board {
  const open = { ...board, ballots: [], close: null, decryptions: [], result: null };
  let b: Board = open;
  for (const e of board.ballots)
    b = appendBallot(b, { voterId: e.voterId, voterName: e.voterName }, e.ballot).board;
  return closeBoard(b);
}

describe('bulletin board and verifier', () => {
  it('verifies an honest board and recomputes the result from it alone', () => {
    const v = verifyBoard(clone(COUNTED));
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.totals).toEqual([[2, 1]]);
    expect(COUNTED.result).toEqual({ ballotCount: 3, totals: [[2, 1]] });
  });

  it('gives each delegate a receipt they can find on the board', () => {
    const s = { voteId: 'vote-1', questions: TRUST };
    const mine = encryptBallot(s, CEREMONY.publicKey, 'dv-9', [[1]]);
    const receipt = ballotReceipt(mine);
    const b = appendBallot(
      boardFor(CEREMONY, TRUST),
      { voterId: 'dv-9', voterName: 'Đại biểu 9' },
      clone(mine),
    ).board;
    expect(b.ballots.map((e) => e.receipt)).toContain(receipt);
  });

  it('hashes canonically, whatever the key order of the stored JSON', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe(
      '{"a":[{"c":null,"d":"x"}],"b":1}',
    );
  });

  it('rejects one altered ballot', () => {
    const b = clone(COUNTED);
    const other = encryptBallot(
      { voteId: 'vote-1', questions: TRUST },
      CEREMONY.publicKey,
      'dv-1',
      [[0]],
    );
    b.ballots[1]!.ballot.answers[0]!.choices[0] = other.answers[0]!.choices[0]!;
    // The swapped-in mark is valid for this voter on its own, but the ballot no longer matches its
    // receipt, its "exactly one" proof, nor the encrypted totals the committee decrypted.
    expect(codes(b)).toEqual(['bien_nhan_sai', 'chung_minh_tong_sai', 'tong_ma_hoa_sai']);
  });

  it('rejects a missing ballot (the chain breaks), even with the close recomputed', () => {
    const b = clone(COUNTED);
    b.ballots.splice(1, 1);
    expect(codes(b)).toEqual(expect.arrayContaining(['chuoi_dut', 'so_thu_tu_sai', 'dong_so_sai']));
    const rewritten = closeBoard({ ...b, close: null, decryptions: [], result: null });
    expect(codes(rewritten)).toContain('chuoi_dut');
  });

  it('rejects a ballot with an invalid proof, even when the server re-chains the board', () => {
    const b = clone(CLOSED);
    const p = b.ballots[0]!.ballot.answers[0]!.choices[0]!.proof[0]!;
    p.s = scalarToHex(Fn.add(scalarFromHex(p.s), 1n));
    const problems = verifyBoard(rechain(b)).problems;
    expect(problems.map((x) => x.code)).toEqual(['chung_minh_lua_chon_sai']);
    expect(problems[0]!.at).toBe(0);
  });

  it('rejects a ballot with two choices (and the server refuses it on arrival)', () => {
    const open = castAll(boardFor(CEREMONY, TRUST), [[[0]]], false);
    const cheat = twoChoiceBallot(open, 'dv-1');
    expect(checkAcceptable(open, 'dv-1', cheat)).toBe('invalid-proof');
    const b = closeBoard(
      appendBallot(open, { voterId: 'dv-1', voterName: 'Đại biểu 1' }, cheat).board,
    );
    expect(codes(b)).toEqual(['chung_minh_tong_sai']);
  });

  it('rejects a ciphertext replayed from another member, on arrival and on the board', () => {
    const open = castAll(boardFor(CEREMONY, TRUST), [[[1]]], false);
    const copied = clone(open.ballots[0]!.ballot);
    expect(checkAcceptable(open, 'dv-1', copied)).toBe('invalid-proof');
    const b = closeBoard(
      appendBallot(open, { voterId: 'dv-1', voterName: 'Đại biểu 1' }, copied).board,
    );
    expect(codes(b)).toEqual(
      expect.arrayContaining(['phieu_lap_lai', 'chung_minh_lua_chon_sai', 'chung_minh_tong_sai']),
    );
  });

  it('refuses a second ballot from the same member', () => {
    const open = castAll(boardFor(CEREMONY, TRUST), [[[1]]], false);
    const again = encryptBallot(
      { voteId: 'vote-1', questions: TRUST },
      CEREMONY.publicKey,
      'dv-0',
      [[0]],
    );
    expect(checkAcceptable(open, 'dv-0', again)).toBe('already-voted');
  });

  it('rejects a tampered decryption share and a result that does not match', () => {
    const b = clone(COUNTED);
    b.decryptions[0]!.parts[0]![0]!.d = pointToHex(
      pointFromHex(b.decryptions[0]!.parts[0]![0]!.d).add(G),
    );
    expect(codes(b)).toEqual(expect.arrayContaining(['phan_giai_ma_sai', 'thieu_phan_giai_ma']));
    const wrong = clone(COUNTED);
    wrong.result = { ballotCount: 3, totals: [[1, 2]] };
    expect(codes(wrong)).toEqual(['ket_qua_sai']);
  });

  it('binds decryption shares to the closed board: a share for other ballots is refused', () => {
    const other = castAll(boardFor(CEREMONY, TRUST), [[[1]], [[1]], [[0]]]);
    const answer = committeeDecrypt(other, 1, CEREMONY.secrets[0]!.secretShare);
    if ('refused' in answer) throw new Error('refused');
    const b = clone(COUNTED);
    b.decryptions[0] = answer.share;
    expect(codes(b)).toContain('phan_giai_ma_sai');
  });

  it('a committee console refuses to decrypt a tampered board', () => {
    const b = clone(CLOSED);
    b.ballots.pop();
    const answer = committeeDecrypt(b, 1, CEREMONY.secrets[0]!.secretShare);
    expect('refused' in answer && answer.refused.map((p) => p.code)).toContain('dong_so_sai');
  });

  it('a committee console refuses a consistent board that leaves out a ballot it saw cast', () => {
    // The server rebuilds a valid-looking board with only the first ballot, to learn that one vote.
    const subset = rechain({ ...clone(CLOSED), ballots: clone(CLOSED).ballots.slice(0, 1) });
    expect(verifyBoard(subset).ok).toBe(true);
    const answer = committeeDecrypt(subset, 1, CEREMONY.secrets[0]!.secretShare, {
      expectVoters: ['dv-0', 'dv-1', 'dv-2'],
    });
    expect('refused' in answer && answer.refused[0]!.detail).toMatch(/dv-1, dv-2/);
  });

  it('completes the count when one committee member’s device is lost (members 2 and 3 only)', () => {
    const b = count(CLOSED, [2, 3]);
    expect(b.result?.totals).toEqual([[2, 1]]);
    expect(verifyBoard(clone(b)).ok).toBe(true);
    // With only one share the count cannot complete.
    const answer = committeeDecrypt(CLOSED, 3, CEREMONY.secrets[2]!.secretShare);
    if ('refused' in answer) throw new Error('refused');
    expect(tallyBoard(addDecryptionShare(CLOSED, answer.share))).toEqual({
      problems: [expect.objectContaining({ code: 'thieu_phan_giai_ma' })],
    });
  });

  it('counts a vote nobody took part in as zero everywhere', () => {
    const empty = count(castAll(boardFor(CEREMONY, TRUST, 'vote-empty'), []), [1, 2]);
    expect(empty.result).toEqual({ ballotCount: 0, totals: [[0, 0]] });
    expect(verifyBoard(clone(empty)).ok).toBe(true);
  });

  it('rejects a mark encrypted without randomness (it would be readable by all)', () => {
    const s = { voteId: 'vote-1', questions: TRUST };
    const pk = CEREMONY.publicKey;
    const { ciphertext } = encrypt(pk, 1, 0n);
    const proof = proveMembership(pk, ciphertext, 0n, [0, 1], 1, [
      'choice',
      'vote-1',
      'dv-1',
      pk,
      0,
      '0',
    ]);
    const ballot = encryptBallot(s, pk, 'dv-1', [[0]]);
    ballot.answers[0]!.choices[0] = {
      ciphertext: { a: pointToHex(ciphertext.a), b: pointToHex(ciphertext.b) },
      proof: proof.map(branchToJson),
    };
    expect(checkBallot(s, pk, 'dv-1', ballot).faults).toContainEqual({
      kind: 'choice-proof',
      question: 0,
      slot: 0,
    });
  });

  it('reports problems in Vietnamese and English, one line each', () => {
    const b = clone(COUNTED);
    b.ballots.splice(1, 1);
    const text = describeVerification(verifyBoard(b));
    expect(text).toMatch(/^Bảng phiếu KHÔNG hợp lệ/);
    expect(text).toContain('[chuoi_dut] Chuỗi phiếu bị đứt');
    expect(describeVerification(verifyBoard(clone(COUNTED)))).toMatch(
      /^Bảng phiếu hợp lệ: 3 phiếu, kết quả \[\[2,1\]\]/,
    );
  });

  it('rejects a board that is not a board', () => {
    expect(codes({ format: 'x' })).toEqual(['dinh_dang_sai']);
    const b = clone(CLOSED);
    b.header.publicKey = 'zz';
    expect(codes(b)).toEqual(['dinh_dang_sai']);
  });

  it('detects any single changed character anywhere in a counted board (property)', () => {
    // Every hex string of the board (keys, ciphertexts, proofs, hashes, receipts, shares).
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) paths.push(path);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(COUNTED, []);
    expect(paths.length).toBeGreaterThan(80);
    fc.assert(
      fc.property(
        fc.nat(paths.length - 1),
        fc.nat(63),
        fc.integer({ min: 1, max: 15 }),
        (which, pos, delta) => {
          const b = clone(COUNTED) as unknown as Record<string | number, unknown>;
          const path = paths[which]!;
          let parent = b;
          for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
          const last = path[path.length - 1]!;
          const old = parent[last] as string;
          const digit = ((parseInt(old[pos]!, 16) + delta) % 16).toString(16);
          parent[last] = old.slice(0, pos) + digit + old.slice(pos + 1);
          expect(verifyBoard(b).ok).toBe(false);
        },
      ),
      { numRuns: 4 },
    );
    // And a changed name or title.
    const renamed = clone(COUNTED);
    renamed.ballots[2]!.voterName = 'Người khác';
    expect(codes(renamed)).toEqual(['bam_sai']);
  });

  it('counts a confidence rating and an election with blank ballots correctly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 2 }), fc.subarray([0, 1, 2], { maxLength: 2 })),
          { minLength: 1, maxLength: 2 },
        ),
        (votes) => {
          const questions = [...confidenceRating(1), election(3, 2)];
          const b = count(
            castAll(
              boardFor(CEREMONY, questions, 'vote-p'),
              votes.map(([r, e]) => [[r], e]),
            ),
            [1, 3],
          );
          const rating = [0, 1, 2].map((i) => votes.filter(([r]) => r === i).length);
          const kept = [0, 1, 2].map((i) => votes.filter(([, e]) => e.includes(i)).length);
          const blank = votes.filter(([, e]) => e.length === 0).length;
          const v = verifyBoard(clone(b));
          expect(v.ok).toBe(true);
          expect(v.totals).toEqual([rating, [...kept, blank]]);
        },
      ),
      { numRuns: 2 },
    );
  });
});

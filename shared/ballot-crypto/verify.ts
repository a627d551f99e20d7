// The verifier anyone can run on a published board (portal page, `npm run verify-vote`, the
// committee's consoles before they decrypt): it checks the committee key, the hash chain, every
// ballot's proofs, the encrypted totals, every decryption share's proof, and recomputes the result
// from the board alone. Each problem has a stable code (Vietnamese words without diacritics, for
// the UI to translate) and an English detail.
import { checkBallot, slotCount, type BallotFault } from './ballot';
import {
  BoardSchema,
  ballotCiphertextKeys,
  ballotReceipt,
  boardCommittee,
  boardPublicKey,
  boardSpec,
  closeHash,
  dealerFromJson,
  encryptedTotals,
  entryHash,
  headerHash,
  type Board,
} from './board';
import { checkDealerCommitment, jointPublicKey, verificationKey } from './dkg';
import { ciphertextFromJson, ciphertextToJson, type Ciphertext } from './elgamal';
import type { Point } from './group';
import {
  checkDecryptionShare,
  combineDecryption,
  makeDecryptionShare,
  type DecryptionShareJson,
} from './tally';

export type ProblemCode =
  /** The board is not well-formed JSON of this format. */
  | 'dinh_dang_sai'
  /** A committee member's key-generation message is invalid (proof, length, index). */
  | 'khoa_hoi_dong_sai'
  /** The public key is not the one the committee's commitments give. */
  | 'khoa_chung_sai'
  /** A ballot's sequence number is wrong. */
  | 'so_thu_tu_sai'
  /** A ballot does not follow the one before it: one was removed, inserted or reordered. */
  | 'chuoi_dut'
  /** A ballot's receipt is not the hash of its content: the ballot was altered. */
  | 'bien_nhan_sai'
  /** A ballot entry's hash is wrong. */
  | 'bam_sai'
  /** The same member has two ballots. */
  | 'trung_nguoi_bo_phieu'
  /** A ciphertext appears in two ballots (copied from another member). */
  | 'phieu_lap_lai'
  /** A ballot has the wrong shape or an invalid encoding. */
  | 'phieu_sai_dang'
  /** A mark's proof (that it is 0 or 1) fails — or it was made for another voter or vote. */
  | 'chung_minh_lua_chon_sai'
  /** A question's proof (number of marked choices allowed) fails: e.g. two choices. */
  | 'chung_minh_tong_sai'
  /** The close does not match the ballots (count, last hash, its own hash). */
  | 'dong_so_sai'
  /** The published encrypted totals are not the sum of the ballots. */
  | 'tong_ma_hoa_sai'
  /** A decryption share is invalid (wrong member, wrong proof, wrong value). */
  | 'phan_giai_ma_sai'
  /** Fewer valid decryption shares than the threshold. */
  | 'thieu_phan_giai_ma'
  /** The published result is not what the board decrypts to. */
  | 'ket_qua_sai';

export interface Problem {
  code: ProblemCode;
  /** Entry number (seq) or committee member index the problem is about, when there is one. */
  at?: number;
  detail: string;
}

export interface Verification {
  ok: boolean;
  problems: Problem[];
  /** Ballots on the board. */
  ballotCount: number;
  /** The result recomputed from the board (null before enough valid decryption shares). */
  totals: number[][] | null;
}

function faultProblem(seq: number, f: BallotFault): Problem {
  switch (f.kind) {
    case 'shape':
    case 'encoding':
      return { code: 'phieu_sai_dang', at: seq, detail: `ballot ${seq}: ${f.detail}` };
    case 'choice-proof':
      return {
        code: 'chung_minh_lua_chon_sai',
        at: seq,
        detail: `ballot ${seq}: question ${f.question + 1}, ${f.slot === 'blank' ? 'blank mark' : `choice ${f.slot + 1}`}: the proof that it is 0 or 1 fails for this voter and vote`,
      };
    case 'sum-proof':
      return {
        code: 'chung_minh_tong_sai',
        at: seq,
        detail: `ballot ${seq}: question ${f.question + 1}: the proof that the number of marked choices is allowed fails`,
      };
  }
}

/** Verifies a board read from anywhere (untrusted JSON). */
export function verifyBoard(input: unknown): Verification {
  const parsed = BoardSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      problems: [
        {
          code: 'dinh_dang_sai',
          detail: `not a board: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        },
      ],
      ballotCount: 0,
      totals: null,
    };
  try {
    return verifyParsed(parsed.data);
  } catch (e) {
    // A verifier never throws on hostile input: an encoding it cannot read is a problem to report.
    if (e instanceof Error)
      return {
        ok: false,
        problems: [{ code: 'dinh_dang_sai', detail: `invalid encoding: ${e.message}` }],
        ballotCount: parsed.data.ballots.length,
        totals: null,
      };
    throw e;
  }
}

function verifyParsed(board: Board): Verification {
  const problems: Problem[] = [];
  const { header } = board;
  const committee = boardCommittee(header);
  const threshold = committee.threshold;
  const n = committee.members.length;
  if (threshold > n || committee.members.some((m, i) => m.index !== i + 1))
    problems.push({
      code: 'khoa_hoi_dong_sai',
      detail: 'committee members must be numbered 1..n and the threshold at most n',
    });
  const dealers = header.committee.dealers.map(dealerFromJson);
  // At least t qualified dealers: then, with fewer than t dishonest members, one honest dealer's
  // random polynomial is in the key and nobody knows the whole secret.
  if (dealers.length < threshold)
    problems.push({
      code: 'khoa_hoi_dong_sai',
      detail: `${dealers.length} members took part in the key generation, ${threshold} needed`,
    });
  const seenDealers = new Set<number>();
  for (const d of dealers) {
    if (seenDealers.has(d.dealer) || !checkDealerCommitment(committee, d))
      problems.push({
        code: 'khoa_hoi_dong_sai',
        at: d.dealer,
        detail: `member ${d.dealer}: key-generation commitment is invalid or repeated`,
      });
    seenDealers.add(d.dealer);
  }
  const publicKey: Point = boardPublicKey(header);
  if (!jointPublicKey(dealers).equals(publicKey))
    problems.push({
      code: 'khoa_chung_sai',
      detail: 'the public key is not the committee’s joint key',
    });

  // The chain of ballots.
  const spec = boardSpec(header);
  const voters = new Set<string>();
  const ciphertextOwner = new Map<string, number>();
  let prev = headerHash(header);
  board.ballots.forEach((e, i) => {
    if (e.seq !== i)
      problems.push({
        code: 'so_thu_tu_sai',
        at: e.seq,
        detail: `entry ${i} says it is number ${e.seq}`,
      });
    if (e.prev !== prev)
      problems.push({
        code: 'chuoi_dut',
        at: e.seq,
        detail: `ballot ${e.seq} does not follow the previous entry: a ballot is missing, added or moved`,
      });
    if (ballotReceipt(e.ballot) !== e.receipt)
      problems.push({
        code: 'bien_nhan_sai',
        at: e.seq,
        detail: `ballot ${e.seq} does not match its receipt: it was altered`,
      });
    if (entryHash(e) !== e.hash)
      problems.push({ code: 'bam_sai', at: e.seq, detail: `entry ${e.seq} has a wrong hash` });
    prev = e.hash;
    if (voters.has(e.voterId))
      problems.push({
        code: 'trung_nguoi_bo_phieu',
        at: e.seq,
        detail: `member ${e.voterId} has more than one ballot`,
      });
    voters.add(e.voterId);
    for (const k of ballotCiphertextKeys(e.ballot)) {
      const owner = ciphertextOwner.get(k);
      if (owner !== undefined && owner !== e.seq)
        problems.push({
          code: 'phieu_lap_lai',
          at: e.seq,
          detail: `ballot ${e.seq} reuses a ciphertext of ballot ${owner}`,
        });
      else ciphertextOwner.set(k, e.seq);
    }
    const { faults } = checkBallot(spec, publicKey, e.voterId, e.ballot);
    for (const f of faults) problems.push(faultProblem(e.seq, f));
  });

  const ballotCount = board.ballots.length;
  const shapeOk = !problems.some((p) => p.code === 'phieu_sai_dang');
  let totals: Ciphertext[][] | null = shapeOk ? encryptedTotals(header, board.ballots) : null;
  let computed: number[][] | null = null;

  if (!board.close) {
    if (board.decryptions.length || board.result)
      problems.push({
        code: 'dong_so_sai',
        detail: 'decryption shares or a result without a close',
      });
    return { ok: problems.length === 0, problems, ballotCount, totals: null };
  }
  const close = board.close;
  if (
    close.ballotCount !== ballotCount ||
    close.lastHash !== prev ||
    closeHash(close) !== close.hash
  )
    problems.push({
      code: 'dong_so_sai',
      detail: `the close says ${close.ballotCount} ballots ending at ${close.lastHash.slice(0, 12)}…, the board has ${ballotCount} ending at ${prev.slice(0, 12)}…`,
    });
  if (
    totals &&
    JSON.stringify(totals.map((r) => r.map(ciphertextToJson))) !== JSON.stringify(close.totals)
  )
    problems.push({
      code: 'tong_ma_hoa_sai',
      detail: 'the encrypted totals are not the sum of the ballots',
    });
  // Shares and result are checked against the published totals (a wrong sum is reported above).
  const shape = header.questions.map(slotCount);
  totals =
    close.totals.length === shape.length && close.totals.every((r, q) => r.length === shape[q])
      ? close.totals.map((r) => r.map(ciphertextFromJson))
      : null;
  if (!totals)
    problems.push({
      code: 'dong_so_sai',
      detail: 'the encrypted totals do not have the ballot’s shape',
    });

  // Decryption shares.
  const ctx = { voteId: header.voteId, closeHash: close.hash };
  const valid = new Map<number, Point[][]>();
  if (totals) {
    for (const share of board.decryptions) {
      const member = committee.members[share.member - 1];
      const points =
        member && !valid.has(share.member)
          ? checkDecryptionShare(ctx, verificationKey(dealers, share.member), totals, share)
          : null;
      if (points) valid.set(share.member, points);
      else
        problems.push({
          code: 'phan_giai_ma_sai',
          at: share.member,
          detail: `the decryption share of committee member ${share.member} is invalid`,
        });
    }
    if (valid.size >= threshold) {
      try {
        computed = combineDecryption(totals, valid, threshold, ballotCount);
      } catch (e) {
        problems.push({
          code: 'ket_qua_sai',
          detail: e instanceof Error ? e.message : 'no result',
        });
      }
    }
  }
  if (board.result) {
    if (!computed) {
      if (valid.size < threshold)
        problems.push({
          code: 'thieu_phan_giai_ma',
          detail: `${valid.size} valid decryption shares, ${threshold} needed`,
        });
    } else if (
      board.result.ballotCount !== ballotCount ||
      JSON.stringify(board.result.totals) !== JSON.stringify(computed)
    ) {
      problems.push({
        code: 'ket_qua_sai',
        detail: `the published result is not what the board decrypts to (${JSON.stringify(computed)})`,
      });
    }
  }
  return { ok: problems.length === 0, problems, ballotCount, totals: computed };
}

/**
 * In a committee member's console when the vote closes: verifies the board first and refuses to
 * decrypt a board with any problem (a malicious server could otherwise ask it to decrypt a "total"
 * made of one member's ballot), then returns this member's decryption share.
 */
export function committeeDecrypt(
  board: unknown,
  member: number,
  secretShare: bigint,
  options: {
    /**
     * The voters this console saw voting during the vote (the live "who voted" list): a board that
     * leaves one out is refused, so a server cannot have a subset of ballots decrypted.
     */
    expectVoters?: readonly string[];
  } = {},
): { share: DecryptionShareJson } | { refused: Problem[] } {
  const parsed = BoardSchema.safeParse(board);
  if (!parsed.success) return { refused: [{ code: 'dinh_dang_sai', detail: 'not a board' }] };
  const bare: Board = { ...parsed.data, decryptions: [], result: null };
  const v = verifyBoard(bare);
  if (!v.ok) return { refused: v.problems };
  const onBoard = new Set(bare.ballots.map((e) => e.voterId));
  const missing = (options.expectVoters ?? []).filter((id) => !onBoard.has(id));
  if (missing.length)
    return {
      refused: [
        {
          code: 'chuoi_dut',
          detail: `the board leaves out ballots this console saw cast (${missing.join(', ')})`,
        },
      ],
    };
  if (!bare.close) return { refused: [{ code: 'dong_so_sai', detail: 'the vote is not closed' }] };
  const totals = encryptedTotals(bare.header, bare.ballots);
  return {
    share: makeDecryptionShare(
      { voteId: bare.header.voteId, closeHash: bare.close.hash },
      member,
      secretShare,
      totals,
    ),
  };
}

/** After the shares arrive (server or anyone): the result from any `threshold` valid shares. */
export function tallyBoard(
  board: Board,
): { result: { ballotCount: number; totals: number[][] } } | { problems: Problem[] } {
  const v = verifyBoard({ ...board, result: null });
  // An invalid share is left out (the server refuses it on arrival anyway); anything else blocks.
  const blocking = v.problems.filter((p) => p.code !== 'phan_giai_ma_sai');
  if (blocking.length) return { problems: blocking };
  if (!v.totals)
    return {
      problems: [
        {
          code: 'thieu_phan_giai_ma',
          detail: `fewer than ${board.header.committee.threshold} valid decryption shares`,
        },
      ],
    };
  return { result: { ballotCount: v.ballotCount, totals: v.totals } };
}

/** What each problem means, in Vietnamese first and English second, for the portal and the CLI. */
export const PROBLEM_LABELS: Record<ProblemCode, { vi: string; en: string }> = {
  dinh_dang_sai: { vi: 'Tệp không đúng định dạng bảng phiếu', en: 'Not a valid board file' },
  khoa_hoi_dong_sai: {
    vi: 'Khóa của ban kiểm phiếu không hợp lệ',
    en: 'The counting committee’s key generation is invalid',
  },
  khoa_chung_sai: {
    vi: 'Khóa công khai không phải khóa chung của ban kiểm phiếu',
    en: 'The public key is not the committee’s joint key',
  },
  so_thu_tu_sai: { vi: 'Số thứ tự phiếu sai', en: 'A ballot’s sequence number is wrong' },
  chuoi_dut: {
    vi: 'Chuỗi phiếu bị đứt: có phiếu bị bỏ, thêm hoặc đổi chỗ',
    en: 'The chain is broken: a ballot was removed, added or moved',
  },
  bien_nhan_sai: {
    vi: 'Phiếu không khớp biên nhận: phiếu đã bị sửa',
    en: 'A ballot does not match its receipt: it was altered',
  },
  bam_sai: { vi: 'Mã băm của phiếu sai', en: 'A ballot entry’s hash is wrong' },
  trung_nguoi_bo_phieu: {
    vi: 'Một đại biểu có hai phiếu',
    en: 'A member has two ballots',
  },
  phieu_lap_lai: {
    vi: 'Phiếu chép lại bản mã của phiếu khác',
    en: 'A ballot reuses another ballot’s ciphertext',
  },
  phieu_sai_dang: { vi: 'Phiếu sai cấu trúc', en: 'A ballot has the wrong shape' },
  chung_minh_lua_chon_sai: {
    vi: 'Chứng minh một lựa chọn (0 hoặc 1) không hợp lệ',
    en: 'A choice’s 0-or-1 proof is invalid',
  },
  chung_minh_tong_sai: {
    vi: 'Chứng minh số lựa chọn không hợp lệ (ví dụ chọn hai phương án)',
    en: 'The proof of the number of choices is invalid (e.g. two choices)',
  },
  dong_so_sai: {
    vi: 'Biên bản khóa sổ không khớp các phiếu',
    en: 'The close does not match the ballots',
  },
  tong_ma_hoa_sai: {
    vi: 'Tổng mã hóa không bằng tổng các phiếu',
    en: 'The encrypted totals are not the sum of the ballots',
  },
  phan_giai_ma_sai: {
    vi: 'Phần giải mã của một thành viên ban kiểm phiếu không hợp lệ',
    en: 'A committee member’s decryption share is invalid',
  },
  thieu_phan_giai_ma: {
    vi: 'Chưa đủ phần giải mã hợp lệ của ban kiểm phiếu',
    en: 'Not enough valid decryption shares',
  },
  ket_qua_sai: {
    vi: 'Kết quả công bố không khớp kết quả kiểm lại',
    en: 'The published result does not match the recount',
  },
};

/** Plain-text report of a verification, Vietnamese then English, one line per problem. */
export function describeVerification(v: Verification): string {
  const lines = v.ok
    ? [
        `Bảng phiếu hợp lệ: ${v.ballotCount} phiếu${v.totals ? `, kết quả ${JSON.stringify(v.totals)}` : ''}.`,
        `The board verifies: ${v.ballotCount} ballots${v.totals ? `, result ${JSON.stringify(v.totals)}` : ''}.`,
      ]
    : [
        `Bảng phiếu KHÔNG hợp lệ: ${v.problems.length} lỗi. / The board does NOT verify: ${v.problems.length} problems.`,
        ...v.problems.map(
          (p) =>
            `- [${p.code}] ${PROBLEM_LABELS[p.code].vi} / ${PROBLEM_LABELS[p.code].en}: ${p.detail}`,
        ),
      ];
  return lines.join('\n');
}

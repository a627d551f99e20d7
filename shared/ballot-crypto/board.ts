// The public bulletin board of one secret vote, as JSON: the header (vote, questions, committee
// and its key-generation commitments, joint public key), every ballot with its voter's name, its
// receipt (SHA-256 of the ballot) and a SHA-256 hash chain, the close (ballot count, last hash,
// encrypted totals), the committee's decryption shares with proofs, and the result. Zod schemas
// check a board read from outside; hashes are over a canonical JSON (sorted keys, no spaces,
// integers only), so they do not depend on how a board was stored or re-serialised.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from '../zod';
import { checkBallot, checkSpec, slotCount, type BallotJson, type BallotSpec } from './ballot';
import {
  majority,
  type Committee,
  type Complaint,
  type DealerCommitment,
  type EncryptedShare,
} from './dkg';
import { ciphertextFromJson, ciphertextToJson, type Ciphertext } from './elgamal';
import { pointFromHex, pointToHex, preparedFromHex, type Point } from './group';
import { proofFromJson, proofToJson } from './proofs';
import { addBallots, type DecryptionShareJson } from './tally';

export const BOARD_FORMAT = 'hdnd-secret-ballot/v1';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex characters');
const index = z.number().int().min(0);

export const ProofSchema = z.object({ c: hex32, s: hex32 });
/** A branch of a ballot proof: commitments ta, tb with c, s (docs/secret-ballot.md §9). */
export const BranchProofSchema = z.object({ ta: hex32, tb: hex32, c: hex32, s: hex32 });
export const CiphertextSchema = z.object({ a: hex32, b: hex32 });
export const EncryptedChoiceSchema = z.object({
  ciphertext: CiphertextSchema,
  proof: z.array(BranchProofSchema),
});
export const BallotSchema = z.object({
  answers: z.array(
    z.object({
      choices: z.array(EncryptedChoiceSchema),
      blank: EncryptedChoiceSchema.nullable(),
      overall: z.array(BranchProofSchema),
    }),
  ),
});
export const QuestionSpecSchema = z.object({
  choices: z.number().int().min(1).max(256),
  min: index,
  max: index,
  blank: z.boolean(),
});
export const DealerCommitmentSchema = z.object({
  dealer: z.number().int().min(1),
  commitments: z.array(hex32).min(1),
  proof: ProofSchema,
});
export const BoardHeaderSchema = z.object({
  voteId: z.string().min(1),
  title: z.string(),
  questions: z.array(QuestionSpecSchema).min(1),
  committee: z.object({
    ceremonyId: z.string().min(1),
    threshold: z.number().int().min(1),
    members: z.array(
      z.object({
        index: z.number().int().min(1),
        memberId: z.string(),
        name: z.string(),
        transportKey: hex32,
      }),
    ),
    dealers: z.array(DealerCommitmentSchema).min(1),
  }),
  publicKey: hex32,
});
export const BoardEntrySchema = z.object({
  seq: index,
  voterId: z.string().min(1),
  voterName: z.string(),
  ballot: BallotSchema,
  /** SHA-256 of the canonical ballot: what the delegate's browser shows and keeps. */
  receipt: hex32,
  prev: hex32,
  hash: hex32,
});
export const BoardCloseSchema = z.object({
  ballotCount: index,
  lastHash: hex32,
  totals: z.array(z.array(CiphertextSchema)),
  hash: hex32,
});
export const DecryptionShareSchema = z.object({
  member: z.number().int().min(1),
  parts: z.array(z.array(z.object({ d: hex32, proof: ProofSchema }))),
});
export const BoardResultSchema = z.object({
  ballotCount: index,
  /** totals[question][slot]; for a question with a blank mark the last slot counts blank ballots. */
  totals: z.array(z.array(index)),
});
export const BoardSchema = z.object({
  format: z.literal(BOARD_FORMAT),
  header: BoardHeaderSchema,
  ballots: z.array(BoardEntrySchema),
  close: BoardCloseSchema.nullable(),
  decryptions: z.array(DecryptionShareSchema),
  result: BoardResultSchema.nullable(),
});

export type BoardHeader = z.infer<typeof BoardHeaderSchema>;
export type BoardEntry = z.infer<typeof BoardEntrySchema>;
export type BoardClose = z.infer<typeof BoardCloseSchema>;
export type BoardResult = z.infer<typeof BoardResultSchema>;
export type Board = z.infer<typeof BoardSchema>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Canonical JSON: object keys sorted, no whitespace, safe integers only. */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown): string => {
    if (v === null || typeof v === 'boolean') return JSON.stringify(v);
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new Error('canonicalJson: only safe integers');
      return String(v);
    }
    if (Array.isArray(v)) return `[${v.map(walk).join(',')}]`;
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${walk(o[k])}`).join(',')}}`;
    }
    throw new Error(`canonicalJson: cannot encode ${typeof v}`);
  };
  return walk(value);
}

/** SHA-256 of the canonical JSON, as 64 hex characters. */
export const hashJson = (value: Json | object): string =>
  bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));

/** The receipt a delegate keeps: the hash of their encrypted ballot (known before it is sent). */
export const ballotReceipt = (ballot: BallotJson): string => hashJson(ballot);

export const headerHash = (header: BoardHeader): string => hashJson(header);

export function entryHash(e: Omit<BoardEntry, 'hash' | 'ballot'>): string {
  return hashJson({
    seq: e.seq,
    voterId: e.voterId,
    voterName: e.voterName,
    receipt: e.receipt,
    prev: e.prev,
  });
}

export function closeHash(c: Omit<BoardClose, 'hash'>): string {
  return hashJson({ ballotCount: c.ballotCount, lastHash: c.lastHash, totals: c.totals });
}

export const dealerToJson = (d: DealerCommitment): z.infer<typeof DealerCommitmentSchema> => ({
  dealer: d.dealer,
  commitments: d.commitments.map(pointToHex),
  proof: proofToJson(d.proof),
});

/**
 * Commit-then-reveal for the key generation: a dealer first publishes this digest of its
 * commitment (with the ceremony id), and the commitments only when every digest is in, so that no
 * member can choose its polynomial after seeing the others' (which would bias the joint key).
 */
export const commitmentDigest = (ceremonyId: string, d: DealerCommitment): string =>
  hashJson({ ceremonyId, commitment: dealerToJson(d) });

export const dealerFromJson = (d: z.infer<typeof DealerCommitmentSchema>): DealerCommitment => ({
  dealer: d.dealer,
  commitments: d.commitments.map(pointFromHex),
  proof: proofFromJson(d.proof),
});

/** The ballot rules of a board. */
export const boardSpec = (header: BoardHeader): BallotSpec => ({
  voteId: header.voteId,
  questions: header.questions,
});

/** The committee as dkg.ts sees it. */
export const boardCommittee = (header: BoardHeader): Committee => ({
  ceremonyId: header.committee.ceremonyId,
  threshold: header.committee.threshold,
  members: header.committee.members.map((m) => ({
    index: m.index,
    memberId: m.memberId,
    transportKey: pointFromHex(m.transportKey),
  })),
});

export const boardPublicKey = (header: BoardHeader): Point => preparedFromHex(header.publicKey);

/** A new board for a vote (before the first ballot). */
export function openBoard(input: {
  voteId: string;
  title: string;
  questions: BallotSpec['questions'];
  committee: {
    ceremonyId: string;
    threshold?: number;
    members: { index: number; memberId: string; name: string; transportKey: Point }[];
    dealers: DealerCommitment[];
  };
  publicKey: Point;
}): Board {
  checkSpec({ voteId: input.voteId, questions: input.questions });
  const header: BoardHeader = {
    voteId: input.voteId,
    title: input.title,
    questions: input.questions.map((q) => ({ ...q })),
    committee: {
      ceremonyId: input.committee.ceremonyId,
      threshold: input.committee.threshold ?? majority(input.committee.members.length),
      members: input.committee.members.map((m) => ({
        index: m.index,
        memberId: m.memberId,
        name: m.name,
        transportKey: pointToHex(m.transportKey),
      })),
      dealers: input.committee.dealers.map(dealerToJson),
    },
    publicKey: pointToHex(input.publicKey),
  };
  return { format: BOARD_FORMAT, header, ballots: [], close: null, decryptions: [], result: null };
}

/**
 * Appends a ballot (the server checks it first with `checkAcceptable`). Returns the new board and
 * the entry; the entry's receipt is what the voter's browser computed with `ballotReceipt`.
 */
export function appendBallot(
  board: Board,
  voter: { voterId: string; voterName: string },
  ballot: BallotJson,
): { board: Board; entry: BoardEntry } {
  if (board.close) throw new Error('appendBallot: the board is closed');
  const seq = board.ballots.length;
  const prev = seq === 0 ? headerHash(board.header) : board.ballots[seq - 1]!.hash;
  const receipt = ballotReceipt(ballot);
  const base = { seq, voterId: voter.voterId, voterName: voter.voterName, receipt, prev };
  const entry: BoardEntry = { ...base, ballot, hash: entryHash(base) };
  return { board: { ...board, ballots: [...board.ballots, entry] }, entry };
}

/** Why the server refuses a ballot before it reaches the board (null: acceptable). */
export function checkAcceptable(board: Board, voterId: string, ballot: BallotJson): string | null {
  if (board.close) return 'closed';
  if (board.ballots.some((e) => e.voterId === voterId)) return 'already-voted';
  const { faults } = checkBallot(
    boardSpec(board.header),
    boardPublicKey(board.header),
    voterId,
    ballot,
  );
  if (faults.length) return 'invalid-proof';
  const seen = new Set(board.ballots.flatMap((e) => ballotCiphertextKeys(e.ballot)));
  if (ballotCiphertextKeys(ballot).some((k) => seen.has(k))) return 'replayed-ciphertext';
  return null;
}

/** One key per ciphertext of a ballot (its `a` point), to find a ciphertext copied between ballots. */
export function ballotCiphertextKeys(ballot: BallotJson): string[] {
  return ballot.answers.flatMap((a) =>
    [...a.choices, ...(a.blank ? [a.blank] : [])].map((c) => c.ciphertext.a),
  );
}

/** The encrypted totals of a list of ballots (questions × slots). */
export function encryptedTotals(
  header: BoardHeader,
  ballots: readonly BoardEntry[],
): Ciphertext[][] {
  const shape = header.questions.map(slotCount);
  const parsed = ballots.map((e) =>
    e.ballot.answers.map((a) =>
      [...a.choices, ...(a.blank ? [a.blank] : [])].map((c) => ciphertextFromJson(c.ciphertext)),
    ),
  );
  return addBallots(shape, parsed);
}

/** Closes the board when the vote closes: no ballot is added after this. */
export function closeBoard(board: Board): Board {
  if (board.close) return board;
  const totals = encryptedTotals(board.header, board.ballots).map((row) =>
    row.map(ciphertextToJson),
  );
  const base = {
    ballotCount: board.ballots.length,
    lastHash: board.ballots.length
      ? board.ballots[board.ballots.length - 1]!.hash
      : headerHash(board.header),
    totals,
  };
  return { ...board, close: { ...base, hash: closeHash(base) } };
}

export function addDecryptionShare(board: Board, share: DecryptionShareJson): Board {
  if (!board.close) throw new Error('addDecryptionShare: the board is not closed');
  return {
    ...board,
    decryptions: [...board.decryptions.filter((d) => d.member !== share.member), share],
  };
}

export function withResult(board: Board, result: BoardResult): Board {
  return { ...board, result };
}

// Key-generation messages the server relays between the committee's browsers. The encrypted shares
// are opaque to it: it stores and forwards them, and can neither read nor usefully alter them.
export const EncryptedShareSchema = z.object({
  dealer: z.number().int().min(1),
  recipient: z.number().int().min(1),
  ephemeral: hex32,
  body: hex32,
  tag: hex32,
  signature: ProofSchema,
});
export const ComplaintSchema = z.object({
  dealer: z.number().int().min(1),
  complainer: z.number().int().min(1),
  shared: hex32,
  proof: ProofSchema,
});
export type EncryptedShareJson = z.infer<typeof EncryptedShareSchema>;
export type ComplaintJson = z.infer<typeof ComplaintSchema>;

export const encryptedShareToJson = (m: EncryptedShare): EncryptedShareJson => ({
  dealer: m.dealer,
  recipient: m.recipient,
  ephemeral: pointToHex(m.ephemeral),
  body: bytesToHex(m.body),
  tag: bytesToHex(m.tag),
  signature: proofToJson(m.signature),
});

export const encryptedShareFromJson = (m: EncryptedShareJson): EncryptedShare => ({
  dealer: m.dealer,
  recipient: m.recipient,
  ephemeral: pointFromHex(m.ephemeral),
  body: hexToBytes(m.body),
  tag: hexToBytes(m.tag),
  signature: proofFromJson(m.signature),
});

export const complaintToJson = (c: Complaint): ComplaintJson => ({
  dealer: c.dealer,
  complainer: c.complainer,
  shared: pointToHex(c.shared),
  proof: proofToJson(c.proof),
});

export const complaintFromJson = (c: ComplaintJson): Complaint => ({
  dealer: c.dealer,
  complainer: c.complainer,
  shared: pointFromHex(c.shared),
  proof: proofFromJson(c.proof),
});

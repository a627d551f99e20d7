// The count: the ballots' ciphertexts are added per choice (nobody opens a ballot), each committee
// member's console publishes a partial decryption a^(s_j) of every total with a Chaum–Pedersen
// proof that it used the same s_j as its public verification key, and any t valid partial
// decryptions are combined with Lagrange coefficients into g^total, then into the total.
import { discreteLog, sum, type Ciphertext } from './elgamal';
import { lagrangeAtZero } from './dkg';
import {
  G,
  ZERO,
  mul,
  mulPublic,
  pointFromHex,
  pointToHex,
  type HashPart,
  type Point,
} from './group';
import {
  proofFromJson,
  proofToJson,
  proveEqualLogs,
  verifyEqualLogs,
  type ProofJson,
} from './proofs';

/** Adds the ballots' ciphertexts slot by slot: ballots[i][question][slot] → totals[question][slot]. */
export function addBallots(
  shape: readonly number[],
  ballots: readonly Ciphertext[][][],
): Ciphertext[][] {
  return shape.map((slots, q) =>
    Array.from({ length: slots }, (_, s) => sum(ballots.map((b) => b[q]![s]!))),
  );
}

/** What a partial decryption is bound to: the vote and the closed board's hash (its exact ballots). */
export interface DecryptionContext {
  voteId: string;
  closeHash: string;
}

export interface PartialDecryptionJson {
  d: string;
  proof: ProofJson;
}

/** One member's decryption share of every total of a vote. */
export interface DecryptionShareJson {
  member: number;
  parts: PartialDecryptionJson[][];
}

const partContext = (
  ctx: DecryptionContext,
  member: number,
  q: number,
  slot: number,
): HashPart[] => ['partial-decryption', ctx.voteId, ctx.closeHash, member, q, slot];

/** In a committee member's console: its share of the decryption of every total, with proofs. */
export function makeDecryptionShare(
  ctx: DecryptionContext,
  member: number,
  secretShare: bigint,
  totals: readonly Ciphertext[][],
): DecryptionShareJson {
  const y = mul(G, secretShare);
  return {
    member,
    parts: totals.map((row, q) =>
      row.map((x, slot) => {
        const d = mul(x.a, secretShare);
        const proof = proveEqualLogs(secretShare, G, y, x.a, d, partContext(ctx, member, q, slot));
        return { d: pointToHex(d), proof: proofToJson(proof) };
      }),
    ),
  };
}

/** Checks one member's share against its verification key; returns the parsed points if valid. */
export function checkDecryptionShare(
  ctx: DecryptionContext,
  verificationKey: Point,
  totals: readonly Ciphertext[][],
  share: DecryptionShareJson,
): Point[][] | null {
  if (share.parts.length !== totals.length) return null;
  try {
    const points: Point[][] = [];
    for (const [q, row] of totals.entries()) {
      const parts = share.parts[q]!;
      if (parts.length !== row.length) return null;
      const out: Point[] = [];
      for (const [slot, x] of row.entries()) {
        const d = pointFromHex(parts[slot]!.d);
        const proof = proofFromJson(parts[slot]!.proof);
        if (
          !verifyEqualLogs(
            G,
            verificationKey,
            x.a,
            d,
            proof,
            partContext(ctx, share.member, q, slot),
          )
        )
          return null;
        out.push(d);
      }
      points.push(out);
    }
    return points;
  } catch {
    return null;
  }
}

/**
 * Combines valid partial decryptions from at least `threshold` distinct members into the totals.
 * Each total is at most `maxTotal` (the number of ballots). Throws if a total has no such value.
 */
export function combineDecryption(
  totals: readonly Ciphertext[][],
  shares: ReadonlyMap<number, Point[][]>,
  threshold: number,
  maxTotal: number,
): number[][] {
  const members = [...shares.keys()].sort((a, b) => a - b).slice(0, threshold);
  if (members.length < threshold)
    throw new Error(`combineDecryption: ${members.length} of ${threshold} shares`);
  const lambdas = members.map((j) => lagrangeAtZero(members, j));
  return totals.map((row, q) =>
    row.map((x, slot) => {
      const combined = members.reduce(
        (acc, j, k) => acc.add(mulPublic(shares.get(j)![q]![slot]!, lambdas[k]!)),
        ZERO,
      );
      const m = discreteLog(x.b.subtract(combined), maxTotal);
      if (m === undefined)
        throw new Error(`combineDecryption: question ${q + 1}, mark ${slot + 1} has no total`);
      return m;
    }),
  );
}

// Non-interactive zero-knowledge proofs (Fiat–Shamir over hashToScalar, each with its own domain
// and the caller's whole context, so a proof made for one vote, voter or key fails for another):
// - Schnorr proof of knowledge of a discrete log (a DKG dealer knows its constant term);
// - Chaum–Pedersen proof that two discrete logs are equal (a correct partial decryption, an
//   honest complaint in the key generation);
// - disjunctive Chaum–Pedersen proof that an ElGamal ciphertext encrypts one value of a small
//   public set (a choice is 0 or 1; a question's sum is exactly 1, or 0..N), as in Helios/CDS94.
import { holds, type Batch, type Term } from './batch';
import type { Ciphertext } from './elgamal';
import {
  Fn,
  G,
  gPow,
  hashToScalar,
  mul,
  mulPublic,
  pointFromHex,
  pointToHex,
  randomScalar,
  scalarFromHex,
  scalarToHex,
  type HashPart,
  type Point,
} from './group';

/** A challenge/response pair. */
export interface Proof {
  c: bigint;
  s: bigint;
}

export interface ProofJson {
  c: string;
  s: string;
}

export const proofToJson = (p: Proof): ProofJson => ({ c: scalarToHex(p.c), s: scalarToHex(p.s) });
export const proofFromJson = (p: ProofJson): Proof => ({
  c: scalarFromHex(p.c),
  s: scalarFromHex(p.s),
});

/** Proves knowledge of x with h = g^x (Schnorr). */
export function proveDlog(x: bigint, h: Point, context: readonly HashPart[]): Proof {
  const w = randomScalar();
  const t = mul(G, w);
  const c = hashToScalar('dlog', ...context, h, t);
  return { c, s: Fn.add(w, Fn.mul(c, x)) };
}

export function verifyDlog(h: Point, proof: Proof, context: readonly HashPart[]): boolean {
  const t = mulPublic(G, proof.s).subtract(mulPublic(h, proof.c));
  return hashToScalar('dlog', ...context, h, t) === proof.c;
}

/** Proves log_g1 h1 = log_g2 h2 = x (Chaum–Pedersen). */
export function proveEqualLogs(
  x: bigint,
  g1: Point,
  h1: Point,
  g2: Point,
  h2: Point,
  context: readonly HashPart[],
): Proof {
  const w = randomScalar();
  const t1 = mul(g1, w);
  const t2 = mul(g2, w);
  const c = hashToScalar('dleq', ...context, g1, h1, g2, h2, t1, t2);
  return { c, s: Fn.add(w, Fn.mul(c, x)) };
}

export function verifyEqualLogs(
  g1: Point,
  h1: Point,
  g2: Point,
  h2: Point,
  proof: Proof,
  context: readonly HashPart[],
): boolean {
  const t1 = mulPublic(g1, proof.s).subtract(mulPublic(h1, proof.c));
  const t2 = mulPublic(g2, proof.s).subtract(mulPublic(h2, proof.c));
  return hashToScalar('dleq', ...context, g1, h1, g2, h2, t1, t2) === proof.c;
}

/**
 * One branch of a disjunctive proof: the challenge/response pair and its two commitments
 * ta = g^s·a^(−c) and tb = Y^s·(b/g^v)^(−c). The proof carries the commitments (not only c and s)
 * so that a verifier can check all of a ballot's equations in one batch (batch.ts) instead of
 * recomputing every commitment with two scalar multiplications.
 */
export interface BranchProof extends Proof {
  ta: Point;
  tb: Point;
}

export interface BranchProofJson extends ProofJson {
  ta: string;
  tb: string;
}

export const branchToJson = (p: BranchProof): BranchProofJson => ({
  ta: pointToHex(p.ta),
  tb: pointToHex(p.tb),
  c: scalarToHex(p.c),
  s: scalarToHex(p.s),
});
export const branchFromJson = (p: BranchProofJson): BranchProof => ({
  ta: pointFromHex(p.ta),
  tb: pointFromHex(p.tb),
  c: scalarFromHex(p.c),
  s: scalarFromHex(p.s),
});

/**
 * Proves that `x` (encrypted under `publicKey` with randomness r) encrypts `values[index]`, without
 * saying which of `values` it is. One branch per value; the c's add up to the hash.
 */
export function proveMembership(
  publicKey: Point,
  x: Ciphertext,
  r: bigint,
  values: readonly number[],
  index: number,
  context: readonly HashPart[],
): BranchProof[] {
  if (index < 0 || index >= values.length) throw new Error('proveMembership: index out of range');
  const proofs: BranchProof[] = [];
  const commits: Point[] = [];
  let w = 0n;
  values.forEach((v, i) => {
    let ta: Point;
    let tb: Point;
    if (i === index) {
      w = randomScalar();
      ta = mul(G, w);
      tb = mul(publicKey, w);
      proofs.push({ c: 0n, s: 0n, ta, tb });
    } else {
      const c = randomScalar();
      const s = randomScalar();
      const target = x.b.subtract(gPow(v));
      ta = mul(G, s).subtract(mul(x.a, c));
      tb = mul(publicKey, s).subtract(mul(target, c));
      proofs.push({ c, s, ta, tb });
    }
    commits.push(ta, tb);
  });
  const total = membershipChallenge(publicKey, x, values, commits, context);
  const cReal = proofs.reduce((acc, p, i) => (i === index ? acc : Fn.sub(acc, p.c)), total);
  proofs[index] = { ...proofs[index]!, c: cReal, s: Fn.add(w, Fn.mul(cReal, r)) };
  return proofs;
}

/**
 * The verification equations of one branch, as s·B − Σ c·H − T = identity (see batch.ts). When x
 * is a known combination Σ kᵢ·xᵢ of other ciphertexts (a question's sum), `parts` lists them so
 * that a batch needs no extra term for x itself.
 */
function branchEquations(
  publicKey: Point,
  x: Ciphertext,
  v: number,
  p: BranchProof,
  parts: readonly (readonly [Ciphertext, bigint])[] = [[x, 1n]],
): { terms: Term[]; commitment: Point }[] {
  const minusC = Fn.neg(p.c);
  return [
    // g^s = ta · a^c
    {
      terms: [[G, p.s], ...parts.map(([y, k]): Term => [y.a, Fn.mul(minusC, k)])],
      commitment: p.ta,
    },
    // Y^s = tb · (b / g^v)^c, with g^v folded into g's coefficient
    {
      terms: [
        [publicKey, p.s],
        ...parts.map(([y, k]): Term => [y.b, Fn.mul(minusC, k)]),
        [G, Fn.mul(p.c, BigInt(v))],
      ],
      commitment: p.tb,
    },
  ];
}

/** The part of the check that needs no scalar multiplication: shape and the challenge sum. */
function membershipHashOk(
  publicKey: Point,
  x: Ciphertext,
  values: readonly number[],
  proofs: readonly BranchProof[],
  context: readonly HashPart[],
): boolean {
  if (proofs.length !== values.length || values.length === 0) return false;
  const commits = proofs.flatMap((p) => [p.ta, p.tb]);
  const cSum = proofs.reduce((acc, p) => Fn.add(acc, p.c), 0n);
  return membershipChallenge(publicKey, x, values, commits, context) === cSum;
}

/**
 * Checks the challenge sum now and adds the proof's group equations to `batch` (checked later,
 * all at once). Returns false when the proof is already wrong without any equation. `parts`:
 * x = Σ kᵢ·xᵢ (callers must have computed x that way).
 */
export function batchMembership(
  batch: Batch,
  publicKey: Point,
  x: Ciphertext,
  values: readonly number[],
  proofs: readonly BranchProof[],
  context: readonly HashPart[],
  parts?: readonly (readonly [Ciphertext, bigint])[],
): boolean {
  if (!membershipHashOk(publicKey, x, values, proofs, context)) return false;
  values.forEach((v, i) => {
    for (const e of branchEquations(publicKey, x, v, proofs[i]!, parts))
      batch.add(e.terms, e.commitment);
  });
  return true;
}

/** Checks one proof equation by equation, exactly (no randomness): names the faulty proof. */
export function verifyMembership(
  publicKey: Point,
  x: Ciphertext,
  values: readonly number[],
  proofs: readonly BranchProof[],
  context: readonly HashPart[],
): boolean {
  if (!membershipHashOk(publicKey, x, values, proofs, context)) return false;
  return values.every((v, i) =>
    branchEquations(publicKey, x, v, proofs[i]!).every((e) => holds(e.terms, e.commitment)),
  );
}

function membershipChallenge(
  publicKey: Point,
  x: Ciphertext,
  values: readonly number[],
  commits: readonly Point[],
  context: readonly HashPart[],
): bigint {
  return hashToScalar(
    'membership',
    ...context,
    publicKey,
    x.a,
    x.b,
    values.length,
    ...values,
    ...commits,
  );
}

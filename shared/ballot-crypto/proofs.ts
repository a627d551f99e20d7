// Non-interactive zero-knowledge proofs (Fiat–Shamir over hashToScalar, each with its own domain
// and the caller's whole context, so a proof made for one vote, voter or key fails for another):
// - Schnorr proof of knowledge of a discrete log (a DKG dealer knows its constant term);
// - Chaum–Pedersen proof that two discrete logs are equal (a correct partial decryption, an
//   honest complaint in the key generation);
// - disjunctive Chaum–Pedersen proof that an ElGamal ciphertext encrypts one value of a small
//   public set (a choice is 0 or 1; a question's sum is exactly 1, or 0..N), as in Helios/CDS94.
import type { Ciphertext } from './elgamal';
import {
  Fn,
  G,
  gPow,
  hashToScalar,
  mul,
  mulPublic,
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
 * Proves that `x` (encrypted under `publicKey` with randomness r) encrypts `values[index]`, without
 * saying which of `values` it is. One (c, s) pair per value; the c's add up to the hash.
 */
export function proveMembership(
  publicKey: Point,
  x: Ciphertext,
  r: bigint,
  values: readonly number[],
  index: number,
  context: readonly HashPart[],
): Proof[] {
  if (index < 0 || index >= values.length) throw new Error('proveMembership: index out of range');
  const proofs: Proof[] = [];
  const commits: Point[] = [];
  let w = 0n;
  values.forEach((v, i) => {
    if (i === index) {
      w = randomScalar();
      proofs.push({ c: 0n, s: 0n });
      commits.push(mul(G, w), mul(publicKey, w));
    } else {
      const c = randomScalar();
      const s = randomScalar();
      proofs.push({ c, s });
      const target = x.b.subtract(gPow(v));
      commits.push(mul(G, s).subtract(mul(x.a, c)), mul(publicKey, s).subtract(mul(target, c)));
    }
  });
  const total = membershipChallenge(publicKey, x, values, commits, context);
  const cReal = proofs.reduce((acc, p, i) => (i === index ? acc : Fn.sub(acc, p.c)), total);
  proofs[index] = { c: cReal, s: Fn.add(w, Fn.mul(cReal, r)) };
  return proofs;
}

export function verifyMembership(
  publicKey: Point,
  x: Ciphertext,
  values: readonly number[],
  proofs: readonly Proof[],
  context: readonly HashPart[],
): boolean {
  if (proofs.length !== values.length || values.length === 0) return false;
  const commits: Point[] = [];
  let cSum = 0n;
  values.forEach((v, i) => {
    const { c, s } = proofs[i]!;
    const target = x.b.subtract(gPow(v));
    commits.push(
      mulPublic(G, s).subtract(mulPublic(x.a, c)),
      mulPublic(publicKey, s).subtract(mulPublic(target, c)),
    );
    cSum = Fn.add(cSum, c);
  });
  return membershipChallenge(publicKey, x, values, commits, context) === cSum;
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

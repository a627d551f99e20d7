// Exponential ElGamal over ristretto255: a ciphertext of a small integer m under public key Y is
// (a, b) = (g^r, Y^r · g^m). Ciphertexts add homomorphically, so the product of all ballots'
// ciphertexts for one choice encrypts that choice's total; only totals are ever decrypted, and the
// total is recovered from g^total by a baby-step giant-step search (totals are at most a few
// thousand: the number of delegates times a small weight).
import {
  G,
  ZERO,
  gPow,
  mul,
  mulPublic,
  pointFromHex,
  pointToHex,
  randomScalar,
  type Point,
} from './group';

export interface Ciphertext {
  a: Point;
  b: Point;
}

export interface KeyPair {
  secret: bigint;
  publicKey: Point;
}

/** A fresh single-party key pair (a committee uses the threshold key of dkg.ts instead). */
export function generateKeyPair(): KeyPair {
  const secret = randomScalar();
  return { secret, publicKey: mul(G, secret) };
}

/** Encrypts the small integer m under `publicKey`; returns the randomness too (the proofs need it). */
export function encrypt(
  publicKey: Point,
  m: number,
  r: bigint = randomScalar(),
): { ciphertext: Ciphertext; r: bigint } {
  if (!Number.isSafeInteger(m) || m < 0)
    throw new Error('encrypt: m must be a non-negative integer');
  return { ciphertext: { a: mul(G, r), b: mul(publicKey, r).add(gPow(m)) }, r };
}

/** The identity ciphertext (encrypts 0 with randomness 0): the start of a homomorphic sum. */
export const EMPTY: Ciphertext = { a: ZERO, b: ZERO };

export function add(x: Ciphertext, y: Ciphertext): Ciphertext {
  return { a: x.a.add(y.a), b: x.b.add(y.b) };
}

/** x^k: encrypts k·m. Used to weight a ciphertext inside a validity statement (public k). */
export function scale(x: Ciphertext, k: number): Ciphertext {
  return { a: mulPublic(x.a, BigInt(k)), b: mulPublic(x.b, BigInt(k)) };
}

export function sum(xs: readonly Ciphertext[]): Ciphertext {
  return xs.reduce(add, EMPTY);
}

/** g^m from a ciphertext and the whole secret key (single-party; tests and tools). */
export function decryptToPoint(secret: bigint, x: Ciphertext): Point {
  return x.b.subtract(mul(x.a, secret));
}

/**
 * Finds m in [0, max] with g^m = target (baby-step giant-step, about 2·√max group operations).
 * Returns undefined if there is none — for a real tally that means a wrong share or a bad board.
 */
export function discreteLog(target: Point, max: number): number | undefined {
  if (!Number.isSafeInteger(max) || max < 0) throw new Error('discreteLog: bad bound');
  const m = Math.max(1, Math.ceil(Math.sqrt(max + 1)));
  const baby = new Map<string, number>();
  let p = ZERO;
  for (let j = 0; j < m; j++) {
    baby.set(pointToHex(p), j);
    p = p.add(G);
  }
  const giant = gPow(m).negate();
  let gamma = target;
  for (let i = 0; i * m <= max; i++) {
    const j = baby.get(pointToHex(gamma));
    if (j !== undefined && i * m + j <= max) return i * m + j;
    gamma = gamma.add(giant);
  }
  return undefined;
}

export interface CiphertextJson {
  a: string;
  b: string;
}

export function ciphertextToJson(x: Ciphertext): CiphertextJson {
  return { a: pointToHex(x.a), b: pointToHex(x.b) };
}

export function ciphertextFromJson(x: CiphertextJson): Ciphertext {
  return { a: pointFromHex(x.a), b: pointFromHex(x.b) };
}

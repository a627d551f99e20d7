// Batch verification of group equations (issue #17: checking a ballot on the server ≤ 20 ms).
// Each equation says Σ kᵢ·Pᵢ = identity. A batch multiplies equation j by a fresh random 128-bit
// weight ρⱼ from the platform CSPRNG, adds everything up and checks the sum with ONE multi-scalar
// multiplication (Straus/Shamir interleaved wNAF, noble's mulAddUnsafe): the same point appearing
// in several equations (g, the election key, a ciphertext) costs one term. Soundness: if some
// equation's left side is a point E ≠ identity, then for any fixed choice of the other weights at
// most one value of ρⱼ modulo the prime q > 2^252 makes the sum vanish, so a false batch passes
// with probability ≤ 2^-128 (docs/secret-ballot.md §9). Public values only (variable time).
import { mulAddUnsafe } from '@noble/curves/abstract/curve.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { Fn, G, Point } from './group';

/** A uniformly random weight in [1, 2^128). */
function weight(): bigint {
  const bytes = randomBytes(16);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n === 0n ? 1n : n;
}

/** One term of an equation: `point` times `scalar` (any integer, reduced modulo q). */
export type Term = readonly [Point, bigint];

export class Batch {
  // Points used in several equations (by object identity) share one coefficient.
  private readonly merged = new Map<Point, bigint>();
  // Terms used once whose coefficient is the weight itself (a proof's commitment, negated):
  // kept short (128 bits) so they cost half a multiplication's additions.
  private readonly shortPoints: Point[] = [];
  private readonly shortScalars: bigint[] = [];

  /**
   * Adds the equation Σ terms = identity, plus optionally one point that enters with coefficient
   * −1 (the commitment of a Σ-protocol: s·B − c·H − T = identity).
   */
  add(terms: readonly Term[], minusOne?: Point): void {
    const rho = weight();
    for (const [p, k] of terms) {
      const prev = this.merged.get(p) ?? 0n;
      this.merged.set(p, Fn.add(prev, Fn.mul(Fn.create(k), rho)));
    }
    if (minusOne) {
      this.shortPoints.push(minusOne.negate());
      this.shortScalars.push(rho);
    }
  }

  /**
   * True when every added equation holds (except with probability ≤ 2^-128 when one does not).
   * Points in `fixed` (g, the election key: they carry precomputed tables, group.ts `prepared`)
   * are multiplied with their tables; all others share one interleaved multiplication.
   */
  check(fixed: readonly Point[] = [G]): boolean {
    const points = [...this.shortPoints];
    const scalars = [...this.shortScalars];
    let sum = Point.ZERO;
    for (const [p, k] of this.merged) {
      if (k === 0n) continue;
      if (fixed.includes(p)) sum = sum.add(p.multiplyUnsafe(k));
      else {
        points.push(p);
        scalars.push(k);
      }
    }
    if (points.length > 0) sum = sum.add(mulAddUnsafe(Point, points, scalars));
    return sum.is0();
  }
}

/** Exact check of one equation Σ terms = T, without randomness (the fallback that names a fault). */
export function holds(terms: readonly Term[], minusOne: Point): boolean {
  const nonZero = terms.filter(([, k]) => Fn.create(k) !== 0n);
  const lhs = nonZero.length
    ? mulAddUnsafe(
        Point,
        nonZero.map(([p]) => p),
        nonZero.map(([, k]) => Fn.create(k)),
      )
    : Point.ZERO;
  return lhs.equals(minusOne);
}

// The prime-order group every secret-ballot computation runs in: ristretto255 (RFC 9496) from the
// audited @noble/curves, with canonical hex encodings and a domain-separated Fiat–Shamir hash.
// No field or curve arithmetic is written here: only calls into the library.
import { ristretto255 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import {
  bytesToHex,
  concatBytes,
  hexToBytes,
  randomBytes,
  utf8ToBytes,
} from '@noble/hashes/utils.js';

export const Point = ristretto255.Point;
export type Point = InstanceType<typeof Point>;
/** The scalar field (integers modulo the group order q). */
export const Fn = Point.Fn;
export const G: Point = Point.BASE;
export const ZERO: Point = Point.ZERO;

/** Raised when a value read from outside (a board, a message) is not a valid encoding. */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

const HEX32 = /^[0-9a-f]{64}$/;

// Encoding a ristretto255 point costs a field inversion; points read from a board or encoded once
// remember their bytes (points are immutable), which makes proof checking markedly cheaper.
const encoded = new WeakMap<Point, Uint8Array>();

/** The canonical 32-byte encoding of a point (remembered per point object). */
export function pointBytes(p: Point): Uint8Array {
  let bytes = encoded.get(p);
  if (!bytes) {
    bytes = p.toBytes();
    encoded.set(p, bytes);
  }
  return bytes;
}

/** A point as 64 lowercase hex characters (its canonical 32-byte ristretto255 encoding). */
export function pointToHex(p: Point): string {
  return bytesToHex(pointBytes(p));
}

/** Parses a canonical point encoding; throws EncodingError on anything else. */
export function pointFromHex(hex: string): Point {
  if (!HEX32.test(hex)) throw new EncodingError('point: expected 64 lowercase hex characters');
  try {
    const p = Point.fromHex(hex);
    encoded.set(p, hexToBytes(hex));
    return p;
  } catch {
    throw new EncodingError('point: not a valid ristretto255 encoding');
  }
}

/** A scalar as 64 lowercase hex characters (32 bytes, little-endian, reduced mod q). */
export function scalarToHex(s: bigint): string {
  return bytesToHex(Fn.toBytes(Fn.create(s)));
}

/** Parses a canonical scalar (must be < q); throws EncodingError on anything else. */
export function scalarFromHex(hex: string): bigint {
  if (!HEX32.test(hex)) throw new EncodingError('scalar: expected 64 lowercase hex characters');
  try {
    return Fn.fromBytes(hexToBytes(hex));
  } catch {
    throw new EncodingError('scalar: not reduced modulo the group order');
  }
}

/** Reduces 64 bytes modulo q (bias below 2^-250). */
function wideToScalar(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return Fn.create(n);
}

/** A uniformly random non-zero scalar from the platform CSPRNG (crypto.getRandomValues). */
export function randomScalar(): bigint {
  for (;;) {
    const s = wideToScalar(randomBytes(64));
    if (s !== 0n) return s;
  }
}

/** Multiplies a point by a scalar that may be 0 (the library refuses 0 in constant-time mode). */
export function mul(p: Point, s: bigint): Point {
  const k = Fn.create(s);
  return k === 0n ? ZERO : p.multiply(k);
}

/** Variable-time multiplication, for public values only (verification). */
export function mulPublic(p: Point, s: bigint): Point {
  return p.multiplyUnsafe(Fn.create(s));
}

const smallPowers = new Map<number, Point>();

/** g^m for a small non-negative integer m (a vote count or 0/1); m ≤ 1024 are remembered. */
export function gPow(m: number): Point {
  let p = smallPowers.get(m);
  if (!p) {
    p = mul(G, BigInt(m));
    if (m <= 1024) smallPowers.set(m, p);
  }
  return p;
}

export type HashPart = Uint8Array | string | bigint | number | Point;

function encodePart(part: HashPart): Uint8Array {
  let tag: number;
  let body: Uint8Array;
  if (part instanceof Uint8Array) {
    tag = 1;
    body = part;
  } else if (typeof part === 'string') {
    tag = 2;
    body = utf8ToBytes(part);
  } else if (typeof part === 'bigint') {
    tag = 3;
    body = Fn.toBytes(Fn.create(part));
  } else if (typeof part === 'number') {
    if (!Number.isSafeInteger(part)) throw new Error('hash: numbers must be safe integers');
    tag = 4;
    body = utf8ToBytes(String(part));
  } else {
    tag = 5;
    body = pointBytes(part);
  }
  const header = new Uint8Array(5);
  header[0] = tag;
  new DataView(header.buffer).setUint32(1, body.length, false);
  return concatBytes(header, body);
}

/**
 * Fiat–Shamir challenge: SHA-512 over a domain tag and length-prefixed, type-tagged parts, reduced
 * modulo q. Every proof passes its own domain and its whole context (vote, voter, key, statement).
 */
export function hashToScalar(domain: string, ...parts: HashPart[]): bigint {
  const chunks = [encodePart(`hdnd-secret-ballot/v1/${domain}`), ...parts.map(encodePart)];
  return wideToScalar(sha512(concatBytes(...chunks)));
}

const preparedPoints = new WeakSet<Point>();
const preparedByHex = new Map<string, Point>();

/**
 * Attaches a precomputed multiplication table to a point used many times (the election public
 * key, a committee member's verification key): several times faster multiplications after a
 * one-time cost of a few milliseconds. Idempotent.
 */
export function prepared(p: Point): Point {
  if (!preparedPoints.has(p)) {
    p.precompute(8, false);
    preparedPoints.add(p);
  }
  return p;
}

/** Parses and prepares a long-lived point, remembering the last few (bounded cache). */
export function preparedFromHex(hex: string): Point {
  let p = preparedByHex.get(hex);
  if (!p) {
    p = prepared(pointFromHex(hex));
    if (preparedByHex.size >= 16) preparedByHex.delete(preparedByHex.keys().next().value!);
    preparedByHex.set(hex, p);
  }
  return p;
}

// Threshold key of the vote-counting committee (ban kiểm phiếu): a Pedersen distributed key
// generation with Feldman commitments, run by the members' browsers. Each member (dealer) picks a
// random polynomial f_i of degree t−1, publishes g^(coefficients) with a Schnorr proof for the
// constant term, and sends f_i(j) to member j encrypted to j's transport key (the server relays
// these as opaque bytes). Member j checks each share against the dealer's commitments; a bad share
// is answered by a publicly checkable complaint that disqualifies the dealer. Member j's secret
// share is s_j = Σ f_i(j) over qualified dealers; the joint public key Σ g^(f_i(0)) and each
// member's verification key g^(s_j) are computed by anyone from the public commitments. Any t
// members decrypt together (Lagrange at 0); fewer learn nothing about the key.
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Fn, G, ZERO, mul, mulPublic, randomScalar, type HashPart, type Point } from './group';
import { proveDlog, proveEqualLogs, verifyDlog, verifyEqualLogs, type Proof } from './proofs';

export interface CommitteeMember {
  /** 1..n, fixed for the ceremony; the share's evaluation point. */
  index: number;
  memberId: string;
  /** The member's transport key (generated in their browser), shares are encrypted to it. */
  transportKey: Point;
}

export interface Committee {
  /** Unique per key generation (e.g. `${councilId}:${termOrVoteId}`), bound into every message. */
  ceremonyId: string;
  threshold: number;
  members: CommitteeMember[];
}

/** Default threshold: a majority of the committee. */
export const majority = (n: number): number => Math.floor(n / 2) + 1;

/** A dealer's public message: commitments g^(a_0..a_{t−1}) and a proof of knowing a_0. */
export interface DealerCommitment {
  dealer: number;
  commitments: Point[];
  proof: Proof;
}

/** A share f_dealer(recipient), encrypted to the recipient's transport key (DHIES). */
export interface EncryptedShare {
  dealer: number;
  recipient: number;
  ephemeral: Point;
  /** 32 bytes: the share's little-endian encoding XOR a one-time pad. */
  body: Uint8Array;
  /** 32 bytes: HMAC-SHA256 over the context, ephemeral key and body. */
  tag: Uint8Array;
  /**
   * The dealer's Schnorr signature (with its transport key) over all of the above: the relaying
   * server cannot forge a bad share in an honest dealer's name to have it disqualified, and a
   * recipient cannot frame a dealer.
   */
  signature: Proof;
}

/** What one dealer produces: the public part, one encrypted share per other member, its own share. */
export interface Deal {
  commitment: DealerCommitment;
  shares: EncryptedShare[];
  ownShare: bigint;
}

function checkCommittee(c: Committee): void {
  const n = c.members.length;
  if (!Number.isSafeInteger(c.threshold) || c.threshold < 1 || c.threshold > n)
    throw new Error('committee: threshold must be between 1 and the number of members');
  c.members.forEach((m, i) => {
    if (m.index !== i + 1) throw new Error('committee: member indices must be 1..n in order');
  });
}

function memberOf(c: Committee, index: number): CommitteeMember {
  const m = c.members[index - 1];
  if (!m) throw new Error(`committee: no member ${index}`);
  return m;
}

const dealerContext = (c: Committee, dealer: number): HashPart[] => [
  'dealer',
  c.ceremonyId,
  c.threshold,
  c.members.length,
  dealer,
];

/** Evaluates the polynomial with these coefficients at x (mod q). */
function evalPoly(coefficients: readonly bigint[], x: number): bigint {
  let acc = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--)
    acc = Fn.add(Fn.mul(acc, BigInt(x)), coefficients[k]!);
  return acc;
}

/** g^(f(x)) from the commitments g^(a_k): Σ C_k · x^k. */
export function commitmentAt(commitments: readonly Point[], x: number): Point {
  let acc = ZERO;
  for (let k = commitments.length - 1; k >= 0; k--)
    acc = mulPublic(acc, BigInt(x)).add(commitments[k]!);
  return acc;
}

/** Step 1 (in dealer `dealer`'s browser): a random polynomial, its commitments and encrypted shares. */
export function deal(committee: Committee, dealer: number, transportSecret: bigint): Deal {
  checkCommittee(committee);
  if (!mul(G, transportSecret).equals(memberOf(committee, dealer).transportKey))
    throw new Error('deal: this is not the dealer’s transport key');
  const coefficients = Array.from({ length: committee.threshold }, () => randomScalar());
  const commitments = coefficients.map((a) => mul(G, a));
  const proof = proveDlog(coefficients[0]!, commitments[0]!, dealerContext(committee, dealer));
  const shares = committee.members
    .filter((m) => m.index !== dealer)
    .map((m) =>
      encryptShare(committee, dealer, transportSecret, m, evalPoly(coefficients, m.index)),
    );
  return {
    commitment: { dealer, commitments, proof },
    shares,
    ownShare: evalPoly(coefficients, dealer),
  };
}

/** Checks a dealer's public message: right length, proof of the constant term. */
export function checkDealerCommitment(committee: Committee, d: DealerCommitment): boolean {
  if (d.commitments.length !== committee.threshold) return false;
  if (!committee.members.some((m) => m.index === d.dealer)) return false;
  return verifyDlog(d.commitments[0]!, d.proof, dealerContext(committee, d.dealer));
}

function shareKeys(
  committee: Committee,
  dealer: number,
  recipient: number,
  ephemeral: Point,
  shared: Point,
): { pad: Uint8Array; macKey: Uint8Array; info: Uint8Array } {
  const info = concatBytes(
    utf8ToBytes(
      `hdnd-secret-ballot/v1/share\u0000${committee.ceremonyId}\u0000${dealer}\u0000${recipient}\u0000`,
    ),
    ephemeral.toBytes(),
  );
  const okm = hkdf(sha256, shared.toBytes(), utf8ToBytes('hdnd-secret-ballot/v1/dhies'), info, 64);
  return { pad: okm.subarray(0, 32), macKey: okm.subarray(32, 64), info };
}

function xor32(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}

function encryptShare(
  committee: Committee,
  dealer: number,
  dealerSecret: bigint,
  recipient: CommitteeMember,
  share: bigint,
): EncryptedShare {
  const e = randomScalar();
  const ephemeral = mul(G, e);
  const { pad, macKey, info } = shareKeys(
    committee,
    dealer,
    recipient.index,
    ephemeral,
    mul(recipient.transportKey, e),
  );
  const body = xor32(Fn.toBytes(share), pad);
  const unsigned = {
    dealer,
    recipient: recipient.index,
    ephemeral,
    body,
    tag: hmac(sha256, macKey, concatBytes(info, body)),
  };
  const signature = proveDlog(
    dealerSecret,
    memberOf(committee, dealer).transportKey,
    signatureContext(committee, unsigned),
  );
  return { ...unsigned, signature };
}

const signatureContext = (c: Committee, m: Omit<EncryptedShare, 'signature'>): HashPart[] => [
  'share-signature',
  c.ceremonyId,
  m.dealer,
  m.recipient,
  m.ephemeral,
  m.body,
  m.tag,
];

/** Whether the message really comes from its dealer (anyone can check). */
export function shareSignedByDealer(committee: Committee, msg: EncryptedShare): boolean {
  const dealer = committee.members[msg.dealer - 1];
  return (
    dealer !== undefined &&
    committee.members.some((m) => m.index === msg.recipient) &&
    verifyDlog(dealer.transportKey, msg.signature, signatureContext(committee, msg))
  );
}

/** Opens a share with the shared point K = ephemeral^(transport secret); undefined if it is not authentic. */
function openWithSharedPoint(
  committee: Committee,
  msg: EncryptedShare,
  shared: Point,
): bigint | undefined {
  if (msg.body.length !== 32 || msg.tag.length !== 32) return undefined;
  const { pad, macKey, info } = shareKeys(
    committee,
    msg.dealer,
    msg.recipient,
    msg.ephemeral,
    shared,
  );
  if (!equalBytes(hmac(sha256, macKey, concatBytes(info, msg.body)), msg.tag)) return undefined;
  try {
    return Fn.fromBytes(xor32(msg.body, pad));
  } catch {
    return undefined;
  }
}

/**
 * `forged`: not signed by the dealer — ignore it and ask the dealer to send again (no complaint);
 * `undecryptable` / `mismatch`: a bad share from the dealer — complain.
 */
export type ShareCheck =
  { ok: true; share: bigint } | { ok: false; reason: 'forged' | 'undecryptable' | 'mismatch' };

/** Step 2 (in the recipient's browser): decrypts a share and checks it against the dealer's commitments. */
export function receiveShare(
  committee: Committee,
  transportSecret: bigint,
  dealer: DealerCommitment,
  msg: EncryptedShare,
): ShareCheck {
  if (msg.dealer !== dealer.dealer) return { ok: false, reason: 'mismatch' };
  if (!shareSignedByDealer(committee, msg)) return { ok: false, reason: 'forged' };
  const share = openWithSharedPoint(committee, msg, mul(msg.ephemeral, transportSecret));
  if (share === undefined) return { ok: false, reason: 'undecryptable' };
  if (!mul(G, share).equals(commitmentAt(dealer.commitments, msg.recipient)))
    return { ok: false, reason: 'mismatch' };
  return { ok: true, share };
}

/** A recipient's public accusation: it reveals the DH point for one share and proves it honest. */
export interface Complaint {
  dealer: number;
  complainer: number;
  shared: Point;
  proof: Proof;
}

const complaintContext = (c: Committee, msg: EncryptedShare): HashPart[] => [
  'complaint',
  c.ceremonyId,
  msg.dealer,
  msg.recipient,
];

export function makeComplaint(
  committee: Committee,
  transportSecret: bigint,
  msg: EncryptedShare,
): Complaint {
  const me = memberOf(committee, msg.recipient);
  const shared = mul(msg.ephemeral, transportSecret);
  const proof = proveEqualLogs(
    transportSecret,
    G,
    me.transportKey,
    msg.ephemeral,
    shared,
    complaintContext(committee, msg),
  );
  return { dealer: msg.dealer, complainer: msg.recipient, shared, proof };
}

/**
 * Anyone (server, other members, the verifier) decides a complaint: it is upheld — the dealer is
 * disqualified — when the message carries the dealer's signature, the revealed point is proven
 * honest, and the share it opens is unauthentic or does not match the commitments. It reveals only that one share of a dealer that
 * is then dropped.
 */
export function complaintUpheld(
  committee: Committee,
  dealer: DealerCommitment,
  msg: EncryptedShare,
  complaint: Complaint,
): boolean {
  if (complaint.dealer !== msg.dealer || complaint.complainer !== msg.recipient) return false;
  // Only a message the dealer signed can count against it.
  if (!shareSignedByDealer(committee, msg)) return false;
  const me = memberOf(committee, msg.recipient);
  if (
    !verifyEqualLogs(
      G,
      me.transportKey,
      msg.ephemeral,
      complaint.shared,
      complaint.proof,
      complaintContext(committee, msg),
    )
  )
    return false;
  const share = openWithSharedPoint(committee, msg, complaint.shared);
  return (
    share === undefined || !mul(G, share).equals(commitmentAt(dealer.commitments, msg.recipient))
  );
}

/** The committee's public key: the product of qualified dealers' constant-term commitments. */
export function jointPublicKey(qualified: readonly DealerCommitment[]): Point {
  return qualified.reduce((acc, d) => acc.add(d.commitments[0]!), ZERO);
}

/** Member j's public verification key g^(s_j), from the public commitments alone. */
export function verificationKey(qualified: readonly DealerCommitment[], j: number): Point {
  return qualified.reduce((acc, d) => acc.add(commitmentAt(d.commitments, j)), ZERO);
}

/** Step 3 (member j): adds the verified shares from every qualified dealer into j's secret share. */
export function combineShares(
  qualified: readonly DealerCommitment[],
  j: number,
  shares: ReadonlyMap<number, bigint>,
): bigint {
  let s = 0n;
  for (const d of qualified) {
    const share = shares.get(d.dealer);
    if (share === undefined) throw new Error(`combineShares: no share from dealer ${d.dealer}`);
    s = Fn.add(s, share);
  }
  if (!mul(G, s).equals(verificationKey(qualified, j)))
    throw new Error('combineShares: the secret share does not match the public commitments');
  return s;
}

/** The Lagrange coefficient at 0 of member j within the set of `indices` (mod q). */
export function lagrangeAtZero(indices: readonly number[], j: number): bigint {
  let num = 1n;
  let den = 1n;
  for (const k of indices) {
    if (k === j) continue;
    num = Fn.mul(num, Fn.create(BigInt(k)));
    den = Fn.mul(den, Fn.create(BigInt(k - j)));
  }
  return Fn.div(num, den);
}

// A secret ballot as the delegate's browser builds it: one ElGamal ciphertext per choice (0 or 1)
// under the committee's key, each with a proof that it is 0 or 1, and per question a proof that the
// number of marked choices is allowed (exactly one for a resolution or a confidence rating; at most
// N kept names in an election). Every proof is bound to the vote id, the voter id and the public
// key, so a ciphertext copied from another member's ballot fails. A ballot the rules do not allow
// cannot be built (the client refuses it), so "spoiled" ballots never reach the board; an election
// ballot that keeps no name is recorded through a separate encrypted "blank" mark, so the count
// reports blank ballots without revealing whose.
import {
  ciphertextFromJson,
  ciphertextToJson,
  encrypt,
  scale,
  sum,
  type Ciphertext,
  type CiphertextJson,
} from './elgamal';
import { EncodingError, Fn, G, prepared, type HashPart, type Point } from './group';
import { Batch } from './batch';
import {
  batchMembership,
  branchFromJson,
  branchToJson,
  proveMembership,
  verifyMembership,
  type BranchProof,
  type BranchProofJson,
} from './proofs';

/**
 * One question of a ballot: `choices` marks, of which between `min` and `max` may be 1.
 * `blank`: the question has a hidden blank mark that is 1 exactly when no choice is marked (only
 * with min = 0), so blank ballots are counted.
 */
export interface QuestionSpec {
  choices: number;
  min: number;
  max: number;
  blank: boolean;
}

export interface BallotSpec {
  voteId: string;
  questions: QuestionSpec[];
}

/** A resolution, a dismissal or a no-confidence vote: exactly one of `choices` options. */
export const singleChoice = (choices: number): QuestionSpec => ({
  choices,
  min: 1,
  max: 1,
  blank: false,
});

/** Confidence rating (lấy phiếu tín nhiệm): per official exactly one of high / confidence / low. */
export const confidenceRating = (officials: number): QuestionSpec[] =>
  Array.from({ length: officials }, () => singleChoice(3));

/** Election (bầu): keep at most `posts` of `candidates` names; keeping none is a blank ballot. */
export const election = (candidates: number, posts: number): QuestionSpec => ({
  choices: candidates,
  min: 0,
  max: posts,
  blank: true,
});

/** Raised in the client when a ballot breaks the rules (too many or too few marks, bad index). */
export class BallotRuleError extends Error {
  override name = 'BallotRuleError';
}

export function checkSpec(spec: BallotSpec): void {
  if (spec.questions.length === 0) throw new Error('ballot spec: no question');
  for (const q of spec.questions) {
    const ok =
      Number.isSafeInteger(q.choices) &&
      q.choices >= 1 &&
      q.choices <= 256 &&
      Number.isSafeInteger(q.min) &&
      Number.isSafeInteger(q.max) &&
      q.min >= 0 &&
      q.min <= q.max &&
      q.max <= q.choices &&
      (!q.blank || q.min === 0);
    if (!ok) throw new Error('ballot spec: bad question');
  }
}

/** The number of encrypted marks of a question (its choices, plus the blank mark if any). */
export const slotCount = (q: QuestionSpec): number => q.choices + (q.blank ? 1 : 0);

/**
 * The statement of a question's overall proof: the weighted sum Σ choices + w·blank must be one of
 * `values`. Without a blank mark: min..max. With one (weight K+1, K = choices): 1..max for a
 * ballot that keeps names, K+1 for a blank one — any other mix (blank and a name) has no value in
 * the set.
 */
export function sumStatement(q: QuestionSpec): { weight: number; values: number[] } {
  if (!q.blank) return { weight: 0, values: range(q.min, q.max) };
  return { weight: q.choices + 1, values: [...range(Math.max(1, q.min), q.max), q.choices + 1] };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

export interface EncryptedChoiceJson {
  ciphertext: CiphertextJson;
  /** Two branches {ta, tb, c, s}: the mark is 0 or 1. */
  proof: BranchProofJson[];
}

export interface EncryptedAnswerJson {
  choices: EncryptedChoiceJson[];
  /** Present exactly when the question has a blank mark. */
  blank: EncryptedChoiceJson | null;
  /** One branch {ta, tb, c, s} per value of sumStatement(q).values. */
  overall: BranchProofJson[];
}

export interface BallotJson {
  answers: EncryptedAnswerJson[];
}

/** What each proof of a ballot is bound to (domain-separated inside hashToScalar). */
export function choiceContext(
  voteId: string,
  voterId: string,
  publicKey: Point,
  question: number,
  slot: number | 'blank',
): HashPart[] {
  return ['choice', voteId, voterId, publicKey, question, String(slot)];
}

export function sumContext(
  voteId: string,
  voterId: string,
  publicKey: Point,
  question: number,
): HashPart[] {
  return ['question-sum', voteId, voterId, publicKey, question];
}

const BIT = [0, 1];

/**
 * Encrypts a delegate's choices: `selections[q]` lists the marked choice indices of question q.
 * Throws BallotRuleError when the selection is not allowed — the client shows it and does not send.
 */
export function encryptBallot(
  spec: BallotSpec,
  publicKey: Point,
  voterId: string,
  selections: readonly (readonly number[])[],
): BallotJson {
  checkSpec(spec);
  prepared(publicKey);
  if (selections.length !== spec.questions.length)
    throw new BallotRuleError('one selection per question is needed');
  const answers = spec.questions.map((q, qi): EncryptedAnswerJson => {
    const picked = new Set(selections[qi]);
    if (picked.size !== selections[qi]!.length)
      throw new BallotRuleError(`question ${qi + 1}: a choice is marked twice`);
    for (const i of picked)
      if (!Number.isSafeInteger(i) || i < 0 || i >= q.choices)
        throw new BallotRuleError(`question ${qi + 1}: no choice ${i}`);
    if (picked.size < q.min || picked.size > q.max)
      throw new BallotRuleError(
        `question ${qi + 1}: between ${q.min} and ${q.max} choices must be marked`,
      );
    const markOne = (m: number, slot: number | 'blank') => {
      const { ciphertext, r } = encrypt(publicKey, m);
      const proof = proveMembership(
        publicKey,
        ciphertext,
        r,
        BIT,
        m,
        choiceContext(spec.voteId, voterId, publicKey, qi, slot),
      );
      return {
        ciphertext,
        r,
        json: { ciphertext: ciphertextToJson(ciphertext), proof: proof.map(branchToJson) },
      };
    };
    const marks = Array.from({ length: q.choices }, (_, i) => markOne(picked.has(i) ? 1 : 0, i));
    const blankMark = q.blank ? markOne(picked.size === 0 ? 1 : 0, 'blank') : null;
    const { weight, values } = sumStatement(q);
    let total = sum(marks.map((m) => m.ciphertext));
    let r = marks.reduce((acc, m) => Fn.add(acc, m.r), 0n);
    let value = picked.size;
    if (blankMark) {
      total = sumWithBlank(total, blankMark.ciphertext, weight);
      r = Fn.add(r, Fn.mul(blankMark.r, BigInt(weight)));
      value += picked.size === 0 ? weight : 0;
    }
    const overall = proveMembership(
      publicKey,
      total,
      r,
      values,
      values.indexOf(value),
      sumContext(spec.voteId, voterId, publicKey, qi),
    );
    return {
      choices: marks.map((m) => m.json),
      blank: blankMark ? blankMark.json : null,
      overall: overall.map(branchToJson),
    };
  });
  return { answers };
}

function sumWithBlank(total: Ciphertext, blank: Ciphertext, weight: number): Ciphertext {
  return sum([total, scale(blank, weight)]);
}

/** Why a ballot fails, for the verifier's report (q and slot count from 0). */
export type BallotFault =
  | { kind: 'shape'; detail: string }
  | { kind: 'encoding'; detail: string }
  | { kind: 'choice-proof'; question: number; slot: number | 'blank' }
  | { kind: 'sum-proof'; question: number };

/** A proof waiting for the batch: what to re-check alone, and which fault it would be. */
interface PendingProof {
  fault: BallotFault;
  x: Ciphertext;
  values: readonly number[];
  proofs: BranchProof[];
  context: HashPart[];
  /** x as a combination of the ballot's marks (a question's sum), for the batch. */
  parts?: [Ciphertext, bigint][];
}

/**
 * Checks every proof of a ballot for this voter, vote and key; returns its faults (none: valid) and
 * its ciphertexts per question and slot (the blank mark last) for the tally. All points are decoded
 * once, every challenge sum is checked, and all group equations of the ballot go into one batch
 * (one multi-scalar multiplication, batch.ts). Only if the batch fails is each proof re-checked
 * alone, exactly, to name the faulty one.
 */
export function checkBallot(
  spec: BallotSpec,
  publicKey: Point,
  voterId: string,
  ballot: BallotJson,
): { faults: BallotFault[]; ciphertexts: Ciphertext[][] | null } {
  const faults: BallotFault[] = [];
  prepared(publicKey);
  if (ballot.answers.length !== spec.questions.length)
    return { faults: [{ kind: 'shape', detail: 'wrong number of answers' }], ciphertexts: null };
  const all: Ciphertext[][] = [];
  const batch = new Batch();
  const pending: PendingProof[] = [];
  const add = (p: PendingProof, extraOk = true) => {
    if (extraOk && batchMembership(batch, publicKey, p.x, p.values, p.proofs, p.context, p.parts))
      pending.push(p);
    else faults.push(p.fault);
  };
  try {
    spec.questions.forEach((q, qi) => {
      const ans = ballot.answers[qi]!;
      const { weight, values } = sumStatement(q);
      if (
        ans.choices.length !== q.choices ||
        (ans.blank === null) === q.blank ||
        ans.overall.length !== values.length
      ) {
        faults.push({
          kind: 'shape',
          detail: `question ${qi + 1}: wrong number of marks or proofs`,
        });
        all.push([]);
        return;
      }
      const check = (c: EncryptedChoiceJson, slot: number | 'blank'): Ciphertext => {
        const x = ciphertextFromJson(c.ciphertext);
        const proofs = c.proof.map(branchFromJson);
        // a = g^0 would publish the mark in the clear: no honest client makes it.
        add(
          {
            fault: { kind: 'choice-proof', question: qi, slot },
            x,
            values: BIT,
            proofs,
            context: choiceContext(spec.voteId, voterId, publicKey, qi, slot),
          },
          !x.a.is0() && proofs.length === 2,
        );
        return x;
      };
      const marks = ans.choices.map((c, i) => check(c, i));
      let total = sum(marks);
      if (ans.blank) {
        const b = check(ans.blank, 'blank');
        marks.push(b);
        total = sumWithBlank(total, b, weight);
      }
      add({
        fault: { kind: 'sum-proof', question: qi },
        x: total,
        values,
        proofs: ans.overall.map(branchFromJson),
        context: sumContext(spec.voteId, voterId, publicKey, qi),
        parts: marks.map((m, i) => [m, i < q.choices ? 1n : BigInt(weight)]),
      });
      all.push(marks);
    });
  } catch (e) {
    if (e instanceof EncodingError)
      return { faults: [{ kind: 'encoding', detail: e.message }], ciphertexts: null };
    throw e;
  }
  if (pending.length > 0 && !batch.check([G, publicKey])) {
    for (const p of pending)
      if (!verifyMembership(publicKey, p.x, p.values, p.proofs, p.context)) faults.push(p.fault);
    // The batch failed, so some equation is false and an exact check names it. Should the two
    // ever disagree (a library fault), the ballot is still refused, never accepted.
    if (faults.length === 0)
      faults.push({ kind: 'shape', detail: 'the proofs do not hold together' });
  }
  faults.sort(faultOrder);
  return { faults, ciphertexts: faults.some((f) => f.kind === 'shape') ? null : all };
}

// Faults in ballot order (question, then its marks, then its sum proof), whichever check found them.
function faultOrder(x: BallotFault, y: BallotFault): number {
  const key = (f: BallotFault): [number, number] =>
    f.kind === 'choice-proof'
      ? [f.question, f.slot === 'blank' ? 1e6 : f.slot]
      : f.kind === 'sum-proof'
        ? [f.question, 2e6]
        : [-1, 0];
  const [a, b] = [key(x), key(y)];
  return a[0] - b[0] || a[1] - b[1];
}

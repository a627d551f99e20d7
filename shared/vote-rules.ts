// The law's vote arithmetic, pure: a vote's result from (rule, total, present, ballots), carrying
// every number it used. The server computes results with it and every client can recompute them.
// Sources and per-council settings: docs/voting-rules.md.
import type { DismissalTarget, MotionResult, PassRule, VoteChoice } from './meeting';
import { z } from './zod';

/** Quorum of a sitting: by default at least two thirds of ALL serving delegates of the body. */
export const QuorumRule = z.enum(['two_thirds_of_all', 'majority_of_all']);
export type QuorumRule = z.infer<typeof QuorumRule>;

/** Smallest integer strictly greater than half of n. */
export const moreThanHalf = (n: number) => Math.floor(n / 2) + 1;
/** Smallest integer at least two thirds of n (integer arithmetic, no floating point). */
export const atLeastTwoThirds = (n: number) => Math.ceil((2 * n) / 3);

/** Members who must be present for a valid sitting or vote. */
export function quorumRequired(total: number, rule: QuorumRule = 'two_thirds_of_all'): number {
  return Math.max(1, rule === 'majority_of_all' ? moreThanHalf(total) : atLeastTwoThirds(total));
}

/** Percentage of the total, one decimal; 0 when the total is 0. */
export function percentOf(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((count * 1000) / total) / 10;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
}

/** What a pass rule counts from: all serving delegates, those present, or votes cast (for + against). */
export type RuleBasis = NonNullable<MotionResult['basis']>;

/**
 * The votes in favour a rule needs, and the number it is counted from. "Votes cast" leaves out
 * Không biểu quyết (abstentions are not votes): majority_of_cast passes exactly when for > against.
 */
export function ruleThreshold(
  rule: PassRule,
  n: { total: number; present: number; tally: Tally },
): { basis: RuleBasis; required: number } {
  switch (rule) {
    case 'majority_of_all':
      return { basis: { of: 'all', count: n.total }, required: moreThanHalf(n.total) };
    case 'two_thirds_of_all':
      return {
        basis: { of: 'all', count: n.total },
        required: Math.max(1, atLeastTwoThirds(n.total)),
      };
    case 'majority_of_present':
      return { basis: { of: 'present', count: n.present }, required: moreThanHalf(n.present) };
    case 'majority_of_cast': {
      const cast = n.tally.for + n.tally.against;
      return { basis: { of: 'cast', count: cast }, required: moreThanHalf(cast) };
    }
  }
}

/**
 * The default rule of a dismissal: removing a delegate needs at least two thirds of all delegates,
 * dismissing an office-holder more than half. A council may configure either.
 */
export function dismissalRule(
  target: DismissalTarget,
  configured: Partial<Record<DismissalTarget, PassRule>> = {},
): PassRule {
  return configured[target] ?? (target === 'delegate' ? 'two_thirds_of_all' : 'majority_of_all');
}

/** The facts every result records: who counts, who was there, who could vote. */
export interface VoteFacts {
  /** Serving delegates (members of the body whose term has not ended) on the day of the vote. */
  total: number;
  /** Members present when the vote closed (and every member who voted while present). */
  present: number;
  /** Members of the body who could vote (serving when the vote opened). */
  eligible: number;
  quorum: QuorumRule;
  /** How many cast a ballot (for a confidence vote: how many ballots, not ratings). */
  cast: number;
}

function common(f: VoteFacts) {
  const quorumNeeded = quorumRequired(f.total, f.quorum);
  const notVoted = Math.max(0, f.eligible - f.cast);
  return {
    totalMembers: f.total,
    eligible: f.eligible,
    present: f.present,
    quorumRequired: quorumNeeded,
    quorumHeld: f.present >= quorumNeeded,
    notVoted,
  };
}

/** The fields a rating (confidence, no confidence) shares: no for/against, only who did not vote. */
function ratingHead(f: VoteFacts & { rule: PassRule }) {
  const { notVoted, ...c } = common(f);
  return {
    rule: f.rule,
    ...c,
    counts: { for: 0, against: 0, abstain: 0, notVoted },
    percentOfAll: { for: 0, against: 0, abstain: 0, notVoted: percentOf(notVoted, f.total) },
  };
}

/**
 * A resolution or motion (also a dismissal, with its rule): passes when the rule's threshold is
 * met AND the quorum held at close. Counts and percentages are of the total.
 */
export function resolutionResult(
  f: Omit<VoteFacts, 'cast'> & {
    rule: PassRule;
    tally: Tally;
    ballots?: { memberId: string; name: string; choice: VoteChoice | null }[];
  },
): MotionResult {
  const cast = f.tally.for + f.tally.against + f.tally.abstain;
  const { notVoted, ...c } = common({ ...f, cast });
  const { basis, required } = ruleThreshold(f.rule, f);
  const ruleMet = f.tally.for >= required;
  const t = f.total;
  return {
    kind: 'resolution',
    rule: f.rule,
    ...c,
    counts: { ...f.tally, notVoted },
    percentOfAll: {
      for: percentOf(f.tally.for, t),
      against: percentOf(f.tally.against, t),
      abstain: percentOf(f.tally.abstain, t),
      notVoted: percentOf(notVoted, t),
    },
    basis,
    required,
    ruleMet,
    passed: ruleMet && c.quorumHeld,
    ...(f.ballots ? { ballots: f.ballots } : {}),
  };
}

/** The flag Resolution 96/2023/QH15 attaches to an official's "low" count. */
export type ConfidenceFlag = 'none' | 'may_resign' | 'no_confidence_vote';

/**
 * Rated low by more than half and less than two thirds of all delegates: may resign; by two
 * thirds or more: the body must hold a no-confidence vote.
 */
export function confidenceFlag(low: number, total: number): ConfidenceFlag {
  if (total <= 0 || low <= 0) return 'none';
  if (low >= atLeastTwoThirds(total)) return 'no_confidence_vote';
  if (low >= moreThanHalf(total)) return 'may_resign';
  return 'none';
}

/** A confidence rating (lấy phiếu tín nhiệm): counts and % of the total per official, no verdict. */
export function confidenceResult(
  f: VoteFacts & {
    rule: PassRule;
    officials: { official: string; high: number; confidence: number; low: number }[];
  },
): MotionResult {
  const t = f.total;
  return {
    kind: 'confidence',
    ...ratingHead(f),
    basis: null,
    required: null,
    ruleMet: null,
    passed: null,
    confidence: f.officials.map((o) => ({
      official: o.official,
      high: o.high,
      confidence: o.confidence,
      low: o.low,
      percentOfAll: {
        high: percentOf(o.high, t),
        confidence: percentOf(o.confidence, t),
        low: percentOf(o.low, t),
      },
      flag: confidenceFlag(o.low, t),
    })),
  };
}

/**
 * A no-confidence vote (bỏ phiếu tín nhiệm): per official, more than half of ALL delegates voting
 * không tín nhiệm means the official is not trusted (and must be proposed for dismissal).
 */
export function noConfidenceResult(
  f: VoteFacts & {
    rule: PassRule;
    officials: { official: string; trust: number; noTrust: number }[];
  },
): MotionResult {
  const head = ratingHead(f);
  const t = f.total;
  const required = moreThanHalf(t);
  return {
    kind: 'no_confidence',
    ...head,
    basis: { of: 'all', count: t },
    required,
    ruleMet: null,
    passed: null,
    noConfidence: f.officials.map((o) => ({
      official: o.official,
      trust: o.trust,
      noTrust: o.noTrust,
      percentOfAll: { trust: percentOf(o.trust, t), noTrust: percentOf(o.noTrust, t) },
      notTrusted: head.quorumHeld && o.noTrust >= required,
    })),
  };
}

/**
 * A dismissal or removal (miễn nhiệm, bãi nhiệm): a resolution under its rule (dismissalRule),
 * secret, recording whom it removes. Passes when the rule is met and the quorum held.
 */
export function dismissalResult(
  f: Omit<VoteFacts, 'cast'> & {
    rule: PassRule;
    tally: Tally;
    person: string;
    target: DismissalTarget;
  },
): MotionResult {
  const { person, target, ...rest } = f;
  return { ...resolutionResult(rest), kind: 'dismissal', dismissal: { person, target } };
}

/** What an election ballot is, from the candidates it keeps and the posts to fill. */
export type ElectionBallotKind = 'valid' | 'blank' | 'spoiled';
export function electionBallotKind(kept: number, posts: number): ElectionBallotKind {
  if (kept > posts) return 'spoiled';
  return kept === 0 ? 'blank' : 'valid';
}

/**
 * An election (bầu) of `posts` from the candidates. Each valid ballot keeps at most `posts`
 * candidates (a blank one keeps none); a ballot keeping more is spoiled and gives no votes.
 * A candidate is elected with more than half of ALL serving delegates, and only when the quorum
 * held; when more candidates reach that than there are posts, the most votes win, and candidates
 * tied at the last post(s) are not elected but named for a new round.
 */
export function electionResult(
  f: VoteFacts & {
    rule: PassRule;
    posts: number;
    /** In ballot order; votes = valid ballots keeping the candidate. */
    candidates: { name: string; votes: number }[];
    ballots: { valid: number; blank: number; spoiled: number };
  },
): MotionResult {
  const head = ratingHead(f);
  const t = f.total;
  const required = moreThanHalf(t);
  const reached = f.candidates
    .filter((c) => head.quorumHeld && c.votes >= required)
    .sort((a, b) => b.votes - a.votes);
  const elected = new Set<string>();
  let newRound: { posts: number; candidates: string[] } | null = null;
  if (reached.length <= f.posts) {
    for (const c of reached) elected.add(c.name);
  } else {
    const cut = reached[f.posts - 1]!.votes;
    const above = reached.filter((c) => c.votes > cut);
    const atCut = reached.filter((c) => c.votes === cut);
    for (const c of above) elected.add(c.name);
    const left = f.posts - above.length;
    if (atCut.length <= left) for (const c of atCut) elected.add(c.name);
    else newRound = { posts: left, candidates: atCut.map((c) => c.name) };
  }
  return {
    kind: 'election',
    ...head,
    basis: { of: 'all', count: t },
    required,
    ruleMet: null,
    passed: null,
    election: {
      posts: f.posts,
      required,
      ballots: { cast: f.cast, ...f.ballots },
      candidates: f.candidates.map((c) => ({
        name: c.name,
        votes: c.votes,
        percentOfAll: percentOf(c.votes, t),
        reached: c.votes >= required,
        elected: elected.has(c.name),
      })),
      elected: elected.size,
      newRound,
    },
  };
}

// Pass rules and quorum arithmetic (pure). The law counts ALL members of the body for the default
// rule and for quorum, not those present or voting; the other rules are for bodies that configure them.
import type { MotionResult, PassRule, VoteChoice } from '../../../shared/meeting';

export interface Tally {
  for: number;
  against: number;
  abstain: number;
}

export interface RuleInput {
  rule: PassRule;
  /** Members of the body. */
  totalMembers: number;
  /** Members present when the vote opened. */
  present: number;
  tally: Tally;
}

/** Smallest integer strictly greater than half of n. */
const moreThanHalf = (n: number) => Math.floor(n / 2) + 1;
/** Smallest integer at least two thirds of n (exact integer arithmetic, no floating point). */
const atLeastTwoThirds = (n: number) => Math.ceil((2 * n) / 3);

/** Votes in favour needed to pass. Abstentions count as ballots cast for majority_of_cast. */
export function requiredVotes(input: Omit<RuleInput, 'tally'> & { cast: number }): number {
  switch (input.rule) {
    case 'majority_of_all':
      return moreThanHalf(input.totalMembers);
    case 'two_thirds_of_all':
      return Math.max(1, atLeastTwoThirds(input.totalMembers));
    case 'majority_of_present':
      return moreThanHalf(input.present);
    case 'majority_of_cast':
      return moreThanHalf(input.cast);
  }
}

export function decide(input: RuleInput): { required: number; passed: boolean } {
  const cast = input.tally.for + input.tally.against + input.tally.abstain;
  const required = requiredVotes({ ...input, cast });
  return { required, passed: input.tally.for >= required };
}

/** Percentage of all members, one decimal. */
export function percentOfAll(count: number, totalMembers: number): number {
  if (totalMembers <= 0) return 0;
  return Math.round((count / totalMembers) * 1000) / 10;
}

export interface ResultInput {
  rule: PassRule;
  totalMembers: number;
  present: number;
  eligible: number;
  tally: Tally;
  ballots?: { memberId: string; name: string; choice: VoteChoice | null }[];
  confidence?: MotionResult['confidence'];
}

/** The result shown when a vote closes. */
export function motionResult(input: ResultInput): MotionResult {
  const cast = input.tally.for + input.tally.against + input.tally.abstain;
  const notVoted = Math.max(0, input.eligible - cast);
  const { required, passed } = decide(input);
  const t = input.totalMembers;
  return {
    rule: input.rule,
    totalMembers: t,
    eligible: input.eligible,
    present: input.present,
    counts: { ...input.tally, notVoted },
    percentOfAll: {
      for: percentOfAll(input.tally.for, t),
      against: percentOfAll(input.tally.against, t),
      abstain: percentOfAll(input.tally.abstain, t),
      notVoted: percentOfAll(notVoted, t),
    },
    required,
    passed,
    ...(input.ballots ? { ballots: input.ballots } : {}),
    ...(input.confidence ? { confidence: input.confidence } : {}),
  };
}

export const QuorumRule = ['two_thirds_of_all', 'majority_of_all'] as const;
export type QuorumRule = (typeof QuorumRule)[number];

/** Members who must be present for a valid sitting. Default: at least two thirds of all members. */
export function quorumRequired(totalMembers: number, rule: QuorumRule = 'two_thirds_of_all') {
  return rule === 'majority_of_all' ? moreThanHalf(totalMembers) : atLeastTwoThirds(totalMembers);
}

// Table test of the pass rules and quorum: the law's arithmetic on a 35-member council and edges.
import { describe, expect, it } from 'vitest';
import type { PassRule } from '../../../shared/meeting';
import { decide, motionResult, percentOfAll, quorumRequired } from './rules';

const tally = (f: number, a = 0, ab = 0) => ({ for: f, against: a, abstain: ab });

describe('pass rules', () => {
  const cases: [string, PassRule, number, number, ReturnType<typeof tally>, number, boolean][] = [
    // name, rule, total, present, tally, required, passed
    ['35 members: 18 for passes', 'majority_of_all', 35, 35, tally(18, 17), 18, true],
    ['35 members: 17 for fails', 'majority_of_all', 35, 35, tally(17, 0, 0), 18, false],
    ['34 members: 17 (exactly half) fails', 'majority_of_all', 34, 30, tally(17, 1), 18, false],
    [
      '35 members: 18 of 20 present still counts all',
      'majority_of_all',
      35,
      20,
      tally(18),
      18,
      true,
    ],
    ['two thirds of 35 needs 24: 24 passes', 'two_thirds_of_all', 35, 35, tally(24), 24, true],
    ['two thirds of 35: 23 fails', 'two_thirds_of_all', 35, 35, tally(23), 24, false],
    ['two thirds of 30 needs exactly 20', 'two_thirds_of_all', 30, 30, tally(20), 20, true],
    ['majority of 20 present needs 11', 'majority_of_present', 35, 20, tally(11, 9), 11, true],
    ['majority of 20 present: 10 fails', 'majority_of_present', 35, 20, tally(10, 2), 11, false],
    ['majority of cast: 6 of 11 cast passes', 'majority_of_cast', 35, 30, tally(6, 3, 2), 6, true],
    [
      'majority of cast: abstentions are cast',
      'majority_of_cast',
      35,
      30,
      tally(5, 3, 2),
      6,
      false,
    ],
    ['majority of cast with nobody voting fails', 'majority_of_cast', 35, 30, tally(0), 1, false],
    ['empty body never passes', 'majority_of_all', 0, 0, tally(0), 1, false],
    ['one-member body: 1 for passes', 'majority_of_all', 1, 1, tally(1), 1, true],
  ];
  it.each(cases)('%s', (_name, rule, totalMembers, present, t, required, passed) => {
    expect(decide({ rule, totalMembers, present, tally: t })).toEqual({ required, passed });
  });
});

describe('results', () => {
  it('gives percentages of ALL members with one decimal and counts the members who did not vote', () => {
    const r = motionResult({
      rule: 'majority_of_all',
      totalMembers: 35,
      present: 30,
      eligible: 35,
      tally: tally(18, 7, 3),
    });
    expect(r.counts).toEqual({ for: 18, against: 7, abstain: 3, notVoted: 7 });
    expect(r.percentOfAll).toEqual({ for: 51.4, against: 20, abstain: 8.6, notVoted: 20 });
    expect(r.required).toBe(18);
    expect(r.passed).toBe(true);
    expect(r.ballots).toBeUndefined();
  });

  it('never divides by zero', () => {
    expect(percentOfAll(0, 0)).toBe(0);
  });
});

describe('quorum', () => {
  it.each([
    [35, 'two_thirds_of_all', 24],
    [30, 'two_thirds_of_all', 20],
    [3, 'two_thirds_of_all', 2],
    [35, 'majority_of_all', 18],
  ] as const)('%i members under %s need %i present', (total, rule, need) => {
    expect(quorumRequired(total, rule)).toBe(need);
  });
});

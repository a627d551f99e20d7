// The law's vote arithmetic: a table of the scenarios on a 35-member council, and
// fast-check properties at every edge (exactly half, exactly two thirds, zero ballots, a total
// changed by a term ending, spoiled/absent ballots, the 96/2023 confidence thresholds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MotionResult, PassRule } from './meeting';
import {
  atLeastTwoThirds,
  confidenceFlag,
  confidenceResult,
  dismissalRule,
  moreThanHalf,
  noConfidenceResult,
  percentOf,
  quorumRequired,
  resolutionResult,
} from './vote-rules';

const tally = (f: number, a = 0, ab = 0) => ({ for: f, against: a, abstain: ab });
const facts = (total: number, present = total) => ({
  total,
  present,
  eligible: total,
  quorum: 'two_thirds_of_all' as const,
});

describe('pass rules (table)', () => {
  const cases: [string, PassRule, number, number, ReturnType<typeof tally>, number, boolean][] = [
    // name, rule, total, present, tally, required, passed
    ['35 members: 18 for passes', 'majority_of_all', 35, 35, tally(18, 17), 18, true],
    ['35 members: 17 for fails', 'majority_of_all', 35, 35, tally(17), 18, false],
    ['34 members: 17 (exactly half) fails', 'majority_of_all', 34, 30, tally(17, 1), 18, false],
    ['two thirds of 35 needs 24: 24 passes', 'two_thirds_of_all', 35, 35, tally(24), 24, true],
    ['two thirds of 35: 23 fails', 'two_thirds_of_all', 35, 35, tally(23), 24, false],
    ['two thirds of 30 needs exactly 20', 'two_thirds_of_all', 30, 30, tally(20), 20, true],
    ['majority of 24 present needs 13', 'majority_of_present', 35, 24, tally(13, 11), 13, true],
    ['majority of 24 present: 12 fails', 'majority_of_present', 35, 24, tally(12, 2), 13, false],
    // The case: 8 for, 7 against, 5 không biểu quyết — abstentions are not votes cast.
    [
      'majority of cast: 8 for 7 against 5 abstain',
      'majority_of_cast',
      35,
      30,
      tally(8, 7, 5),
      8,
      true,
    ],
    ['majority of cast: a tie fails', 'majority_of_cast', 35, 30, tally(7, 7, 9), 8, false],
    ['majority of cast with nobody voting fails', 'majority_of_cast', 35, 30, tally(0), 1, false],
    ['one-member body: 1 for passes', 'majority_of_all', 1, 1, tally(1), 1, true],
  ];
  it.each(cases)('%s', (_name, rule, total, present, t, required, passed) => {
    const r = resolutionResult({ ...facts(total, present), rule, tally: t });
    expect({ required: r.required, passed: r.passed }).toEqual({ required, passed });
  });

  it('records every number it used, and the result parses with the shared contract', () => {
    const r = resolutionResult({
      ...facts(35, 30),
      rule: 'majority_of_all',
      tally: tally(18, 7, 3),
    });
    expect(r).toMatchObject({
      kind: 'resolution',
      totalMembers: 35,
      present: 30,
      eligible: 35,
      quorumRequired: 24,
      quorumHeld: true,
      basis: { of: 'all', count: 35 },
      required: 18,
      ruleMet: true,
      passed: true,
      counts: { for: 18, against: 7, abstain: 3, notVoted: 7 },
      percentOfAll: { for: 51.4, against: 20, abstain: 8.6, notVoted: 20 },
    });
    expect(MotionResult.parse(r)).toEqual(r);
  });

  it('fails when the quorum did not hold at close, even with the votes (23 of 35 present)', () => {
    const r = resolutionResult({
      ...facts(35, 23),
      rule: 'majority_of_present',
      tally: tally(20, 3),
    });
    expect(r).toMatchObject({
      ruleMet: true,
      quorumHeld: false,
      quorumRequired: 24,
      passed: false,
    });
  });

  it('reads an old stored result (no kind, no quorum) as a resolution with quorum not recorded', () => {
    const old = {
      rule: 'majority_of_all',
      totalMembers: 5,
      eligible: 5,
      present: 5,
      counts: { for: 3, against: 0, abstain: 0, notVoted: 2 },
      percentOfAll: { for: 60, against: 0, abstain: 0, notVoted: 40 },
      required: 3,
      passed: true,
    };
    expect(MotionResult.parse(old)).toMatchObject({ kind: 'resolution', quorumHeld: null });
  });
});

/** A council size and a split of its members into for/against/abstain/absent. */
const council = fc.integer({ min: 1, max: 120 }).chain((total) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: total }),
      fc.integer({ min: 0, max: total }),
      fc.integer({ min: 0, max: total }),
    )
    .map(([a, b, c]) => {
      const f = Math.min(a, total);
      const ag = Math.min(b, total - f);
      const ab = Math.min(c, total - f - ag);
      return { total, tally: tally(f, ag, ab), cast: f + ag + ab };
    }),
);

describe('pass rules (properties)', () => {
  it('majority_of_all passes exactly when 2·for > total and the quorum holds', () => {
    fc.assert(
      fc.property(council, ({ total, tally: t }) => {
        const r = resolutionResult({ ...facts(total), rule: 'majority_of_all', tally: t });
        expect(r.ruleMet).toBe(2 * t.for > total);
        expect(r.passed).toBe(2 * t.for > total && r.quorumHeld);
      }),
    );
  });

  it('exactly half of the total never passes a majority', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (half) => {
        const r = resolutionResult({
          ...facts(2 * half),
          rule: 'majority_of_all',
          tally: tally(half, half),
        });
        expect(r.passed).toBe(false);
        expect(r.required).toBe(half + 1);
      }),
    );
  });

  it('two_thirds_of_all passes exactly when 3·for ≥ 2·total (exactly two thirds passes)', () => {
    fc.assert(
      fc.property(council, ({ total, tally: t }) => {
        const r = resolutionResult({ ...facts(total), rule: 'two_thirds_of_all', tally: t });
        expect(r.ruleMet).toBe(t.for >= 1 && 3 * t.for >= 2 * total);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (third) => {
        const r = (f: number) =>
          resolutionResult({ ...facts(3 * third), rule: 'two_thirds_of_all', tally: tally(f) });
        expect(r(2 * third).passed).toBe(true);
        expect(r(2 * third - 1).passed).toBe(false);
      }),
    );
  });

  it('majority_of_cast is for > against, whatever the abstentions', () => {
    fc.assert(
      fc.property(council, ({ total, tally: t }) => {
        const r = resolutionResult({ ...facts(total), rule: 'majority_of_cast', tally: t });
        expect(r.ruleMet).toBe(t.for > t.against);
        expect(r.basis).toEqual({ of: 'cast', count: t.for + t.against });
      }),
    );
  });

  it('majority_of_present counts from those present at close', () => {
    fc.assert(
      fc.property(council, fc.nat(), ({ total, tally: t, cast }, extra) => {
        const present = Math.min(total, cast + (extra % (total + 1)));
        const r = resolutionResult({
          ...facts(total, present),
          rule: 'majority_of_present',
          tally: t,
        });
        expect(r.ruleMet).toBe(2 * t.for > present);
      }),
    );
  });

  it('zero ballots never pass any rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(...PassRule.options),
        (total, rule) => {
          const r = resolutionResult({ ...facts(total), rule, tally: tally(0) });
          expect(r.passed).toBe(false);
          expect(r.counts.notVoted).toBe(total);
        },
      ),
    );
  });

  it('a term ending lowers the total: every threshold and percentage follows it', () => {
    fc.assert(
      fc.property(council, fc.integer({ min: 1, max: 10 }), ({ total, tally: t, cast }, ended) => {
        fc.pre(total - ended >= cast && total - ended >= 1);
        const before = resolutionResult({ ...facts(total), rule: 'majority_of_all', tally: t });
        const after = resolutionResult({
          ...facts(total - ended),
          rule: 'majority_of_all',
          tally: t,
        });
        expect(after.totalMembers).toBe(total - ended);
        expect(after.required).toBe(moreThanHalf(total - ended));
        expect(after.required!).toBeLessThanOrEqual(before.required!);
        expect(after.percentOfAll.for).toBeGreaterThanOrEqual(before.percentOfAll.for);
        expect(after.quorumRequired).toBe(atLeastTwoThirds(total - ended));
      }),
    );
  });

  it('members who cast no ballot (absent or spoiled) count as not voted, never as cast', () => {
    fc.assert(
      fc.property(council, ({ total, tally: t, cast }) => {
        const r = resolutionResult({ ...facts(total), rule: 'majority_of_all', tally: t });
        expect(r.counts.notVoted).toBe(total - cast);
        expect(r.counts.for + r.counts.against + r.counts.abstain + r.counts.notVoted).toBe(total);
      }),
    );
  });
});

describe('quorum', () => {
  it.each([
    [35, 'two_thirds_of_all', 24],
    [30, 'two_thirds_of_all', 20],
    [3, 'two_thirds_of_all', 2],
    [35, 'majority_of_all', 18],
    [0, 'two_thirds_of_all', 1],
  ] as const)('%i members under %s need %i present', (total, rule, need) => {
    expect(quorumRequired(total, rule)).toBe(need);
  });

  it('holds exactly when 3·present ≥ 2·total (two thirds of all, not of those present)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (total, p) => {
        const present = p % (total + 1);
        const r = resolutionResult({
          ...facts(total, present),
          rule: 'majority_of_all',
          tally: tally(0),
        });
        expect(r.quorumHeld).toBe(3 * present >= 2 * total);
      }),
    );
  });
});

describe('dismissals', () => {
  it('removing a delegate needs two thirds of all, dismissing an office-holder more than half', () => {
    expect(dismissalRule('delegate')).toBe('two_thirds_of_all');
    expect(dismissalRule('office')).toBe('majority_of_all');
    expect(dismissalRule('delegate', { delegate: 'majority_of_all' })).toBe('majority_of_all');
    const r = (f: number) =>
      resolutionResult({ ...facts(35), rule: dismissalRule('delegate'), tally: tally(f) });
    expect([r(23).passed, r(24).passed]).toEqual([false, true]);
  });
});

describe('confidence ratings (Resolution 96/2023/QH15)', () => {
  it('gives counts and % of all per official and no verdict', () => {
    const r = confidenceResult({
      ...facts(35, 30),
      cast: 30,
      rule: 'majority_of_all',
      officials: [
        { official: 'Chủ tịch UBND', high: 20, confidence: 8, low: 2 },
        { official: 'Phó Chủ tịch', high: 5, confidence: 7, low: 18 },
        { official: 'constructor', high: 2, confidence: 4, low: 24 },
      ],
    });
    expect(r.passed).toBeNull();
    expect(r.required).toBeNull();
    expect(r.counts.notVoted).toBe(5);
    expect(r.confidence!.map((c) => c.flag)).toEqual(['none', 'may_resign', 'no_confidence_vote']);
    expect(r.confidence![0]!.percentOfAll).toEqual({ high: 57.1, confidence: 22.9, low: 5.7 });
    expect(MotionResult.parse(r)).toEqual(r);
  });

  it('flags low > half (and < two thirds) as may resign, ≥ two thirds as a no-confidence vote', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (total, l) => {
        const low = l % (total + 1);
        const flag = confidenceFlag(low, total);
        const expected =
          low > 0 && 3 * low >= 2 * total
            ? 'no_confidence_vote'
            : 2 * low > total
              ? 'may_resign'
              : 'none';
        expect(flag).toBe(expected);
      }),
    );
    // Exactly half is not "more than half"; exactly two thirds is "two thirds or more".
    expect(confidenceFlag(15, 30)).toBe('none');
    expect(confidenceFlag(16, 30)).toBe('may_resign');
    expect(confidenceFlag(19, 30)).toBe('may_resign');
    expect(confidenceFlag(20, 30)).toBe('no_confidence_vote');
    expect(confidenceFlag(0, 0)).toBe('none');
  });
});

describe('no-confidence votes', () => {
  it('not trusted when more than half of ALL vote no trust (exactly half is not)', () => {
    const r = (noTrust: number, present = 30) =>
      noConfidenceResult({
        ...facts(30, present),
        cast: present,
        rule: 'majority_of_all',
        officials: [{ official: 'Trưởng ban', trust: present - noTrust, noTrust }],
      }).noConfidence![0]!;
    expect(r(15).notTrusted).toBe(false);
    expect(r(16).notTrusted).toBe(true);
    expect(r(16).percentOfAll).toEqual({ trust: 46.7, noTrust: 53.3 });
  });

  it('percentages never exceed 100 and are 0 for an empty body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(), (total, n) => {
        const count = total ? n % (total + 1) : 0;
        const p = percentOf(count, total);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
      }),
    );
  });
});

// The law's vote arithmetic: a table of the scenarios on a 35-member council, and
// fast-check properties at every edge (exactly half, exactly two thirds, zero ballots, a total
// changed by a term ending, spoiled/absent ballots, the 96/2023 confidence thresholds, ties in
// elections, dismissals of a delegate and of an office-holder, no-confidence votes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MotionResult, PassRule } from './meeting';
import {
  atLeastTwoThirds,
  confidenceFlag,
  confidenceResult,
  dismissalResult,
  dismissalRule,
  electionBallotKind,
  electionResult,
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

  it('a dismissal result names whom it removes and passes at its rule’s edge, with the quorum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('delegate' as const, 'office' as const),
        (total, p, f, target) => {
          const present = p % (total + 1);
          const votes = f % (present + 1);
          const r = dismissalResult({
            ...facts(total, present),
            rule: dismissalRule(target),
            tally: tally(votes, present - votes),
            person: 'Nguyễn Văn A',
            target,
          });
          const met = target === 'delegate' ? 3 * votes >= 2 * total : 2 * votes > total;
          expect(r.kind).toBe('dismissal');
          expect(r.dismissal).toEqual({ person: 'Nguyễn Văn A', target });
          expect(r.ruleMet).toBe(met && votes >= 1);
          expect(r.passed).toBe(met && votes >= 1 && 3 * present >= 2 * total);
        },
      ),
    );
    // Exactly two thirds removes a delegate; exactly half does not dismiss an office-holder.
    const d = (target: 'delegate' | 'office', votes: number) =>
      dismissalResult({
        ...facts(30),
        rule: dismissalRule(target),
        tally: tally(votes),
        person: 'X',
        target,
      }).passed;
    expect([d('delegate', 19), d('delegate', 20), d('office', 15), d('office', 16)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(
      MotionResult.parse(
        dismissalResult({
          ...facts(3),
          rule: 'majority_of_all',
          tally: tally(2),
          person: 'X',
          target: 'office',
        }),
      ).dismissal,
    ).toEqual({ person: 'X', target: 'office' });
  });
});

/** An election's result from per-ballot kept lists (the way the server counts them). */
function elect(
  total: number,
  present: number,
  posts: number,
  names: string[],
  ballots: string[][],
) {
  const votes = new Map(names.map((n) => [n, 0]));
  const b = { valid: 0, blank: 0, spoiled: 0 };
  for (const kept of ballots) {
    const kind = electionBallotKind(kept.length, posts);
    if (kind === 'spoiled') {
      b.spoiled++;
      continue;
    }
    b.valid++;
    if (kind === 'blank') b.blank++;
    for (const k of kept) votes.set(k, votes.get(k)! + 1);
  }
  return electionResult({
    ...facts(total, present),
    cast: ballots.length,
    rule: 'majority_of_all',
    posts,
    candidates: names.map((name) => ({ name, votes: votes.get(name)! })),
    ballots: b,
  });
}

describe('elections', () => {
  it('a vice-chair from two candidates: more than half of all is elected', () => {
    const ballots = [
      ...Array<string[]>(18).fill(['A']),
      ...Array<string[]>(9).fill(['B']),
      ...Array<string[]>(2).fill([]),
      ...Array<string[]>(1).fill(['A', 'B']),
    ];
    const r = elect(35, 30, 1, ['A', 'B'], ballots);
    expect(r.kind).toBe('election');
    expect(r.passed).toBeNull();
    expect(r.election).toMatchObject({
      posts: 1,
      required: 18,
      ballots: { cast: 30, valid: 29, blank: 2, spoiled: 1 },
      elected: 1,
      newRound: null,
    });
    expect(r.election!.candidates).toEqual([
      { name: 'A', votes: 18, percentOfAll: 51.4, reached: true, elected: true },
      { name: 'B', votes: 9, percentOfAll: 25.7, reached: false, elected: false },
    ]);
    expect(r.counts.notVoted).toBe(5);
    expect(MotionResult.parse(r)).toEqual(r);
  });

  it('exactly half of all is not elected; one more is', () => {
    for (let half = 1; half <= 40; half++) {
      const total = 2 * half;
      const at = (votes: number) =>
        elect(
          total,
          total,
          1,
          ['A'],
          [...Array<string[]>(votes).fill(['A']), ...Array<string[]>(total - votes).fill([])],
        ).election!.candidates[0]!.elected;
      expect([at(half), at(half + 1)]).toEqual([false, true]);
    }
  });

  it('more candidates reaching it than posts: the most votes win; a tie at the last post goes to a new round', () => {
    // 2 posts, 3 candidates above half of 30 (16): 20, 17, 17 → A elected, B and C tied for 1 post.
    const ballots = [
      ...Array<string[]>(3).fill(['A']),
      ...Array<string[]>(10).fill(['A', 'B']),
      ...Array<string[]>(7).fill(['A', 'C']),
      ...Array<string[]>(7).fill(['B', 'C']),
      ...Array<string[]>(3).fill(['C']),
    ];
    const r = elect(30, 30, 2, ['A', 'B', 'C'], ballots).election!;
    expect(r.candidates.map((c) => [c.name, c.votes, c.reached, c.elected])).toEqual([
      ['A', 20, true, true],
      ['B', 17, true, false],
      ['C', 17, true, false],
    ]);
    expect(r).toMatchObject({ elected: 1, newRound: { posts: 1, candidates: ['B', 'C'] } });
    // Without the tie the most votes win and nobody goes to a new round.
    const r2 = elect(
      30,
      30,
      1,
      ['A', 'B'],
      [
        ...Array<string[]>(2).fill(['A']),
        ...Array<string[]>(0).fill(['B']),
        ...Array<string[]>(28).fill([]),
      ],
    ).election!;
    expect(r2.elected).toBe(0);
  });

  it('ties and posts (properties): never more elected than posts; a new round only on a tie at the cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (total, posts, raw) => {
          const votes = raw.map((v) => v % (total + 1));
          fc.pre(posts <= votes.length);
          const r = electionResult({
            ...facts(total),
            cast: total,
            rule: 'majority_of_all',
            posts,
            candidates: votes.map((v, i) => ({ name: `C${i}`, votes: v })),
            ballots: { valid: total, blank: 0, spoiled: 0 },
          }).election!;
          const reached = votes.filter((v) => 2 * v > total).sort((a, b) => b - a);
          expect(r.elected).toBeLessThanOrEqual(posts);
          for (const c of r.candidates) {
            expect(c.reached).toBe(2 * c.votes > total);
            if (c.elected) expect(c.reached).toBe(true);
          }
          if (reached.length <= posts) {
            expect(r.elected).toBe(reached.length);
            expect(r.newRound).toBeNull();
          } else {
            const cut = reached[posts - 1]!;
            const tied = reached.filter((v) => v === cut).length;
            const above = reached.filter((v) => v > cut).length;
            const tie = above + tied > posts;
            expect(r.newRound !== null).toBe(tie);
            expect(r.elected).toBe(tie ? above : posts);
            if (r.newRound) expect(r.newRound.posts + r.elected).toBe(posts);
            // Every elected candidate has at least the votes of every candidate not elected.
            const minElected = Math.min(
              ...r.candidates.filter((c) => c.elected).map((c) => c.votes),
            );
            for (const c of r.candidates.filter((c) => !c.elected)) {
              if (r.elected) expect(c.votes).toBeLessThanOrEqual(minElected);
            }
          }
        },
      ),
    );
  });

  it('spoiled and blank ballots: counted, reported, and give no candidate a vote', () => {
    for (let posts = 1; posts <= 3; posts++) {
      for (let kept = 0; kept <= 4; kept++) {
        expect(electionBallotKind(kept, posts)).toBe(
          kept > posts ? 'spoiled' : kept === 0 ? 'blank' : 'valid',
        );
      }
    }
    const r = elect(5, 5, 1, ['A', 'B'], [['A', 'B'], ['A', 'B'], [], [], ['A']]).election!;
    expect(r.ballots).toEqual({ cast: 5, valid: 3, blank: 2, spoiled: 2 });
    expect(r.candidates.map((c) => c.votes)).toEqual([1, 0]);
  });

  it('zero ballots elect nobody; without the quorum nobody is elected', () => {
    const none = elect(30, 30, 1, ['A'], []);
    expect(none.election).toMatchObject({ elected: 0, ballots: { cast: 0, valid: 0 } });
    expect(none.counts.notVoted).toBe(30);
    const noQuorum = elect(30, 19, 1, ['A'], Array<string[]>(19).fill(['A']));
    expect(noQuorum.quorumHeld).toBe(false);
    expect(noQuorum.election!.candidates[0]).toMatchObject({ reached: true, elected: false });
  });

  it('a term ending lowers what a candidate needs', () => {
    for (let total = 2; total <= 60; total++) {
      const votes = moreThanHalf(total - 1);
      const at = (t: number) =>
        elect(t, t, 1, ['A'], Array<string[]>(votes).fill(['A'])).election!.candidates[0]!;
      expect(at(total - 1).elected).toBe(true);
      expect(at(total).elected).toBe(2 * votes > total);
    }
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

  it('not trusted exactly when 2·noTrust > total and the quorum held (properties)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.nat(), fc.nat(), (total, p, n) => {
        const present = p % (total + 1);
        const noTrust = n % (present + 1);
        const r = noConfidenceResult({
          ...facts(total, present),
          cast: present,
          rule: 'majority_of_all',
          officials: [{ official: 'A', trust: present - noTrust, noTrust }],
        });
        expect(r.required).toBe(moreThanHalf(total));
        expect(r.noConfidence![0]!.notTrusted).toBe(
          2 * noTrust > total && 3 * present >= 2 * total,
        );
      }),
    );
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

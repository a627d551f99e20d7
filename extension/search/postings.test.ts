// Postings coding: occurrences survive the varint round trip, and forms keep the accents met.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPostings, decodeOccurrences, encodeOccurrences, type Occurrence } from './postings';

describe('occurrence coding', () => {
  it('decodes what it encoded, for any sorted occurrences', () => {
    const occ = fc
      .array(
        fc.record({
          page: fc.nat({ max: 2000 }),
          pos: fc.nat({ max: 100_000 }),
          form: fc.nat({ max: 300 }),
        }),
      )
      .map(
        (list) => [...list].sort((a, b) => a.page - b.page || a.pos - b.pos) satisfies Occurrence[],
      );
    fc.assert(
      fc.property(occ, (list) => {
        expect(decodeOccurrences(encodeOccurrences(list))).toEqual(list);
      }),
    );
  });

  it('refuses unsorted occurrences', () => {
    expect(() =>
      encodeOccurrences([
        { page: 1, pos: 5, form: 0 },
        { page: 1, pos: 2, form: 0 },
      ]),
    ).toThrow(/sorted/);
  });
});

describe('buildPostings', () => {
  it('keys by folded word and keeps each accent-exact form met', () => {
    const built = buildPostings([{ page: 0, text: 'Ủy ban ban hành; các đại biểu bàn bạc' }]);
    const ban = built.postings.get('ban')!;
    expect(ban.forms).toEqual(['ban', 'bàn']);
    expect(decodeOccurrences(ban.occ)).toEqual([
      { page: 0, pos: 1, form: 0 },
      { page: 0, pos: 2, form: 0 },
      { page: 0, pos: 7, form: 1 },
    ]);
  });

  it('numbers positions per page', () => {
    const built = buildPostings([
      { page: 3, text: 'kỳ họp' },
      { page: 1, text: 'một hai kỳ họp' },
    ]);
    expect(decodeOccurrences(built.postings.get('hop')!.occ)).toEqual([
      { page: 1, pos: 3, form: 0 },
      { page: 3, pos: 1, form: 0 },
    ]);
  });
});

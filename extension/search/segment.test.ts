// Segment coding: what buildSegment writes decodes back to the same pages, positions and forms,
// survives the stored (text lines + bytes) form, and large numbers survive the varints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegment, decodeBlock, loadSegment, storeSegment, type Segment } from './segment';

const word = (s: Segment, w: string) => s.tokens.indexOf(w);

describe('buildSegment', () => {
  it('keys by folded word and keeps each accent-exact form met', () => {
    const { segment } = buildSegment([{ page: 0, text: 'Ủy ban ban hành; các đại biểu bàn bạc' }]);
    const ban = word(segment, 'ban');
    expect(segment.forms[ban]).toEqual(['ban', 'bàn']);
    expect(decodeBlock(segment, ban)).toEqual([
      { page: 0, tf: 3, formMask: 0b11, positions: [1, 2, 7], forms: [0, 0, 1] },
    ]);
  });

  it('numbers positions per page and merges parts of the same page', () => {
    const { segment, tokens } = buildSegment([
      { page: 3, text: 'kỳ họp' },
      { page: 1, text: 'một hai kỳ họp' },
      { page: 3, text: 'họp' },
    ]);
    expect(tokens).toBe(7);
    expect(decodeBlock(segment, word(segment, 'hop'))).toEqual([
      { page: 1, tf: 1, formMask: 1, positions: [3], forms: [0] },
      { page: 3, tf: 2, formMask: 1, positions: [1, 2], forms: [0, 0] },
    ]);
  });

  it('stores and loads back the same segment', () => {
    const { segment } = buildSegment([
      { page: 0, text: 'Nghị quyết về ngân sách; nghỉ họp' },
      { page: 2, text: 'the law of the land' },
    ]);
    const stored = storeSegment(segment);
    expect(stored.forms.split('\n')).toContain('nghị nghỉ');
    expect(loadSegment(stored)).toEqual(segment);
  });

  it('round-trips any pages, positions beyond one byte and many forms', () => {
    const words = fc.constantFrom('ban', 'bàn', 'bán', 'bạn', 'hop', 'họp', 'nước', 'x');
    const pages = fc.array(
      fc.record({ page: fc.nat({ max: 5000 }), words: fc.array(words, { maxLength: 300 }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(pages, (list) => {
        const parts = list.map((p) => ({ page: p.page, text: p.words.join(' ') }));
        const { segment } = buildSegment(parts);
        const loaded = loadSegment(storeSegment(segment));
        for (let w = 0; w < segment.tokens.length; w++) {
          const total = decodeBlock(loaded, w).reduce((n, p) => n + p.tf, 0);
          const expected = list.reduce(
            (n, p) =>
              n +
              p.words.filter(
                (x) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '') === loaded.tokens[w],
              ).length,
            0,
          );
          expect(total).toBe(expected);
        }
      }),
      { numRuns: 50 },
    );
  });
});

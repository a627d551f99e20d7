// Vietnamese normalisation and tokenisation against the corpus traps (real extracted text).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactForm,
  foldText,
  hasDiacritics,
  normalizeText,
  queryTerms,
  tokenize,
} from './normalize';

const CORPUS_TEXT = resolve(import.meta.dirname, '../../../shared/corpus/text');
const corpus = (name: string) => readFileSync(resolve(CORPUS_TEXT, name), 'utf8');

/** Decree 47/2020 (VGCA-signed): its font maps ư to ƣ (U+01A3). */
const ND47 = corpus('pdftotext_vi_nd47_2020_vgca_signed.txt');
/** Administrative prose with decomposed (NFD) fragments amid NFC text. */
const ADMIN = corpus('vi_admin_docs_data_19_9_2023.txt');
/** Court precedent 69/2023/AL: three words with a decomposed o + U+0303. */
const AN_LE = corpus('pdftotext_vi_an_le_so_692023AL.txt');
/** HĐND Tuần Giáo meeting invitation. */
const GIAY_MOI = corpus('pdftotext_vi_giay_moi_hdnd_tuan_giao_signed.txt');

/** True when the folded query appears as consecutive folded tokens of the text. */
function findsPhrase(text: string, query: string): boolean {
  const words = tokenize(text).map((t) => t.folded);
  const q = queryTerms(query).map((t) => t.folded);
  return words.some((_, i) => q.every((w, j) => words[i + j] === w));
}

describe('normalizeText', () => {
  it('maps the ƣ (U+01A3) of the VGCA decree to ư, so "nƣớc" reads "nước"', () => {
    expect(ND47.includes('n\u01a3ớc')).toBe(true);
    const fixed = normalizeText(ND47);
    expect(/[\u01a2\u01a3]/.test(fixed)).toBe(false);
    expect(fixed.includes('cơ quan nhà nước')).toBe(true);
  });

  it('maps the capital Ƣ (U+01A2) to Ư', () => {
    expect(normalizeText('\u01a2U TIÊN')).toBe('ƯU TIÊN');
  });

  it('composes ƣ followed by a combining tone into one letter', () => {
    expect(normalizeText('tr\u01a3\u0300ng')).toBe('trừng');
  });

  it('composes the decomposed accents of the administrative prose (NFC)', () => {
    expect(ADMIN.includes('phu\u031bo\u031bng')).toBe(true);
    const fixed = normalizeText(ADMIN);
    expect(fixed.includes('phu\u031bo\u031bng')).toBe(false);
    expect(fixed.includes('phương pháp giảng dạy')).toBe(true);
  });

  it('composes the decomposed "rõ" of the court precedent', () => {
    expect(AN_LE.includes('ro\u0303')).toBe(true);
    expect(normalizeText(AN_LE).includes('ro\u0303')).toBe(false);
  });
});

describe('foldText', () => {
  it('removes tones and vowel marks and lower-cases', () => {
    expect(foldText('NGHỊ QUYẾT Hội đồng nhân dân')).toBe('nghi quyet hoi dong nhan dan');
  });

  it('folds đ and Đ to d (a letter, not an accent)', () => {
    expect(foldText('Đại biểu đồng ý')).toBe('dai bieu dong y');
  });

  it('folds ư, ơ, ă, â, ê, ô including the ƣ look-alike', () => {
    expect(foldText('nƣớc ơn ăn ân ên ôn Ƣu')).toBe('nuoc on an an en on uu');
  });

  it('gives the same result for precomposed and decomposed input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldText(s.normalize('NFD'))).toBe(foldText(s.normalize('NFC')));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(foldText(foldText(s))).toBe(foldText(s));
      }),
    );
  });
});

describe('tokenize', () => {
  it('keeps an accent-exact and a folded form per token', () => {
    expect(tokenize('Đại biểu HĐND').map(({ exact, folded }) => [exact, folded])).toEqual([
      ['đại', 'dai'],
      ['biểu', 'bieu'],
      ['hđnd', 'hdnd'],
    ]);
  });

  it('keeps a decomposed word as one token, not split at its combining mark', () => {
    const words = tokenize('giảng dạy phu\u031bo\u031bng pháp').map((t) => t.exact);
    expect(words).toEqual(['giảng', 'dạy', 'phương', 'pháp']);
  });

  it('gives offsets into the normalised text', () => {
    const text = 'Cơ quan nhà n\u01a3ớc, ro\u0303 ràng';
    const normal = normalizeText(text);
    for (const t of tokenize(text))
      expect(normal.slice(t.start, t.end).toLowerCase()).toBe(t.exact);
  });

  it('splits document numbers into their parts', () => {
    expect(tokenize('Số: 47/2020/NĐ-CP').map((t) => t.folded)).toEqual([
      'so',
      '47',
      '2020',
      'nd',
      'cp',
    ]);
  });
});

describe('finding corpus text typed without diacritics', () => {
  it('"nghi quyet" finds "Nghị quyết" in the court precedent', () => {
    expect(findsPhrase(AN_LE, 'nghi quyet')).toBe(true);
  });

  it('"dai dien" finds "Đại diện" in the HĐND invitation', () => {
    expect(findsPhrase(GIAY_MOI, 'dai dien')).toBe(true);
  });

  it('"hoi dong nhan dan" finds "HỘI ĐỒNG NHÂN DÂN" in capitals', () => {
    expect(findsPhrase(GIAY_MOI, 'hoi dong nhan dan')).toBe(true);
  });

  it('"nước" typed correctly matches the "nƣớc" of the VGCA decree exactly', () => {
    const exact = tokenize(ND47).map((t) => t.exact);
    expect(exact).toContain('nước');
    expect(exact).not.toContain('n\u01a3ớc');
  });

  it('"phuong phap" finds the decomposed "phu\u031bo\u031bng pháp" of the administrative prose', () => {
    expect(findsPhrase(ADMIN, 'phuong phap giang day')).toBe(true);
  });

  it('does not find a phrase the text does not contain', () => {
    expect(findsPhrase(GIAY_MOI, 'dai bieu')).toBe(false);
  });
});

describe('hasDiacritics and exactForm', () => {
  it('tells an accented query from a plain one', () => {
    expect(hasDiacritics('nghị quyết')).toBe(true);
    expect(hasDiacritics('đ')).toBe(true);
    expect(hasDiacritics('nghi quyet')).toBe(false);
  });

  it('gives the repaired lower-case form', () => {
    expect(exactForm('Nƣớc')).toBe('nước');
  });

  it('spells old and new tone placement alike: "Ủy ban" = "Uỷ ban", "hòa" = "hoà"', () => {
    expect(tokenize(GIAY_MOI).map((t) => t.exact)).toContain('uỷ');
    expect(exactForm('Ủy')).toBe(exactForm('Uỷ'));
    expect(exactForm('hòa')).toBe('hoà');
    expect(exactForm('khỏe')).toBe('khoẻ');
    expect(exactForm('tùy')).toBe('tuỳ');
  });

  it('keeps the tone where a syllable goes on after the vowel pair ("hoàn", "thuyền", "của")', () => {
    expect(exactForm('hoàn')).toBe('hoàn');
    expect(exactForm('thuyền')).toBe('thuyền');
    expect(exactForm('của')).toBe('của');
    expect(exactForm('mùa')).toBe('mùa');
  });
});

// Small pure parts of reading a PDF: the %PDF- signature, joining text items, cleaning titles.
import { describe, expect, test } from 'vitest';
import { cleanTitle, joinTextItems, looksLikePdf } from './pdf-read';

describe('cleanTitle', () => {
  test.each([
    ['Free Culture', 'Free Culture'],
    ['2010 Form 1040', '2010 Form 1040'],
    ['  Báo cáo   thẩm tra ', 'Báo cáo thẩm tra'],
  ])('keeps a real title: %s', (raw, title) => {
    expect(cleanTitle(raw)).toBe(title);
  });

  test.each([
    'Microsoft Word - 335_2025_nd-cp',
    'Logo LVN_chen footer_2021',
    '2025-12-25 (1)',
    'UỶ BAN NHÂN DÂN',
    'Pattyp2.ps',
    '',
  ])('drops a leftover metadata title: %s', (raw) => {
    expect(cleanTitle(raw)).toBeUndefined();
  });
});

test('text items are joined with a line break after end-of-line items, marked content skipped', () => {
  expect(
    joinTextItems([
      { str: 'Điều 1.', hasEOL: true },
      {},
      { str: 'Phạm vi' },
      { str: ' điều chỉnh' },
    ]),
  ).toBe('Điều 1.\nPhạm vi điều chỉnh');
});

describe('looksLikePdf', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test('finds the signature after junk bytes at the start', () => {
    expect(looksLikePdf(bytes('\r\n garbage %PDF-1.4\n'))).toBe(true);
  });
  test('refuses a Word file', () => {
    expect(looksLikePdf(bytes('PK\u0003\u0004word/document.xml'))).toBe(false);
  });
});

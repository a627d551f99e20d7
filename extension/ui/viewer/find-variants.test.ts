// Accent-free find: the spellings of a query that occur in the document's text.
import { describe, expect, test } from 'vitest';
import { findVariants } from './find-variants';

const PAGES = [
  'HỘI ĐỒNG NHÂN DÂN\nĐại biểu Hội đồng nhân dân',
  'quản lý nhà nƣớc về đại biểu; Nhà nước',
];

describe('findVariants', () => {
  test('"dai bieu" also looks for "Đại biểu" and "đại biểu" (đ is a letter, not an accent)', () => {
    expect(findVariants(PAGES, 'dai bieu')).toEqual(['dai bieu', 'Đại biểu', 'đại biểu']);
  });

  test('"nước" also looks for the look-alike spelling "nƣớc" that the PDF extracted', () => {
    expect(findVariants(PAGES, 'nhà nước')).toContain('nhà nƣớc');
  });

  test('words split across a line break are found as one phrase', () => {
    expect(findVariants(PAGES, 'nhan dan dai')).toContain('NHÂN DÂN Đại');
  });

  test('an empty query looks for nothing', () => {
    expect(findVariants(PAGES, '   ')).toEqual([]);
  });
});

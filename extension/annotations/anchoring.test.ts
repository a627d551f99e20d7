// Re-attaching annotations to page text: position first, then exact quote, then fuzzy quote.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AnnotationTarget } from '../db/db';
import { anchor, approximateMatches, describeRange, editDistance, reattach } from './anchoring';

const PAGE_0 =
  'HỘI ĐỒNG NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nNGHỊ QUYẾT\nVề dự toán ngân sách địa phương năm 2026\n';
const PAGE_1 =
  'Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định dự toán thu ngân sách nhà nước trên địa bàn.\n' +
  'Điều 2. Đối tượng áp dụng\nCác cơ quan, đơn vị sử dụng ngân sách nhà nước.\n';
const PAGE_2 =
  'Điều 3. Tổ chức thực hiện\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n';
const PAGES = [PAGE_0, PAGE_1, PAGE_2];

function targetFor(
  pages: readonly string[],
  pageIndex: number,
  exact: string,
  nth = 0,
): AnnotationTarget {
  const text = pages[pageIndex]!;
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`fixture: "${exact}" not on page ${pageIndex}`);
  return { pageIndex, rects: [], ...describeRange(text, start, start + exact.length) };
}

describe('describeRange', () => {
  test('keeps the quote with up to 32 characters of context on each side', () => {
    const { quote, position } = describeRange(PAGE_1, 8, 26);
    expect(quote.exact).toBe('Phạm vi điều chỉnh');
    expect(quote.prefix).toBe('Điều 1. ');
    expect(quote.suffix).toBe(PAGE_1.slice(26, 58));
    expect(position).toEqual({ start: 8, end: 26 });
  });
});

describe('anchor', () => {
  test('an unchanged page anchors by position', () => {
    const target = targetFor(PAGES, 1, 'ngân sách nhà nước');
    expect(anchor(PAGES, target)).toMatchObject({
      pageIndex: 1,
      start: target.position!.start,
      method: 'position',
      score: 1,
    });
  });

  test('any passage of any text anchors back to itself (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 0, maxLength: 200 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (pages, p, a, b) => {
          const pageIndex = p % pages.length;
          const text = pages[pageIndex]!;
          const start = a % (text.length + 1);
          const end = start + (b % (text.length - start + 1));
          const target = { pageIndex, rects: [], ...describeRange(text, start, end) };
          const found = anchor(pages, target);
          expect(found).toMatchObject({ pageIndex, start, end });
        },
      ),
    );
  });

  test('text inserted before the passage: the exact quote is found at its new offset', () => {
    const target = targetFor(PAGES, 1, 'Đối tượng áp dụng');
    const edited = [PAGE_0, 'Căn cứ Luật Ngân sách nhà nước;\n' + PAGE_1, PAGE_2];
    const found = anchor(edited, target);
    expect(found).toMatchObject({ pageIndex: 1, method: 'quote' });
    expect(edited[1]!.slice(found!.start, found!.end)).toBe('Đối tượng áp dụng');
  });

  test('a quote that occurs twice on the page goes to the one with the same context', () => {
    // "ngân sách nhà nước" occurs in Điều 1 and in Điều 2; the annotation was on the second.
    const target = targetFor(PAGES, 1, 'ngân sách nhà nước', 1);
    const shifted = [PAGE_0, 'Lời nói đầu.\n' + PAGE_1, PAGE_2];
    const found = anchor(shifted, target);
    expect(found!.method).toBe('quote');
    expect(found!.start).toBe(shifted[1]!.lastIndexOf('ngân sách nhà nước'));
  });

  test('a passage that moved to the next page (new version) is found there', () => {
    const target = targetFor(PAGES, 1, 'Đối tượng áp dụng');
    const [before, after] = PAGE_1.split('Điều 2.');
    const moved = [PAGE_0, before!, 'Điều 2.' + after! + PAGE_2];
    expect(anchor(moved, target)).toMatchObject({ pageIndex: 2, method: 'quote' });
  });

  test('a passage with a small wording change is found by the fuzzy match', () => {
    const target = targetFor(PAGES, 2, 'Giao Ủy ban nhân dân tỉnh tổ chức thực hiện');
    const corrected = [
      PAGE_0,
      PAGE_1,
      PAGE_2.replace('Ủy ban', 'Uỷ ban').replace('tổ chức', 'chỉ đạo tổ chức'),
    ];
    const found = anchor(corrected, target);
    expect(found).toMatchObject({ pageIndex: 2, method: 'fuzzy' });
    expect(corrected[2]!.slice(found!.start, found!.end)).toContain('ban nhân dân tỉnh');
    expect(found!.score).toBeGreaterThan(0.6);
  });

  test('decomposed accents in the new version still anchor (fuzzy)', () => {
    const target = targetFor(PAGES, 1, 'Phạm vi điều chỉnh');
    const decomposed = [PAGE_0, PAGE_1.replace('Phạm vi', 'Phạm vi'.normalize('NFD')), PAGE_2];
    expect(anchor(decomposed, target)).toMatchObject({ pageIndex: 1, method: 'fuzzy' });
  });

  test('a passage that was deleted is not placed anywhere (orphan)', () => {
    const target = targetFor(PAGES, 2, 'Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.');
    const removed = [
      PAGE_0,
      PAGE_1,
      'Điều 3. Hiệu lực thi hành\nNghị quyết có hiệu lực từ ngày ký.\n',
    ];
    expect(anchor(removed, target)).toBeNull();
  });

  test('a page that no longer exists: the quote is looked for on the remaining pages', () => {
    const target = targetFor(PAGES, 2, 'Tổ chức thực hiện');
    const shorter = [PAGE_0, PAGE_1 + PAGE_2];
    expect(anchor(shorter, target)).toMatchObject({ pageIndex: 1, method: 'quote' });
  });

  test('a point note (no quote) anchors by its page only while the page exists', () => {
    const note: AnnotationTarget = { pageIndex: 1, rects: [[100, 200, 100, 200]] };
    expect(anchor(PAGES, { ...note, position: { start: 0, end: 0 } })).toMatchObject({
      method: 'position',
    });
    expect(anchor([PAGE_0], { ...note, position: { start: 0, end: 0 } })).toBeNull();
  });

  test('a sticky note with only a page and a point stays on its page while the page exists', () => {
    const note: AnnotationTarget = { pageIndex: 2, rects: [[100, 200, 100, 200]] };
    expect(anchor(PAGES, note)).toMatchObject({ pageIndex: 2, method: 'position' });
    expect(anchor([PAGE_0, PAGE_1], note)).toBeNull();
  });
});

describe('approximate matching', () => {
  test('finds a match with one substituted letter and reports one error', () => {
    const matches = approximateMatches('dự toán ngân sach năm', 'ngân sách', 1);
    expect(matches.some((m) => m.start === 8 && m.end === 17 && m.errors === 1)).toBe(true);
  });

  test('finds nothing beyond the allowed errors', () => {
    expect(approximateMatches('biểu quyết điện tử', 'ngân sách', 2)).toEqual([]);
  });

  test('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('kỳ họp', 'kì họp')).toBe(1);
    expect(editDistance('góp ý', 'góp ý kiến')).toBe(5);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('reattach', () => {
  test('a sticky note is left where it is, and orphaned only when its page is gone', () => {
    const note = {
      id: 'note',
      target: { pageIndex: 2, rects: [[10, 20, 10, 20]] as [number, number, number, number][] },
    };
    expect(reattach([note], PAGES)).toEqual([]);
    expect(reattach([note], [PAGE_0])).toEqual([{ id: 'note', patch: { orphaned: true } }]);
    // Left unplaced by a new version: its old page number is not a place in this one.
    const fromOld = { ...note, orphaned: true, from: { docId: 'v1', pageIndex: 2 } };
    expect(reattach([fromOld], PAGES)).toEqual([]);
  });

  test('reports moved, orphaned and recovered annotations and leaves the rest alone', () => {
    const still = { id: 'still', target: targetFor(PAGES, 0, 'NGHỊ QUYẾT') };
    const moved = { id: 'moved', target: targetFor(PAGES, 1, 'Đối tượng áp dụng') };
    const gone = {
      id: 'gone',
      target: targetFor(PAGES, 2, 'Giao Ủy ban nhân dân tỉnh tổ chức thực hiện'),
    };
    const back = { id: 'back', orphaned: true, target: targetFor(PAGES, 0, 'TỈNH ĐIỆN BIÊN') };
    const newVersion = [PAGE_0, 'Căn cứ Luật.\n' + PAGE_1, 'Điều 3. Hiệu lực thi hành\n'];
    const changes = reattach([still, moved, gone, back], newVersion);
    expect(changes.map((c) => [c.id, c.patch.orphaned])).toEqual([
      ['moved', false],
      ['gone', true],
      ['back', false],
    ]);
    const movedTarget = changes[0]!.patch.target!;
    expect(newVersion[1]!.slice(movedTarget.position!.start, movedTarget.position!.end)).toBe(
      'Đối tượng áp dụng',
    );
    expect(movedTarget.rects).toEqual([]);
  });
});

// Carrying highlights onto a new version of a decree, on real text (poppler's extraction of
// Nghị định 335/2025 from the shared corpus): a passage that moved to another page is found on the
// same words; a passage the new version deleted is kept, orphaned and listed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeRange } from '../annotations/anchoring';
import type { Annotation } from '../db/db';
import { CORPUS_DIR } from '../testing/corpus';
import { carryAnnotations } from './reanchor';

const OLD = readFileSync(resolve(CORPUS_DIR, 'text/pdftotext_vi_335_2025_ND-CP_print.txt'), 'utf8')
  .split('\f')
  .slice(0, 4);

const INSERTED =
  'Căn cứ Nghị quyết của Hội đồng nhân dân về kế hoạch phát triển kinh tế - xã hội năm 2026;\n'.repeat(
    40,
  );

/** Version 2: a long recital inserted at the top, then the same text re-paginated. */
function newVersion(pages: string[], edit: (all: string) => string = (s) => s): string[] {
  const all = edit(INSERTED + pages.join(''));
  const size = Math.ceil(all.length / (pages.length + 1));
  const out: string[] = [];
  for (let at = 0; at < all.length; at += size) out.push(all.slice(at, at + size));
  return out;
}

function highlightOn(pageIndex: number, exact: string, id = exact): Annotation {
  const text = OLD[pageIndex]!;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`fixture: "${exact}" not on page ${pageIndex}`);
  return {
    id,
    docId: 'old',
    kind: 'highlight',
    color: 'yellow',
    draftComment: false,
    target: {
      pageIndex,
      rects: [[1, 2, 3, 4]],
      ...describeRange(text, start, start + exact.length),
    },
    createdAt: 1,
    updatedAt: 1,
  };
}

const MOVED = 'Nghị định này quy định nguyên tắc, tiêu chí, thẩm quyền, trình tự, thủ tục đánh giá';

describe('carryAnnotations', () => {
  test('a highlighted passage that moved to the next page sits on the same words', () => {
    const pages = newVersion(OLD);
    const a = highlightOn(0, MOVED);
    const { carried, unplaced } = carryAnnotations([a], 'new', pages, 99);
    expect(unplaced).toEqual([]);
    const patch = carried[0]!.patch;
    expect(patch).toMatchObject({ docId: 'new', orphaned: false, updatedAt: 99 });
    const t = patch.target!;
    expect(t.pageIndex).toBe(1);
    expect(pages[1]!.slice(t.position!.start, t.position!.end)).toBe(MOVED);
    expect(t.quote!.prefix).toBe(a.target.quote!.prefix);
    expect(t.rects).toEqual([]);
  });

  test('a short quote that recurs goes where its context matches, not to the first occurrence', () => {
    // "công chức" occurs many times; the highlight is the one in Điều 1's first sentence.
    const text = OLD[0]!;
    const start = text.indexOf('công chức trong các cơ quan');
    const a: Annotation = {
      ...highlightOn(0, MOVED),
      id: 'short',
      target: {
        pageIndex: 0,
        rects: [],
        ...describeRange(text, start, start + 'công chức'.length),
      },
    };
    const pages = newVersion(OLD);
    const t = carryAnnotations([a], 'new', pages, 1).carried[0]!.patch.target!;
    const page = pages[t.pageIndex]!;
    expect(page.slice(t.position!.start, t.position!.end + ' trong các cơ quan'.length)).toBe(
      'công chức trong các cơ quan',
    );
  });

  test('a passage reworded slightly is still placed (fuzzy), on the reworded words', () => {
    const pages = newVersion(OLD, (s) => s.replace('Đối tượng áp dụng', 'Đối tượng được áp dụng'));
    const { carried, unplaced } = carryAnnotations(
      [highlightOn(0, 'Điều 2. Đối tượng áp dụng')],
      'new',
      pages,
      1,
    );
    expect(unplaced).toEqual([]);
    const t = carried[0]!.patch.target!;
    expect(t.quote!.exact).toContain('Đối tượng được áp dụng');
  });

  test('a passage the new version deleted is kept orphaned and listed, never dropped', () => {
    const gone = 'Theo đề nghị của Bộ trưởng Bộ Nội vụ;';
    const pages = newVersion(OLD, (s) => s.replace(gone, ''));
    const kept = highlightOn(0, MOVED, 'kept');
    const lost = highlightOn(0, gone, 'lost');
    const { carried, unplaced } = carryAnnotations([kept, lost], 'new', pages, 5);
    expect(carried.map((c) => [c.id, c.patch.docId, c.patch.orphaned])).toEqual([
      ['kept', 'new', false],
      ['lost', 'new', true],
    ]);
    expect(carried[1]!.patch.target).toBeUndefined();
    // It remembers where it last had a place: the old version and its page there.
    expect(carried[1]!.patch.from).toEqual({ docId: 'old', pageIndex: 0 });
    expect(carried[0]!.patch.from).toBeUndefined();
    expect(unplaced).toEqual([
      { id: 'lost', kind: 'highlight', quote: gone, draftComment: false, pageIndex: 0 },
    ]);
  });

  test('an unplaced comment keeps its first old version through a later one that lacks it too', () => {
    const gone = 'Theo đề nghị của Bộ trưởng Bộ Nội vụ;';
    const pages = newVersion(OLD, (s) => s.replace(gone, ''));
    const comment: Annotation = {
      ...highlightOn(0, gone, 'c'),
      kind: 'comment',
      body: 'Đề nghị giữ căn cứ này',
      draftComment: true,
    };
    const v2 = carryAnnotations([comment], 'v2', pages, 5);
    const onV2 = { ...comment, ...v2.carried[0]!.patch, target: comment.target } as Annotation;
    const v3 = carryAnnotations([onV2], 'v3', pages, 6);
    expect(v3.carried[0]!.patch).toMatchObject({
      docId: 'v3',
      orphaned: true,
      from: { docId: 'old', pageIndex: 0 },
    });
    expect(v3.unplaced).toEqual([
      {
        id: 'c',
        kind: 'comment',
        quote: gone,
        body: 'Đề nghị giữ căn cứ này',
        draftComment: true,
        pageIndex: 0,
      },
    ]);
  });

  test('a sticky note goes to the page where its old page’s text now begins', () => {
    // A page inserted at the front: old page 3 is page 4 now.
    const pages = ['TỜ TRÌNH\nVề việc ban hành Nghị quyết', ...OLD];
    const note: Annotation = {
      id: 'n',
      docId: 'old',
      kind: 'note',
      color: 'yellow',
      body: 'Hỏi lại Ban Pháp chế',
      draftComment: false,
      target: { pageIndex: 2, rects: [[100, 500, 100, 500]] },
      createdAt: 1,
      updatedAt: 1,
    };
    const { carried, unplaced } = carryAnnotations([note], 'new', pages, 7, OLD);
    expect(unplaced).toEqual([]);
    expect(carried[0]!.patch).toMatchObject({
      docId: 'new',
      orphaned: false,
      target: { pageIndex: 3, rects: [[100, 500, 100, 500]] },
    });
    // A page whose text is gone from the new version: the note is kept, unplaced.
    const without = pages.filter((_, i) => i !== 3);
    expect(carryAnnotations([note], 'new', without, 7, OLD).unplaced).toMatchObject([
      { id: 'n', kind: 'note', quote: '', body: 'Hỏi lại Ban Pháp chế', pageIndex: 2 },
    ]);
  });
});

// Filtering and sorting the library list.
import { describe, expect, test } from 'vitest';
import type { BriefcaseDocument } from '../../db/db';
import { filterAndSort, type LibraryFilter } from './filter-sort';

function doc(id: string, patch: Partial<BriefcaseDocument>): BriefcaseDocument {
  return {
    id,
    sha256: id,
    title: id,
    fileName: `${id}.pdf`,
    pageCount: 1,
    size: 1,
    hasText: true,
    encrypted: false,
    tags: [],
    importedAt: 0,
    source: { kind: 'file' },
    ...patch,
  };
}

const DOCS = [
  doc('a', {
    title: 'Dự thảo Nghị quyết ngân sách',
    sessionId: 'k7',
    tags: ['ngân sách'],
    importedAt: 3,
    openedAt: 10,
  }),
  doc('b', { title: 'Báo cáo thẩm tra', sessionId: 'k7', importedAt: 2, pageCount: 40 }),
  doc('c', {
    title: 'Tờ trình đầu tư công',
    sessionId: 'k8',
    tags: ['đầu tư'],
    importedAt: 1,
    openedAt: 20,
  }),
  doc('d', { title: 'Giấy mời', importedAt: 4, pageCount: 2 }),
];
const ALL: LibraryFilter = { text: '', sessionId: 'all', tag: 'all', recent: false };
const ids = (docs: BriefcaseDocument[]) => docs.map((d) => d.id);

describe('filterAndSort', () => {
  test('words typed without accents find accented titles', () => {
    expect(
      ids(
        filterAndSort(
          DOCS,
          { ...ALL, text: 'du thao ngan sach' },
          { key: 'title', descending: false },
        ),
      ),
    ).toEqual(['a']);
  });

  test('filters by session, by "no session" and by tag', () => {
    const sort = { key: 'title', descending: false } as const;
    expect(ids(filterAndSort(DOCS, { ...ALL, sessionId: 'k7' }, sort))).toEqual(['b', 'a']);
    expect(ids(filterAndSort(DOCS, { ...ALL, sessionId: 'none' }, sort))).toEqual(['d']);
    expect(ids(filterAndSort(DOCS, { ...ALL, tag: 'đầu tư' }, sort))).toEqual(['c']);
  });

  test('sorts Vietnamese titles in Vietnamese order and by number columns both ways', () => {
    expect(ids(filterAndSort(DOCS, ALL, { key: 'title', descending: false }))).toEqual([
      'b',
      'a',
      'd',
      'c',
    ]);
    expect(ids(filterAndSort(DOCS, ALL, { key: 'pageCount', descending: true }))[0]).toBe('b');
    expect(ids(filterAndSort(DOCS, ALL, { key: 'importedAt', descending: true }))).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
  });

  test('recently opened lists only opened documents, latest first', () => {
    expect(
      ids(filterAndSort(DOCS, { ...ALL, recent: true }, { key: 'title', descending: false })),
    ).toEqual(['c', 'a']);
  });
});

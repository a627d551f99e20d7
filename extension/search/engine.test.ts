// The in-memory query engine: phrase counting, keeping up with the index (new, edited and removed
// units, compaction), the best hits and other pages of a group, and details loaded page by page.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openBriefcaseDb, type BriefcaseDb } from '../db/db';
import { SearchEngine, TOP_HITS, countPhrases } from './engine';
import { syncIndex } from './indexer';
import { GROUPS_PER_PAGE, loadDetails } from './query';
import { openSearchDb, type SearchDb } from './search-db';

let counter = 0;
let source: BriefcaseDb;
let index: SearchDb;
let engine: SearchEngine;

beforeEach(() => {
  counter++;
  source = openBriefcaseDb(`engine-src-${counter}`, { indexedDB, IDBKeyRange });
  index = openSearchDb(`engine-idx-${counter}`, { indexedDB, IDBKeyRange });
  engine = new SearchEngine(index);
  return () => engine.dispose();
});

async function addDoc(id: string, pages: string[]): Promise<void> {
  await source.documents.add({
    id,
    sha256: id,
    title: `Tài liệu ${id}`,
    fileName: `${id}.pdf`,
    pageCount: pages.length,
    size: 1,
    hasText: true,
    encrypted: false,
    tags: [],
    importedAt: 1,
    source: { kind: 'file' },
  });
  await source.pages.bulkAdd(pages.map((text, pageIndex) => ({ docId: id, pageIndex, text })));
}

describe('countPhrases', () => {
  it('counts the places where the words stand in order', () => {
    expect(
      countPhrases([
        [1, 5, 9],
        [2, 6],
        [3, 11],
      ]),
    ).toBe(1);
    expect(
      countPhrases([
        [1, 5],
        [2, 6],
      ]),
    ).toBe(2);
    expect(countPhrases([[1], [3]])).toBe(0);
  });

  it('reads only the given lengths of reused buffers', () => {
    const a = Int32Array.of(4, 7, 0);
    const b = Int32Array.of(5, 99, 8);
    expect(countPhrases([a, b], Int32Array.of(2, 1))).toBe(1);
  });
});

describe('SearchEngine', () => {
  it('loads the index once, then follows new, edited and removed units by itself', async () => {
    await addDoc('a', ['kỳ họp thứ nhất']);
    await syncIndex(source, index);
    expect((await engine.search('ky hop')).groups.map((g) => g.docId)).toEqual(['a']);
    expect(engine.stale).toBe(false);

    await addDoc('b', ['kỳ họp bất thường']);
    await syncIndex(source, index);
    expect(engine.stale).toBe(true); // Dexie's storagemutated event
    expect((await engine.search('ky hop')).groups.map((g) => g.docId).sort()).toEqual(['a', 'b']);

    await source.documents.delete('a');
    await source.pages.where('docId').equals('a').delete();
    await syncIndex(source, index);
    expect((await engine.search('ky hop')).groups.map((g) => g.docId)).toEqual(['b']);
    expect(engine.stats().units).toBe(1);
  });

  it('keeps the best hits ranked and the other pages in page order, counting them all', async () => {
    const pages = Array.from({ length: 8 }, (_, i) =>
      i === 5 ? 'ngân sách ngân sách ngân sách' : i % 2 ? 'ngân sách' : 'kế hoạch',
    );
    await addDoc('a', pages);
    await syncIndex(source, index);
    const [group] = (await engine.search('ngan sach')).groups;
    expect(group!.hitCount).toBe(4);
    expect(group!.best).toHaveLength(TOP_HITS);
    expect(group!.best[0]!.pageIndex).toBe(5);
    const shown = group!.best.map((h) => h.pageIndex);
    expect([...shown, ...group!.otherPages].sort()).toEqual([1, 3, 5, 7]);
    expect(group!.otherPages).toEqual([...group!.otherPages].sort((x, y) => x - y));
    expect(group!.otherPages.some((p) => shown.includes(p))).toBe(false);
  });

  it('fills in titles and snippets one page of documents at a time', async () => {
    for (let i = 0; i < GROUPS_PER_PAGE + 2; i++) {
      await addDoc(`d${String(i).padStart(2, '0')}`, [`Đại biểu Hội đồng nhân dân số ${i}`]);
    }
    await syncIndex(source, index);
    const results = await engine.search('dai bieu');
    expect(results.groups).toHaveLength(GROUPS_PER_PAGE + 2);
    await loadDetails(results, source, 0, GROUPS_PER_PAGE);
    expect(
      results.groups.slice(0, GROUPS_PER_PAGE).every((g) => g.title && g.best[0]!.snippet),
    ).toBe(true);
    expect(results.groups[GROUPS_PER_PAGE]!.title).toBe('');
    expect(results.groups[GROUPS_PER_PAGE]!.best[0]!.snippet).toBeUndefined();
    await loadDetails(results, source, GROUPS_PER_PAGE, 2 * GROUPS_PER_PAGE);
    expect(results.groups[GROUPS_PER_PAGE + 1]!.title).toMatch(/^Tài liệu d1[01]$/);
  });

  it('gives the same results after many units were replaced (the dictionary is compacted)', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `từ${i}`).join(' ');
    await addDoc('big', [words, 'ngân sách xã']);
    await syncIndex(source, index);
    await engine.refresh();
    for (let round = 0; round < 5; round++) {
      await source.pages.put({ docId: 'big', pageIndex: 2 + round, text: 'thêm' });
      await syncIndex(source, index);
      await engine.refresh();
    }
    const r = engine.searchLoaded('ngan sach xa');
    expect(r.groups.map((g) => g.docId)).toEqual(['big']);
    expect(r.groups[0]!.best[0]!.pageIndex).toBe(1);
    expect(engine.stats().units).toBe(1);
  });
});

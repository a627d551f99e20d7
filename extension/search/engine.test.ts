// The in-memory query engine: phrase counting, keeping up with the index (new, edited and removed
// units, compaction), the best hits and other pages of a group, and details loaded page by page.
import fc from 'fast-check';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryTerms, tokenize } from '../../shared/text/normalize';
import { openBriefcaseDb, type BriefcaseDb } from '../db/db';
import { SearchEngine, TOP_HITS, countPhrases } from './engine';
import { syncIndex } from './indexer';
import { GROUPS_PER_PAGE, loadDetails } from './query';
import { openSearchDb, type SearchDb } from './search-db';
import { addTextDoc } from './testing';

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

function addDoc(id: string, pages: string[]): Promise<void> {
  return addTextDoc(source, { id, sha256: id, title: `Tài liệu ${id}`, importedAt: 1 }, pages);
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

/**
 * The ranking rules read directly off the page text (what engine.ts documents), page by page:
 * every query word on the page; per word 1 + ln(occurrences), +1 when it occurs with the accents
 * typed; +4 + ln(n) for n phrases, else +1 per pair of neighbouring query words standing together.
 */
function rankDirectly(docs: Map<string, string[]>, query: string) {
  const terms = queryTerms(query);
  const groups = [];
  for (const [docId, pages] of docs) {
    const hits: { pageIndex: number; score: number }[] = [];
    pages.forEach((text, pageIndex) => {
      const tokens = tokenize(text);
      const at = (p: number, j: number) => tokens[p + j]?.folded === terms[j]!.folded;
      if (!terms.every((t) => tokens.some((k) => k.folded === t.folded))) return;
      let score = 0;
      for (const t of terms) {
        score += 1 + Math.log(tokens.filter((k) => k.folded === t.folded).length);
        if (tokens.some((k) => k.folded === t.folded && k.exact === t.exact)) score += 1;
      }
      if (terms.length > 1) {
        const phrases = tokens.filter((_, p) => terms.every((_, j) => at(p, j))).length;
        if (phrases > 0) score = score + 4 + Math.log(phrases);
        else {
          for (let j = 0; j + 1 < terms.length; j++) {
            score += tokens.some((_, p) => at(p - j, j) && at(p - j, j + 1)) ? 1 : 0;
          }
        }
      }
      hits.push({ pageIndex, score });
    });
    if (!hits.length) continue;
    const best = [...hits]
      .sort((a, b) => b.score - a.score || a.pageIndex - b.pageIndex)
      .slice(0, TOP_HITS);
    groups.push({
      docId,
      title: '',
      score: best[0]!.score,
      hitCount: hits.length,
      best: best.map((h) => ({ kind: 'page', ...h })),
      otherPages: hits.map((h) => h.pageIndex).filter((p) => !best.some((h) => h.pageIndex === p)),
    });
  }
  return groups.sort((a, b) => b.score - a.score || (a.docId < b.docId ? -1 : 1));
}

describe('SearchEngine ranking', () => {
  it('ranks every query as the rules read directly off the text (pages skipped by bound included)', async () => {
    const word = fc.constantFrom(
      'nghị',
      'nghỉ',
      'nghi',
      'quyết',
      'quyet',
      'ngân',
      'sách',
      'sach',
      'ủy',
      'uỷ',
      'ban',
      'bàn',
      'the',
      'law',
      'of',
      'x',
    );
    // Long pages too: a word's occurrences on one page then take more than one byte to skip.
    const page = fc.oneof(
      fc.array(word, { maxLength: 12 }),
      fc.array(word, { minLength: 100, maxLength: 400 }),
    );
    const docs = fc.array(
      fc.array(
        page.map((w) => w.join(' ')),
        { minLength: 1, maxLength: 8 },
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    );
    const queries = fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(docs, queries, async (pagesByDoc, qs) => {
        counter++;
        source = openBriefcaseDb(`engine-src-${counter}`, { indexedDB, IDBKeyRange });
        index = openSearchDb(`engine-idx-${counter}`, { indexedDB, IDBKeyRange });
        const own = new SearchEngine(index);
        try {
          const byId = new Map<string, string[]>();
          for (const [i, pages] of pagesByDoc.entries()) {
            byId.set(`d${i}`, pages);
            await addDoc(`d${i}`, pages);
          }
          await syncIndex(source, index);
          for (const q of qs.map((w) => w.join(' '))) {
            expect((await own.search(q)).groups).toEqual(rankDirectly(byId, q));
          }
        } finally {
          own.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reads page numbers and occurrence runs of three-byte varints', async () => {
    // 9,000 occurrences on a page take more than 16 KB; page 20,000 is 20,000 pages after 0.
    await source.pages.bulkAdd([
      { docId: 'big', pageIndex: 0, text: 'kỳ họp' },
      { docId: 'big', pageIndex: 20_000, text: `${'họp '.repeat(9000)}kỳ họp` },
      { docId: 'big', pageIndex: 20_001, text: 'kỳ họp thứ hai' },
    ]);
    await addDoc('big', []);
    await syncIndex(source, index);
    const [group] = (await engine.search('ky hop')).groups;
    expect(group!.hitCount).toBe(3);
    expect(group!.best.map((h) => h.pageIndex)).toEqual([20_000, 0, 20_001]);
  });

  it('ranks first the page with the accents typed, also past the 30th spelling of a word', async () => {
    // "a" with one combining mark: 32 spellings folded to "a"; from the 31st on they share one
    // bit of a page's form mask, so the engine looks through the page's occurrences.
    const spellings = [
      ...new Set(
        Array.from({ length: 48 }, (_, i) => `a${String.fromCharCode(0x300 + i)}`.normalize('NFC')),
      ),
    ].slice(0, 32);
    const late = spellings[31]!;
    // The same number of occurrences on both pages: only the accents typed tell them apart.
    await addDoc('forms', [`${spellings.slice(0, 31).join(' ')} a`, spellings.join(' ')]);
    await syncIndex(source, index);
    const [group] = (await engine.search(late)).groups;
    expect(group!.best.map((h) => h.pageIndex)).toEqual([1, 0]);
    expect(group!.best[0]!.score).toBeGreaterThan(group!.best[1]!.score);
  });
});

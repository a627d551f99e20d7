// The search index on fake-indexeddb with real corpus text: folded AND matching, accent-exact and
// phrase ranking, grouping by document, incremental indexing, annotations and notes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openBriefcaseDb, type Annotation, type BriefcaseDb, type Note } from '../db/db';
import { indexStats, syncIndex } from './indexer';
import { search } from './query';
import { openSearchDb, type SearchDb } from './search-db';
import { addTextDoc } from './testing';

const CORPUS_TEXT = resolve(import.meta.dirname, '../../../shared/corpus/text');
/** pdftotext output: pages separated by form feeds. */
const corpusPages = (name: string) =>
  readFileSync(resolve(CORPUS_TEXT, `pdftotext_${name}.txt`), 'utf8').split('\f');

const AN_LE = corpusPages('vi_an_le_so_692023AL');
const ND47 = corpusPages('vi_nd47_2020_vgca_signed');
const GIAY_MOI = corpusPages('vi_giay_moi_hdnd_tuan_giao_signed');
const SOTAY = corpusPages('vi_sotay_bo_noi_vu_2026');

let counter = 0;
let source: BriefcaseDb;
let index: SearchDb;

beforeEach(() => {
  counter++;
  source = openBriefcaseDb(`briefcase-search-test-${counter}`, { indexedDB, IDBKeyRange });
  index = openSearchDb(`search-test-${counter}`, { indexedDB, IDBKeyRange });
});

function addDoc(id: string, title: string, pages: string[]): Promise<void> {
  const doc = { id, title, sha256: id.padEnd(64, '0'), importedAt: 1_700_000_000_000 };
  return addTextDoc(source, doc, pages);
}

function annotation(
  id: string,
  docId: string,
  pageIndex: number,
  exact: string,
  body: string,
): Annotation {
  return {
    id,
    docId,
    kind: 'comment',
    color: 'yellow',
    body,
    draftComment: true,
    target: { pageIndex, rects: [[10, 10, 100, 20]], quote: { exact, prefix: '', suffix: '' } },
    createdAt: 1,
    updatedAt: 1,
  };
}

/** A document's page hits: the best ones (ranked) first, then the others in page order. */
const pagesOf = (r: Awaited<ReturnType<typeof search>>, docId: string) => {
  const g = r.groups.find((g) => g.docId === docId);
  if (!g) return [];
  return [...g.best.filter((h) => h.kind === 'page').map((h) => h.pageIndex), ...g.otherPages];
};

describe('search over corpus documents', () => {
  beforeEach(async () => {
    await addDoc('an-le', 'Án lệ số 69/2023/AL', AN_LE);
    await addDoc('nd47', 'Nghị định 47/2020/NĐ-CP', ND47);
    await addDoc('giay-moi', 'Giấy mời họp Thường trực HĐND', GIAY_MOI);
    await syncIndex(source, index);
  });

  it('"nghi quyet" typed without accents finds every page with "Nghị quyết" first', async () => {
    const r = await search(index, source, 'nghi quyet');
    const pages = pagesOf(r, 'an-le');
    const withPhrase = [0, 3, 4, 5, 6];
    expect(withPhrase.filter((p) => pages.slice(0, 3).includes(p))).toHaveLength(3);
    expect(pages).toEqual(expect.arrayContaining(withPhrase));
  });

  it('marks the matched words in the snippet, with the text as written', async () => {
    const r = await search(index, source, 'nghi quyet');
    const snippet = r.groups[0]!.best[0]!.snippet!;
    expect(snippet.filter((p) => p.mark).map((p) => p.text)).toEqual(['Nghị quyết']);
  });

  it('"nƣớc" (the decree\'s broken ư) and "nước" find the same pages of the VGCA decree', async () => {
    const broken = await search(index, source, 'n\u01a3ớc');
    const correct = await search(index, source, 'nước');
    expect(pagesOf(correct, 'nd47').length).toBeGreaterThan(5);
    expect(pagesOf(broken, 'nd47').sort()).toEqual(pagesOf(correct, 'nd47').sort());
    expect(pagesOf(correct, 'nd47')).toContain(0);
  });

  it('"dai dien" finds "Đại diện" in the HĐND invitation, đ matching d', async () => {
    const r = await search(index, source, 'dai dien lanh dao');
    expect(r.groups.map((g) => g.docId)).toEqual(['giay-moi']);
    expect(r.groups[0]!.title).toBe('Giấy mời họp Thường trực HĐND');
    const marked = r.groups[0]!.best[0]!.snippet!.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toContain('Đại diện Lãnh đạo');
  });

  it('matches every word (AND): a word absent from a page excludes it', async () => {
    const r = await search(index, source, 'dai dien lanh dao trong tai');
    expect(r.groups).toEqual([]);
  });

  it('groups hits by document, one group per document', async () => {
    const r = await search(index, source, 'hoi dong nhan dan');
    const ids = r.groups.map((g) => g.docId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['giay-moi', 'nd47']));
  });

  it('finds nothing for an empty query or punctuation only', async () => {
    expect((await search(index, source, '  ')).groups).toEqual([]);
    expect((await search(index, source, '…/-')).groups).toEqual([]);
  });
});

describe('ranking', () => {
  it('ranks the page with the accents the user typed first', async () => {
    await addDoc('ban-hanh', 'A', ['Ủy ban nhân dân ban hành kế hoạch.']);
    await addDoc('ban-bac', 'B', ['Các đại biểu bàn bạc kế hoạch.']);
    await syncIndex(source, index);
    expect((await search(index, source, 'bàn kế hoạch')).groups.map((g) => g.docId)).toEqual([
      'ban-bac',
      'ban-hanh',
    ]);
    expect((await search(index, source, 'ban kế hoạch')).groups.map((g) => g.docId)).toEqual([
      'ban-hanh',
      'ban-bac',
    ]);
  });

  it('ranks words standing together as a phrase above the same words apart', async () => {
    await addDoc('apart', 'A', ['Quyết định này thay thế quy định cũ; ý kiến của hội nghị.']);
    await addDoc('phrase', 'B', ['Dự thảo nghị quyết về ngân sách.']);
    await syncIndex(source, index);
    const r = await search(index, source, 'nghi quyet');
    expect(r.groups.map((g) => g.docId)).toEqual(['phrase', 'apart']);
  });
});

describe('keeping the index up to date', () => {
  it('indexes a document added after the first indexing, and only that one', async () => {
    await addDoc('giay-moi', 'Giấy mời', GIAY_MOI);
    await syncIndex(source, index);
    await addDoc('an-le', 'Án lệ', AN_LE);
    expect(await syncIndex(source, index)).toEqual({ indexed: 1, removed: 0 });
    expect(
      (await search(index, source, 'trong tai thuong mai')).groups.map((g) => g.docId),
    ).toEqual(['an-le']);
  });

  it('forgets a deleted document', async () => {
    await addDoc('giay-moi', 'Giấy mời', GIAY_MOI);
    await syncIndex(source, index);
    await source.documents.delete('giay-moi');
    await source.pages.where('docId').equals('giay-moi').delete();
    expect(await syncIndex(source, index)).toEqual({ indexed: 0, removed: 1 });
    expect((await search(index, source, 'dai dien')).groups).toEqual([]);
    expect(await index.segments.count()).toBe(0);
  });

  it('reports progress per unit indexed', async () => {
    await addDoc('a', 'A', ['một']);
    await addDoc('b', 'B', ['hai']);
    const seen: string[] = [];
    await syncIndex(source, index, (p) => seen.push(`${p.done}/${p.total}`));
    expect(seen).toEqual(['0/2', '1/2', '2/2']);
  });
});

describe('annotations and notes', () => {
  beforeEach(async () => {
    await addDoc('giay-moi', 'Giấy mời họp', GIAY_MOI);
  });

  it('finds a comment by its words and by its quoted passage, on its page', async () => {
    await source.annotations.add(
      annotation('a1', 'giay-moi', 0, 'Hội trường tầng 2', 'Đề nghị bố trí phòng họp trực tuyến'),
    );
    await syncIndex(source, index);
    const byBody = await search(index, source, 'phong hop truc tuyen');
    expect(byBody.groups[0]!.best).toEqual([
      expect.objectContaining({ kind: 'annotation', annotationId: 'a1', pageIndex: 0 }),
    ]);
    const byQuote = await search(index, source, 'hoi truong tang');
    expect(byQuote.groups[0]!.best.map((h) => h.kind).sort()).toEqual(['annotation', 'page']);
  });

  it('re-indexes an edited comment: its old words no longer find it', async () => {
    await source.annotations.add(annotation('a1', 'giay-moi', 0, 'Hội trường', 'ngân sách xã'));
    await syncIndex(source, index);
    await source.annotations.update('a1', { body: 'chương trình kỳ họp', updatedAt: 2 });
    await syncIndex(source, index);
    expect((await search(index, source, 'ngan sach')).groups).toEqual([]);
    expect((await search(index, source, 'ky hop')).groups[0]!.best.map((h) => h.kind)).toContain(
      'annotation',
    );
  });

  it('finds a session note that belongs to no document, in its own group', async () => {
    const note: Note = {
      id: 'n1',
      sessionId: 'ky-hop-13',
      title: 'Chuẩn bị kỳ họp thứ 13',
      body: '- Hỏi về **tiến độ** giải ngân vốn đầu tư công',
      annotationIds: [],
      createdAt: 1,
      updatedAt: 1,
    };
    await source.notes.add(note);
    await syncIndex(source, index);
    const r = await search(index, source, 'giai ngan von dau tu');
    expect(r.groups).toEqual([
      expect.objectContaining({
        title: '',
        best: [expect.objectContaining({ kind: 'note', noteId: 'n1' })],
      }),
    ]);
    expect(r.groups[0]).not.toHaveProperty('docId');
  });
});

describe('index size', () => {
  it('keeps the postings of the 46-page handbook smaller than its text', async () => {
    await addDoc('sotay', 'Sổ tay', SOTAY);
    await syncIndex(source, index);
    const stats = await indexStats(index);
    const textBytes = new TextEncoder().encode(SOTAY.join('')).length;
    console.info(
      `index: ${stats.indexBytes} bytes for ${textBytes} bytes of text (${(stats.indexBytes / textBytes).toFixed(2)}×)`,
    );
    expect(stats.indexBytes).toBeLessThan(textBytes);
    const started = performance.now();
    const r = await search(index, source, 'danh gia cong chuc');
    console.info(
      `query "danh gia cong chuc": ${(performance.now() - started).toFixed(1)} ms on fake-indexeddb`,
    );
    expect(r.groups[0]!.hitCount).toBeGreaterThan(5);
  });
});

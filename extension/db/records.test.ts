// A full disk and damaged records, on fake-indexeddb with real corpus PDFs: an import that hits
// QuotaExceededError says so in Vietnamese and leaves every other document, page, annotation and
// note exactly as it was (and nothing half-stored of the new file); damaged rows are left out of
// the library with a reason instead of breaking the list.
import { Dexie } from 'dexie';
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { importPdf, type ImportDeps } from '../import/importer';
import { corpusBytes, freshDb, nodePdfJs } from '../testing/corpus';
import { filterAndSort } from '../ui/library/filter-sort';
import { loadAnnotations } from '../ui/viewer/open-document';
import type { BriefcaseDb } from './db';
import { isQuotaError, loadLibrary, validPages } from './records';

type Put = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;
const realPut = IDBObjectStore.prototype.put as Put;
const realAdd = IDBObjectStore.prototype.add as Put;

/** From now on, writing to `store` fails as a full disk does in a browser. */
function fillDiskOn(store: string) {
  const full = (real: Put): Put =>
    function (this: IDBObjectStore, value, key) {
      if (this.name === store) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, value, key);
    };
  IDBObjectStore.prototype.put = full(realPut) as IDBObjectStore['put'];
  IDBObjectStore.prototype.add = full(realAdd) as IDBObjectStore['add'];
}
afterEach(() => {
  IDBObjectStore.prototype.put = realPut as IDBObjectStore['put'];
  IDBObjectStore.prototype.add = realAdd as IDBObjectStore['add'];
});

async function snapshot(db: BriefcaseDb) {
  const out: Record<string, unknown> = {};
  for (const t of db.tables) {
    out[t.name] =
      t.name === 'files'
        ? (await db.files.toArray()).map((f) => [f.sha256, f.size])
        : await t.toArray();
  }
  return out;
}

describe('a full disk during import', () => {
  it('says the storage is full, in Vietnamese, and the library loses nothing', async () => {
    const db = freshDb();
    const deps: ImportDeps = { db, pdfjs: await nodePdfJs() };
    const first = await importPdf(
      {
        fileName: 'giay-moi.pdf',
        bytes: corpusBytes('vi_giay_moi_hdnd_tuan_giao_signed.pdf'),
        source: { kind: 'file' },
      },
      deps,
    );
    expect(first.status).toBe('imported');
    const docId = first.status === 'imported' ? first.doc.id : '';
    await db.annotations.add({
      id: 'a1',
      docId,
      kind: 'comment',
      color: 'yellow',
      body: 'Góp ý: làm rõ thời gian họp',
      draftComment: true,
      target: { pageIndex: 0, rects: [[1, 2, 3, 4]] },
      createdAt: 1,
      updatedAt: 2,
    });
    await db.notes.add({
      id: 'n1',
      title: 'Chuẩn bị',
      body: 'ý kiến',
      annotationIds: ['a1'],
      createdAt: 1,
      updatedAt: 2,
    });
    const before = await snapshot(db);

    // The page text is written last in the import's transaction, after the file and the record.
    fillDiskOn('pages');
    const decree = corpusBytes('vi_335_2025_ND-CP_print.pdf');
    const full = await importPdf(
      { fileName: 'nghi-dinh.pdf', bytes: decree, source: { kind: 'file' } },
      deps,
    );
    expect(full).toMatchObject({ status: 'failed', code: 'quota' });
    if (full.status !== 'failed') throw new Error('expected a failure');
    expect(full.message.vi).toContain('Bộ nhớ của trình duyệt đã đầy');
    expect(full.message.vi).toContain('vẫn nguyên vẹn');
    expect(full.message.en).toContain('storage is full');
    expect(await snapshot(db)).toEqual(before);

    // Space freed: the same file imports whole, nothing left over from the failed attempt.
    afterEachRestore();
    const again = await importPdf(
      { fileName: 'nghi-dinh.pdf', bytes: decree, source: { kind: 'file' } },
      deps,
    );
    expect(again.status).toBe('imported');
    expect(await db.documents.count()).toBe(2);
    expect(await db.pages.count()).toBe(1 + 19);
  }, 60_000);

  it('recognises a quota error however it is wrapped; other storage errors keep their message', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('bulkPut failed', [quota]))).toBe(true);
    expect(isQuotaError(new Error('write failed', { cause: quota }))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

function afterEachRestore() {
  IDBObjectStore.prototype.put = realPut as IDBObjectStore['put'];
  IDBObjectStore.prototype.add = realAdd as IDBObjectStore['add'];
}

describe('damaged records', () => {
  const good = (id: string, title: string) => ({
    id,
    sha256: `${id}-sha`,
    title,
    fileName: `${id}.pdf`,
    pageCount: 3,
    size: 1000,
    hasText: true,
    encrypted: false,
    tags: ['kỳ họp'],
    importedAt: 1_700_000_000_000,
    source: { kind: 'file' },
  });

  it('leaves damaged documents and sessions out of the library, saying which and why', async () => {
    const db = freshDb();
    // Rows as an old bug, a hand edit or a broken restore could leave them (bypassing types).
    const rows: unknown[] = [
      good('d1', 'Nghị quyết về ngân sách'),
      good('d2', 'Tờ trình dự án đường liên xã'),
      { ...good('bad-title', 'x'), title: undefined },
      { ...good('bad-tags', 'x'), tags: null },
      { ...good('bad-pages', 'x'), pageCount: '3' },
      { ...good('bad-source', 'x'), source: null },
    ];
    await db.documents.bulkAdd(rows as never[]);
    await db.sessions.bulkAdd([
      { id: 's1', title: 'Kỳ họp thứ 13', agenda: [{ id: 'i1', title: 'Khai mạc', position: 1 }] },
      { id: 's2', title: 'Kỳ họp hỏng', agenda: 'Khai mạc' } as never,
    ]);
    // Without the check, the list itself breaks on the first damaged row.
    const all = await db.documents.toArray();
    const sort = { key: 'title', descending: false } as const;
    const filter = { text: 'ky hop', sessionId: 'all', tag: 'kỳ họp', recent: false };
    expect(() => filterAndSort(all, filter, sort)).toThrow();

    const library = await loadLibrary(db);
    expect(library.docs.map((d) => d.id).sort()).toEqual(['d1', 'd2']);
    expect(library.sessions.map((s) => s.id)).toEqual(['s1']);
    expect(library.skipped).toEqual([
      { table: 'documents', key: 'bad-pages', problem: expect.stringMatching(/^pageCount: /) },
      { table: 'documents', key: 'bad-source', problem: expect.stringMatching(/^source: /) },
      { table: 'documents', key: 'bad-tags', problem: expect.stringMatching(/^tags: /) },
      { table: 'documents', key: 'bad-title', problem: expect.stringMatching(/^title: /) },
      { table: 'sessions', key: 's2', problem: expect.stringMatching(/^agenda: /) },
    ]);
    expect(
      filterAndSort(library.docs, { ...filter, text: 'ngan sach' }, sort).map((d) => d.id),
    ).toEqual(['d1']);
    // The damaged rows are only left out: still in the database for a backup or a repair.
    expect(await db.documents.count()).toBe(6);
  });

  it('leaves out page rows of the wrong type, keeping the good pages of the same document', async () => {
    const db = freshDb();
    await db.pages.bulkAdd([
      { docId: 'd1', pageIndex: 0, text: 'Điều 1. Phạm vi điều chỉnh' },
      { docId: 'd1', pageIndex: 1, text: 42 } as never,
      { docId: 'd1', pageIndex: 2, text: 'Điều 3. Hiệu lực' },
      { docId: 'd1', pageIndex: 3, text: { html: '<b>x</b>' } } as never,
    ]);
    const pages = validPages(await db.pages.toArray());
    expect(pages.valid.map((p) => p.pageIndex)).toEqual([0, 2]);
    expect(pages.skipped.map((s) => [s.table, s.key])).toEqual([
      ['pages', 'd1#1'],
      ['pages', 'd1#3'],
    ]);
    // The viewer reads such a page as one without text, and still places the annotations.
    const opened = await loadAnnotations(db, 'd1', 4);
    expect(opened.pages).toEqual(['Điều 1. Phạm vi điều chỉnh', '', 'Điều 3. Hiệu lực', '']);
  });
});

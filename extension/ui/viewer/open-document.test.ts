// Opening a document: its original bytes first; then its annotations, re-attached to the stored
// page text (orphans kept).
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../db/db';
import { importPdf } from '../../import/importer';
import { corpusBytes, freshDb, nodePdfJs } from '../../testing/corpus';
import { describeRange } from '../../annotations/anchoring';
import { annotationSaver, loadAnnotations, loadDocumentFile, markOpened } from './open-document';

async function importedTracemonkey() {
  const db = freshDb();
  const outcome = await importPdf(
    {
      fileName: 'tracemonkey.pdf',
      bytes: corpusBytes('tracemonkey.pdf'),
      source: { kind: 'file' },
    },
    { db, pdfjs: await nodePdfJs() },
  );
  if (outcome.status !== 'imported') throw new Error('fixture import failed');
  return { db, doc: outcome.doc };
}

function annotationOn(
  docId: string,
  pageIndex: number,
  text: string,
  start: number,
  end: number,
): Annotation {
  return {
    id: `a-${start}`,
    docId,
    kind: 'comment',
    color: 'yellow',
    body: 'Góp ý',
    draftComment: true,
    target: { pageIndex, rects: [[1, 2, 3, 4]], ...describeRange(text, start, end) },
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('opening a document', () => {
  test('gives the original bytes first, then the page text; marks the document as opened', async () => {
    const { db, doc } = await importedTracemonkey();
    const file = await loadDocumentFile(db, doc.id);
    expect(file!.doc.id).toBe(doc.id);
    expect(Buffer.from(file!.bytes).equals(corpusBytes('tracemonkey.pdf'))).toBe(true);
    const later = await loadAnnotations(db, doc.id, doc.pageCount);
    expect(later.pages).toHaveLength(14);
    expect(later.pages[0]).toContain('Trace-based');
    await markOpened(db, doc.id, 42);
    expect((await db.documents.get(doc.id))!.openedAt).toBe(42);
  });

  test('an annotation whose passage is gone is reported orphaned, one that is there is left alone', async () => {
    const { db, doc } = await importedTracemonkey();
    const page0 = (await db.pages.get([doc.id, 0]))!.text;
    const good = annotationOn(doc.id, 0, page0, 10, 40);
    const gone: Annotation = {
      ...annotationOn(doc.id, 0, page0, 50, 80),
      target: {
        pageIndex: 0,
        rects: [],
        quote: { exact: 'Nghị quyết về ngân sách địa phương năm 2026', prefix: '', suffix: '' },
        position: { start: 50, end: 93 },
      },
    };
    await annotationSaver(db)([
      { kind: 'create', record: good },
      { kind: 'create', record: gone },
    ]);
    const opened = await loadAnnotations(db, doc.id, doc.pageCount);
    expect(opened.reattachments).toEqual([{ id: gone.id, patch: { orphaned: true } }]);
    expect(opened.annotations).toHaveLength(2);
  });

  test('an unknown id gives null (the viewer says the document was not found)', async () => {
    expect(await loadDocumentFile(freshDb(), 'nope')).toBeNull();
  });
});

// Loads what the viewer needs for one document from the briefcase database, in the order it needs
// it: first the record and the original bytes (all pdf.js needs to paint the first page), then —
// after the first page is on screen — the page text and the annotations, re-attached to the text
// (orphans marked).
import type { BriefcaseDb, Annotation, BriefcaseDocument } from '../../db/db';
import { reattach, type Reattachment } from '../../annotations/anchoring';
import { applyAnnotationChanges, type AnnotationChange } from '../../annotations/store';
import { validPages } from '../../db/records';

export interface DocumentFile {
  doc: BriefcaseDocument;
  /** The original PDF bytes, read once from the stored Blob (hand them to pdf.js as they are). */
  bytes: Uint8Array;
}

/** The document record and its original bytes, or null when either is missing. */
export async function loadDocumentFile(db: BriefcaseDb, id: string): Promise<DocumentFile | null> {
  const found = await db.transaction('r', [db.documents, db.files], async () => {
    const doc = await db.documents.get(id);
    const file = doc && (await db.files.get(doc.sha256));
    return doc && file ? { doc, blob: file.blob } : null;
  });
  if (!found) return null;
  return { doc: found.doc, bytes: new Uint8Array(await found.blob.arrayBuffer()) };
}

export interface DocumentAnnotations {
  /** Text of every page (empty for a page without text), as the text layer sees it. */
  pages: string[];
  annotations: Annotation[];
  reattachments: Reattachment[];
}

/** Page text and annotations, re-attached to the text; loaded after the first page is shown. */
export async function loadAnnotations(
  db: BriefcaseDb,
  id: string,
  pageCount: number,
): Promise<DocumentAnnotations> {
  const [pageRows, annotations] = await db.transaction('r', [db.pages, db.annotations], () =>
    Promise.all([
      db.pages.where('docId').equals(id).toArray(),
      db.annotations.where('docId').equals(id).toArray(),
    ]),
  );
  const pages: string[] = [];
  // A damaged page row (text that is not text) is left out: that page reads as having no text.
  for (const p of validPages(pageRows).valid) pages[p.pageIndex] = p.text;
  for (let i = 0; i < pageCount; i++) pages[i] ??= '';
  return { pages, annotations, reattachments: reattach(annotations, pages) };
}

/** Records when the document was opened (the library's "recently opened"). */
export async function markOpened(db: BriefcaseDb, id: string, now = Date.now()): Promise<void> {
  await db.documents.update(id, { openedAt: now });
}

/**
 * Saves the annotation manager's changes in one transaction, each checked against the revision
 * the page last saw (annotations/store.ts): the page's copy never overwrites the database's.
 */
export function annotationSaver(db: BriefcaseDb) {
  return (changes: AnnotationChange[]) => applyAnnotationChanges(db, changes);
}

// Loads what the viewer needs for one document from the briefcase database: the record, the
// original bytes, the page text and the annotations, re-attached to the text (orphans marked).
import type { BriefcaseDb, Annotation, BriefcaseDocument } from '../../db/db';
import { reattach, type Reattachment } from '../../annotations/anchoring';

export interface OpenedDocument {
  doc: BriefcaseDocument;
  bytes: Uint8Array;
  pages: string[];
  annotations: Annotation[];
  reattachments: Reattachment[];
}

export async function loadDocument(
  db: BriefcaseDb,
  id: string,
  now = Date.now(),
): Promise<OpenedDocument | null> {
  const doc = await db.documents.get(id);
  if (!doc) return null;
  const file = await db.files.get(doc.sha256);
  if (!file) return null;
  const [bytes, pageRows, annotations] = await Promise.all([
    file.blob.arrayBuffer().then((b) => new Uint8Array(b)),
    db.pages.where('docId').equals(id).toArray(),
    db.annotations.where('docId').equals(id).toArray(),
  ]);
  const pages: string[] = [];
  for (const p of pageRows) pages[p.pageIndex] = p.text;
  for (let i = 0; i < doc.pageCount; i++) pages[i] ??= '';
  await db.documents.update(id, { openedAt: now });
  return {
    doc: { ...doc, openedAt: now },
    bytes,
    pages,
    annotations,
    reattachments: reattach(annotations, pages),
  };
}

/** Saves the annotation manager's changes in one transaction. */
export function annotationSaver(db: BriefcaseDb) {
  return async ({ put, remove }: { put: Annotation[]; remove: string[] }) => {
    await db.transaction('rw', db.annotations, async () => {
      if (put.length) await db.annotations.bulkPut(put);
      if (remove.length) await db.annotations.bulkDelete(remove);
    });
  };
}

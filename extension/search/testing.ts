// Test fixture for the search tests: a text document (its record and its pages) in a briefcase.
import type { BriefcaseDb } from '../db/db';

export async function addTextDoc(
  db: BriefcaseDb,
  doc: { id: string; title: string; sha256: string; importedAt: number },
  pages: string[],
): Promise<void> {
  await db.documents.add({
    ...doc,
    fileName: `${doc.id}.pdf`,
    pageCount: pages.length,
    size: 1,
    hasText: true,
    encrypted: false,
    tags: [],
    source: { kind: 'file' },
  });
  await db.pages.bulkAdd(pages.map((text, pageIndex) => ({ docId: doc.id, pageIndex, text })));
}

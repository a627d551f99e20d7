// Getting things out of the briefcase for one document: the annotated copy of the PDF and the
// comment sheet (.docx or .pdf). Reads the stored original and annotations; writes nothing.
import type { BriefcaseDb } from '../db/db';
import { commentSheet, commentSheetDocx, commentSheetPdf, type SheetFonts } from './comment-sheet';

/** The settings key of the delegate's name printed on comment sheets and annotations. */
export const DELEGATE_NAME_KEY = 'delegateName';

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export class ExportError extends Error {
  constructor(readonly code: 'notFound' | 'encrypted' | 'broken') {
    super(code);
    this.name = 'ExportError';
  }
}

const baseName = (fileName: string) => fileName.replace(/\.pdf$/i, '');

export async function delegateName(db: BriefcaseDb): Promise<string> {
  const value = (await db.settings.get(DELEGATE_NAME_KEY))?.value;
  return typeof value === 'string' ? value : '';
}

async function load(db: BriefcaseDb, docId: string) {
  const doc = await db.documents.get(docId);
  const file = doc && (await db.files.get(doc.sha256));
  if (!doc || !file) throw new ExportError('notFound');
  const annotations = await db.annotations.where('docId').equals(docId).toArray();
  return { doc, file, annotations };
}

/** A copy of the document with its highlights, comments and notes as PDF annotations. */
export async function exportAnnotatedPdf(
  db: BriefcaseDb,
  docId: string,
): Promise<ExportedFile & { written: number }> {
  const { doc, file, annotations } = await load(db, docId);
  if (doc.encrypted) throw new ExportError('encrypted');
  const original = new Uint8Array(await file.blob.arrayBuffer());
  try {
    const name = await delegateName(db);
    // Loaded on the first export, not with the briefcase page (@cantoo/pdf-lib is ~0.5 MB).
    const { annotatedCopy } = await import('./annotated-pdf');
    const { bytes, written } = await annotatedCopy(
      original,
      annotations,
      name ? { author: name } : {},
    );
    return {
      bytes,
      written,
      fileName: `${baseName(doc.fileName)} (có ghi chú).pdf`,
      mimeType: 'application/pdf',
    };
  } catch (error) {
    if (error instanceof Error && /encrypt/i.test(error.message))
      throw new ExportError('encrypted');
    throw new ExportError('broken');
  }
}

/** The comment sheet (phiếu góp ý) of the document's draft comments. */
export async function exportCommentSheet(
  db: BriefcaseDb,
  docId: string,
  format: 'docx' | 'pdf',
  fonts?: () => Promise<SheetFonts>,
  now: () => Date = () => new Date(),
): Promise<ExportedFile> {
  const { doc, annotations } = await load(db, docId);
  const sheet = commentSheet(doc.title, await delegateName(db), annotations, now());
  const fileName = `Phiếu góp ý - ${baseName(doc.fileName)}.${format}`;
  if (format === 'docx') {
    return {
      bytes: await commentSheetDocx(sheet),
      fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
  }
  if (!fonts) throw new Error('fonts are needed for a PDF comment sheet');
  return {
    bytes: await commentSheetPdf(sheet, await fonts()),
    fileName,
    mimeType: 'application/pdf',
  };
}

// An annotated COPY of a document: the stored original PDF with the delegate's highlights and
// comments written in as real PDF annotations (Highlight with QuadPoints from the stored rects,
// Text "sticky notes"), so any PDF reader shows them. The stored original is never modified: the
// copy is a new file (a signed original's signature stays valid only in the original).
import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFPage } from 'pdf-lib';
import type { Annotation, PdfRect } from '../db/db';

export interface AnnotatedCopyOptions {
  /** Author written into each annotation (/T): the delegate's name. */
  author?: string;
  now?: () => Date;
}

const NAMED_COLORS: Record<string, [number, number, number]> = {
  yellow: [1, 0.92, 0.23],
  green: [0.56, 0.93, 0.56],
  blue: [0.53, 0.81, 0.98],
  pink: [1, 0.71, 0.85],
};

/** RGB 0..1 for a named colour or #rrggbb; yellow when unknown. */
export function colorComponents(color: string): [number, number, number] {
  const named = NAMED_COLORS[color];
  if (named) return named;
  const hex = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16) / 255) as [number, number, number];
  return NAMED_COLORS.yellow!;
}

/** QuadPoints of rects [x1,y1,x2,y2]: per rect top-left, top-right, bottom-left, bottom-right. */
export function quadPoints(rects: readonly PdfRect[]): number[] {
  return rects.flatMap(([ax, ay, bx, by]) => {
    const [x1, x2] = [Math.min(ax, bx), Math.max(ax, bx)];
    const [y1, y2] = [Math.min(ay, by), Math.max(ay, by)];
    return [x1, y2, x2, y2, x1, y1, x2, y1];
  });
}

function boundingRect(rects: readonly PdfRect[]): PdfRect {
  const xs = rects.flatMap((r) => [r[0], r[2]]);
  const ys = rects.flatMap((r) => [r[1], r[3]]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function addAnnotation(doc: PDFDocument, page: PDFPage, dict: Record<string, unknown>): void {
  const ref = doc.context.register(doc.context.obj(dict as never));
  page.node.addAnnot(ref);
}

/**
 * Writes the annotations into a copy of `original` and returns the new file's bytes. Orphaned
 * annotations (no longer placed in the text) and those with no rectangle are left out.
 */
export async function annotatedCopy(
  original: Uint8Array,
  annotations: readonly Annotation[],
  options: AnnotatedCopyOptions = {},
): Promise<{ bytes: Uint8Array; written: number }> {
  const doc = await PDFDocument.load(original.slice(), { updateMetadata: false });
  const pages = doc.getPages();
  const date = PDFString.fromDate((options.now ?? (() => new Date()))());
  const author = options.author ? { T: PDFHexString.fromText(options.author) } : {};
  let written = 0;
  for (const a of annotations) {
    const page = pages[a.target.pageIndex];
    if (!page || a.orphaned || a.target.rects.length === 0) continue;
    const common = {
      Type: 'Annot',
      F: 4,
      NM: PDFHexString.fromText(a.id),
      M: date,
      C: colorComponents(a.color),
      ...author,
      ...(a.body ? { Contents: PDFHexString.fromText(a.body) } : {}),
    };
    if (a.kind === 'note') {
      const [x1, , , y2] = boundingRect(a.target.rects);
      addAnnotation(doc, page, {
        ...common,
        Subtype: 'Text',
        Rect: [x1, y2 - 20, x1 + 20, y2],
        Name: PDFName.of('Comment'),
        Open: false,
      });
    } else {
      addAnnotation(doc, page, {
        ...common,
        Subtype: 'Highlight',
        Rect: boundingRect(a.target.rects),
        QuadPoints: quadPoints(a.target.rects),
        CA: 0.4,
      });
    }
    written++;
  }
  return { bytes: await doc.save({ useObjectStreams: false }), written };
}

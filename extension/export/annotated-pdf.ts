// An annotated COPY of a document: the stored original PDF with the delegate's highlights and
// comments written in as real PDF annotations (Highlight with QuadPoints from the stored rects,
// Text "sticky notes"), so any PDF reader shows them. The annotations are an incremental update
// appended to the original bytes (@cantoo/pdf-lib, loaded `forIncrementalUpdate`): the original
// is a byte-exact prefix of the copy, so every digital signature in it still verifies and a
// reader lists the annotations as changes made after signing. The stored original is never
// modified.
import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFPage,
  type PDFRef,
} from '@cantoo/pdf-lib';
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

/** pdf-lib parses and writes this many objects, then lets the page breathe (no long task). */
const OBJECTS_PER_TICK = 500;

/**
 * True when the file's last cross-reference section is a stream (PDF 1.5 style): the update then
 * writes one too, so a reader meets one kind of section in the file, as the original has.
 */
export function endsWithXrefStream(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) return false;
  const at = Number(match[1]);
  const head = new TextDecoder('latin1').decode(bytes.subarray(at, at + 32));
  return /^\s*\d+\s+\d+\s+obj/.test(head);
}

/**
 * Runs `build` with pdf-lib's change tracking paused. Each object it tracks is looked up among all
 * the document's objects, which is quadratic on a page with tens of thousands of annotations
 * (issue #18); what changes is marked by hand instead: the new objects are saved anyway, and
 * each page whose /Annots grows is marked once.
 */
function untracked<T>(doc: PDFDocument, build: () => T): T {
  const { snapshot } = doc.context;
  doc.context.snapshot = undefined;
  try {
    return build();
  } finally {
    doc.context.snapshot = snapshot;
  }
}

/**
 * Gives the page a new /Annots: the old entries and the new ones, so the update rewrites the page
 * dictionary and nothing else of the original (pdf-lib's `addAnnot` would also wrap the page's
 * content streams).
 */
function appendAnnots(doc: PDFDocument, page: PDFPage, refs: readonly PDFRef[]): void {
  untracked(doc, () => {
    const existing = page.node.lookup(PDFName.of('Annots'));
    const before = existing instanceof PDFArray ? existing.asArray() : [];
    page.node.set(PDFName.of('Annots'), doc.context.obj([...before, ...refs]));
  });
  doc.context.snapshot?.markRefForSave(page.ref);
}

/**
 * Returns the original's bytes followed by an incremental update holding the annotations.
 * Orphaned annotations (no longer placed in the text) and those with no rectangle are left out;
 * with none to write, the copy is the original itself.
 */
export async function annotatedCopy(
  original: Uint8Array,
  annotations: readonly Annotation[],
  options: AnnotatedCopyOptions = {},
): Promise<{ bytes: Uint8Array; written: number }> {
  const doc = await PDFDocument.load(original, {
    forIncrementalUpdate: true,
    updateMetadata: false,
    parseSpeed: OBJECTS_PER_TICK,
  });
  const pages = doc.getPages();
  const date = PDFString.fromDate((options.now ?? (() => new Date()))());
  const author = options.author ? { T: PDFHexString.fromText(options.author) } : {};
  const added = new Map<PDFPage, PDFRef[]>();
  for (const a of annotations) {
    const page = pages[a.target.pageIndex];
    if (!page || a.orphaned || a.target.rects.length === 0) continue;
    const common = {
      Type: 'Annot',
      F: 4,
      P: page.ref,
      NM: PDFHexString.fromText(a.id),
      M: date,
      C: colorComponents(a.color),
      ...author,
      ...(a.body ? { Contents: PDFHexString.fromText(a.body) } : {}),
    };
    const [x1, , , y2] = boundingRect(a.target.rects);
    const dict =
      a.kind === 'note'
        ? {
            ...common,
            Subtype: 'Text',
            Rect: [x1, y2 - 20, x1 + 20, y2],
            Name: PDFName.of('Comment'),
            Open: false,
          }
        : {
            ...common,
            Subtype: 'Highlight',
            Rect: boundingRect(a.target.rects),
            QuadPoints: quadPoints(a.target.rects),
            CA: 0.4,
          };
    const ref = untracked(doc, () => doc.context.register(doc.context.obj(dict as never)));
    added.set(page, [...(added.get(page) ?? []), ref]);
  }
  if (added.size === 0) return { bytes: original.slice(), written: 0 };
  for (const [page, refs] of added) appendAnnots(doc, page, refs);
  const bytes = await doc.save({
    useObjectStreams: endsWithXrefStream(original),
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: OBJECTS_PER_TICK,
  });
  return { bytes, written: [...added.values()].reduce((n, refs) => n + refs.length, 0) };
}

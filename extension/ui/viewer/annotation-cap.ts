// Caps what pdf.js's annotation layer puts in a page. pdf.js makes a DOM element (and measures
// it) for every annotation of a page it draws: a one-page file with 32,768 links froze the tab for
// 24 s and every zoom for seconds (issue #18). Past the cap the page keeps the document's own
// comments and form fields first, then links in document order; the page's picture and text are
// unaffected, only links beyond the cap do not answer a click.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/** At most this many annotation elements per page (pdf.js draws a few hundred in well under 200 ms). */
export const MAX_LAYER_ANNOTATIONS = 500;

/** pdf.js's AnnotationType.LINK. */
const LINK = 2;

/** The annotations a page's layer shows: all of them up to `max`, else non-links first, then links. */
export function capAnnotations<T extends { annotationType?: number }>(
  annotations: readonly T[],
  max = MAX_LAYER_ANNOTATIONS,
): T[] {
  if (annotations.length <= max) return [...annotations];
  const others = annotations.filter((a) => a.annotationType !== LINK);
  const links = annotations.filter((a) => a.annotationType === LINK);
  const kept = new Set([...others, ...links].slice(0, max));
  return annotations.filter((a) => kept.has(a));
}

const capped = new WeakSet<object>();

function capPage(page: PDFPageProxy, max: number): PDFPageProxy {
  if (capped.has(page)) return page;
  capped.add(page);
  const getAnnotations = page.getAnnotations.bind(page);
  page.getAnnotations = async (params) => capAnnotations(await getAnnotations(params), max);
  return page;
}

/**
 * Makes every page the document hands out (to the viewer, its thumbnails and find) give its
 * annotation layer at most `max` annotations. Idempotent.
 */
export function capDocumentAnnotations(
  doc: PDFDocumentProxy,
  max = MAX_LAYER_ANNOTATIONS,
): PDFDocumentProxy {
  if (capped.has(doc)) return doc;
  capped.add(doc);
  const getPage = doc.getPage.bind(doc);
  doc.getPage = async (pageNumber) => capPage(await getPage(pageNumber), max);
  return doc;
}

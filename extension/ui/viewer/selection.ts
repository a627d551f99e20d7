// Maps between the browser's text selection in a pdf.js text layer and the briefcase's selectors:
// character offsets in the page text (text nodes, plus one "\n" per <br>, as the importer joins
// the text items) and rectangles in PDF user space (not screen pixels, so zoom does not matter).
import type { PdfRect } from '../../db/db';
import type { PageViewLike } from './pdf-view';

/** Character offset of the boundary point (node, offset) within a text layer. */
export function textOffset(root: Node, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(node, offset);
  let count = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      if (n === node) return count + offset;
      const length = (n as Text).data.length;
      if (before.comparePoint(n, length) !== 0) break;
      count += length;
    } else if ((n as Element).tagName === 'BR') {
      const parent = n.parentNode!;
      const after = Array.prototype.indexOf.call(parent.childNodes, n) + 1;
      if (before.comparePoint(parent, after) !== 0) break;
      count += 1;
    }
  }
  return count;
}

/** A DOM range covering text offsets [start, end) of a text layer. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  const range = document.createRange();
  let count = 0;
  let started = false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length =
      n.nodeType === Node.TEXT_NODE
        ? (n as Text).data.length
        : (n as Element).tagName === 'BR'
          ? 1
          : 0;
    if (!length) continue;
    const isText = n.nodeType === Node.TEXT_NODE;
    if (!started && start < count + length) {
      if (isText) range.setStart(n, start - count);
      else range.setStartAfter(n);
      started = true;
    }
    if (started && end <= count + length) {
      if (isText) range.setEnd(n, end - count);
      else range.setEndBefore(n);
      return range;
    }
    count += length;
  }
  return started ? range : null;
}

/** Where the page's drawing area (inside its border) starts on screen. */
export function pageOrigin(page: PageViewLike): { x: number; y: number } {
  const box = page.div.getBoundingClientRect();
  return { x: box.left + page.div.clientLeft, y: box.top + page.div.clientTop };
}

/** The PDF point under a click on a page. */
export function clientToPdfPoint(
  page: PageViewLike,
  clientX: number,
  clientY: number,
): [number, number] {
  const o = pageOrigin(page);
  const [x, y] = page.viewport.convertToPdfPoint(clientX - o.x, clientY - o.y) as [number, number];
  return [x, y];
}

/** Client rectangles of the text in a range, merged per line, in PDF user space of the page. */
export function rangeToPdfRects(range: Range, page: PageViewLike): PdfRect[] {
  const box = pageOrigin(page);
  const rects: DOMRect[] = [];
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(
    root.nodeType === Node.TEXT_NODE ? root.parentNode! : root,
    NodeFilter.SHOW_TEXT,
  );
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) continue;
    const part = document.createRange();
    part.selectNodeContents(n);
    if (n === range.startContainer) part.setStart(n, range.startOffset);
    if (n === range.endContainer) part.setEnd(n, range.endOffset);
    for (const r of part.getClientRects()) if (r.width > 0.5 && r.height > 0.5) rects.push(r);
  }
  const merged: DOMRect[] = [];
  for (const r of rects.sort((a, b) => a.top - b.top || a.left - b.left)) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last.top - r.top) < r.height / 2 && r.left <= last.right + r.height) {
      const left = Math.min(last.left, r.left);
      const top = Math.min(last.top, r.top);
      merged[merged.length - 1] = new DOMRect(
        left,
        top,
        Math.max(last.right, r.right) - left,
        Math.max(last.bottom, r.bottom) - top,
      );
    } else merged.push(r);
  }
  return merged.map((r) => {
    const [x1, y1] = page.viewport.convertToPdfPoint(r.left - box.x, r.top - box.y) as [
      number,
      number,
    ];
    const [x2, y2] = page.viewport.convertToPdfPoint(r.right - box.x, r.bottom - box.y) as [
      number,
      number,
    ];
    return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
  });
}

export interface SelectionOnPage {
  pageIndex: number;
  start: number;
  end: number;
  rects: PdfRect[];
}

/** The current selection, if it lies in a page's text layer (clipped to the page it starts on). */
export function currentSelection(
  selection: Selection | null,
  pageViewFor: (pageIndex: number) => PageViewLike | undefined,
): SelectionOnPage | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const startEl =
    range.startContainer.nodeType === Node.TEXT_NODE
      ? range.startContainer.parentElement
      : (range.startContainer as Element);
  const layer = startEl?.closest('.textLayer');
  const pageDiv = layer?.closest<HTMLElement>('.page');
  if (!layer || !pageDiv) return null;
  const pageIndex = Number(pageDiv.dataset.pageNumber) - 1;
  const page = pageViewFor(pageIndex);
  if (!page) return null;
  const clipped = range.cloneRange();
  if (!layer.contains(range.endContainer)) clipped.setEnd(layer, layer.childNodes.length);
  const start = textOffset(layer, clipped.startContainer, clipped.startOffset);
  const end = textOffset(layer, clipped.endContainer, clipped.endOffset);
  if (end <= start) return null;
  return { pageIndex, start, end, rects: rangeToPdfRects(clipped, page) };
}

// Page thumbnails for the viewer's side panel: one button per page (a placeholder of the first
// page's proportions), and a small canvas drawn only for the thumbnails scrolled into view, one at
// a time, when pdf.js's rendering queue has nothing left to draw in the main view (as pdf.js's own
// PDFThumbnailViewer does) and not before the first page is painted — so a 352-page book still
// opens at once. The current page is marked and kept in view.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../base/i18n';
import type { PdfView } from './pdf-view';

/** CSS width of a thumbnail. */
export const THUMB_WIDTH = 112;

/** What pdf.js's rendering queue asks a thumbnail viewer (see PdfView.setBackgroundRenderer). */
export interface BackgroundRenderer {
  /** Starts the next piece of work and returns true, or returns false when there is none. */
  forceRendering(): boolean;
}

/**
 * Thumbnails to draw, most recently asked for first (what is on screen now), one at a time. It is
 * plugged into pdf.js's rendering queue, which asks it for work only when the pages in view are
 * drawn; `next` hands the turn back to that queue when a thumbnail is done. Pure scheduling: the
 * drawing function is passed in.
 */
export class ThumbnailQueue implements BackgroundRenderer {
  private readonly wanted = new Set<number>();
  private readonly done = new Set<number>();
  private running = false;
  private stopped = false;

  constructor(
    private readonly draw: (pageNumber: number) => Promise<void>,
    private readonly next: () => void,
  ) {}

  /** Asks for a page's thumbnail (again: it moves to the front). */
  want(pageNumber: number): void {
    if (this.done.has(pageNumber) || this.stopped) return;
    this.wanted.delete(pageNumber);
    this.wanted.add(pageNumber);
    if (!this.running) this.next();
  }

  /** The page scrolled out of view before its turn: forget it. */
  unwant(pageNumber: number): void {
    this.wanted.delete(pageNumber);
  }

  stop(): void {
    this.stopped = true;
    this.wanted.clear();
  }

  forceRendering(): boolean {
    if (this.running) return true;
    if (this.stopped || !this.wanted.size) return false;
    const page = [...this.wanted].pop()!;
    this.wanted.delete(page);
    this.done.add(page);
    this.running = true;
    void this.draw(page)
      .catch(() => undefined) // a page that cannot be drawn keeps its placeholder
      .finally(() => {
        this.running = false;
        if (!this.stopped) this.next();
      });
    return true;
  }
}

export function Thumbnails({
  doc,
  view,
  current,
  onGo,
}: {
  doc: PDFDocumentProxy | null;
  /** The document view, once its first page is painted (thumbnails wait until then). */
  view: PdfView | null;
  current: number;
  onGo: (pageNumber: number) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const [ratio, setRatio] = useState(1.414);

  useEffect(() => {
    let cancelled = false;
    void doc?.getPage(1).then((p) => {
      const v = p.getViewport({ scale: 1 });
      if (!cancelled) setRatio(v.height / v.width);
    });
    return () => {
      cancelled = true;
    };
  }, [doc]);

  useEffect(() => {
    const root = list.current;
    if (!doc || !view || !root) return;
    const queue = new ThumbnailQueue(
      async (n) => {
        const slot = root.querySelector<HTMLElement>(`[data-thumb="${n}"] .hdnd-thumb-canvas`);
        if (!slot) return;
        const page = await doc.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const dpr = Math.min(globalThis.devicePixelRatio || 1, 2);
        const viewport = page.getViewport({ scale: (THUMB_WIDTH / base.width) * dpr });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        await page.render({ canvas, viewport, intent: 'display' }).promise;
        slot.replaceChildren(canvas);
      },
      () => view.renderNext(),
    );
    view.setBackgroundRenderer(queue);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset.thumb);
          if (e.isIntersecting) queue.want(n);
          else queue.unwant(n);
        }
      },
      { root: root.parentElement, rootMargin: '200px 0px' },
    );
    root.querySelectorAll('[data-thumb]').forEach((el) => observer.observe(el));
    return () => {
      observer.disconnect();
      queue.stop();
      view.setBackgroundRenderer(null);
    };
  }, [doc, view]);

  useEffect(() => {
    list.current?.querySelector(`[data-thumb="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  if (!doc) return null;
  const height = Math.round(THUMB_WIDTH * ratio);
  return (
    <ol class="hdnd-thumbs" ref={list} data-testid="thumbnails">
      {Array.from({ length: doc.numPages }, (_, i) => i + 1).map((n) => (
        <li key={n} data-thumb={n}>
          <button
            type="button"
            class={n === current ? 'is-current' : ''}
            aria-current={n === current ? 'page' : undefined}
            aria-label={t('viewer.goToPage', { n })}
            onClick={() => onGo(n)}
          >
            <span class="hdnd-thumb-canvas" style={{ width: THUMB_WIDTH, height }} />
            <span class="hdnd-thumb-label">{n}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

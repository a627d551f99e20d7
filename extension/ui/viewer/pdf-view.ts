// The document view, assembled from pdf.js's viewer components (EventBus, PDFViewer,
// PDFLinkService, PDFFindController) — not a copy of pdf.js's demo viewer. Pages render lazily
// as they scroll into view, so a 352-page book opens at once. Find ignores diacritics.
// pdf.js's viewer module reads `globalThis.pdfjsLib` when it loads: pdfjs-browser (imported
// first) defines it, so this module works wherever it is imported.
import '../../base/pdfjs-browser';
import 'pdfjs-dist/web/pdf_viewer.css';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import {
  EventBus,
  PDFFindController,
  PDFLinkService,
  PDFViewer,
} from 'pdfjs-dist/web/pdf_viewer.mjs';
import { normalizeText } from '../../../shared/text/normalize';
import { capDocumentAnnotations } from './annotation-cap';

/** What the page view of one page exposes (pdf.js's PDFPageView, the part we use). */
export interface PageViewLike {
  id: number;
  div: HTMLDivElement;
  viewport: {
    convertToViewportRectangle(rect: number[]): number[];
    convertToPdfPoint(x: number, y: number): number[];
  };
}

export interface FindCount {
  current: number;
  total: number;
}

export interface PdfViewEvents {
  onPageChange: (pageNumber: number) => void;
  onScaleChange: (scale: number) => void;
  /** A page's text layer is in place (highlights can be drawn / selections mapped). */
  onPageReady: (page: PageViewLike) => void;
  onFindCount: (count: FindCount | null) => void;
  /** The first page's canvas is painted (once per document). */
  onFirstPaint?: () => void;
}

export class PdfView {
  readonly eventBus = new EventBus();
  readonly linkService: PDFLinkService;
  readonly findController: PDFFindController;
  readonly viewer: PDFViewer;
  private lastQuery = '';
  private painted = false;

  constructor(container: HTMLDivElement, events: PdfViewEvents) {
    this.linkService = new PDFLinkService({ eventBus: this.eventBus });
    this.findController = new PDFFindController({
      eventBus: this.eventBus,
      linkService: this.linkService,
    });
    this.viewer = new PDFViewer({
      container,
      viewer: container.firstElementChild as HTMLDivElement,
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      textLayerMode: 1,
      removePageBorders: false,
    });
    this.linkService.setViewer(this.viewer);
    this.eventBus.on('pagechanging', (e: { pageNumber: number }) =>
      events.onPageChange(e.pageNumber),
    );
    this.eventBus.on('scalechanging', (e: { scale: number }) => events.onScaleChange(e.scale));
    this.eventBus.on('textlayerrendered', (e: { source: PageViewLike }) =>
      events.onPageReady(e.source),
    );
    this.eventBus.on(
      'pagerendered',
      (e: { source: PageViewLike; cssTransform?: boolean; isDetailView?: boolean }) => {
        if (!this.painted && !e.cssTransform && !e.isDetailView) {
          this.painted = true;
          events.onFirstPaint?.();
        }
        events.onPageReady(e.source);
      },
    );
    this.eventBus.on('updatefindmatchescount', (e: { matchesCount: FindCount }) =>
      events.onFindCount(e.matchesCount),
    );
    this.eventBus.on('updatefindcontrolstate', (e: { matchesCount?: FindCount; state: number }) => {
      // state 1 = not found
      events.onFindCount(e.state === 1 ? { current: 0, total: 0 } : (e.matchesCount ?? null));
    });
  }

  /**
   * Shows a document, fitted to the width, at the given page (1-based). Its pages' annotation
   * layers are capped (annotation-cap.ts).
   */
  open(doc: PDFDocumentProxy, page?: number): Promise<void> {
    this.painted = false;
    capDocumentAnnotations(doc);
    return new Promise((resolve) => {
      this.eventBus.on(
        'pagesinit',
        () => {
          this.viewer.currentScaleValue = 'page-width';
          if (page && page >= 1 && page <= doc.numPages) this.viewer.currentPageNumber = page;
          resolve();
        },
        { once: true },
      );
      this.viewer.setDocument(doc);
      this.linkService.setDocument(doc, null);
    });
  }

  get pageNumber(): number {
    return this.viewer.currentPageNumber;
  }

  get pagesCount(): number {
    return this.viewer.pagesCount;
  }

  goToPage(n: number): void {
    if (n >= 1 && n <= this.viewer.pagesCount) this.viewer.currentPageNumber = n;
  }

  /** Scrolls a point of a page (PDF user space) into view. */
  goToPoint(pageIndex: number, x: number, y: number): void {
    this.viewer.scrollPageIntoView({
      pageNumber: pageIndex + 1,
      destArray: [null, { name: 'XYZ' }, x, y + 40, null],
      allowNegativeOffset: true,
    });
  }

  zoomIn(): void {
    this.viewer.increaseScale();
  }

  zoomOut(): void {
    this.viewer.decreaseScale();
  }

  fitWidth(): void {
    this.viewer.currentScaleValue = 'page-width';
  }

  /**
   * Highlights every match (accents optional) and moves to the next one. `variants` are extra
   * spellings to look for as well (see find-variants.ts).
   */
  find(query: string, previous = false, variants: readonly string[] = []): void {
    const q = normalizeText(query.trim());
    const all = [...new Set([q, ...variants])].filter(Boolean);
    const key = all.join('\u0000');
    this.eventBus.dispatch('find', {
      source: this,
      type: key === this.lastQuery ? 'again' : '',
      query: all.length > 1 ? all : q,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
    this.lastQuery = key;
  }

  clearFind(): void {
    this.lastQuery = '';
    this.eventBus.dispatch('findbarclose', { source: this });
  }

  /**
   * Plugs background drawing (thumbnails) into pdf.js's rendering queue, which asks it for work
   * only when the pages in view are drawn, as it does for pdf.js's own thumbnail viewer.
   */
  setBackgroundRenderer(renderer: { forceRendering(): boolean } | null): void {
    const queue = this.viewer.renderingQueue;
    if (!queue) return;
    queue.setThumbnailViewer(renderer as never);
    queue.isThumbnailViewEnabled = !!renderer;
    if (renderer) this.renderNext();
  }

  /** Lets pdf.js's rendering queue draw what comes next (after background work). */
  renderNext(): void {
    if (this.viewer.pdfDocument)
      this.viewer.renderingQueue?.renderHighestPriority(undefined as never);
  }

  pageView(pageIndex: number): PageViewLike | undefined {
    return this.viewer.getPageView(pageIndex) as PageViewLike | undefined;
  }

  destroy(): void {
    this.viewer.setDocument(null as unknown as PDFDocumentProxy);
    this.linkService.setDocument(null, null);
  }
}

// In-browser benchmarks, run in Chromium by bench/browser.bench.ts: the extension's real import,
// search engine and viewer page on Chromium's IndexedDB, each against a baseline in the same run.
import { render } from 'preact';
import { foldText, queryTerms } from '../../shared/text/normalize';
import { getDb } from '../../extension/db/db';
import { importPdf } from '../../extension/import/importer';
import { engineFor } from '../../extension/search/engine';
import { indexStats, syncIndex } from '../../extension/search/indexer';
import { GROUPS_PER_PAGE, loadDetails } from '../../extension/search/query';
import { openSearchDb } from '../../extension/search/search-db';
import { PDF_PARAMS, pdfjs } from '../../extension/base/pdfjs-browser';
import { FIRST_PAGE_MARK, ViewerPage } from '../../extension/ui/viewer/ViewerPage';
import '../../extension/ui/briefcase.css';
import { PDFDocument as PdfLibDocument } from 'pdf-lib';
import { annotatedCopy } from '../../extension/export/annotated-pdf';
import { manyLinksPdf } from '../../extension/testing/many-links';
import {
  EventBus,
  PDFFindController,
  PDFLinkService,
  PDFViewer,
} from 'pdfjs-dist/web/pdf_viewer.mjs';

// The briefcase database under its own name: the viewer page reads it (this page's origin only).
const db = getDb();
const index = openSearchDb('bench-search');
const fetchBytes = async (file: string) =>
  new Uint8Array(await (await fetch(`/corpus/${file}`)).arrayBuffer());
const PASSWORDS: Record<string, string> = { 'issue6010_1.pdf': 'abc' };

async function reset() {
  await Promise.all(db.tables.map((t) => t.clear()));
  await Promise.all(index.tables.map((t) => t.clear()));
}

/**
 * Import (extract + store) and index the corpus, file by file as the extension does (its search
 * worker indexes each document as it lands); baseline: pdf.js getTextContent alone. The two
 * alternate file by file, so that a change in the machine's load during the run weighs on both.
 */
async function importCorpus(files: string[]) {
  await reset();
  const bytes = await Promise.all(files.map(fetchBytes));
  let basePages = 0;
  let baseMs = 0;
  let ourMs = 0;
  for (let i = 0; i < files.length; i++) {
    const b0 = performance.now();
    try {
      const doc = await pdfjs.getDocument({
        ...PDF_PARAMS,
        data: bytes[i]!.slice(),
        password: PASSWORDS[files[i]!] ?? '',
      }).promise;
      for (let p = 1; p <= doc.numPages; p++) {
        const content = await (await doc.getPage(p)).getTextContent();
        if (content.items.length) basePages++;
      }
      await doc.destroy();
    } catch {
      // unreadable files are skipped by both sides
    }
    baseMs += performance.now() - b0;

    const t0 = performance.now();
    await importPdf(
      { fileName: files[i]!, bytes: bytes[i]!, source: { kind: 'file' } },
      { db, pdfjs, pdfParams: PDF_PARAMS, askPassword: async () => PASSWORDS[files[i]!] ?? null },
    );
    await syncIndex(db, index);
    ourMs += performance.now() - t0;
  }
  const pages = await db.pages.toArray();
  const textPages = pages.filter((p) => p.text.trim().length > 0).length;
  return { baseMs, basePages, ourMs, textPages };
}

/** Grows the briefcase to ≥ minPages pages by copying the corpus's page texts into more documents. */
async function growTo(minPages: number) {
  const pages = (await db.pages.toArray()).filter((p) => p.text.trim());
  const docs = await db.documents.toArray();
  let total = pages.length;
  let copy = 0;
  while (total < minPages) {
    copy++;
    for (const d of docs) {
      const own = pages.filter((p) => p.docId === d.id);
      if (!own.length) continue;
      const id = `${d.id}-copy${copy}`;
      await db.documents.put({ ...d, id, title: `${d.title} (${copy})` });
      await db.pages.bulkPut(own.map((p) => ({ ...p, docId: id })));
      total += own.length;
    }
  }
  const i0 = performance.now();
  await syncIndex(db, index);
  return { pages: total, indexMs: performance.now() - i0, stats: await indexStats(index) };
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil(q * xs.length) - 1]!;

/**
 * Query latency of the engine (ranked, grouped hits for every matching page) and of the first
 * results page as the UI shows it (plus titles and snippets of the first ten documents), after
 * the index is loaded into memory (timed separately). Baseline: a linear scan of the same
 * normalised text, held in memory (its best case).
 */
async function searchBench(queries: string[]) {
  const engine = engineFor(index);
  const l0 = performance.now();
  await engine.refresh();
  const loadMs = performance.now() - l0;
  const ours: number[] = [];
  const full: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const results = await engine.search(q);
    const t1 = performance.now();
    await loadDetails(results, db, 0, GROUPS_PER_PAGE);
    ours.push(t1 - t0);
    full.push(performance.now() - t0);
  }
  const texts = (await db.pages.toArray()).map((p) => foldText(p.text));
  const scan: number[] = [];
  let found = 0;
  for (const q of queries) {
    const terms = queryTerms(q).map((t) => t.folded);
    const t0 = performance.now();
    found += texts.filter((t) => terms.every((term) => t.includes(term))).length;
    scan.push(performance.now() - t0);
  }
  return {
    p50: quantile(ours, 0.5),
    p95: quantile(ours, 0.95),
    fullP50: quantile(full, 0.5),
    fullP95: quantile(full, 0.95),
    loadMs,
    memoryBytes: engine.stats().bytes,
    scanP50: quantile(scan, 0.5),
    scanP95: quantile(scan, 0.95),
    found,
    perQuery: queries.map((q, i) => [
      q,
      +ours[i]!.toFixed(2),
      +full[i]!.toFixed(1),
      +scan[i]!.toFixed(1),
    ]),
  };
}

const view = document.getElementById('view') as HTMLDivElement;
const app = document.getElementById('app') as HTMLDivElement;

/**
 * Ours: the briefcase's real viewer page, mounted as `#/doc/<id>` mounts it — IndexedDB → bytes →
 * pdf.js → first page painted (its performance mark).
 */
async function firstPageOurs(docId: string): Promise<{ ms: number; width: number }> {
  view.hidden = true;
  app.hidden = false;
  performance.clearMarks(FIRST_PAGE_MARK);
  const painted = new Promise<PerformanceEntry>((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const mark = list.getEntriesByName(FIRST_PAGE_MARK)[0];
      if (mark) {
        observer.disconnect();
        resolve(mark);
      }
    });
    observer.observe({ type: 'mark' });
  });
  const t0 = performance.now();
  render(<ViewerPage id={docId} />, app);
  const mark = await painted;
  const width = app.querySelector('.hdnd-pdf-container')!.clientWidth;
  render(null, app);
  await new Promise((r) => setTimeout(r, 100));
  return { ms: mark.startTime - t0, width };
}

/**
 * Baseline: pdf.js's own PDFViewer component on the same bytes, already in memory, set up as the
 * viewer sets it up (link service, find controller, text layer, fitted to the same width); pdf.js
 * starts its worker for the document, as getDocument does by default.
 */
async function firstPageBaseline(bytes: Uint8Array, width: number): Promise<number> {
  app.hidden = true;
  view.hidden = false;
  view.style.width = `${width}px`;
  view.replaceChildren(Object.assign(document.createElement('div'), { className: 'pdfViewer' }));
  const t0 = performance.now();
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const findController = new PDFFindController({ eventBus, linkService });
  const viewer = new PDFViewer({
    container: view,
    viewer: view.firstElementChild as HTMLDivElement,
    eventBus,
    linkService,
    findController,
    textLayerMode: 1,
    removePageBorders: false,
  });
  linkService.setViewer(viewer);
  eventBus.on('pagesinit', () => (viewer.currentScaleValue = 'page-width'), { once: true });
  const painted = new Promise<void>((resolve) =>
    eventBus.on('pagerendered', () => resolve(), { once: true }),
  );
  const task = pdfjs.getDocument({ ...PDF_PARAMS, data: bytes.slice() });
  const doc = await task.promise;
  viewer.setDocument(doc);
  linkService.setDocument(doc, null);
  await painted;
  const ms = performance.now() - t0;
  viewer.setDocument(null as unknown as typeof doc);
  await task.destroy();
  return ms;
}

async function firstPage(file: string, rounds: number) {
  const bytes = await fetchBytes(file);
  const doc = (await db.documents.toArray()).find((d) => d.fileName === file);
  if (!doc) throw new Error(`${file} not imported`);
  // The first open of the page (JIT, IndexedDB and fonts cold) is reported on its own.
  const first = await firstPageOurs(doc.id);
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await firstPageBaseline(bytes, first.width));
    ours.push((await firstPageOurs(doc.id)).ms);
  }
  return { ours: quantile(ours, 0.5), base: quantile(base, 0.5), first: first.ms };
}

/** Long tasks (Long Tasks API) seen while `run` runs and the page settles after it. */
async function longTasks(run: () => Promise<void>): Promise<{ longest: number; blocking: number }> {
  const tasks: number[] = [];
  let last = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      tasks.push(e.duration);
      last = Math.max(last, e.startTime + e.duration);
    }
  });
  observer.observe({ type: 'longtask' });
  await run();
  // settled: 1 s without a long task (at most 60 s)
  const until = performance.now() + 60_000;
  last = Math.max(last, performance.now());
  while (performance.now() - last < 1000 && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
  observer.disconnect();
  return {
    longest: Math.max(0, ...tasks),
    blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  };
}

const waitFor = async (test: () => boolean) => {
  const until = performance.now() + 120_000;
  while (!test()) {
    if (performance.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const linkCount = (root: ParentNode) =>
  root.querySelectorAll('.annotationLayer .linkAnnotation').length;

/**
 * The one-page file with 32,768 links (issue #18): open it and zoom in three times, in the
 * briefcase's viewer page (IndexedDB → pdf.js, capped annotation layer) and, as the baseline, in
 * pdf.js's PDFViewer set up the same way with its annotation layer as it comes.
 */
async function manyLinks(count: number) {
  await reset();
  const bytes = manyLinksPdf(count);
  await importPdf(
    { fileName: 'many-links.pdf', bytes: bytes.slice(), source: { kind: 'file' } },
    { db, pdfjs, pdfParams: PDF_PARAMS, askPassword: async () => null },
  );
  const id = (await db.documents.toArray())[0]!.id;

  view.hidden = true;
  app.hidden = false;
  const oursOpen = await longTasks(async () => {
    render(<ViewerPage id={id} />, app);
    await waitFor(() => linkCount(app) > 0);
  });
  const oursLinks = linkCount(app);
  const zoomIn = () =>
    app.querySelector<HTMLButtonElement>(
      'button[aria-label="Phóng to"], button[aria-label="Zoom in"]',
    )!;
  const oursZoom = await longTasks(async () => {
    for (let i = 0; i < 3; i++) {
      zoomIn().click();
      await new Promise((r) => setTimeout(r, 300));
    }
  });
  render(null, app);

  app.hidden = true;
  view.hidden = false;
  view.style.width = '900px';
  view.replaceChildren(Object.assign(document.createElement('div'), { className: 'pdfViewer' }));
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const viewer = new PDFViewer({
    container: view,
    viewer: view.firstElementChild as HTMLDivElement,
    eventBus,
    linkService,
    findController: new PDFFindController({ eventBus, linkService }),
    textLayerMode: 1,
    removePageBorders: false,
  });
  linkService.setViewer(viewer);
  const task = pdfjs.getDocument({ ...PDF_PARAMS, data: bytes.slice() });
  const baseOpen = await longTasks(async () => {
    eventBus.on('pagesinit', () => (viewer.currentScaleValue = 'page-width'), { once: true });
    const doc = await task.promise;
    viewer.setDocument(doc);
    linkService.setDocument(doc, null);
    await waitFor(() => linkCount(view) > 0);
  });
  const baseLinks = linkCount(view);
  const baseZoom = await longTasks(async () => {
    for (let i = 0; i < 3; i++) {
      viewer.increaseScale();
      await new Promise((r) => setTimeout(r, 300));
    }
  });
  viewer.setDocument(null as never);
  await task.destroy();
  view.replaceChildren();

  // Export of the annotated copy with one highlight: ours (incremental update) against the
  // previous export (pdf-lib loads the whole file and writes it anew).
  const annotation = {
    id: 'a',
    docId: id,
    kind: 'highlight' as const,
    color: 'yellow',
    draftComment: false,
    target: { pageIndex: 0, rects: [[72, 700, 300, 712]] as [number, number, number, number][] },
    createdAt: 1,
    updatedAt: 1,
  };
  let oursExportMs = 0;
  const oursExport = await longTasks(async () => {
    const t0 = performance.now();
    await annotatedCopy(bytes, [annotation]);
    oursExportMs = performance.now() - t0;
  });
  let baseExportMs = 0;
  const baseExport = await longTasks(async () => {
    const t0 = performance.now();
    const doc = await PdfLibDocument.load(bytes.slice(), { updateMetadata: false });
    const ref = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Highlight', Rect: [72, 700, 300, 712] }),
    );
    doc.getPages()[0]!.node.addAnnot(ref);
    await doc.save({ useObjectStreams: false });
    baseExportMs = performance.now() - t0;
  });
  return {
    oursOpen,
    oursZoom,
    oursLinks,
    baseOpen,
    baseZoom,
    baseLinks,
    oursExport: { ...oursExport, ms: oursExportMs },
    baseExport: { ...baseExport, ms: baseExportMs },
  };
}

Object.assign(window, { bench: { importCorpus, growTo, searchBench, firstPage, manyLinks } });
document.title = 'ready';

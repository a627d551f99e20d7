// In-browser benchmarks, run in Chromium by bench/browser.bench.ts: the extension's real import,
// search index and viewer modules on Chromium's IndexedDB, each against a baseline in the same run.
// pdf.js's viewer components read globalThis.pdfjsLib: load pdf.js (and its worker) first.
import { PDF_PARAMS, pdfjs } from '../../extension/ui/pdfjs-browser';
import 'pdfjs-dist/web/pdf_viewer.css';
import { EventBus, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import { foldText, queryTerms } from '../../shared/text/normalize';
import { openBriefcaseDb } from '../../extension/db/db';
import { importPdf } from '../../extension/import/importer';
import { indexStats, syncIndex } from '../../extension/search/indexer';
import { search } from '../../extension/search/query';
import { openSearchDb } from '../../extension/search/search-db';
import { PdfView } from '../../extension/ui/viewer/pdf-view';
import { loadDocument } from '../../extension/ui/viewer/open-document';

const db = openBriefcaseDb('bench-briefcase');
const index = openSearchDb('bench-search');
const fetchBytes = async (file: string) =>
  new Uint8Array(await (await fetch(`/corpus/${file}`)).arrayBuffer());
const PASSWORDS: Record<string, string> = { 'issue6010_1.pdf': 'abc' };

async function reset() {
  await Promise.all(db.tables.map((t) => t.clear()));
  await Promise.all(index.tables.map((t) => t.clear()));
}

/** Import (extract + store) and index the corpus; baseline: pdf.js getTextContent alone. */
async function importCorpus(files: string[]) {
  await reset();
  const bytes = await Promise.all(files.map(fetchBytes));
  // Baseline first: pdf.js text extraction of every page, nothing else.
  let basePages = 0;
  const b0 = performance.now();
  for (let i = 0; i < files.length; i++) {
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
  }
  const baseMs = performance.now() - b0;

  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    await importPdf(
      { fileName: files[i]!, bytes: bytes[i]!, source: { kind: 'file' } },
      { db, pdfjs, pdfParams: PDF_PARAMS, askPassword: async () => PASSWORDS[files[i]!] ?? null },
    );
  }
  await syncIndex(db, index);
  const ourMs = performance.now() - t0;
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

async function searchBench(queries: string[]) {
  const ours: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await search(index, db, q);
    ours.push(performance.now() - t0);
  }
  // Baseline: a linear scan of the same normalised text, held in memory (its best case).
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
    scanP50: quantile(scan, 0.5),
    scanP95: quantile(scan, 0.95),
    found,
  };
}

const container = document.getElementById('view') as HTMLDivElement;

function freshContainer() {
  container.replaceChildren(
    Object.assign(document.createElement('div'), { className: 'pdfViewer' }),
  );
}

/** Ours: IndexedDB → loadDocument (bytes, text, annotations) → PdfView → first page painted. */
async function firstPageOurs(docId: string): Promise<number> {
  freshContainer();
  const t0 = performance.now();
  const opened = await loadDocument(db, docId);
  const painted = new Promise<void>((resolve) => {
    const view = new PdfView(container, {
      onPageChange: () => undefined,
      onScaleChange: () => undefined,
      onFindCount: () => undefined,
      onPageReady: () => resolve(),
    });
    void pdfjs
      .getDocument({ ...PDF_PARAMS, data: opened!.bytes.slice() })
      .promise.then((doc) => view.open(doc));
  });
  await painted;
  return performance.now() - t0;
}

/** Baseline: pdf.js's own PDFViewer component on the same bytes, already in memory. */
async function firstPageBaseline(bytes: Uint8Array): Promise<number> {
  freshContainer();
  const t0 = performance.now();
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const viewer = new PDFViewer({
    container,
    viewer: container.firstElementChild as HTMLDivElement,
    eventBus,
    linkService,
  });
  linkService.setViewer(viewer);
  const painted = new Promise<void>((resolve) =>
    eventBus.on('pagerendered', () => resolve(), { once: true }),
  );
  const doc = await pdfjs.getDocument({ ...PDF_PARAMS, data: bytes.slice() }).promise;
  viewer.setDocument(doc);
  linkService.setDocument(doc, null);
  await painted;
  return performance.now() - t0;
}

async function firstPage(file: string, rounds: number) {
  const bytes = await fetchBytes(file);
  const doc = (await db.documents.toArray()).find((d) => d.fileName === file);
  if (!doc) throw new Error(`${file} not imported`);
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await firstPageBaseline(bytes));
    ours.push(await firstPageOurs(doc.id));
  }
  return { ours: quantile(ours, 0.5), base: quantile(base, 0.5) };
}

Object.assign(window, { bench: { importCorpus, growTo, searchBench, firstPage } });
document.title = 'ready';

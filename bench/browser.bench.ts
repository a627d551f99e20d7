// Runs the in-browser benchmarks (bench/browser/main.ts) in Debian's Chromium: PDF import over the
// corpus, search over ≥ 10,000 pages, and the first painted page of freeculture.pdf, each with its
// same-run baseline. Serves the bench page, pdf.js's data files and the corpus from loopback.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/fixtures';
import { ms, rows } from './harness';

const root = resolve(import.meta.dirname, '..');
const CORPUS = resolve(root, '../shared/corpus/pdfs');
const QUERIES = [
  'nghi quyet',
  'nghị quyết',
  'dai bieu',
  'đại biểu',
  'hoi dong nhan dan',
  'ngân sách',
  'ngan sach nha nuoc',
  'uy ban',
  'cu tri',
  'kiến nghị',
  'nuoc',
  'nước',
  'copyright',
  'free culture',
  'piracy',
  'property',
  'trace',
  'javascript',
  'thong tu',
  'bo noi vu',
  'chinh phu',
  'nghi dinh',
  'quyet dinh',
  'can bo',
  'cong chuc',
  'to chuc',
  'hanh chinh',
  'xa',
  'tinh',
  'an le',
  'toa an',
  'hop dong',
  'quyen',
  'nghia vu',
  'thuc hien',
  'quy dinh',
  'luat',
  'dieu',
  'khoan',
  'the',
  'law',
  'music',
  'film',
  'internet',
  'culture',
  'lessig',
  'compiler',
  'loop',
  'type',
  'giay moi',
];

/** The pathological file of issue #18: one page, this many link annotations. */
const MANY_LINKS = 32_768;
interface LongTasks {
  longest: number;
  blocking: number;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
};

function serve() {
  const mounts: [string, string][] = [
    ['/corpus/', CORPUS],
    ['/pdfjs/', resolve(root, '.output/chrome-mv3/pdfjs')],
    ['/', resolve(root, 'bench/browser/dist')],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p))!;
    const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise<{ url: string; close: () => void }>((ok) =>
    // BENCH_BROWSER_PORT: a fixed port (default: any free one).
    server.listen(Number(process.env.BENCH_BROWSER_PORT ?? 0), '127.0.0.1', () =>
      ok({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => server.close(),
      }),
    ),
  );
}

export async function benchBrowser() {
  if (!existsSync(resolve(root, '.output/chrome-mv3/pdfjs'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  }
  execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts'], {
    cwd: root,
    stdio: 'ignore',
  });
  const site = await serve();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error(`[bench page] ${e.message}`));
    await page.goto(site.url);
    await page.waitForFunction(() => document.title === 'ready');
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    type Bench = Record<string, (...a: unknown[]) => Promise<never>>;
    const call = <T>(fn: string, ...args: unknown[]) =>
      page.evaluate(
        ([f, a]) =>
          (window as unknown as { bench: Bench }).bench[f as string]!(
            ...(a as unknown[]),
          ) as Promise<T>,
        [fn, args] as const,
      );

    const imp = await call<{ baseMs: number; basePages: number; ourMs: number; textPages: number }>(
      'importCorpus',
      files,
    );
    const ours = (imp.textPages / imp.ourMs) * 1000;
    const base = (imp.basePages / imp.baseMs) * 1000;
    rows.push({
      name: `PDF import: ${files.length} corpus files (extract + normalise + index + store)`,
      figure: `${ours.toFixed(0)} text pages/s (${imp.textPages} pages in ${(imp.ourMs / 1000).toFixed(1)} s)`,
      baseline: `pdf.js getTextContent alone ${base.toFixed(0)} pages/s`,
      ratio: `${(ours / base).toFixed(2)} of baseline`,
      target: '≥ 0.8 of the baseline',
      met: ours / base >= 0.8,
    });

    const grown = await call<{
      pages: number;
      indexMs: number;
      stats: { textChars: number; indexBytes: number };
    }>('growTo', 10_000);
    const s = await call<{
      p50: number;
      p95: number;
      fullP50: number;
      fullP95: number;
      loadMs: number;
      memoryBytes: number;
      scanP50: number;
      scanP95: number;
    }>('searchBench', QUERIES);
    rows.push({
      name: `search: ${QUERIES.length} queries over ${grown.pages} pages`,
      figure:
        `query (every match ranked, grouped) p50 ${ms(s.p50)}, p95 ${ms(s.p95)}; ` +
        `with the first results page (10 documents, titles + snippets) p50 ${ms(s.fullP50)}, p95 ${ms(s.fullP95)}; ` +
        `index ${(grown.stats.indexBytes / grown.stats.textChars).toFixed(2)}× text size, ` +
        `${(s.memoryBytes / 2 ** 20).toFixed(0)} MB in memory, loaded in ${ms(s.loadMs)}`,
      baseline: `linear scan p50 ${ms(s.scanP50)}, p95 ${ms(s.scanP95)}`,
      ratio: `${(s.scanP95 / s.p95).toFixed(1)}× faster (p95), ${(s.scanP50 / s.p50).toFixed(1)}× (p50)`,
      target: 'p95 ≤ 50 ms; ≥ 50× faster than the scan',
      met: s.p95 <= 50 && s.scanP95 / s.p95 >= 50,
    });

    const fp = await call<{ ours: number; base: number; first: number }>(
      'firstPage',
      'freeculture.pdf',
      5,
    );
    rows.push({
      name: 'first page: freeculture.pdf (352 pages) from IndexedDB',
      figure: `${ms(fp.ours)} (median of 5; the page's first open ${ms(fp.first)}), the viewer page`,
      baseline: `pdf.js PDFViewer, same settings, on the bytes in memory ${ms(fp.base)}`,
      ratio: `${(fp.ours / fp.base).toFixed(2)}`,
      target: 'ratio ≤ 1.0; ≤ 1 s',
      met: fp.ours / fp.base <= 1 && fp.ours <= 1000,
    });

    const links = await call<{
      oursOpen: LongTasks;
      oursZoom: LongTasks;
      oursLinks: number;
      baseOpen: LongTasks;
      baseZoom: LongTasks;
      baseLinks: number;
      oursExport: LongTasks & { ms: number };
      baseExport: LongTasks & { ms: number };
    }>('manyLinks', MANY_LINKS);
    const worst = Math.max(links.oursOpen.longest, links.oursZoom.longest);
    rows.push({
      name: `a page with ${MANY_LINKS.toLocaleString('en')} links: open, then zoom in 3 times (Long Tasks API)`,
      figure:
        `longest task: open ${ms(links.oursOpen.longest)}, zoom ${ms(links.oursZoom.longest)}; ` +
        `blocking time open ${ms(links.oursOpen.blocking)}, zoom ${ms(links.oursZoom.blocking)}; ` +
        `${links.oursLinks} link elements (capped), the viewer page`,
      baseline:
        `pdf.js PDFViewer, uncapped annotation layer: longest open ${ms(links.baseOpen.longest)}, ` +
        `zoom ${ms(links.baseZoom.longest)}; blocking open ${ms(links.baseOpen.blocking)}, ` +
        `zoom ${ms(links.baseZoom.blocking)}; ${links.baseLinks} link elements`,
      ratio: `${(Math.max(links.baseOpen.longest, links.baseZoom.longest) / worst).toFixed(1)}× shorter longest task`,
      target: 'every task ≤ 200 ms',
      met: worst <= 200,
    });
    rows.push({
      name: `annotated export of the ${MANY_LINKS.toLocaleString('en')}-link page (one highlight)`,
      figure: `${ms(links.oursExport.ms)}, longest task ${ms(links.oursExport.longest)} (incremental update)`,
      baseline: `pdf-lib load + full rewrite (the previous export) ${ms(links.baseExport.ms)}, longest task ${ms(links.baseExport.longest)}`,
      ratio: `${(links.baseExport.ms / links.oursExport.ms).toFixed(2)}× faster`,
      target: 'faster than the rewrite; every task ≤ 200 ms',
      met: links.oursExport.ms < links.baseExport.ms && links.oursExport.longest <= 200,
    });
  } finally {
    await browser.close();
    site.close();
  }
}

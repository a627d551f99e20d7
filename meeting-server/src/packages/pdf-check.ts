// Checks that an upload is a PDF a reader can open, in a worker thread under a memory and
// wall-clock budget (pdf-check-worker.mjs): every stream decoded under a byte budget, then opened
// with pdf.js and every page loaded. A zip/HTML polyglot with a PDF header and `%%EOF`, a file
// with no pages, or a decompression bomb is refused before storage.
import { Worker } from 'node:worker_threads';

export interface PdfBudget {
  /** Wall-clock time for opening the file and loading every page, ms... */
  timeoutMs: number;
  /** ...plus this much per page once the page count is known. */
  msPerPage: number;
  /** The worker's JavaScript heap (V8 old generation), MiB. */
  heapMb: number;
  /** Largest single decoded buffer (typed arrays live outside the heap), bytes. */
  maxBufferBytes: number;
  /** Largest image pdf.js decodes, in pixels (larger ones are skipped, as the viewer does). */
  maxImagePixels: number;
}

/** Generous for real council documents (a 352-page book, A0 scans), small for a server. */
export const DEFAULT_PDF_BUDGET: Readonly<PdfBudget> = Object.freeze({
  timeoutMs: 20_000,
  msPerPage: 250,
  heapMb: 256,
  maxBufferBytes: 256 * 1024 * 1024,
  maxImagePixels: 100_000_000,
});

export type PdfVerdict =
  /** Opened; `pages` is null for a password-protected file (its structure was read). */
  | { verdict: 'ok'; pages: number | null; password?: boolean }
  | { verdict: 'unreadable'; detail?: string }
  | { verdict: 'noPages' }
  /** Over the memory or time budget. */
  | { verdict: 'budget' };

const workerUrl = new URL('./pdf-check-worker.mjs', import.meta.url);

/**
 * Opens the PDF at `path` in a fresh worker thread and says whether a reader could open it.
 * `operatorLists`: also build every page's drawing operators, as the check did before it decoded
 * the streams itself (8 s for a 352-page book); kept for encrypted files and the benchmark.
 */
export function checkPdf(
  path: string,
  budget: PdfBudget = DEFAULT_PDF_BUDGET,
  opts: { operatorLists?: boolean } = {},
): Promise<PdfVerdict> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl, {
      workerData: {
        path,
        maxBufferBytes: budget.maxBufferBytes,
        maxImagePixels: budget.maxImagePixels,
        operatorLists: opts.operatorLists ?? false,
      },
      resourceLimits: {
        maxOldGenerationSizeMb: budget.heapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, budget.heapMb / 8)),
      },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (v: PdfVerdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(v);
    };
    // pdf.js's own warnings are not the server's log.
    worker.stdout.resume();
    worker.stderr.resume();
    const overTime = () => finish({ verdict: 'budget' });
    let timer = setTimeout(overTime, budget.timeoutMs);
    worker.on('message', (m: PdfVerdict | { opened: number }) => {
      if ('verdict' in m) return finish(m);
      clearTimeout(timer);
      timer = setTimeout(overTime, budget.timeoutMs + m.opened * budget.msPerPage);
    });
    worker.on('error', (err: Error & { code?: string }) =>
      // ERR_WORKER_OUT_OF_MEMORY: the heap limit was reached.
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { verdict: 'budget' }
          : { verdict: 'unreadable', detail: String(err) },
      ),
    );
    worker.on('exit', () => finish({ verdict: 'budget' }));
  });
}

// pdf.js for the extension's pages: the browser build, its worker bundled by WXT/Vite, and the data
// files (character maps, standard fonts, image decoders) shipped under /pdfjs/ by wxt.config.ts.
// Eval is off (MV3 CSP stays strict) and no scripting manager is ever created. Importing this
// module also defines `globalThis.pdfjsLib`, which pdf.js's viewer components read when they load.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export { pdfjs };

/** getDocument parameters every briefcase page uses. */
export const PDF_PARAMS = {
  cMapUrl: '/pdfjs/cmaps/',
  cMapPacked: true,
  standardFontDataUrl: '/pdfjs/standard_fonts/',
  wasmUrl: '/pdfjs/wasm/',
  isEvalSupported: false,
  enableXfa: false,
} as const;

let viewerWorker: InstanceType<typeof pdfjs.PDFWorker> | undefined;

/**
 * The viewer's pdf.js worker, started once per page and kept: opening a document does not wait
 * for a worker to boot (loading pdf.js's worker script took 0.4–1 s on a busy 2-core machine).
 * Imports keep one worker per file, so that a file that hangs can be stopped with its worker.
 */
export function getViewerWorker(): InstanceType<typeof pdfjs.PDFWorker> | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!viewerWorker || viewerWorker.destroyed) viewerWorker = new pdfjs.PDFWorker();
  return viewerWorker;
}

// pdf.js for the extension's pages: the browser build, its worker bundled by WXT/Vite, and the data
// files (character maps, standard fonts, image decoders) shipped under /pdfjs/ by wxt.config.ts.
// Eval is off (MV3 CSP stays strict) and no scripting manager is ever created.
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

// @ts-check
// Runs in a worker thread started by pdf-check.ts (plain JavaScript, so it runs under tsx, Vitest
// and plain Node alike): decodes every stream of one uploaded PDF under a byte budget
// (pdf-streams.mjs: a decompression bomb on any page, font or image stops there), then opens it
// with pdf.js (no eval, no scripting, no XFA) and loads every page, so a polyglot or a broken page
// tree fails here and not in a delegate's browser. Posts one verdict message.
// Building every page's drawing operators (what this did before) decoded the same streams but
// interpreted them too: 8 s for a 352-page book. It is still how an encrypted file is checked,
// whose streams only pdf.js can decrypt.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { OverBudget, decodeAllStreams } from './pdf-streams.mjs';

/** @type {{ path: string; maxBufferBytes: number; maxImagePixels: number; operatorLists: boolean }} */
const { path, maxBufferBytes, maxImagePixels, operatorLists } = workerData;

// pdf.js grows one buffer per decoded stream (doubling it); typed-array memory lies outside the
// heap that resourceLimits bounds, so any single buffer over the budget ends the check here.
let overBudget = false;
for (const name of /** @type {const} */ (['Uint8Array', 'Uint8ClampedArray'])) {
  const Native = globalThis[name];
  const Guarded = class extends Native {
    /** @param {any[]} args */
    constructor(...args) {
      if (typeof args[0] === 'number' && args[0] > maxBufferBytes) {
        // Told at once: pdf.js may catch the error below and carry on with the next page.
        if (!overBudget) parentPort?.postMessage({ verdict: 'budget' });
        overBudget = true;
        throw new RangeError(`pdf-check: a decoded buffer of ${args[0]} bytes is over budget`);
      }
      // @ts-expect-error the native constructor takes any of these forms
      super(...args);
    }

    /** @param {unknown} value */
    static [Symbol.hasInstance](value) {
      return value instanceof Native;
    }
  };
  Object.defineProperty(globalThis, name, { value: Guarded, writable: true, configurable: true });
}

// pdf.js inflates Flate streams with the platform's DecompressionStream when it can, collecting
// every chunk before joining them: a bomb would fill memory before any buffer is allocated.
// The same stream, cut off once its output passes the budget.
const NativeDecompression = globalThis.DecompressionStream;
globalThis.DecompressionStream = class {
  /** @param {CompressionFormat} format */
  constructor(format) {
    const inner = new NativeDecompression(format);
    let total = 0;
    this.writable = inner.writable;
    this.readable = inner.readable.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          total += chunk.byteLength;
          if (total > maxBufferBytes) {
            if (!overBudget) parentPort?.postMessage({ verdict: 'budget' });
            overBudget = true;
            controller.error(new RangeError('pdf-check: decompressed data over budget'));
          } else controller.enqueue(chunk);
        },
      }),
    );
  }
};

/** @param {object} verdict */
const answer = (verdict) => parentPort?.postMessage(verdict);

try {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const bytes = await readFile(path);
  const data = new Uint8Array(bytes);
  /** @type {import('pdfjs-dist').PDFDocumentProxy | null} */
  let doc = null;
  try {
    doc = await getDocument({
      data,
      isEvalSupported: false,
      enableXfa: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      maxImageSize: maxImagePixels,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = /** @type {{ name?: string }} */ (err)?.name;
    // Encrypted with a password: pdf.js read the structure up to the encryption dictionary.
    // Delegates open it with the password, as with any protected file they receive.
    answer(
      overBudget
        ? { verdict: 'budget' }
        : name === 'PasswordException'
          ? { verdict: 'ok', pages: null, password: true }
          : { verdict: 'unreadable', detail: String(err) },
    );
  }
  if (!doc) {
    // answered above
  } else if (doc.numPages < 1) {
    answer({ verdict: 'noPages' });
  } else {
    // The parent gives more time to a longer document.
    parentPort?.postMessage({ opened: doc.numPages });
    // Encrypted files' streams are decoded by pdf.js below, page by page.
    const encrypted = /\/Encrypt[\s/<\d]/.test(bytes.toString('latin1'));
    if (!encrypted && !operatorLists) decodeAllStreams(bytes, maxBufferBytes);
    for (let n = 1; n <= doc.numPages && !overBudget; n++) {
      const page = await doc.getPage(n);
      if (encrypted || operatorLists) {
        await page.getOperatorList({ intent: 'display' });
        page.cleanup();
      }
    }
    answer(overBudget ? { verdict: 'budget' } : { verdict: 'ok', pages: doc.numPages });
  }
} catch (err) {
  answer(
    overBudget || err instanceof OverBudget
      ? { verdict: 'budget' }
      : { verdict: 'unreadable', detail: String(err) },
  );
}
// The parent ends this thread once it has the verdict.

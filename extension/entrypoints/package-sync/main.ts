// The offscreen document of the background package update (opened by the service worker, never
// shown): the briefcase database and pdf.js (eval off, no scripting) handed to
// extension/packages/background-sync.ts.
import { browser } from 'wxt/browser';
import { getDb } from '../../db/db';
import { serveBackgroundSync } from '../../packages/background-sync';
import { PDF_PARAMS, pdfjs } from '../../base/pdfjs-browser';

serveBackgroundSync(browser.runtime, {
  db: getDb(),
  importDeps: { pdfjs, pdfParams: PDF_PARAMS },
});

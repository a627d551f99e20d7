// The viewer in Chromium with the built extension: freeculture.pdf (352 pages) shows its first page
// at once — not after all its pages — with thumbnails drawn only for the pages in view; on a
// decree, a note written in the viewer's notes tab links to a highlight, the link scrolls to the
// highlight and makes it flash, and the annotated PDF is exported from the viewer. The documents
// are put into IndexedDB as an import leaves them (import itself: briefcase-import.spec.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { readPdf } from '../extension/import/pdf-read';
import { nodePdfJs } from '../extension/testing/corpus';
import { expect, extensionId, launchWithExtension, screenshot, test } from './fixtures';
import { select } from './viewer-helpers';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/pdfs');
const BOOK = 'freeculture.pdf';
const DECREE = 'vi_335_2025_ND-CP_print.pdf';
const HIGHLIGHTED = 'Phạm vi điều chỉnh';

/**
 * Puts a PDF into the briefcase as an import leaves it — document record, original bytes and, when
 * given, the page text — written straight into IndexedDB.
 */
async function seedDocument(
  page: Page,
  id: string,
  file: string,
  pageCount: number,
  pages: string[] = [],
) {
  const base64 = readFileSync(resolve(CORPUS, file)).toString('base64');
  await page.evaluate(
    async ({ id, file, pageCount, pages, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('hdnd-briefcase');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction(['documents', 'files', 'pages'], 'readwrite');
      pages.forEach((text, pageIndex) =>
        tx.objectStore('pages').put({ docId: id, pageIndex, text }),
      );
      tx.objectStore('files').put({
        sha256: `sha-${id}`,
        blob: new Blob([bytes], { type: 'application/pdf' }),
        size: bytes.length,
      });
      tx.objectStore('documents').put({
        id,
        sha256: `sha-${id}`,
        title: file.replace(/\.pdf$/, ''),
        fileName: file,
        pageCount,
        size: bytes.length,
        hasText: true,
        encrypted: false,
        tags: [],
        importedAt: Date.now(),
        source: { kind: 'file' },
      });
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { id, file, pageCount, pages, base64 },
  );
}

/** Opens `#/doc/<id>` in the loaded briefcase page; resolves with ms until page 1 is painted. */
async function openAndTimeFirstPaint(page: Page, id: string): Promise<number> {
  return page.evaluate(async (id) => {
    performance.clearMarks('hdnd-viewer-first-page');
    const painted = new Promise<PerformanceEntry>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const mark = list.getEntriesByName('hdnd-viewer-first-page')[0];
        if (mark) {
          observer.disconnect();
          resolve(mark);
        }
      });
      observer.observe({ type: 'mark' });
    });
    const t0 = performance.now();
    location.hash = `#/doc/${id}`;
    return (await painted).startTime - t0;
  }, id);
}

test('a 352-page book opens at once with lazy thumbnails; a note in the viewer links to a highlight that its link flashes; the annotated PDF is exported from the viewer', async () => {
  test.setTimeout(90_000);
  const decree = await readPdf(
    await nodePdfJs(),
    new Uint8Array(readFileSync(resolve(CORPUS, DECREE))),
  );
  const context = await launchWithExtension();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${await extensionId(context)}/briefcase.html`);
    await expect(page.getByText('Chưa có tài liệu nào')).toBeVisible();
    await seedDocument(page, 'book', BOOK, 352);
    await seedDocument(page, 'decree', DECREE, decree.pageCount, decree.pages);

    // freeculture.pdf: the first page is painted at once, not after all 352 pages.
    const ms = await openAndTimeFirstPaint(page, 'book');
    test.info().annotations.push({ type: 'first page', description: `${Math.round(ms)} ms` });
    expect(ms).toBeLessThan(8_000);
    await expect(page.getByTestId('pages-count')).toHaveText('/ 352');
    await expect(page.locator('.page[data-page-number="1"] canvas')).toBeVisible();
    // Every page has its place; only the first pages are drawn.
    await expect(page.locator('.pdfViewer .page')).toHaveCount(352);
    expect(await page.locator('.pdfViewer .page canvas').count()).toBeLessThanOrEqual(3);

    const thumbs = page.getByTestId('thumbnails');
    await expect(thumbs.locator('[data-thumb="1"] canvas')).toBeVisible();
    await expect(thumbs.locator('li')).toHaveCount(352);
    expect(await thumbs.locator('canvas').count()).toBeLessThan(20);
    await page.getByRole('button', { name: 'Đến trang 3', exact: true }).click();
    await expect(page.getByLabel('Số trang', { exact: true })).toHaveValue('3');
    await expect(thumbs.locator('[aria-current="page"]')).toHaveAccessibleName('Đến trang 3');

    // The decree: a highlight, then a note on it in the notes tab.
    await page.evaluate(() => (location.hash = '#/doc/decree'));
    await expect(page.getByTestId('pages-count')).toHaveText(`/ ${decree.pageCount}`);
    await select(page, 1, HIGHLIGHTED);
    await page.getByRole('button', { name: 'Đánh dấu', exact: true }).click();
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);

    await page.getByRole('tab', { name: 'Ghi chú' }).click();
    await page.getByRole('button', { name: 'Ghi chú mới' }).click();
    await page.getByTestId('note-title').fill('Hỏi về phạm vi');
    await page.getByTestId('note-body').fill('Nêu rõ **cấp xã** có thuộc phạm vi không.');
    await page.getByRole('checkbox', { name: new RegExp(HIGHLIGHTED) }).check();
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    const link = page.getByTestId('note').getByRole('link', { name: new RegExp(HIGHLIGHTED) });
    await expect(link).toBeVisible();
    await screenshot(page, 'briefcase-viewer-notes');

    // Its link goes to the highlight (?ann=<id>), which flashes; the viewer is not reopened.
    await page.getByLabel('Số trang', { exact: true }).fill('12');
    await page.getByLabel('Số trang', { exact: true }).press('Enter');
    await link.click();
    await expect(page).toHaveURL(/[?&]ann=/);
    await expect(page.locator('.hdnd-highlight.is-flash').first()).toBeVisible();
    await expect(page.getByLabel('Số trang', { exact: true })).toHaveValue('1');
    await expect(page.getByTestId('annotation-item').first()).toHaveClass(/is-selected/);

    // The export tab: the annotated copy of the PDF.
    await page.getByRole('tab', { name: 'Xuất tệp' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải bản PDF có ghi chú' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('vi_335_2025_ND-CP_print (có ghi chú).pdf');
  } finally {
    await context.close();
  }
});

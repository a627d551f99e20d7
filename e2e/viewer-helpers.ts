// Viewer helpers for the briefcase end-to-end tests: text selection in the pdf.js text layer.
import { expect, type Page } from '@playwright/test';

/** Selects `text` in the text layer of a page, as a mouse drag over it would. */
export async function select(page: Page, pageNumber: number, text: string) {
  const layer = page.locator(`.page[data-page-number="${pageNumber}"] .textLayer`);
  await expect(layer.getByText(text).first()).toBeAttached({ timeout: 30_000 });
  await page.evaluate(
    ({ n, text }) => {
      const root = document.querySelector(`.page[data-page-number="${n}"] .textLayer`)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`not on page ${n}: ${text}`);
    },
    { n: pageNumber, text },
  );
}

// Reading and marking up a Vietnamese PDF in the briefcase (Chromium, built extension): a highlight
// and a draft comment survive closing and reopening the browser; the viewer route opens at a page
// with the words highlighted, accents optional.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, extensionId, launchWithExtension, screenshot, test } from './fixtures';
import { select } from './viewer-helpers';

const DECREE = resolve(import.meta.dirname, '../../shared/corpus/pdfs/vi_335_2025_ND-CP_print.pdf');
const HIGHLIGHTED = 'Phạm vi điều chỉnh';
const COMMENTED = 'Đối tượng áp dụng';
const COMMENT = 'Đề nghị nêu rõ thời điểm áp dụng đối với cấp xã.';
const NOTE = 'Hỏi Sở Nội vụ về lộ trình';

async function importDecree(context: BrowserContext): Promise<{ page: Page; base: string }> {
  const base = `chrome-extension://${await extensionId(context)}/briefcase.html`;
  const page = await context.newPage();
  await page.goto(base);
  await page.getByTestId('import-files').setInputFiles(DECREE);
  await expect(page.getByTestId('library-row')).toHaveCount(1, { timeout: 60_000 });
  return { page, base };
}

test('a highlight and a draft comment on a Vietnamese decree are still there after the browser restarts', async () => {
  test.setTimeout(120_000);
  const profile = mkdtempSync(join(tmpdir(), 'hdnd-profile-'));
  let context = await launchWithExtension(profile);
  let docUrl: string;
  try {
    const { page } = await importDecree(context);
    await page.getByRole('link', { name: 'vi 335 2025 ND-CP print' }).click();
    await expect(page.getByTestId('pages-count')).toHaveText('/ 19');
    docUrl = page.url();

    await select(page, 1, HIGHLIGHTED);
    await page.getByRole('button', { name: 'Đánh dấu', exact: true }).click();
    await expect(page.getByTestId('annotation-item')).toHaveCount(1);
    await expect(page.locator('.page[data-page-number="1"] .hdnd-highlight').first()).toBeVisible();

    await select(page, 1, COMMENTED);
    await page.getByRole('button', { name: 'Góp ý', exact: true }).click();
    await page.getByLabel('Nội dung').fill(COMMENT);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByTestId('annotation-item').filter({ hasText: COMMENT })).toContainText(
      'Góp ý dự thảo',
    );

    await page.getByRole('button', { name: 'Ghi chú dán' }).click();
    await page.locator('.page[data-page-number="1"]').click({ position: { x: 60, y: 60 } });
    await page.getByLabel('Nội dung').fill(NOTE);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByTestId('annotation-item')).toHaveCount(3);
    await expect(page.getByText('Đã lưu', { exact: true })).toBeVisible();
  } finally {
    await context.close();
  }

  context = await launchWithExtension(profile);
  try {
    const page = await context.newPage();
    await page.goto(docUrl);
    const items = page.getByTestId('annotation-item');
    await expect(items).toHaveCount(3);
    await expect(items.filter({ hasText: NOTE })).toHaveAttribute('data-kind', 'note');
    await expect(page.locator('.page[data-page-number="1"] .hdnd-note-pin')).toBeVisible();
    await expect(items.filter({ hasText: HIGHLIGHTED })).toHaveAttribute('data-kind', 'highlight');
    await expect(items.filter({ hasText: COMMENTED })).toContainText(COMMENT);
    await expect(
      page.locator('.page[data-page-number="1"] .hdnd-highlight.is-comment').first(),
    ).toBeVisible();
    await expect(page.getByTestId('orphaned-annotations')).toHaveCount(0);
    await screenshot(page, 'briefcase-viewer');
  } finally {
    await context.close();
  }
});

test('#/doc/<id>?page=N&q=words opens at page N, finds the words typed without accents (đ as d), and the page is remembered', async () => {
  const context = await launchWithExtension();
  try {
    const { page, base } = await importDecree(context);
    const href = await page
      .getByRole('link', { name: 'vi 335 2025 ND-CP print' })
      .getAttribute('href');
    await page.goto(`${base}${href}?page=5&q=${encodeURIComponent('danh gia xep loai')}`);
    await expect(page.getByLabel('Số trang', { exact: true })).toHaveValue(/^[5-9]|1\d$/);
    await expect(page.getByTestId('find-count')).toContainText(/\d+\/\d+ kết quả/);
    await expect(page.locator('.textLayer .highlight').first()).toBeVisible();

    // The page reached is remembered: back to the library and open the document again.
    const reached = await page.getByLabel('Số trang', { exact: true }).inputValue();
    await page.getByRole('link', { name: '← Thư viện' }).click();
    await page.getByRole('link', { name: 'vi 335 2025 ND-CP print' }).click();
    await expect(page.getByLabel('Số trang', { exact: true })).toHaveValue(reached);
  } finally {
    await context.close();
  }
});

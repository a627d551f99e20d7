// Search, notes and backup in Chromium with the built extension: corpus PDFs imported through the
// briefcase's file input, searched without diacritics (landing on the right page in the viewer),
// then backed up, wiped, restored and compared table by table.
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, extensionId, launchWithExtension, screenshot, test } from './fixtures';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/pdfs');
const FILES = [
  'vi_sotay_bo_noi_vu_2026.pdf',
  'vi_nd47_2020_vgca_signed.pdf',
  'vi_giay_moi_hdnd_tuan_giao_signed.pdf',
];

/**
 * Every store of hdnd-briefcase, read with plain IndexedDB; blobs as SHA-256 and size. A record's
 * revision tag (`rev`) is only checked to be there: a restore is a write, so it gets a fresh one
 * (a tab still holding the old tag can then not overwrite the restored record).
 */
async function dumpBriefcase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('hdnd-briefcase');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of [...db.objectStoreNames]) {
      const rows = await new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => ok(req.result as unknown[]);
        req.onerror = () => fail(req.error);
      });
      out[name] = await Promise.all(
        rows.map(async (row) => {
          const { rev, ...r } = row as Record<string, unknown>;
          if (rev !== undefined) r.rev = typeof rev === 'string' && rev.length > 0;
          if (!(r.blob instanceof Blob)) return r;
          const digest = await crypto.subtle.digest('SHA-256', await r.blob.arrayBuffer());
          const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0'));
          return { ...r, blob: { size: r.blob.size, sha256: hex.join('') } };
        }),
      );
    }
    db.close();
    return out;
  });
}

/** Empties every store of hdnd-briefcase (as if the delegate's browser profile were lost). */
async function wipeBriefcase(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('hdnd-briefcase');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) tx.objectStore(name).clear();
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
}

async function searchFor(page: Page, words: string): Promise<void> {
  const box = page.getByRole('search').getByRole('searchbox');
  await box.fill(words);
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/search\?q=/);
}

test('search without diacritics lands on the right page; backup, wipe and restore give the same briefcase', async () => {
  test.setTimeout(150_000);
  const context = await launchWithExtension();
  try {
    const page = await context.newPage();
    const base = `chrome-extension://${await extensionId(context)}/briefcase.html`;
    await page.goto(base);
    await page.getByTestId('import-files').setInputFiles(FILES.map((f) => resolve(CORPUS, f)));
    await expect(
      page.getByTestId('import-item').and(page.locator('[data-status="imported"]')),
    ).toHaveCount(FILES.length, { timeout: 90_000 });

    // "xay dung nghi quyet" (no accents) → the handbook's page 45, "Xây dựng nghị quyết TW".
    await searchFor(page, 'xay dung nghi quyet');
    // The handbook's group lists page 45 first (the words stand together there as a phrase).
    const handbook = page
      .getByTestId('search-group')
      .filter({ has: page.getByTestId('search-hit').filter({ hasText: /^Trang 45$/ }) });
    await expect(handbook).toHaveCount(1, { timeout: 30_000 });
    await expect(handbook.getByTestId('search-hit').first()).toHaveText('Trang 45');
    await expect(handbook.locator('mark').first()).toHaveText(/^xây dựng nghị quyết$/i);

    // The VGCA decree's "nƣớc" (U+01A3) is found by "nuoc", shown repaired as "nước".
    await searchFor(page, 'co quan nha nuoc');
    await expect(page.getByTestId('search-group').first()).toBeVisible({ timeout: 30_000 });
    const marks = await page.locator('.hdnd-snippet mark').allTextContents();
    expect(marks.some((m) => /nhà nước/i.test(m))).toBe(true);
    expect(marks.join(' ')).not.toMatch(/[\u01a2\u01a3]/);
    await screenshot(page, 'briefcase-search');

    // Back to the handbook hit: the viewer opens at page 45.
    await searchFor(page, 'xay dung nghi quyet');
    await page
      .getByTestId('search-group')
      .getByTestId('search-hit')
      .filter({ hasText: 'Trang 45' })
      .first()
      .click();
    await expect(page).toHaveURL(/#\/doc\/.+page=45/);
    await expect(page.getByLabel('Số trang')).toHaveValue('45', { timeout: 30_000 });

    // A session note, so the backup holds user writing too.
    await page.goto(`${base}#/notes`);
    await page.getByRole('button', { name: 'Ghi chú mới' }).click();
    await page.getByTestId('note-title').fill('Chuẩn bị kỳ họp thứ 13');
    await page.getByTestId('note-body').fill('- Hỏi về **giải ngân** vốn đầu tư công');
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect(page.getByTestId('note').locator('strong')).toHaveText('giải ngân');

    // Back up, wipe, restore, compare every store.
    const before = await dumpBriefcase(page);
    expect(before.documents).toHaveLength(FILES.length);
    await page.goto(`${base}#/backup`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('backup-create').click(),
    ]);
    const backupPath = await download.path();
    await expect(page.getByTestId('backup-message')).toContainText('3 tài liệu');

    await wipeBriefcase(page);
    await page.goto(`${base}#/`);
    await page.reload();
    await expect(page.getByTestId('library-row')).toHaveCount(0);

    await page.goto(`${base}#/backup`);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('backup-restore-input').setInputFiles(backupPath);
    await expect(page.getByTestId('backup-message')).toContainText('Đã khôi phục', {
      timeout: 30_000,
    });
    expect(await dumpBriefcase(page)).toEqual(before);

    // The search index is rebuilt from the restored briefcase.
    await searchFor(page, 'giai ngan von');
    await expect(page.getByTestId('search-hit').first()).toHaveText('Ghi chú', { timeout: 30_000 });
  } finally {
    await context.close();
  }
});

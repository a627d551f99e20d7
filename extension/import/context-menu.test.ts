// The "Lưu vào cặp tài liệu" context menu: what a click opens.
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handleMenuClick,
  importPageUrl,
  looksLikePdfUrl,
  MENU_ACTION,
  MENU_LINK,
  MENU_PAGE,
} from './context-menu';

async function openedAfter(click: () => Promise<void>): Promise<string | undefined> {
  fakeBrowser.reset();
  await click();
  const tabs = await fakeBrowser.tabs.query({});
  return tabs.at(-1)?.url;
}

describe('save to the briefcase from the context menu', () => {
  const pdf = 'https://hdnd.dienbien.gov.vn/tai-lieu/du-thao-nghi-quyet.pdf';

  test('a PDF link opens the briefcase import route for that link', async () => {
    const url = await openedAfter(() =>
      handleMenuClick(fakeBrowser, { menuItemId: MENU_LINK, linkUrl: pdf }),
    );
    expect(url).toBe(importPageUrl(fakeBrowser.runtime, pdf, 'url'));
    expect(url).toContain('#/import?url=https%3A%2F%2Fhdnd.dienbien.gov.vn');
  });

  test('the PDF open in the tab is imported as the tab’s document', async () => {
    const url = await openedAfter(() =>
      handleMenuClick(fakeBrowser, { menuItemId: MENU_PAGE, pageUrl: pdf }),
    );
    expect(url).toContain('kind=tab');
  });

  test('the toolbar item on a page that is not a PDF just opens the briefcase', async () => {
    const url = await openedAfter(() =>
      handleMenuClick(
        fakeBrowser,
        { menuItemId: MENU_ACTION },
        { url: 'https://example.vn/tin-tuc' },
      ),
    );
    expect(url).toBe(fakeBrowser.runtime.getURL('/briefcase.html'));
  });

  test('PDF addresses are recognised by their path, not by words elsewhere', () => {
    expect(looksLikePdfUrl(pdf)).toBe(true);
    expect(looksLikePdfUrl('https://a.vn/x.PDF?download=1')).toBe(true);
    expect(looksLikePdfUrl('https://a.vn/pdf/trang-chu')).toBe(false);
    expect(looksLikePdfUrl('chrome://settings')).toBe(false);
  });
});

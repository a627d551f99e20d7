// "Lưu vào cặp tài liệu" (save to the briefcase) in the browser's context menu: on a link to a
// PDF, on a PDF open in the tab, and on the toolbar icon. A click opens the briefcase's import
// route for that address; the briefcase page downloads and imports it. The browser API is passed
// in (background.ts wires the real one), so this is tested with WXT's fake browser.
import type { browser } from 'wxt/browser';

type WxtBrowser = typeof browser;

export const MENU_LINK = 'hdnd-save-link';
export const MENU_PAGE = 'hdnd-save-page';
export const MENU_ACTION = 'hdnd-save-tab';
export const MENU_TITLE = 'Lưu vào cặp tài liệu / Save to the briefcase';

type MenuBrowser = Pick<WxtBrowser, 'contextMenus' | 'tabs' | 'runtime'>;
/** What a click needs: open a tab, resolve the extension's page address. */
export interface TabOpener {
  tabs: { create(options: { url: string }): Promise<unknown> };
  runtime: { getURL(path: '/briefcase.html'): string };
}

/** The briefcase page address that imports `url`. */
export function importPageUrl(
  runtime: TabOpener['runtime'],
  url: string,
  kind: 'url' | 'tab',
): string {
  const params = new URLSearchParams({ url, kind });
  return `${runtime.getURL('/briefcase.html')}#/import?${params.toString()}`;
}

/** Whether a page address is (probably) a PDF worth offering to save. */
export function looksLikePdfUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return /^(https?|file):$/.test(u.protocol) && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

export function createMenus(browser: MenuBrowser): void {
  browser.contextMenus.create({
    id: MENU_LINK,
    title: MENU_TITLE,
    contexts: ['link'],
    targetUrlPatterns: ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*'],
  });
  browser.contextMenus.create({
    id: MENU_PAGE,
    title: MENU_TITLE,
    contexts: ['page'],
    documentUrlPatterns: ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', 'file:///*.pdf'],
  });
  browser.contextMenus.create({ id: MENU_ACTION, title: MENU_TITLE, contexts: ['action'] });
}

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  pageUrl?: string;
}

/** Handles a click on one of the menu items: opens the import route in a new tab. */
export async function handleMenuClick(
  browser: TabOpener,
  info: MenuClick,
  tab?: { url?: string },
): Promise<void> {
  let target: { url: string; kind: 'url' | 'tab' } | undefined;
  if (info.menuItemId === MENU_LINK && info.linkUrl) target = { url: info.linkUrl, kind: 'url' };
  if (info.menuItemId === MENU_PAGE && info.pageUrl) target = { url: info.pageUrl, kind: 'tab' };
  if (info.menuItemId === MENU_ACTION) {
    const url = tab?.url;
    target = looksLikePdfUrl(url) ? { url, kind: 'tab' } : undefined;
    if (!target) {
      await browser.tabs.create({ url: browser.runtime.getURL('/briefcase.html') });
      return;
    }
  }
  if (target)
    await browser.tabs.create({ url: importPageUrl(browser.runtime, target.url, target.kind) });
}

/** Wires the menu into a background script. */
export function registerSaveToBriefcase(browser: MenuBrowser): void {
  browser.runtime.onInstalled.addListener(() => createMenus(browser));
  browser.contextMenus.onClicked.addListener(
    (info, tab) => void handleMenuClick(browser, info, tab),
  );
}

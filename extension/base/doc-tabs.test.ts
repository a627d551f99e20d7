// "Mở" in the side panel: a document already open in a tab is brought to the front, not opened in
// a second tab; one not open gets a new tab (WXT's fake browser: runtime messages and tabs).
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerShowDocument, showDocument } from './doc-tabs';

const briefcaseTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('briefcase.html'));

describe('showDocument', () => {
  beforeEach(() => fakeBrowser.reset());

  test('no briefcase page is open: a new tab at the document', async () => {
    expect(await showDocument(fakeBrowser, 'v2', '#/doc/v2')).toBe(false);
    expect((await briefcaseTabs()).map((t) => t.url)).toEqual([
      fakeBrowser.runtime.getURL('/briefcase.html') + '#/doc/v2',
    ]);
  });

  test('the tab showing the document comes to the front; no second tab', async () => {
    const fronted: string[] = [];
    fakeBrowser.runtime.onMessage.addListener(
      answerShowDocument(
        () => 'v1',
        () => undefined,
      ),
    );
    fakeBrowser.runtime.onMessage.addListener(
      answerShowDocument(
        () => 'v2',
        () => void fronted.push('v2'),
      ),
    );
    expect(await showDocument(fakeBrowser, 'v2', '#/doc/v2')).toBe(true);
    expect(fronted).toEqual(['v2']);
    expect(await briefcaseTabs()).toEqual([]);
    // Another document (or an old version of it) still opens in its own tab.
    expect(await showDocument(fakeBrowser, 'v3', '#/doc/v3')).toBe(false);
    expect(await briefcaseTabs()).toHaveLength(1);
  });
});

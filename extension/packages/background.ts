// Background wiring of session packages: the periodic update check (browser.alarms), a retry a
// minute after a failed check or while offline, a check when the browser comes back online, the
// offscreen document's "done" (./background-sync.ts), and opening the package page when a package
// link's button asks.
import type { browser as wxtBrowser } from 'wxt/browser';
import { getDb, type BriefcaseDb } from '../db/db';
import { parsePackageLink } from '../../shared/packages';
import { backgroundUpdate, finishBackgroundSync } from './background-sync';
import { ALARM, CHECK_MINUTES, RETRY_ALARM, browserOnline } from './badge';
import { SUBSCRIBE_MESSAGE, SyncDoneMessage, subscribePageUrl } from './messages';

export interface PackagesBackgroundDeps {
  db: () => BriefcaseDb;
  fetch?: typeof fetch;
  online?: () => boolean;
}

export function registerPackages(
  browser: typeof wxtBrowser,
  deps: PackagesBackgroundDeps = { db: getDb },
): void {
  void browser.alarms.create(ALARM, { periodInMinutes: CHECK_MINUTES, delayInMinutes: 1 });
  // (The promise is returned for tests; the browser ignores it.)
  const update = () =>
    backgroundUpdate(
      browser,
      deps.db(),
      deps.fetch ?? fetch,
      (deps.online ?? browserOnline)(),
    ).catch(() => false);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === RETRY_ALARM) return update();
  });
  // Service workers get 'online' too while they are awake; asleep, the retry alarm covers it.
  globalThis.addEventListener?.('online', () => void update());
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const done = SyncDoneMessage.safeParse(message);
    if (done.success) {
      void finishBackgroundSync(browser, deps.db(), done.data);
      sendResponse?.({ ok: true });
      return;
    }
    const m = message as { type?: string; url?: string };
    if (m?.type !== SUBSCRIBE_MESSAGE || typeof m.url !== 'string' || !parsePackageLink(m.url))
      return;
    void browser.tabs.create({
      url: subscribePageUrl((p) => browser.runtime.getURL(p), m.url),
    });
  });
}

// Background wiring of session packages: the periodic update check (browser.alarms), a retry a
// minute after a failed check, and opening the package page when a package link's button asks.
import type { browser as wxtBrowser } from 'wxt/browser';
import { getDb } from '../db/db';
import { parsePackageLink } from '../../shared/packages';
import { ALARM, CHECK_MINUTES, RETRY_ALARM, checkAll } from './badge';
import { SUBSCRIBE_MESSAGE, subscribePageUrl } from './messages';

export function registerPackages(browser: typeof wxtBrowser): void {
  void browser.alarms.create(ALARM, { periodInMinutes: CHECK_MINUTES, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM || alarm.name === RETRY_ALARM) void checkAll(browser, getDb());
  });
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; url?: string };
    if (m?.type !== SUBSCRIBE_MESSAGE || typeof m.url !== 'string' || !parsePackageLink(m.url))
      return;
    void browser.tabs.create({
      url: subscribePageUrl((p) => browser.runtime.getURL(p), m.url),
    });
  });
}

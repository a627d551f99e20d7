// The package page's wiring: the page's database and pdf.js passed to the sync module, plus the
// badge shared with the background (./badge.ts).
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { PDF_PARAMS, pdfjs } from '../base/pdfjs-browser';
import { subscribeLink } from './client';
import {
  listSubscriptions,
  markReportsSeen,
  newSubscription,
  saveSubscription,
  syncNow,
  withSubscription,
  type PackageSubscription,
  type SyncProgress,
} from './sync';
import { updateBadge } from './badge';

const deps = (onProgress?: (p: SyncProgress) => void) => ({
  db: getDb(),
  importDeps: { pdfjs, pdfParams: PDF_PARAMS },
  ...(onProgress ? { onProgress } : {}),
});

/** Subscribes to a pasted link (trading its invitation for a reader token) and downloads it all. */
export async function subscribe(link: string, onProgress: (p: SyncProgress) => void) {
  const db = getDb();
  const address = await subscribeLink(link);
  const fresh = newSubscription(address);
  const sub = await withSubscription(db, fresh, async (stored) => {
    const next =
      stored === fresh
        ? fresh
        : { ...stored, readerToken: address.readerToken ?? stored.readerToken };
    await saveSubscription(db, next);
    return next;
  });
  const result = await syncNow(deps(onProgress), sub);
  await updateBadge(browser, db);
  return result;
}

/** Checks one package and downloads what changed (a failure is stored on the subscription). */
export async function update(sub: PackageSubscription, onProgress: (p: SyncProgress) => void) {
  const result = await syncNow(deps(onProgress), sub);
  await updateBadge(browser, getDb());
  return result;
}

/** The delegate is looking at the page: what the background downloaded counts as seen. */
export async function seen() {
  await markReportsSeen(getDb());
  await updateBadge(browser, getDb());
}

export const subscriptions = () => listSubscriptions(getDb());

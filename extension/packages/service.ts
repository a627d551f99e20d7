// The package page's wiring: the page's database and pdf.js passed to the sync module, plus the
// badge (how many packages have updates waiting) shared with the background.
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { PDF_PARAMS, pdfjs } from '../ui/pdfjs-browser';
import { subscribeLink } from './client';
import {
  listSubscriptions,
  newSubscription,
  saveSubscription,
  subscriptionKey,
  syncNow,
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
  const existing = (await db.settings.get(subscriptionKey(address)))?.value as
    PackageSubscription | undefined;
  const sub = existing
    ? { ...existing, readerToken: address.readerToken ?? existing.readerToken }
    : newSubscription(address);
  await saveSubscription(db, sub);
  const result = await syncNow(deps(onProgress), sub);
  await updateBadge(browser, db);
  return result;
}

/** Checks one package and downloads what changed. */
export async function update(sub: PackageSubscription, onProgress: (p: SyncProgress) => void) {
  try {
    const result = await syncNow(deps(onProgress), sub);
    await updateBadge(browser, getDb());
    return result;
  } catch (err) {
    await saveSubscription(getDb(), {
      ...sub,
      error: err instanceof Error ? err.message : String(err),
    });
    throw err;
  }
}

export const subscriptions = () => listSubscriptions(getDb());

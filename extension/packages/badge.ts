// The toolbar badge: how many subscribed packages have changes waiting to be downloaded, and the
// background check every 30 minutes (and a minute after a failed check, for when the network
// comes back). The check only fetches manifests (304 when unchanged); downloads happen in the
// package page, where pdf.js runs.
import type { BriefcaseDb } from '../db/db';
import { checkForUpdate, listSubscriptions, pendingChanges, saveSubscription } from './sync';

export const ALARM = 'hdnd-packages-check';
export const RETRY_ALARM = 'hdnd-packages-retry';
export const CHECK_MINUTES = 30;

interface BadgeApi {
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  };
}

interface AlarmsApi {
  alarms: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
  };
}

export async function updateBadge(api: BadgeApi, db: BriefcaseDb): Promise<number> {
  const waiting = (await listSubscriptions(db)).filter((s) => pendingChanges(s).length > 0).length;
  await api.action.setBadgeText({ text: waiting ? String(waiting) : '' });
  if (waiting) await api.action.setBadgeBackgroundColor({ color: '#a4161a' });
  return waiting;
}

/** Checks every subscription; returns whether all checks reached their server. */
export async function checkAll(
  api: BadgeApi & AlarmsApi,
  db: BriefcaseDb,
  fetchFn: typeof fetch = fetch,
): Promise<boolean> {
  let allOk = true;
  for (const sub of await listSubscriptions(db)) {
    try {
      await checkForUpdate(db, sub, fetchFn);
    } catch (err) {
      allOk = false;
      await saveSubscription(db, {
        ...sub,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
  await updateBadge(api, db);
  if (!allOk) api.alarms.create(RETRY_ALARM, { delayInMinutes: 1 });
  return allOk;
}

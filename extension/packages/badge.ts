// The toolbar badge and the background manifest check. The badge counts the changes the delegate
// has not seen yet: those downloaded in the background (green), those being downloaded now (blue)
// and those still waiting because a download failed or the network is down (red, "chưa tải về");
// its tooltip lists them. The check runs every 30
// minutes and a minute after a failed check (for when the network comes back); it only fetches
// manifests (304 when unchanged). Downloading is ./background-sync.ts's job.
import type { BriefcaseDb } from '../db/db';
import { t } from '../base/i18n';
import { changeText } from './changes';
import {
  checkForUpdate,
  listSubscriptions,
  pendingChanges,
  recordError,
  withSubscription,
  type PackageSubscription,
} from './sync';

export const ALARM = 'hdnd-packages-check';
export const RETRY_ALARM = 'hdnd-packages-retry';
export const CHECK_MINUTES = 30;
export const RETRY_MINUTES = 1;

export const WAITING_COLOR = '#a4161a';
export const DOWNLOADING_COLOR = '#1d4e89';
export const UPDATED_COLOR = '#1b6e3a';

export interface BadgeApi {
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
}

export interface AlarmsApi {
  alarms: {
    create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
  };
}

export interface BadgeState {
  /** Changes found on the server that could not be downloaded (offline, a failed download). */
  waiting: number;
  /** Changes found on the server and being downloaded now (nothing wrong). */
  downloading: number;
  /** Changes downloaded in the background that the delegate has not seen. */
  updated: number;
  text: string;
  color: string;
  /** Tooltip: what changed, one line each. */
  title: string;
}

/**
 * What the badge shows for these subscriptions (pure). A change found by a check is being
 * downloaded unless the browser is offline or its package's last download failed: only then is it
 * red ("chưa tải về").
 */
export function badgeState(subs: readonly PackageSubscription[], online = true): BadgeState {
  const stuck = (s: PackageSubscription) => !online || !!s.error;
  const waiting = subs.filter(stuck).flatMap(pendingChanges);
  const downloading = subs.filter((s) => !stuck(s)).flatMap(pendingChanges);
  const updated = subs.flatMap((s) => s.reports.filter((r) => r.unseen).flatMap((r) => r.changes));
  const lines = [t('app.title')];
  if (updated.length) lines.push(t('packages.badgeUpdated', { n: updated.length }));
  lines.push(...updated.map((c) => `• ${changeText(c)}`));
  if (downloading.length) lines.push(t('packages.badgeDownloading', { n: downloading.length }));
  lines.push(...downloading.map((c) => `• ${changeText(c)}`));
  if (waiting.length) lines.push(t('packages.pending', { n: waiting.length }));
  lines.push(...waiting.map((c) => `• ${changeText(c)}`));
  const n = waiting.length + downloading.length + updated.length;
  return {
    waiting: waiting.length,
    downloading: downloading.length,
    updated: updated.length,
    text: n ? String(n) : '',
    color: waiting.length ? WAITING_COLOR : downloading.length ? DOWNLOADING_COLOR : UPDATED_COLOR,
    title: lines.join('\n'),
  };
}

export async function updateBadge(
  api: BadgeApi,
  db: BriefcaseDb,
  online: boolean = browserOnline(),
): Promise<BadgeState> {
  const state = badgeState(await listSubscriptions(db), online);
  await api.action.setBadgeText({ text: state.text });
  if (state.text) await api.action.setBadgeBackgroundColor({ color: state.color });
  await api.action.setTitle({ title: state.title });
  return state;
}

/** Whether the browser believes it is online (true where it cannot tell). */
export const browserOnline = () => globalThis.navigator?.onLine !== false;

/**
 * Checks every subscription's manifest, each under its package's lock; returns whether all
 * checks reached their server. Offline, or after a failure, asks for a retry in a minute.
 */
export async function checkAll(
  api: BadgeApi & AlarmsApi,
  db: BriefcaseDb,
  fetchFn: typeof fetch = fetch,
  online: boolean = browserOnline(),
): Promise<boolean> {
  let allOk = online;
  if (online) {
    for (const listed of await listSubscriptions(db)) {
      await withSubscription(db, listed, async (sub) => {
        try {
          await checkForUpdate(db, sub, fetchFn);
        } catch (err) {
          allOk = false;
          await recordError(db, sub.key, err);
        }
      });
    }
  }
  await updateBadge(api, db, online);
  if (!allOk) api.alarms.create(RETRY_ALARM, { delayInMinutes: RETRY_MINUTES });
  return allOk;
}

// Updating session packages in the background, with no page open. The service worker checks the
// manifests (./badge.ts); when a package has a newer one, it opens an offscreen document
// (entrypoints/package-sync, reason WORKERS: pdf.js extracts the text in a Worker, which a service
// worker cannot start) and asks it to run. The offscreen document runs the package page's own sync
// code (./sync.ts `syncPending`: download, SHA-256 check, import, re-anchoring of the delegate's
// annotations) under each package's lock, then tells everyone it is done; the service worker then
// updates the badge, asks for a retry if something failed, and closes the document.
import type { BriefcaseDb } from '../db/db';
import {
  RETRY_ALARM,
  RETRY_MINUTES,
  browserOnline,
  checkAll,
  updateBadge,
  type AlarmsApi,
  type BadgeApi,
} from './badge';
import { SYNC_DONE, SYNC_RUN, SyncRunMessage, type SyncDoneMessage } from './messages';
import { listSubscriptions, syncPending, type SyncDeps } from './sync';

/** The offscreen document's page (extension/entrypoints/package-sync/index.html). */
export const OFFSCREEN_PATH = '/package-sync.html';

export interface OffscreenApi {
  runtime: {
    getURL(path: typeof OFFSCREEN_PATH): string;
    sendMessage(message: unknown): Promise<unknown>;
    getContexts?(filter: {
      contextTypes: 'OFFSCREEN_DOCUMENT'[];
      documentUrls: string[];
    }): Promise<unknown[]>;
  };
  offscreen: {
    createDocument(parameters: {
      url: string;
      reasons: 'WORKERS'[];
      justification: string;
    }): Promise<void>;
    closeDocument(): Promise<void>;
  };
}

export type BackgroundApi = BadgeApi & AlarmsApi & OffscreenApi;

/** A runtime's messaging as both sides use it (sendResponse is absent in WXT's fake browser). */
export interface MessageRuntime {
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: unknown,
        sendResponse?: (response: unknown) => void,
      ) => void,
    ): void;
    removeListener(listener: (message: unknown, sender: unknown) => void): void;
  };
  sendMessage(message: unknown): Promise<unknown>;
}

let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(api: OffscreenApi): Promise<void> {
  const url = api.runtime.getURL(OFFSCREEN_PATH);
  const open = await api.runtime.getContexts?.({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
    documentUrls: [url],
  });
  if (open?.length) return;
  creating ??= api.offscreen
    .createDocument({
      url,
      reasons: ['WORKERS'],
      justification: 'Tải bản mới của bộ tài liệu kỳ họp và đọc chữ của tệp PDF bằng pdf.js.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

/** Opens the offscreen document (unless it is open) and asks it to download what is pending. */
export async function startOffscreenSync(api: OffscreenApi): Promise<void> {
  await ensureOffscreenDocument(api);
  await api.runtime.sendMessage({ type: SYNC_RUN });
}

/**
 * The alarm's work: check every manifest, then download in the offscreen document when a package
 * has a newer manifest waiting (found now, or by an earlier check whose download failed).
 * Returns whether the checks all reached their servers.
 */
export async function backgroundUpdate(
  api: BackgroundApi,
  db: BriefcaseDb,
  fetchFn: typeof fetch = fetch,
  online: boolean = browserOnline(),
): Promise<boolean> {
  const ok = await checkAll(api, db, fetchFn, online);
  if (online && (await listSubscriptions(db)).some((s) => s.pending)) await startOffscreenSync(api);
  return ok;
}

/** The service worker's answer to "done": the badge, a retry for failures, and closing up. */
export async function finishBackgroundSync(
  api: BackgroundApi,
  db: BriefcaseDb,
  done: SyncDoneMessage,
): Promise<void> {
  await updateBadge(api, db);
  if (done.failed.length) api.alarms.create(RETRY_ALARM, { delayInMinutes: RETRY_MINUTES });
  await api.offscreen.closeDocument().catch(() => undefined);
}

/**
 * The offscreen document's side: on each "run", downloads every pending package (a run asked for
 * while one is going makes it go round once more), then sends "done" with what it did. Returns
 * how to stop listening.
 */
export function serveBackgroundSync(runtime: MessageRuntime, deps: SyncDeps): () => void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    const done: SyncDoneMessage = { type: SYNC_DONE, updated: [], failed: [] };
    do {
      again = false;
      try {
        const result = await syncPending(deps);
        done.updated.push(...result.updated);
        done.failed = result.failed;
      } catch (err) {
        done.failed = [
          { key: '', title: '', error: err instanceof Error ? err.message : String(err) },
        ];
      }
    } while (again);
    await runtime.sendMessage(done).catch(() => undefined);
  };
  const listener: Parameters<MessageRuntime['onMessage']['addListener']>[0] = (
    message,
    _sender,
    sendResponse,
  ) => {
    if (!SyncRunMessage.safeParse(message).success) return;
    if (running) again = true;
    else
      running = run().finally(() => {
        running = null;
      });
    sendResponse?.({ accepted: true });
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}

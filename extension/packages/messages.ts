// Runtime messages of session packages: the package-link content script asking the background to
// open the package page, and the background update between the service worker and the offscreen
// document that runs pdf.js (run → done). Checked with zod where they arrive.
import { z } from '../../shared/zod';

export const SUBSCRIBE_MESSAGE = 'hdnd-package-subscribe';

/** The extension page that subscribes to `link` (the package page with ?subscribe=…). */
export const subscribePageUrl = (getURL: (path: '/packages.html') => string, link: string) =>
  `${getURL('/packages.html')}?subscribe=${encodeURIComponent(link)}`;

/** Service worker → offscreen document: download what the last check found. */
export const SYNC_RUN = 'hdnd-package-sync-run';
/** Offscreen document → everyone (service worker, open package pages): the update finished. */
export const SYNC_DONE = 'hdnd-package-sync-done';

export const SyncRunMessage = z.object({ type: z.literal(SYNC_RUN) });

export const SyncDoneMessage = z.object({
  type: z.literal(SYNC_DONE),
  updated: z.array(
    z.object({ key: z.string(), title: z.string(), changes: z.number(), unplaced: z.number() }),
  ),
  failed: z.array(z.object({ key: z.string(), title: z.string(), error: z.string() })),
});
export type SyncDoneMessage = z.infer<typeof SyncDoneMessage>;

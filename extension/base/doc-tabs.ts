// One tab per document: before a page (the side panel's "Mở") opens a briefcase document in a new
// tab, it asks the open briefcase pages whether one of them shows it already; the page that does
// brings its own tab to the front and answers, and no second tab is opened. Asking the pages
// (rather than reading every tab's address) needs no "tabs" permission.
import { z } from '../../shared/zod';

export const SHOW_DOCUMENT = 'hdnd-show-document';

export const ShowDocumentMessage = z.object({ type: z.literal(SHOW_DOCUMENT), docId: z.string() });
export type ShowDocumentMessage = z.infer<typeof ShowDocumentMessage>;

/** The part of the extension API this needs (WXT's `browser`, or its fake in tests). */
export interface DocTabsApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: '/briefcase.html'): string;
  };
  tabs: { create(properties: { url: string }): Promise<unknown> };
}

/**
 * Shows `docId` (at `hash`, `#/doc/<id>…`): the tab already showing it comes to the front, or a
 * new tab opens. Returns whether an open tab took it.
 */
export async function showDocument(api: DocTabsApi, docId: string, hash: string): Promise<boolean> {
  const message: ShowDocumentMessage = { type: SHOW_DOCUMENT, docId };
  // No page listening at all rejects ("Receiving end does not exist"): open a tab then.
  const answer = await api.runtime.sendMessage(message).catch(() => null);
  if ((answer as { shown?: unknown } | null)?.shown === true) return true;
  await api.tabs.create({ url: `${api.runtime.getURL('/briefcase.html')}${hash}` });
  return false;
}

/**
 * The viewer's side: answers for the document it shows and calls `bringToFront` (its own tab and
 * window); stays silent for any other, so another page can answer. Returns the listener.
 */
export function answerShowDocument(
  shownDocId: () => string | null,
  bringToFront: () => Promise<void> | void,
) {
  return (message: unknown, _sender: unknown, sendResponse?: (r: unknown) => void) => {
    const m = ShowDocumentMessage.safeParse(message);
    if (!m.success || m.data.docId !== shownDocId()) return undefined;
    void Promise.resolve(bringToFront()).catch(() => undefined);
    // Chrome takes the answer through sendResponse; WXT's fake browser from the return value.
    const answer = { shown: true };
    sendResponse?.(answer);
    return answer;
  };
}

// The briefcase page's one import queue, wired to the page's database and pdf.js.
import { getDb } from '../../db/db';
import { ImportQueue, type QueueFile } from '../../import/queue';
import { PDF_PARAMS, pdfjs } from '../../base/pdfjs-browser';

export const importQueue = new ImportQueue({ db: getDb(), pdfjs, pdfParams: PDF_PARAMS });

export function queueFilesFrom(list: FileList | File[]): QueueFile[] {
  return Array.from(list, (file) => ({
    name: file.name,
    size: file.size,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  }));
}

/** Asks for access to the PDF's site (one origin), then downloads and imports it. */
export async function importUrl(
  url: string,
  kind: 'url' | 'tab',
  permissions?: { request: (p: { origins: string[] }) => Promise<boolean> },
): Promise<void> {
  try {
    const origin = new URL(url).origin;
    if (permissions && /^https?:/.test(origin))
      await permissions.request({ origins: [`${origin}/*`] });
  } catch {
    // an invalid URL or a refused permission: the download then fails with its own message
  }
  await importQueue.addUrl(url, kind);
}

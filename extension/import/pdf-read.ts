// Reads what the briefcase needs from a PDF with pdf.js: page count, title, whether it is encrypted,
// and each page's text (as the viewer's text layer sees it). pdf.js is passed in — the browser
// build in the extension, the legacy build in Node tests — always with eval and scripting off.
// Asks for a password through a callback, and gives up after a timeout instead of hanging.
import type { getDocument as GetDocument } from 'pdfjs-dist';

export interface PdfJs {
  getDocument: typeof GetDocument;
}

export type PasswordReason = 'need' | 'incorrect';

export interface ReadPdfOptions {
  /** Returns the password, or null when the user gives up. */
  askPassword?: (reason: PasswordReason) => Promise<string | null>;
  /** Called as pages are read: done of total. */
  onPage?: (done: number, total: number) => void;
  timeoutMs?: number;
  /** Extra getDocument parameters (cMapUrl, standardFontDataUrl, wasmUrl…). */
  pdfParams?: Record<string, unknown>;
}

export interface PdfInfo {
  title: string | undefined;
  pageCount: number;
  encrypted: boolean;
  hasText: boolean;
  pages: string[];
}

export type PdfReadErrorCode = 'empty' | 'notPdf' | 'broken' | 'passwordCancelled' | 'timeout';

export class PdfReadError extends Error {
  constructor(
    readonly code: PdfReadErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'PdfReadError';
  }
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Pages whose text is requested ahead of the one being read. */
const PAGES_AHEAD = 4;

/** True when "%PDF-" appears in the first 1024 bytes, as PDF readers require. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/** Joins a page's text items the way the text layer lays them out: "\n" after end-of-line items. */
export function joinTextItems(items: readonly TextItemLike[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

const JUNK_TITLE = /^(untitled|microsoft word - .*|.*\.(docx?|ps|pdf|indd|ai))$/i;

/**
 * A usable title from the PDF's metadata, or undefined (then the file name is used). Metadata
 * titles of real documents are often leftovers: an application's default, a layout file's name
 * ("Logo LVN_chen footer_2021"), a date, or the first heading in capitals ("UỶ BAN NHÂN DÂN").
 */
export function cleanTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title || JUNK_TITLE.test(title) || title.includes('_')) return undefined;
  if (/^[\d\s().,/-]+$/.test(title)) return undefined;
  if (title === title.toLocaleUpperCase('vi') && /\p{L}/u.test(title)) return undefined;
  return title;
}

export async function readPdf(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<PdfInfo> {
  if (bytes.length === 0) throw new PdfReadError('empty');
  if (!looksLikePdf(bytes)) throw new PdfReadError('notPdf');

  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    ...options.pdfParams,
    data: bytes.slice(),
    // No eval; no scripting (pdf.js runs document JavaScript only through a scripting manager,
    // which the briefcase never creates).
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
  });
  let askedPassword = false;
  let cancelled = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    askedPassword = true;
    const why: PasswordReason = reason === 2 ? 'incorrect' : 'need';
    const ask = options.askPassword ?? (async () => null);
    void ask(why).then(
      (password) => {
        if (password === null) {
          cancelled = true;
          void task.destroy();
        } else update(password);
      },
      () => {
        cancelled = true;
        void task.destroy();
      },
    );
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      void task.destroy();
      reject(new PdfReadError('timeout'));
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  });

  const work = async (): Promise<PdfInfo> => {
    const doc = await task.promise;
    const pageCount = doc.numPages;
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const pageText = async (i: number): Promise<string> => {
      try {
        const page = await doc.getPage(i);
        const content = await page.getTextContent({ disableNormalization: true });
        page.cleanup();
        return joinTextItems(content.items as TextItemLike[]);
      } catch {
        return ''; // an unreadable page keeps empty text; the document still imports
      }
    };
    // A few pages are asked for ahead, so pdf.js's worker never waits for this thread's turn.
    const pending = new Map<number, Promise<string>>();
    const pages: string[] = [];
    for (let i = 1; i <= pageCount; i++) {
      if (timedOut) throw new PdfReadError('timeout');
      for (let j = i; j <= Math.min(pageCount, i + PAGES_AHEAD); j++) {
        if (!pending.has(j)) pending.set(j, pageText(j));
      }
      pages.push(await pending.get(i)!);
      pending.delete(i);
      options.onPage?.(i, pageCount);
    }
    const title = cleanTitle(meta?.metadata?.get('dc:title')) ?? cleanTitle(info.Title);
    return {
      title,
      pageCount,
      encrypted: askedPassword || typeof info.EncryptFilterName === 'string',
      hasText: pages.some((p) => p.trim().length > 0),
      pages,
    };
  };

  try {
    return await Promise.race([work(), timeout]);
  } catch (error) {
    if (error instanceof PdfReadError) throw error;
    if (cancelled) throw new PdfReadError('passwordCancelled');
    if (timedOut) throw new PdfReadError('timeout');
    throw new PdfReadError('broken', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
    void task.destroy();
  }
}

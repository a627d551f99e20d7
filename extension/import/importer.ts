// Imports one PDF into the briefcase: hash the original bytes (SHA-256), read it with pdf.js,
// then store document + original file + page text in ONE transaction, so a failed or refused file
// leaves the library exactly as it was. The same content imported twice is kept once.
import type { BriefcaseDb, BriefcaseDocument, DocumentSource } from '../db/db';
import { isQuotaError } from '../db/records';
import { bilingual, type Bilingual } from '../base/i18n';
import { PdfReadError, readPdf, type PdfJs, type PasswordReason } from './pdf-read';

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  source: DocumentSource;
  sessionId?: string;
  agendaItemId?: string;
}

export type ImportStage = 'reading' | 'parsing' | 'password' | 'saving';

export interface ImportProgress {
  stage: ImportStage;
  /** 0..1 for the whole file. */
  fraction: number;
  pagesDone?: number;
  pagesTotal?: number;
}

export interface ImportDeps {
  db: BriefcaseDb;
  pdfjs: PdfJs;
  pdfParams?: Record<string, unknown>;
  askPassword?: (reason: PasswordReason) => Promise<string | null>;
  onProgress?: (progress: ImportProgress) => void;
  timeoutMs?: number;
  now?: () => number;
  newId?: () => string;
}

export type ImportErrorCode =
  | 'empty'
  | 'notPdf'
  | 'broken'
  | 'passwordCancelled'
  | 'timeout'
  | 'storage'
  | 'quota'
  | 'download'
  | 'unknown';

export type ImportOutcome =
  | { status: 'imported'; doc: BriefcaseDocument }
  | { status: 'duplicate'; doc: BriefcaseDocument }
  | { status: 'failed'; code: ImportErrorCode; message: Bilingual; detail?: string };

const ERROR_KEYS = {
  empty: 'import.error.empty',
  notPdf: 'import.error.notPdf',
  broken: 'import.error.broken',
  passwordCancelled: 'import.error.passwordCancelled',
  timeout: 'import.error.timeout',
  storage: 'import.error.storage',
  quota: 'import.error.quota',
  download: 'import.error.download',
  unknown: 'import.error.unknown',
} as const;

export function failure(code: ImportErrorCode, detail?: string): ImportOutcome {
  return {
    status: 'failed',
    code,
    message: bilingual(ERROR_KEYS[code], { detail: detail ?? code }),
    ...(detail ? { detail } : {}),
  };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file name without folders and without ".pdf", for a document with no usable title. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (
    base
      .replace(/\.pdf$/i, '')
      .replace(/[_]+/g, ' ')
      .trim() || base
  );
}

export async function importPdf(input: ImportInput, deps: ImportDeps): Promise<ImportOutcome> {
  const { db } = deps;
  const progress = (p: ImportProgress) => deps.onProgress?.(p);
  progress({ stage: 'reading', fraction: 0 });
  try {
    const sha256 = await sha256Hex(input.bytes);
    const existing = await db.documents.where('sha256').equals(sha256).first();
    if (existing) return { status: 'duplicate', doc: existing };

    const info = await readPdf(deps.pdfjs, input.bytes, {
      timeoutMs: deps.timeoutMs,
      pdfParams: deps.pdfParams,
      askPassword: async (reason) => {
        progress({ stage: 'password', fraction: 0.05 });
        return deps.askPassword ? deps.askPassword(reason) : null;
      },
      onPage: (done, total) =>
        progress({
          stage: 'parsing',
          fraction: 0.05 + 0.85 * (done / total),
          pagesDone: done,
          pagesTotal: total,
        }),
    });

    progress({ stage: 'saving', fraction: 0.95 });
    const doc: BriefcaseDocument = {
      id: deps.newId?.() ?? crypto.randomUUID(),
      sha256,
      title: info.title ?? titleFromFileName(input.fileName),
      fileName: input.fileName,
      pageCount: info.pageCount,
      size: input.bytes.length,
      hasText: info.hasText,
      encrypted: info.encrypted,
      tags: [],
      importedAt: deps.now?.() ?? Date.now(),
      source: input.source,
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
      ...(input.agendaItemId ? { agendaItemId: input.agendaItemId } : {}),
    };
    try {
      await db.transaction('rw', [db.documents, db.files, db.pages], async () => {
        if (!(await db.files.get(sha256))) {
          await db.files.put({
            sha256,
            blob: new Blob([input.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
            size: input.bytes.length,
          });
        }
        await db.documents.add(doc);
        await db.pages.bulkPut(
          info.pages.map((text, pageIndex) => ({ docId: doc.id, pageIndex, text })),
        );
      });
    } catch (error) {
      // The transaction rolled back: nothing of this file is stored, nothing else was touched.
      const detail = error instanceof Error ? error.message : String(error);
      return failure(isQuotaError(error) ? 'quota' : 'storage', detail);
    }
    progress({ stage: 'saving', fraction: 1 });
    return { status: 'imported', doc };
  } catch (error) {
    if (error instanceof PdfReadError) return failure(error.code, error.message);
    return failure('unknown', error instanceof Error ? error.message : String(error));
  }
}

/** Downloads a PDF from a URL (a link, or the PDF open in a tab) and imports it. */
export async function importFromUrl(
  url: string,
  kind: 'url' | 'tab',
  deps: ImportDeps & { fetch?: typeof fetch },
): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    const response = await (deps.fetch ?? fetch)(url, { credentials: 'include' });
    if (!response.ok) return failure('download', `HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return failure('download', error instanceof Error ? error.message : String(error));
  }
  return importPdf({ fileName: fileNameFromUrl(url), bytes, source: { kind, url } }, deps);
}

export function fileNameFromUrl(url: string): string {
  try {
    const path = new URL(url).pathname;
    const last = decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '');
    return last || 'tai-lieu.pdf';
  } catch {
    return 'tai-lieu.pdf';
  }
}

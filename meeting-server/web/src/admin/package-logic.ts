// Pure rules of the staff app's session package page: a document's title from its file name, the
// order of documents (moves, sorted by the agenda), the upload queue's summary, and who has
// downloaded the current version of each document (from the server's download record).
import type { PackageDocument, PackageDownloads } from '../../../../shared/packages';

/**
 * A document's title from its file name: "Du_thao-NQ-ngan-sach.pdf" → "Du thao NQ ngan sach"
 * (underscores, and hyphens in a name without spaces, read as spaces); the officer can rename it.
 */
export function titleFromFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/\.pdf$/i, '');
  const spaced = base.includes(' ') ? base.replace(/_/g, ' ') : base.replace(/[_-]/g, ' ');
  return (spaced.replace(/\s+/g, ' ').trim() || 'Tài liệu').slice(0, 500);
}

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= list.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item!);
  return next;
}

/**
 * Documents in agenda order: those under the first agenda item first, documents under no item
 * last; the present order is kept within each item.
 */
export function sortByAgenda<D extends { agendaItemId: string | null }>(
  docs: readonly D[],
  agenda: readonly { id: string }[],
): D[] {
  const rank = new Map(agenda.map((a, i) => [a.id, i]));
  const of = (d: D) =>
    d.agendaItemId !== null ? (rank.get(d.agendaItemId) ?? agenda.length) : agenda.length;
  return docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => of(a.d) - of(b.d) || a.i - b.i)
    .map((x) => x.d);
}

export type UploadState =
  | { kind: 'waiting' }
  | { kind: 'sending'; fraction: number }
  /** The bytes are sent; the server is checking the PDF. */
  | { kind: 'checking' }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

export interface UploadSummary {
  total: number;
  done: number;
  failed: number;
  /** Waiting, sending or being checked. */
  pending: number;
}

export function summarize(states: readonly UploadState[]): UploadSummary {
  const count = (k: UploadState['kind']) => states.filter((s) => s.kind === k).length;
  const done = count('done');
  const failed = count('failed');
  return { total: states.length, done, failed, pending: states.length - done - failed };
}

/** Whole percent of a sent fraction, never 100 before the server has answered. */
export function percent(fraction: number): number {
  return Math.max(0, Math.min(99, Math.floor(fraction * 100)));
}

type Reader = PackageDownloads['readers'][number];

export interface ReaderStatus {
  /** Documents whose current version this reader has downloaded. */
  current: string[];
  /** Documents of which the reader holds only an older version (the newest one they fetched). */
  outdated: { documentId: string; version: number }[];
  /** Documents the reader has downloaded in no version. */
  missing: string[];
}

/** What one delegate holds of the package's documents. */
export function readerStatus(docs: readonly PackageDocument[], reader: Reader): ReaderStatus {
  const newest = new Map<string, number>();
  for (const d of reader.downloads) {
    newest.set(d.documentId, Math.max(newest.get(d.documentId) ?? 0, d.version));
  }
  const out: ReaderStatus = { current: [], outdated: [], missing: [] };
  for (const doc of docs) {
    const v = newest.get(doc.id);
    if (v === undefined) out.missing.push(doc.id);
    else if (v >= doc.current) out.current.push(doc.id);
    else out.outdated.push({ documentId: doc.id, version: v });
  }
  return out;
}

/** For each document, how many of the (not revoked) readers have its current version. */
export function currentReach(
  docs: readonly PackageDocument[],
  readers: readonly Reader[],
): Map<string, number> {
  const reach = new Map(docs.map((d) => [d.id, 0]));
  for (const r of readers) {
    if (r.revoked) continue;
    for (const id of readerStatus(docs, r).current) reach.set(id, reach.get(id)! + 1);
  }
  return reach;
}

/** Lowercase without Vietnamese diacritics (đ → d), for searching a long list by typing. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// The briefcase database `hdnd-briefcase` (Dexie over IndexedDB): one typed Dexie subclass, a
// lazily created singleton for the pages, and `openBriefcaseDb()` so tests can open it on
// fake-indexeddb. Schema versions only ever increase: add a new entry to SCHEMA_VERSIONS (with an
// `upgrade` for data changes) — never edit a shipped one. db.migrations.test.ts upgrades every
// earlier version to the latest.
import { Dexie, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';

export const DB_NAME = 'hdnd-briefcase';

/** A fresh revision tag for an annotation or note being written (never reused, never counted). */
export const newRev = (): string => crypto.randomUUID();

/** Where a document came from. */
export interface DocumentSource {
  kind: 'file' | 'url' | 'tab' | 'package';
  url?: string;
}

/** A session document in the briefcase (tài liệu). The bytes live in `files`, keyed by sha256. */
export interface BriefcaseDocument {
  id: string;
  sha256: string;
  title: string;
  fileName: string;
  pageCount: number;
  size: number;
  hasText: boolean;
  encrypted: boolean;
  sessionId?: string;
  agendaItemId?: string;
  tags: string[];
  importedAt: number;
  openedAt?: number;
  lastPage?: number;
  source: DocumentSource;
  /** A newer version of this document (a package's next version): the open page says so. */
  replacedBy?: string;
}

/** The ORIGINAL PDF bytes, unchanged (signatures stay valid), deduplicated by SHA-256. */
export interface StoredFile {
  sha256: string;
  blob: Blob;
  size: number;
}

/**
 * Text of one page as pdf.js's text layer sees it: the items' strings joined, "\n" after an item
 * that ends a line (hasEOL), extracted without Unicode normalisation so that text positions match
 * the viewer's text layer. Search must normalise (NFKC/NFC, diacritics) itself.
 */
export interface PageText {
  docId: string;
  pageIndex: number;
  text: string;
}

/** A rectangle [x1, y1, x2, y2] in PDF user-space units of its page. */
export type PdfRect = [number, number, number, number];

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface AnnotationTarget {
  pageIndex: number;
  rects: PdfRect[];
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

export type AnnotationKind = 'highlight' | 'comment' | 'note';

export interface Annotation {
  id: string;
  docId: string;
  kind: AnnotationKind;
  color: string;
  body?: string;
  /** A draft comment (góp ý) on the resolution, to be collected into the delegate's comments. */
  draftComment: boolean;
  target: AnnotationTarget;
  createdAt: number;
  updatedAt: number;
  /** Could not be re-attached to the text; kept and listed, never dropped. */
  orphaned?: boolean;
  /**
   * Where an annotation a new version could not place last had its place: the old version's
   * document and page (packages/reanchor.ts). Shown, with a link, while it is orphaned.
   */
  from?: { docId: string; pageIndex: number };
  /** Revision: a fresh tag on every write, checked by the next (annotations/store.ts). */
  rev?: string;
}

export interface Note {
  id: string;
  docId?: string;
  sessionId?: string;
  title: string;
  body: string;
  annotationIds: string[];
  createdAt: number;
  updatedAt: number;
  /** Revision: a fresh tag on every write, checked by the next (notes/notes.ts updateNote). */
  rev?: string;
}

export interface AgendaItem {
  id: string;
  title: string;
  position: number;
}

/**
 * A council session (kỳ họp) with its agenda (chương trình kỳ họp), to file documents and notes
 * under: added by the delegate, or the meeting (phiên họp) of a subscribed package, keyed by the
 * server's meeting id (`packages/sync.ts` `sessionOfMeeting`).
 */
export interface Session {
  id: string;
  title: string;
  agenda: AgendaItem[];
  packageUrl?: string;
}

export interface Setting {
  key: string;
  value: unknown;
}

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** Every shipped schema, oldest first. Append only. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      documents: 'id, sha256, sessionId, agendaItemId, *tags, title, importedAt, openedAt',
      files: 'sha256',
      pages: '[docId+pageIndex], docId',
      annotations: 'id, docId, updatedAt',
      notes: 'id, docId, sessionId, updatedAt',
      sessions: 'id, title',
      settings: 'key',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Declares the given schema versions on a Dexie instance (also used by the migration test). */
export function declareVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export class BriefcaseDb extends Dexie {
  documents!: EntityTable<BriefcaseDocument, 'id'>;
  files!: EntityTable<StoredFile, 'sha256'>;
  pages!: Table<PageText, [string, number]>;
  annotations!: EntityTable<Annotation, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    declareVersions(this, SCHEMA_VERSIONS);
  }
}

/** Opens a briefcase database; tests pass fake-indexeddb's `indexedDB`/`IDBKeyRange` in options. */
export function openBriefcaseDb(name: string = DB_NAME, options?: DexieOptions): BriefcaseDb {
  return new BriefcaseDb(name, options);
}

let singleton: BriefcaseDb | undefined;

/** The page's one database instance. */
export function getDb(): BriefcaseDb {
  singleton ??= openBriefcaseDb();
  return singleton;
}

/** Asks the browser to keep the briefcase's storage (not evicted under storage pressure). */
export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}

/** Deletes a document with its annotations and page text; the file goes when no document uses it. */
export async function deleteDocument(db: BriefcaseDb, docId: string): Promise<void> {
  await db.transaction('rw', [db.documents, db.files, db.pages, db.annotations], async () => {
    const doc = await db.documents.get(docId);
    if (!doc) return;
    await db.documents.delete(docId);
    await db.pages.where('docId').equals(docId).delete();
    await db.annotations.where('docId').equals(docId).delete();
    const others = await db.documents.where('sha256').equals(doc.sha256).count();
    if (others === 0) await db.files.delete(doc.sha256);
  });
}

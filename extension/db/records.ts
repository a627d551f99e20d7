// Records read back from IndexedDB are checked before the UI trusts them: a row damaged by an old
// bug, a broken restore or a hand edit (a document without a title, tags that are not a list, a
// page whose text is not text) is skipped and reported, so one bad record never breaks the library
// or the viewer. And storage errors are told apart: a full disk (QuotaExceededError) gets its own
// message, since the fix (free space, delete documents) is not the fix for other failures.
import { z } from '../../shared/zod';
import type { BriefcaseDb, BriefcaseDocument, PageText, Session } from './db';

const DocumentRecord = z.looseObject({
  id: z.string().min(1),
  sha256: z.string().min(1),
  title: z.string(),
  fileName: z.string(),
  pageCount: z.number().int().nonnegative(),
  size: z.number().nonnegative(),
  hasText: z.boolean(),
  encrypted: z.boolean(),
  sessionId: z.string().optional(),
  agendaItemId: z.string().optional(),
  tags: z.array(z.string()),
  importedAt: z.number(),
  openedAt: z.number().optional(),
  lastPage: z.number().optional(),
  source: z.looseObject({
    kind: z.enum(['file', 'url', 'tab', 'package']),
    url: z.string().optional(),
  }),
});

const SessionRecord = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  agenda: z.array(z.looseObject({ id: z.string(), title: z.string(), position: z.number() })),
  packageUrl: z.string().optional(),
});

const PageRecord = z.looseObject({
  docId: z.string().min(1),
  pageIndex: z.number().int().nonnegative(),
  text: z.string(),
});

export interface SkippedRecord {
  table: 'documents' | 'sessions' | 'pages';
  /** The record's key as far as it can be read (may be '?'). */
  key: string;
  /** The first field that is wrong, e.g. `tags: expected array`. */
  problem: string;
}

function check<T>(
  schema: z.ZodType,
  table: SkippedRecord['table'],
  row: unknown,
  key: (row: Record<string, unknown>) => unknown,
): { ok: true; value: T } | { ok: false; skipped: SkippedRecord } {
  const result = schema.safeParse(row);
  if (result.success) return { ok: true, value: row as T };
  const issue = result.error.issues[0]!;
  const obj = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
  const k = key(obj);
  return {
    ok: false,
    skipped: {
      table,
      key: typeof k === 'string' || typeof k === 'number' ? String(k) : '?',
      problem: `${issue.path.join('.') || '(record)'}: ${issue.message}`,
    },
  };
}

/** Splits rows into the valid ones (returned as stored) and the skipped ones. */
function partition<T>(
  rows: readonly unknown[],
  schema: z.ZodType,
  table: SkippedRecord['table'],
  key: (row: Record<string, unknown>) => unknown,
): { valid: T[]; skipped: SkippedRecord[] } {
  const valid: T[] = [];
  const skipped: SkippedRecord[] = [];
  for (const row of rows) {
    const r = check<T>(schema, table, row, key);
    if (r.ok) valid.push(r.value);
    else skipped.push(r.skipped);
  }
  return { valid, skipped };
}

export const validDocuments = (rows: readonly unknown[]) =>
  partition<BriefcaseDocument>(rows, DocumentRecord, 'documents', (r) => r.id);
export const validSessions = (rows: readonly unknown[]) =>
  partition<Session>(rows, SessionRecord, 'sessions', (r) => r.id);
export const validPages = (rows: readonly unknown[]) =>
  partition<PageText>(
    rows,
    PageRecord,
    'pages',
    (r) => `${String(r.docId)}#${String(r.pageIndex)}`,
  );

export interface Library {
  docs: BriefcaseDocument[];
  sessions: Session[];
  skipped: SkippedRecord[];
}

/** Everything the library list shows, with damaged records left out and listed. */
export async function loadLibrary(db: BriefcaseDb): Promise<Library> {
  const [docRows, sessionRows] = await db.transaction('r', [db.documents, db.sessions], () =>
    Promise.all([db.documents.toArray(), db.sessions.toArray()]),
  );
  const docs = validDocuments(docRows);
  const sessions = validSessions(sessionRows);
  return {
    docs: docs.valid,
    sessions: sessions.valid,
    skipped: [...docs.skipped, ...sessions.skipped],
  };
}

/** True for a storage quota error, however IndexedDB or Dexie wrapped it. */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const { name, message, inner, cause, failures } = e as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      cause?: unknown;
      failures?: unknown;
    };
    if (typeof name === 'string' && /QuotaExceeded/i.test(name)) return true;
    if (typeof message === 'string' && /quota/i.test(message)) return true;
    return (
      visit(inner) || visit(cause) || (Array.isArray(failures) && failures.some((f) => visit(f)))
    );
  };
  return visit(error);
}

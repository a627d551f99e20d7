// Notes in the briefcase (the `notes` table): per document or per session, in simple formatted
// text, linked to annotations. Small data functions with the database and clock passed in.
import type { Annotation, BriefcaseDb, Note } from '../db/db';

export interface NoteDraft {
  docId?: string;
  sessionId?: string;
  title: string;
  body: string;
  annotationIds: string[];
}

export interface NoteDeps {
  db: BriefcaseDb;
  now?: () => number;
  newId?: () => string;
}

function clean(draft: NoteDraft): NoteDraft {
  return {
    ...(draft.docId ? { docId: draft.docId } : {}),
    ...(draft.sessionId ? { sessionId: draft.sessionId } : {}),
    title: draft.title.trim(),
    body: draft.body,
    annotationIds: draft.docId ? [...new Set(draft.annotationIds)] : [],
  };
}

export async function createNote(deps: NoteDeps, draft: NoteDraft): Promise<Note> {
  const now = (deps.now ?? Date.now)();
  const note: Note = {
    id: (deps.newId ?? (() => crypto.randomUUID()))(),
    ...clean(draft),
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.notes.add(note);
  return note;
}

/** Replaces the note's content; its id and creation time stay. */
export async function updateNote(deps: NoteDeps, id: string, draft: NoteDraft): Promise<Note> {
  return deps.db.transaction('rw', deps.db.notes, async () => {
    const before = await deps.db.notes.get(id);
    if (!before) throw new Error(`note ${id} not found`);
    const note: Note = {
      id,
      ...clean(draft),
      createdAt: before.createdAt,
      updatedAt: Math.max((deps.now ?? Date.now)(), before.updatedAt + 1),
    };
    await deps.db.notes.put(note);
    return note;
  });
}

export async function deleteNote(db: BriefcaseDb, id: string): Promise<void> {
  await db.notes.delete(id);
}

/** Where clicking a linked annotation goes: its document, at its page, marked by id. */
export function annotationHref(a: Pick<Annotation, 'id' | 'docId' | 'target'>): string {
  const params = new URLSearchParams({ page: String(a.target.pageIndex + 1), ann: a.id });
  return `#/doc/${encodeURIComponent(a.docId)}?${params.toString()}`;
}

/** A short label for an annotation in pickers and link lists. */
export function annotationLabel(a: Annotation, max = 80): string {
  const text = (a.target.quote?.exact || a.body || '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

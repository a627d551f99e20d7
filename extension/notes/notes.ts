// Notes in the briefcase (the `notes` table): per document or per session, in simple formatted
// text, linked to annotations. Small data functions with the database and clock passed in. Like
// annotations (annotations/store.ts), an edit is checked against the revision the editor opened:
// a tab left open can change a field nobody changed since, never write over another tab's edit,
// and never bring back a deleted note.
import { docHref } from '../base/router';
import { newRev, type Annotation, type BriefcaseDb, type Note } from '../db/db';

/** The note changed or was deleted elsewhere since the editor opened it; nothing was written. */
export class NoteConflict extends Error {
  constructor(readonly current: Note | undefined) {
    super(current ? 'note changed elsewhere' : 'note deleted elsewhere');
  }
}

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
    rev: newRev(),
  };
  await deps.db.notes.add(note);
  return note;
}

const NOTE_FIELDS = ['docId', 'sessionId', 'title', 'body', 'annotationIds'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Replaces the note's content; its id and creation time stay. `seen`: the note as the editor
 * opened it; when another write came since, every field this edit changes must still hold what
 * the editor saw (else NoteConflict, nothing written).
 */
export async function updateNote(
  deps: NoteDeps,
  id: string,
  draft: NoteDraft,
  seen?: Note,
): Promise<Note> {
  return deps.db.transaction('rw', deps.db.notes, async () => {
    const before = await deps.db.notes.get(id);
    if (!before) throw seen ? new NoteConflict(undefined) : new Error(`note ${id} not found`);
    const next = clean(draft);
    if (seen && before.rev !== seen.rev) {
      const changed = NOTE_FIELDS.filter((f) => !same(seen[f], next[f]));
      if (changed.some((f) => !same(before[f], seen[f]))) throw new NoteConflict(before);
      // Fields this edit did not touch keep what the other write gave them.
      for (const f of NOTE_FIELDS) {
        if (changed.includes(f)) continue;
        if (before[f] === undefined) delete (next as Partial<NoteDraft>)[f];
        else Object.assign(next, { [f]: before[f] });
      }
    }
    const note: Note = {
      id,
      ...next,
      createdAt: before.createdAt,
      updatedAt: Math.max((deps.now ?? Date.now)(), before.updatedAt + 1),
      rev: newRev(),
    };
    await deps.db.notes.put(note);
    return note;
  });
}

/** Deletes a note; with `seen`, only if nobody changed it since (else NoteConflict). */
export async function deleteNote(db: BriefcaseDb, id: string, seen?: Note): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    const before = await db.notes.get(id);
    if (seen && before && before.rev !== seen.rev) throw new NoteConflict(before);
    await db.notes.delete(id);
  });
}

/** Where clicking a linked annotation goes: its document, at its page, marked by id. */
export function annotationHref(a: Pick<Annotation, 'id' | 'docId' | 'target'>): string {
  return docHref(a.docId, { page: a.target.pageIndex + 1, ann: a.id });
}

/** A short label for an annotation in pickers and link lists. */
export function annotationLabel(a: Annotation, max = 80): string {
  const text = (a.target.quote?.exact || a.body || '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

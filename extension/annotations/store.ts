// The one way annotations are written: the database is the only truth. Every write is a change to
// the record as it is NOW in the database, checked in the same Dexie transaction against the
// revision the writer last saw (`rev`, a fresh random tag on every write, so a restore from backup
// or another tab's write can never be mistaken for what the writer saw). A writer that saw an
// older revision may still change a field nobody else changed since (an edit of a comment's text
// in a tab left open on an old version lands on the moved record), but it can never move a
// record back, resurrect a deleted one or drop one that changed since it read it.
import { newRev, type Annotation, type BriefcaseDb } from '../db/db';

/** The fields a page may change in place; where a record lives (docId, target) is separate. */
const CONTENT = ['body', 'color', 'draftComment', 'kind'] as const;
const PLACE = ['docId', 'target', 'orphaned', 'from'] as const;
type Field = (typeof CONTENT)[number] | (typeof PLACE)[number];

export type AnnotationChange =
  | { kind: 'create'; record: Annotation }
  /** `seen`: the record as the writer last read it from the database (with its `rev`). */
  | { kind: 'update'; seen: Annotation; next: Annotation }
  | { kind: 'remove'; seen: Annotation };

export type Refusal = 'exists' | 'gone' | 'moved' | 'changed';

export interface ChangeOutcome {
  /** What the database holds now for each change applied (null: deleted). */
  stored: Map<string, Annotation | null>;
  /** Changes refused, with the record as it is now (null: no longer exists). */
  refused: { id: string; reason: Refusal; current: Annotation | null }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields `next` changes relative to `seen`. */
function changedFields(seen: Annotation, next: Annotation): Field[] {
  return [...CONTENT, ...PLACE].filter((f) => !same(seen[f], next[f]));
}

/**
 * Applies the changes in one transaction; each is applied or refused on its own. An update whose
 * `seen.rev` is the current revision applies as it is; otherwise each field it changes must still
 * hold what the writer saw, and a record that moved to another document is never moved back.
 */
export async function applyAnnotationChanges(
  db: BriefcaseDb,
  changes: readonly AnnotationChange[],
): Promise<ChangeOutcome> {
  const out: ChangeOutcome = { stored: new Map(), refused: [] };
  await db.transaction('rw', db.annotations, async () => {
    for (const c of changes) {
      const id = c.kind === 'create' ? c.record.id : c.seen.id;
      const current = (await db.annotations.get(id)) ?? null;
      const refuse = (reason: Refusal) => out.refused.push({ id, reason, current });
      if (c.kind === 'create') {
        if (current) refuse('exists');
        else {
          const record = { ...c.record, rev: newRev() };
          await db.annotations.add(record);
          out.stored.set(id, record);
        }
        continue;
      }
      if (!current) {
        if (c.kind === 'remove') out.stored.set(id, null);
        else refuse('gone');
        continue;
      }
      const fresh = current.rev === c.seen.rev;
      if (c.kind === 'remove') {
        if (fresh) {
          await db.annotations.delete(id);
          out.stored.set(id, null);
        } else refuse(current.docId !== c.seen.docId ? 'moved' : 'changed');
        continue;
      }
      const fields = changedFields(c.seen, c.next);
      if (!fields.length) {
        // Nothing the writer changed (its copy may be stale): the record stays as it is.
        out.stored.set(id, current);
        continue;
      }
      if (!fresh) {
        const moved = current.docId !== c.seen.docId;
        if (moved && fields.some((f) => (PLACE as readonly string[]).includes(f))) {
          refuse('moved');
          continue;
        }
        if (fields.some((f) => !same(current[f], c.seen[f]))) {
          refuse('changed');
          continue;
        }
      }
      const record: Annotation = { ...current, rev: newRev(), updatedAt: c.next.updatedAt };
      for (const f of fields) {
        if (c.next[f] === undefined) delete record[f];
        else Object.assign(record, { [f]: c.next[f] });
      }
      await db.annotations.put(record);
      out.stored.set(id, record);
    }
  });
  return out;
}

/**
 * Moves annotations onto a new version of their document (packages/sync.ts), each in the same
 * transaction as the read, with a new revision: a page still holding the old revision can no
 * longer move it back.
 */
export async function moveAnnotations(
  db: BriefcaseDb,
  moves: readonly { id: string; patch: Partial<Annotation> }[],
): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    for (const m of moves) {
      await db.annotations
        .where('id')
        .equals(m.id)
        .modify((a) => {
          for (const [key, value] of Object.entries(m.patch)) {
            if (value === undefined) delete (a as unknown as Record<string, unknown>)[key];
            else Object.assign(a, { [key]: value });
          }
          a.rev = newRev();
        });
    }
  });
}

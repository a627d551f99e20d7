// Owns a document's annotations while it is open: add, edit, delete, undo/redo, and debounced
// saving. Like zotero/reader's annotation-manager it talks to the outside only through the
// callbacks it is given (save to the database, tell the UI), so it is tested without a browser.
// The database stays the only truth: every save is a change checked against the revision this
// page last saw (annotations/store.ts), and `sync` takes in what the database holds now (another
// tab's edit, a record moved onto a new version, a restore). A record that left this document is
// read-only here: changes to it are dropped, never written back; the page can still list it
// (`departed`) and say where it went.
import type { Annotation } from '../db/db';
import type { AnnotationChange, ChangeOutcome } from './store';

export type NewAnnotation = Omit<Annotation, 'id' | 'createdAt' | 'updatedAt'>;
export type AnnotationPatch = Partial<
  Pick<Annotation, 'body' | 'color' | 'draftComment' | 'kind' | 'target' | 'orphaned' | 'from'>
>;
/** pending: changes wait for the debounce; saving: being written; saved; error: will retry. */
export type SaveState = 'pending' | 'saving' | 'saved' | 'error';

export interface AnnotationManagerOptions {
  initial: readonly Annotation[];
  /**
   * Applies the changes to the database (annotations/store.ts applyAnnotationChanges); a
   * rejection keeps them pending and retries, a refused change takes the database's record.
   */
  save: (changes: AnnotationChange[]) => Promise<ChangeOutcome>;
  /**
   * Changes the database refused (the record moved, was deleted or changed elsewhere), each with
   * what this page tried to write (null: a deletion), so the page can show what was not saved.
   */
  onRefused?: (refused: Refused[]) => void;
  /** Called with the full, current list after every change. */
  onChange: (annotations: Annotation[]) => void;
  onSaveState?: (state: SaveState) => void;
  now?: () => number;
  newId?: () => string;
  debounceMs?: number;
}

export type Refused = ChangeOutcome['refused'][number] & { tried: Annotation | null };

/** One user action: the states of the annotations it touched, before and after. */
interface Step {
  before: Map<string, Annotation | null>;
  after: Map<string, Annotation | null>;
}

export class AnnotationManager {
  private readonly items = new Map<string, Annotation>();
  /** Each record as this page last read or wrote it in the database (with its revision). */
  private readonly seen = new Map<string, Annotation>();
  /** Records that left this document (deleted or moved elsewhere): never written from here. */
  private readonly vanished = new Set<string>();
  /** The last copy shown here of each record that left (for the page to list, read-only). */
  private readonly gone = new Map<string, Annotation>();
  /** The record the user is editing: kept on screen if it leaves, so the edit is not lost. */
  private held: string | null = null;
  private readonly undoStack: Step[] = [];
  private redoStack: Step[] = [];
  private readonly pendingPut = new Map<string, Annotation>();
  private readonly pendingRemove = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly debounceMs: number;

  constructor(private readonly options: AnnotationManagerOptions) {
    for (const a of options.initial) {
      this.items.set(a.id, a);
      this.seen.set(a.id, a);
    }
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.debounceMs = options.debounceMs ?? 400;
  }

  /** Annotations ordered by page, then by vertical position on the page (top first). */
  list(): Annotation[] {
    return [...this.items.values()].sort(
      (a, b) =>
        a.target.pageIndex - b.target.pageIndex ||
        (b.target.rects[0]?.[3] ?? 0) - (a.target.rects[0]?.[3] ?? 0) ||
        a.createdAt - b.createdAt,
    );
  }

  get(id: string): Annotation | undefined {
    return this.items.get(id);
  }

  /**
   * Records that left this document while the page was open, as this page last showed them
   * (moved onto a new version, or deleted elsewhere: the page reads the database to tell).
   */
  departed(): Annotation[] {
    return [...this.gone.values()];
  }

  /** Marks a record as gone from this document; returns whether it was shown. */
  private leave(id: string): boolean {
    const last = this.items.get(id) ?? this.seen.get(id);
    if (last) this.gone.set(id, last);
    this.seen.delete(id);
    this.vanished.add(id);
    return this.items.delete(id);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  add(input: NewAnnotation): Annotation {
    const at = this.now();
    const annotation: Annotation = { ...input, id: this.newId(), createdAt: at, updatedAt: at };
    this.record(new Map([[annotation.id, annotation]]));
    return annotation;
  }

  update(id: string, patch: AnnotationPatch): Annotation | undefined {
    const current = this.items.get(id);
    if (!current) return undefined;
    const next: Annotation = { ...current, ...patch, updatedAt: this.now() };
    this.record(new Map([[id, next]]));
    return next;
  }

  remove(id: string): void {
    if (!this.items.has(id)) return;
    this.record(new Map([[id, null]]));
  }

  /**
   * A change that is not the user's action (re-anchoring on open): saved, but not undoable.
   */
  adjust(id: string, patch: AnnotationPatch): void {
    const current = this.items.get(id);
    if (!current) return;
    this.apply(new Map([[id, { ...current, ...patch }]]));
  }

  undo(): boolean {
    const step = this.undoStack.pop();
    if (!step) return false;
    this.apply(step.before);
    this.redoStack.push(step);
    return true;
  }

  redo(): boolean {
    const step = this.redoStack.pop();
    if (!step) return false;
    this.apply(step.after);
    this.undoStack.push(step);
    return true;
  }

  /**
   * Keeps `id` (the record whose editor is open) on this page even if it leaves the document, so
   * what is being typed is saved onto the record where it now is (the store lets a change of
   * its text through when nobody else changed the text); null when the editor closes.
   */
  hold(id: string | null): void {
    this.held = id;
  }

  /**
   * What the database holds now for this document (a live query's answer): records this page
   * has no unsaved change to are taken as they are; those no longer there left the document.
   */
  sync(records: readonly Annotation[]): void {
    let changed = false;
    const present = new Set<string>();
    for (const r of records) {
      present.add(r.id);
      if (this.pendingPut.has(r.id) || this.pendingRemove.has(r.id)) continue;
      if (this.seen.get(r.id)?.rev === r.rev && this.items.has(r.id)) continue;
      this.seen.set(r.id, r);
      this.items.set(r.id, r);
      this.vanished.delete(r.id);
      this.gone.delete(r.id);
      changed = true;
    }
    for (const id of [...this.seen.keys()]) {
      if (present.has(id) || this.pendingPut.has(id) || this.pendingRemove.has(id)) continue;
      if (id === this.held) continue;
      changed = this.leave(id) || changed;
    }
    if (changed) this.options.onChange(this.list());
  }

  /** The changes to send for what is pending, each against the revision this page last saw. */
  private changes(put: Annotation[], remove: string[]): AnnotationChange[] {
    const out: AnnotationChange[] = [];
    for (const a of put) {
      if (this.vanished.has(a.id)) continue;
      const seen = this.seen.get(a.id);
      out.push(seen ? { kind: 'update', seen, next: a } : { kind: 'create', record: a });
    }
    for (const id of remove) {
      const seen = this.seen.get(id);
      if (seen && !this.vanished.has(id)) out.push({ kind: 'remove', seen });
    }
    return out;
  }

  /** Takes in what the database answered: stored records, and refused ones as they are now. */
  private settle(outcome: ChangeOutcome, tried: Map<string, Annotation | null>): void {
    let left = false;
    for (const [id, stored] of outcome.stored) {
      const here = this.seen.get(id)?.docId ?? this.items.get(id)?.docId;
      if (stored && here !== undefined && stored.docId !== here) {
        // Written onto the version the record moved to: it is shown there, not here.
        left = this.leave(id) || left;
        continue;
      }
      if (stored) this.seen.set(id, stored);
      else this.seen.delete(id);
      const newer = this.pendingPut.has(id) || this.pendingRemove.has(id);
      if (stored && !newer && this.items.has(id)) this.items.set(id, stored);
    }
    if (left) this.options.onChange(this.list());
    for (const r of outcome.refused) {
      this.pendingPut.delete(r.id);
      this.pendingRemove.delete(r.id);
      const here = this.seen.get(r.id)?.docId ?? this.items.get(r.id)?.docId;
      if (r.current && r.current.docId === here) {
        this.seen.set(r.id, r.current);
        this.items.set(r.id, r.current);
      } else if (r.current) {
        this.leave(r.id);
      } else {
        this.items.delete(r.id);
        this.seen.delete(r.id);
        this.vanished.add(r.id);
      }
    }
    if (outcome.refused.length) {
      this.options.onChange(this.list());
      this.options.onRefused?.(
        outcome.refused.map((r) => ({ ...r, tried: tried.get(r.id) ?? null })),
      );
    }
  }

  /** Saves pending changes now (page closing, tests). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.saving) await this.saving;
    if (!this.pendingPut.size && !this.pendingRemove.size) return;
    const put = [...this.pendingPut.values()];
    const remove = [...this.pendingRemove];
    this.pendingPut.clear();
    this.pendingRemove.clear();
    this.options.onSaveState?.('saving');
    this.saving = this.options.save(this.changes(put, remove)).then(
      (outcome) => {
        const tried = new Map<string, Annotation | null>(put.map((a) => [a.id, a]));
        for (const id of remove) tried.set(id, null);
        this.settle(outcome, tried);
        this.options.onSaveState?.('saved');
      },
      () => {
        // keep what failed unless a newer change superseded it, and try again later
        for (const a of put)
          if (!this.pendingPut.has(a.id) && !this.pendingRemove.has(a.id))
            this.pendingPut.set(a.id, a);
        for (const id of remove) if (!this.pendingPut.has(id)) this.pendingRemove.add(id);
        this.schedule();
        this.options.onSaveState?.('error');
      },
    );
    try {
      await this.saving;
    } finally {
      this.saving = undefined;
    }
  }

  /** Stops the timer; pending changes are dropped unless flush() was awaited first. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private record(after: Map<string, Annotation | null>): void {
    const before = new Map<string, Annotation | null>();
    for (const id of after.keys()) before.set(id, this.items.get(id) ?? null);
    this.undoStack.push({ before, after });
    this.redoStack = [];
    this.apply(after);
  }

  private apply(states: Map<string, Annotation | null>): void {
    for (const [id, state] of states) {
      if (state) {
        this.items.set(id, state);
        this.pendingPut.set(id, state);
        this.pendingRemove.delete(id);
      } else {
        this.items.delete(id);
        this.pendingPut.delete(id);
        this.pendingRemove.add(id);
      }
    }
    this.options.onChange(this.list());
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.options.onSaveState?.('pending');
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }
}

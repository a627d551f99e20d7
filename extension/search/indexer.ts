// Keeps the search index in step with the briefcase: indexes every document whose pages are not
// indexed yet, every new or edited annotation and note, and drops units whose source is gone.
// Runs in the search worker (worker.ts); pure enough to test on fake-indexeddb.
import type { Annotation, BriefcaseDb, Note } from '../db/db';
import { buildPostings } from './postings';
import type { SearchDb, UnitKind, UnitRow } from './search-db';

export interface IndexProgress {
  done: number;
  total: number;
}

export interface SyncResult {
  indexed: number;
  removed: number;
}

export const unitIdOf = {
  doc: (id: string) => `doc:${id}`,
  annotation: (id: string) => `ann:${id}`,
  note: (id: string) => `note:${id}`,
};

/** The text an annotation contributes: its quoted passage and its own words. */
export function annotationText(a: Annotation): string {
  return [a.target.quote?.exact ?? '', a.body ?? ''].filter(Boolean).join('\n');
}

export function noteText(n: Note): string {
  return `${n.title}\n${n.body}`;
}

interface Wanted {
  unitId: string;
  kind: UnitKind;
  docId?: string;
  version: string;
  load: () => Promise<{ page: number; text: string }[]>;
}

async function wantedUnits(source: BriefcaseDb): Promise<Wanted[]> {
  const wanted: Wanted[] = [];
  const docIds = (await source.documents.toCollection().primaryKeys()) as string[];
  for (const docId of docIds) {
    const pageCount = await source.pages.where('docId').equals(docId).count();
    wanted.push({
      unitId: unitIdOf.doc(docId),
      kind: 'doc',
      docId,
      version: `pages:${pageCount}`,
      load: async () =>
        (await source.pages.where('docId').equals(docId).toArray()).map((p) => ({
          page: p.pageIndex,
          text: p.text,
        })),
    });
  }
  for (const a of await source.annotations.toArray()) {
    wanted.push({
      unitId: unitIdOf.annotation(a.id),
      kind: 'annotation',
      docId: a.docId,
      version: String(a.updatedAt),
      load: async () => [{ page: a.target.pageIndex, text: annotationText(a) }],
    });
  }
  for (const n of await source.notes.toArray()) {
    wanted.push({
      unitId: unitIdOf.note(n.id),
      kind: 'note',
      ...(n.docId ? { docId: n.docId } : {}),
      version: String(n.updatedAt),
      load: async () => [{ page: 0, text: noteText(n) }],
    });
  }
  return wanted;
}

async function removeUnit(index: SearchDb, unitId: string): Promise<void> {
  await index.transaction('rw', [index.postings, index.units], async () => {
    await index.postings.where('unitId').equals(unitId).delete();
    await index.units.delete(unitId);
  });
}

/**
 * Brings the index up to date with the briefcase. Documents are indexed one at a time, each in
 * its own transaction, so a closed page loses at most the document being indexed.
 */
export async function syncIndex(
  source: BriefcaseDb,
  index: SearchDb,
  onProgress?: (p: IndexProgress) => void,
): Promise<SyncResult> {
  const wanted = await wantedUnits(source);
  const existing = new Map((await index.units.toArray()).map((u) => [u.unitId, u]));
  const wantedIds = new Set(wanted.map((w) => w.unitId));
  let removed = 0;
  for (const unitId of existing.keys()) {
    if (!wantedIds.has(unitId)) {
      await removeUnit(index, unitId);
      removed++;
    }
  }
  const todo = wanted.filter((w) => existing.get(w.unitId)?.version !== w.version);
  let done = 0;
  onProgress?.({ done, total: todo.length });
  for (const w of todo) {
    const built = buildPostings(await w.load());
    const unit: UnitRow = {
      unitId: w.unitId,
      kind: w.kind,
      ...(w.docId ? { docId: w.docId } : {}),
      version: w.version,
      tokens: built.tokens,
      textChars: built.textChars,
      indexBytes: built.indexBytes,
    };
    await index.transaction('rw', [index.postings, index.units], async () => {
      await index.postings.where('unitId').equals(w.unitId).delete();
      await index.postings.bulkPut(
        [...built.postings].map(([token, p]) => ({ token, unitId: w.unitId, ...p })),
      );
      await index.units.put(unit);
    });
    onProgress?.({ done: ++done, total: todo.length });
  }
  return { indexed: todo.length, removed };
}

/** Text characters indexed and bytes of postings written, over all units. */
export async function indexStats(
  index: SearchDb,
): Promise<{ units: number; textChars: number; indexBytes: number }> {
  const units = await index.units.toArray();
  return {
    units: units.length,
    textChars: units.reduce((n, u) => n + u.textChars, 0),
    indexBytes: units.reduce((n, u) => n + u.indexBytes, 0),
  };
}

// Keeps the search index in step with the briefcase: indexes every document whose pages are not
// indexed yet, every new or edited annotation and note, and drops units whose source is gone.
// Each unit becomes one segment row (segment.ts). Runs in the search worker (worker.ts); pure
// enough to test on fake-indexeddb.
import type { Annotation, BriefcaseDb, Note } from '../db/db';
import type { SearchDb, SegmentRow, UnitKind, UnitRow } from './search-db';
import { buildSegment, storeSegment } from './segment';

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
  // Page counts of every document from one read of the `docId` index (not one count per document).
  const pageCounts = new Map<string, number>();
  for (const key of (await source.pages.orderBy('docId').keys()) as string[]) {
    pageCounts.set(key, (pageCounts.get(key) ?? 0) + 1);
  }
  for (const docId of docIds) {
    const pageCount = pageCounts.get(docId) ?? 0;
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

/** Units built but not yet written: small ones (annotations, notes) go in one transaction. */
const BATCH_BYTES = 1 << 20;
const BATCH_UNITS = 200;

/**
 * Brings the index up to date with the briefcase. A document is written in its own transaction
 * (so a closed page loses at most the document being indexed); small units are written together.
 */
export async function syncIndex(
  source: BriefcaseDb,
  index: SearchDb,
  onProgress?: (p: IndexProgress) => void,
): Promise<SyncResult> {
  const wanted = await wantedUnits(source);
  const existing = new Map(
    (await index.units.toArray()).map((u) => [u.unitId, u.version] as const),
  );
  const wantedIds = new Set(wanted.map((w) => w.unitId));
  const gone = [...existing.keys()].filter((unitId) => !wantedIds.has(unitId));
  if (gone.length) {
    await index.transaction('rw', [index.units, index.segments], async () => {
      await index.units.bulkDelete(gone);
      await index.segments.bulkDelete(gone);
    });
  }
  const todo = wanted.filter((w) => existing.get(w.unitId) !== w.version);
  let done = 0;
  onProgress?.({ done, total: todo.length });
  let units: UnitRow[] = [];
  let segments: SegmentRow[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!units.length) return;
    const [u, s] = [units, segments];
    units = [];
    segments = [];
    bytes = 0;
    await index.transaction('rw', [index.units, index.segments], async () => {
      await index.segments.bulkPut(s);
      await index.units.bulkPut(u);
    });
    for (let i = 0; i < u.length; i++) onProgress?.({ done: ++done, total: todo.length });
  };
  for (const w of todo) {
    const built = buildSegment(await w.load());
    units.push({
      unitId: w.unitId,
      kind: w.kind,
      ...(w.docId ? { docId: w.docId } : {}),
      version: w.version,
      tokens: built.tokens,
      textChars: built.textChars,
      indexBytes: built.indexBytes,
    });
    segments.push({ unitId: w.unitId, ...storeSegment(built.segment) });
    bytes += built.indexBytes;
    if (w.kind === 'doc' || bytes >= BATCH_BYTES || units.length >= BATCH_UNITS) await flush();
  }
  await flush();
  return { indexed: todo.length, removed: gone.length };
}

/** Empties the index (after a restore); the indexer then rebuilds it from the briefcase. */
export async function clearIndex(index: SearchDb): Promise<void> {
  await index.transaction('rw', [index.units, index.segments], async () => {
    await index.units.clear();
    await index.segments.clear();
  });
}

/** Text characters indexed and bytes of segments written, over all units. */
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

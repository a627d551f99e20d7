// Searching, as the results page uses it: the engine ranks every matching page in memory
// (engine.ts); titles and snippets are then fetched from the briefcase only for the groups on
// screen — `loadDetails` for one page of results at a time, in one read transaction.
import type { BriefcaseDb } from '../db/db';
import { engineFor, type SearchResults } from './engine';
import { annotationText, noteText } from './indexer';
import type { SearchDb } from './search-db';
import { makeSnippet } from './snippet';

export { TOP_HITS } from './engine';
export type { SearchGroup, SearchHit, SearchResults } from './engine';

/** Documents (groups) per page of results. */
export const GROUPS_PER_PAGE = 10;

/**
 * Fills in titles and snippets (of the best hits) of the groups `from`…`to` (exclusive). Reads
 * only those documents, pages, annotations and notes.
 */
export async function loadDetails(
  results: SearchResults,
  source: BriefcaseDb,
  from: number,
  to: number,
): Promise<void> {
  const groups = results.groups.slice(from, to);
  if (!groups.length) return;
  const shown = groups.flatMap((g) => g.best.map((hit) => ({ group: g, hit })));
  const pageKeys = shown
    .filter(({ group, hit }) => hit.kind === 'page' && group.docId)
    .map(({ group, hit }) => [group.docId!, hit.pageIndex] as [string, number]);
  const annotationIds = shown.flatMap(({ hit }) => (hit.annotationId ? [hit.annotationId] : []));
  const noteIds = shown.flatMap(({ hit }) => (hit.noteId ? [hit.noteId] : []));
  const docIds = groups.flatMap((g) => (g.docId ? [g.docId] : []));
  const [docs, pages, annotations, notes] = await source.transaction(
    'r',
    [source.documents, source.pages, source.annotations, source.notes],
    () =>
      Promise.all([
        source.documents.bulkGet(docIds),
        source.pages.bulkGet(pageKeys),
        source.annotations.bulkGet(annotationIds),
        source.notes.bulkGet(noteIds),
      ]),
  );
  const titles = new Map(docIds.map((id, i) => [id, docs[i]?.title ?? id]));
  for (const g of groups) g.title = g.docId ? (titles.get(g.docId) ?? g.docId) : '';
  const pageText = new Map(pageKeys.map((k, i) => [`${k[0]}\u0000${k[1]}`, pages[i]?.text]));
  const annText = new Map(annotationIds.map((id, i) => [id, annotations[i]]));
  const noteById = new Map(noteIds.map((id, i) => [id, notes[i]]));
  for (const { group, hit } of shown) {
    let text: string | undefined;
    if (hit.kind === 'page') text = pageText.get(`${group.docId}\u0000${hit.pageIndex}`);
    else if (hit.annotationId) {
      const a = annText.get(hit.annotationId);
      text = a && annotationText(a);
    } else if (hit.noteId) {
      const n = noteById.get(hit.noteId);
      text = n && noteText(n);
    }
    if (text !== undefined) hit.snippet = makeSnippet(text, results.terms);
  }
}

/** Runs a query and fills in the first page of results (titles and snippets). */
export async function search(
  index: SearchDb,
  source: BriefcaseDb,
  query: string,
): Promise<SearchResults> {
  const results = await engineFor(index).search(query);
  await loadDetails(results, source, 0, GROUPS_PER_PAGE);
  return results;
}

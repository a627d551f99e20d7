// Searching the index: folded query words AND-matched per page, ranked with a boost for words
// typed with the same accents as the text and for the words standing together as a phrase;
// results grouped by document with page numbers and snippets.
import { Dexie } from 'dexie';
import { queryTerms } from '../../shared/text/normalize';
import type { BriefcaseDb } from '../db/db';
import { annotationText, noteText } from './indexer';
import { decodeOccurrences } from './postings';
import type { PostingRow, SearchDb } from './search-db';
import { makeSnippet, type QueryTerm, type SnippetPart } from './snippet';

export interface SearchHit {
  kind: 'page' | 'annotation' | 'note';
  /** 0-based page index (0 for notes). */
  pageIndex: number;
  score: number;
  annotationId?: string;
  noteId?: string;
  /** Present for the best hits of each group (see SNIPPETS_PER_GROUP). */
  snippet?: SnippetPart[];
}

export interface SearchGroup {
  /** The document, or undefined for session notes not tied to a document. */
  docId?: string;
  title: string;
  score: number;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  terms: QueryTerm[];
  groups: SearchGroup[];
  hitCount: number;
}

export const SNIPPETS_PER_GROUP = 8;

interface PageMatch {
  /** Per query term (in query order): positions and whether each was accent-exact. */
  perTerm: { pos: number[]; exactCount: number }[];
}

/** Scores one page (or annotation, or note) where every query word occurs. Higher is better. */
export function scoreMatch(match: PageMatch): number {
  let score = 0;
  for (const t of match.perTerm) {
    score += 1 + Math.log(t.pos.length);
    if (t.exactCount > 0) score += 1 + 0.25 * Math.log(t.exactCount);
  }
  const n = match.perTerm.length;
  if (n > 1) {
    const sets = match.perTerm.map((t) => new Set(t.pos));
    let phrases = 0;
    for (const p of match.perTerm[0]!.pos) {
      if (sets.every((s, j) => s.has(p + j))) phrases++;
    }
    if (phrases > 0) score += 4 + Math.log(phrases);
    else {
      for (let j = 0; j + 1 < n; j++) {
        if (match.perTerm[j]!.pos.some((p) => sets[j + 1]!.has(p + 1))) score += 1;
      }
    }
  }
  return score;
}

async function postingsFor(index: SearchDb, token: string): Promise<PostingRow[]> {
  return index.postings
    .where('[token+unitId]')
    .between([token, Dexie.minKey], [token, Dexie.maxKey])
    .toArray();
}

/** Runs a query against the index and fetches titles and snippets from the briefcase. */
export async function search(
  index: SearchDb,
  source: BriefcaseDb,
  query: string,
): Promise<SearchResults> {
  const terms = queryTerms(query);
  const empty: SearchResults = { query, terms, groups: [], hitCount: 0 };
  if (terms.length === 0) return empty;

  const distinct = [...new Set(terms.map((t) => t.folded))];
  const rows = await Promise.all(distinct.map((t) => postingsFor(index, t)));
  const byToken = new Map(distinct.map((t, i) => [t, new Map(rows[i]!.map((r) => [r.unitId, r]))]));
  // AND: units holding every word, starting from the rarest word.
  const sizes = distinct.map((t) => byToken.get(t)!.size).sort((a, b) => a - b);
  if (sizes[0] === 0) return empty;
  const rarest = distinct.find((t) => byToken.get(t)!.size === sizes[0])!;
  const unitIds = [...byToken.get(rarest)!.keys()].filter((u) =>
    distinct.every((t) => byToken.get(t)!.has(u)),
  );

  const hits: (SearchHit & { unitId: string })[] = [];
  for (const unitId of unitIds) {
    // page → per distinct token → occurrences
    const pages = new Map<number, Map<string, { pos: number[]; exactForms: Set<number> }>>();
    const formsOf = new Map<string, string[]>();
    for (const token of distinct) {
      const row = byToken.get(token)!.get(unitId)!;
      formsOf.set(token, row.forms);
      for (const o of decodeOccurrences(row.occ)) {
        let perToken = pages.get(o.page);
        if (!perToken) pages.set(o.page, (perToken = new Map()));
        let entry = perToken.get(token);
        if (!entry) perToken.set(token, (entry = { pos: [], exactForms: new Set() }));
        entry.pos.push(o.pos);
        entry.exactForms.add(o.form);
      }
    }
    for (const [page, perToken] of pages) {
      if (perToken.size < distinct.length) continue;
      const perTerm = terms.map((term) => {
        const entry = perToken.get(term.folded)!;
        const forms = formsOf.get(term.folded)!;
        const exactIdx = forms.indexOf(term.exact);
        return {
          pos: entry.pos,
          exactCount: exactIdx >= 0 && entry.exactForms.has(exactIdx) ? 1 : 0,
        };
      });
      const kind = unitId.startsWith('doc:')
        ? 'page'
        : unitId.startsWith('ann:')
          ? 'annotation'
          : 'note';
      const id = unitId.slice(unitId.indexOf(':') + 1);
      hits.push({
        unitId,
        kind,
        pageIndex: page,
        score: scoreMatch({ perTerm }),
        ...(kind === 'annotation' ? { annotationId: id } : {}),
        ...(kind === 'note' ? { noteId: id } : {}),
      });
    }
  }
  if (hits.length === 0) return empty;

  const units = await index.units.bulkGet([...new Set(hits.map((h) => h.unitId))]);
  const docOfUnit = new Map(units.filter((u) => !!u).map((u) => [u!.unitId, u!.docId]));
  const groups = new Map<string, SearchGroup>();
  for (const { unitId, ...hit } of hits) {
    const docId = docOfUnit.get(unitId);
    const key = docId ?? '';
    let group = groups.get(key);
    if (!group)
      groups.set(key, (group = { ...(docId ? { docId } : {}), title: '', score: 0, hits: [] }));
    group.hits.push(hit);
    group.score = Math.max(group.score, hit.score);
  }
  const sorted = [...groups.values()].sort((a, b) => b.score - a.score);
  for (const g of sorted) {
    g.hits.sort((a, b) => b.score - a.score || a.pageIndex - b.pageIndex);
    g.title = g.docId ? ((await source.documents.get(g.docId))?.title ?? g.docId) : '';
    for (const hit of g.hits.slice(0, SNIPPETS_PER_GROUP)) {
      const text = await hitText(source, g.docId, hit);
      if (text !== undefined) hit.snippet = makeSnippet(text, terms);
    }
  }
  return { query, terms, groups: sorted, hitCount: hits.length };
}

async function hitText(
  source: BriefcaseDb,
  docId: string | undefined,
  hit: SearchHit,
): Promise<string | undefined> {
  if (hit.kind === 'page' && docId) {
    return (await source.pages.get([docId, hit.pageIndex]))?.text;
  }
  if (hit.kind === 'annotation' && hit.annotationId) {
    const a = await source.annotations.get(hit.annotationId);
    return a && annotationText(a);
  }
  if (hit.kind === 'note' && hit.noteId) {
    const n = await source.notes.get(hit.noteId);
    return n && noteText(n);
  }
  return undefined;
}

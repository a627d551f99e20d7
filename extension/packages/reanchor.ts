// Carrying a delegate's annotations from an old version of a document onto the new one (pure): each
// is anchored in the new version's page text by its quote (with prefix, suffix and the old
// position as hints — extension/annotations/anchoring.ts). Those found move with a fresh target;
// those that cannot be placed are kept, marked orphaned and listed. Nothing is ever dropped.
import { anchor, describeRange, scoreMatch } from '../annotations/anchoring';
import type { Annotation, AnnotationTarget, TextQuoteSelector } from '../db/db';

/**
 * The exact occurrence of the quote whose prefix and suffix agree best, over every page (a
 * passage often moves to another page in a new version, and short quotes recur): ties go to the
 * page nearest the old one.
 */
export function bestExactQuote(
  pages: readonly string[],
  quote: TextQuoteSelector,
  oldPage: number,
): { pageIndex: number; start: number; end: number } | null {
  let best: { pageIndex: number; start: number; end: number; score: number } | null = null;
  if (!quote.exact) return null;
  pages.forEach((text, pageIndex) => {
    for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
      const m = { start: at, end: at + quote.exact.length, errors: 0 };
      const score = scoreMatch(text, m, quote) - 0.0001 * Math.abs(pageIndex - oldPage);
      if (!best || score > best.score) best = { pageIndex, start: m.start, end: m.end, score };
    }
  });
  return best;
}

export interface Carried {
  id: string;
  patch: { docId: string; orphaned: boolean; target?: AnnotationTarget; updatedAt: number };
}

export interface CarryResult {
  carried: Carried[];
  /** Annotations that could not be placed in the new version (kept, orphaned). */
  unplaced: { id: string; quote: string; pageIndex: number }[];
}

export function carryAnnotations(
  annotations: readonly Annotation[],
  newDocId: string,
  newPages: readonly string[],
  now: number,
): CarryResult {
  const carried: Carried[] = [];
  const unplaced: CarryResult['unplaced'] = [];
  for (const a of annotations) {
    // The old position means nothing in a new file: anchor by the quote (position only as a hint).
    const quote = a.target.quote;
    const found = !quote?.exact
      ? null
      : (bestExactQuote(newPages, quote, a.target.pageIndex) ??
        anchor(newPages, { ...a.target, position: undefined }));
    if (!found) {
      carried.push({ id: a.id, patch: { docId: newDocId, orphaned: true, updatedAt: now } });
      unplaced.push({
        id: a.id,
        quote: a.target.quote?.exact ?? a.body ?? '',
        pageIndex: a.target.pageIndex,
      });
      continue;
    }
    carried.push({
      id: a.id,
      patch: {
        docId: newDocId,
        orphaned: false,
        updatedAt: now,
        target: {
          pageIndex: found.pageIndex,
          rects: [],
          ...describeRange(newPages[found.pageIndex]!, found.start, found.end),
        },
      },
    });
  }
  return { carried, unplaced };
}

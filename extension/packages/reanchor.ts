// Carrying a delegate's annotations from an old version of a document onto the new one (pure): each
// is anchored in the new version's page text by its quote (with prefix, suffix and the old
// position as hints — extension/annotations/anchoring.ts). Those found move with a fresh target;
// those that cannot be placed are kept, marked orphaned with the version and page where they last
// had a place (`from`), and listed. A sticky note has no words: it goes to the page of the new
// version where its old page's text now begins. Nothing is ever dropped.
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
  patch: {
    docId: string;
    orphaned: boolean;
    target?: AnnotationTarget;
    /** Set when orphaned; undefined (removed) when placed. */
    from: Annotation['from'];
    updatedAt: number;
  };
}

/** How much of an old page's text locates it in the new version (a sticky note's page). */
const PAGE_HEAD = 160;

/**
 * The new version's page where the old page's text now begins (its first words, exactly), or
 * null: a sticky note sits on a point, not on words, so it follows its page.
 */
export function pageOf(
  oldText: string,
  newPages: readonly string[],
  oldPage: number,
): number | null {
  const head = oldText.trim().slice(0, PAGE_HEAD).trim();
  if (head.length < 8) return null;
  return (
    bestExactQuote(newPages, { exact: head, prefix: '', suffix: '' }, oldPage)?.pageIndex ?? null
  );
}

/** An annotation a new version could not place, as the update's report lists it. */
export interface Unplaced {
  id: string;
  kind: Annotation['kind'];
  /** The passage it was on (empty for a sticky note). */
  quote: string;
  body?: string;
  draftComment: boolean;
  /** Its page in the version where it last had a place. */
  pageIndex: number;
}

export interface CarryResult {
  carried: Carried[];
  /** Annotations that could not be placed in the new version (kept, orphaned). */
  unplaced: Unplaced[];
}

/**
 * `oldPages`: the old version's page text, to place sticky notes (omitted: they stay unplaced).
 */
export function carryAnnotations(
  annotations: readonly Annotation[],
  newDocId: string,
  newPages: readonly string[],
  now: number,
  oldPages: readonly string[] = [],
): CarryResult {
  const carried: Carried[] = [];
  const unplaced: CarryResult['unplaced'] = [];
  for (const a of annotations) {
    // The old position means nothing in a new file: anchor by the quote (position only as a hint).
    const quote = a.target.quote;
    if (!quote?.exact && a.kind === 'note' && !a.orphaned) {
      const page = pageOf(oldPages[a.target.pageIndex] ?? '', newPages, a.target.pageIndex);
      if (page !== null) {
        carried.push({
          id: a.id,
          patch: {
            docId: newDocId,
            orphaned: false,
            target: { ...a.target, pageIndex: page },
            from: undefined,
            updatedAt: now,
          },
        });
        continue;
      }
    }
    const found = !quote?.exact
      ? null
      : (bestExactQuote(newPages, quote, a.target.pageIndex) ??
        anchor(newPages, { ...a.target, position: undefined }));
    if (!found) {
      // Where it last had a place: kept through later versions that cannot place it either.
      const from =
        a.orphaned && a.from ? a.from : { docId: a.docId, pageIndex: a.target.pageIndex };
      carried.push({
        id: a.id,
        patch: { docId: newDocId, orphaned: true, from, updatedAt: now },
      });
      unplaced.push({
        id: a.id,
        kind: a.kind,
        quote: a.target.quote?.exact ?? '',
        ...(a.body ? { body: a.body } : {}),
        draftComment: a.draftComment,
        pageIndex: a.orphaned && a.from ? a.from.pageIndex : a.target.pageIndex,
      });
      continue;
    }
    carried.push({
      id: a.id,
      patch: {
        docId: newDocId,
        orphaned: false,
        from: undefined,
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

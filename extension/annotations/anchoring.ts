// Re-attaching an annotation to a document's text (pure functions, no DOM). An annotation keeps
// several selectors: page + text position, and the quoted text with its prefix and suffix. Like
// hypothesis's match-quote.ts we try the cheap exact one first — the stored position still holds
// the quote — then the exact quote (best context and position wins), then a fuzzy quote match with
// a bounded number of edits, scored from 0 to 1 by quote, prefix, suffix and position agreement.
import type { AnnotationTarget, TextPositionSelector, TextQuoteSelector } from '../db/db';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  pageIndex: number;
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1, how well quote, context and position agree (1 for an exact position match). */
  score: number;
}

export const CONTEXT_LENGTH = 32;
/** Fuzzy matches below this score are not trusted: the annotation is orphaned instead. */
export const MIN_FUZZY_SCORE = 0.6;
/** Longer quotes are matched exactly only (fuzzy matching cost grows with quote length). */
export const MAX_FUZZY_QUOTE = 512;

/** The quote and position selectors for text[start, end) of a page. */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength = CONTEXT_LENGTH,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, Math.min(text.length, end + contextLength)),
    },
    position: { start, end },
  };
}

/** Levenshtein distance of two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

export interface Match {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every place where `pattern` occurs in `text` with at most `maxErrors` edits (Sellers' dynamic
 * programming, tracking where each match starts). One match per end position.
 */
export function approximateMatches(text: string, pattern: string, maxErrors: number): Match[] {
  const m = pattern.length;
  if (m === 0) return [];
  let cost = Array.from({ length: m + 1 }, (_, j) => j);
  let from = Array.from({ length: m + 1 }, () => 0);
  const found: Match[] = [];
  for (let i = 1; i <= text.length; i++) {
    const c = text[i - 1];
    const nextCost = [0];
    const nextFrom = [i];
    for (let j = 1; j <= m; j++) {
      const sub = cost[j - 1]! + (pattern[j - 1] === c ? 0 : 1);
      const del = cost[j]! + 1; // text char not in pattern
      const ins = nextCost[j - 1]! + 1; // pattern char missing from text
      if (sub <= del && sub <= ins) {
        nextCost[j] = sub;
        nextFrom[j] = from[j - 1]!;
      } else if (del <= ins) {
        nextCost[j] = del;
        nextFrom[j] = from[j]!;
      } else {
        nextCost[j] = ins;
        nextFrom[j] = nextFrom[j - 1]!;
      }
    }
    cost = nextCost;
    from = nextFrom;
    if (cost[m]! <= maxErrors) found.push({ start: from[m]!, end: i, errors: cost[m]! });
  }
  return found;
}

function exactMatches(text: string, exact: string): Match[] {
  const found: Match[] = [];
  if (!exact) return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

function similarity(expected: string, actual: string): number {
  if (!expected.length) return 1;
  return Math.max(0, 1 - editDistance(expected, actual) / expected.length);
}

/** Score 0..1 of a candidate: quote 50, prefix 20, suffix 20, position 2 (as hypothesis weighs). */
export function scoreMatch(
  text: string,
  match: Match,
  quote: TextQuoteSelector,
  positionHint?: number,
): number {
  const quoteScore = 1 - match.errors / Math.max(1, quote.exact.length);
  const prefixScore = similarity(
    quote.prefix,
    text.slice(Math.max(0, match.start - quote.prefix.length), match.start),
  );
  const suffixScore = similarity(
    quote.suffix,
    text.slice(match.end, match.end + quote.suffix.length),
  );
  const posScore =
    positionHint === undefined
      ? 1
      : 1 - Math.abs(match.start - positionHint) / Math.max(1, text.length);
  return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
}

/** Pages in the order to look: the annotation's own page, then outwards. */
function pageOrder(count: number, first: number): number[] {
  const order: number[] = [];
  if (first >= 0 && first < count) order.push(first);
  for (let d = 1; d < count; d++) {
    if (first - d >= 0) order.push(first - d);
    if (first + d < count) order.push(first + d);
  }
  return order;
}

function best(
  pages: readonly string[],
  target: AnnotationTarget,
  quote: TextQuoteSelector,
  find: (text: string) => Match[],
  method: AnchorMethod,
): Anchor | null {
  let overall: Anchor | null = null;
  for (const pageIndex of pageOrder(pages.length, target.pageIndex)) {
    const text = pages[pageIndex]!;
    const hint = pageIndex === target.pageIndex ? target.position?.start : undefined;
    let top: Anchor | null = null;
    for (const match of find(text)) {
      // Another page than the annotation's own costs a little, more the farther it is.
      const distance = Math.min(10, Math.abs(pageIndex - target.pageIndex));
      const score = scoreMatch(text, match, quote, hint) * (1 - 0.02 * distance);
      if (!top || score > top.score)
        top = { pageIndex, start: match.start, end: match.end, method, score };
    }
    // Exact quotes: the nearest page with a match wins (a passage rarely moves far). Fuzzy
    // matches: the best over all pages, since a weak match nearby proves little.
    if (top && method === 'quote') return top;
    if (top && (!overall || top.score > overall.score)) overall = top;
  }
  return overall;
}

/** Finds where an annotation's target is in the pages' text now, or null (orphaned). */
export function anchor(pages: readonly string[], target: AnnotationTarget): Anchor | null {
  const { quote, position } = target;
  const own = pages[target.pageIndex];
  if (
    position &&
    own !== undefined &&
    position.end <= own.length &&
    position.start <= position.end
  ) {
    if (!quote || own.slice(position.start, position.end) === quote.exact) {
      return { pageIndex: target.pageIndex, ...position, method: 'position', score: 1 };
    }
  }
  if (!quote?.exact) {
    // A point (sticky note) has no text: it stays on its page as long as the page exists.
    if (!position && own !== undefined)
      return { pageIndex: target.pageIndex, start: 0, end: 0, method: 'position', score: 1 };
    return null;
  }

  const exact = best(pages, target, quote, (text) => exactMatches(text, quote.exact), 'quote');
  if (exact) return exact;

  if (quote.exact.length > MAX_FUZZY_QUOTE) return null;
  const maxErrors = Math.floor(quote.exact.length / 4);
  const fuzzy = best(
    pages,
    target,
    quote,
    (text) => approximateMatches(text, quote.exact, maxErrors),
    'fuzzy',
  );
  return fuzzy && fuzzy.score >= MIN_FUZZY_SCORE ? fuzzy : null;
}

export interface Reattachment {
  id: string;
  patch: { orphaned: boolean; target?: AnnotationTarget };
}

/**
 * Re-attaches a document's annotations to its page text on open. Returns only the annotations
 * whose state changes: newly orphaned, no longer orphaned, or moved (new page/position; the rects
 * are then emptied so the viewer recomputes them from the text layer). Nothing is ever dropped.
 */
export function reattach(
  annotations: readonly {
    id: string;
    target: AnnotationTarget;
    orphaned?: boolean;
    from?: unknown;
  }[],
  pages: readonly string[],
): Reattachment[] {
  const changes: Reattachment[] = [];
  for (const a of annotations) {
    if (!a.target.quote?.exact) {
      // A note a new version could not place keeps its old page number, which means nothing
      // here: it stays unplaced until the delegate places it by hand.
      if (a.orphaned && a.from) continue;
      // A sticky note on a point: placed while its page exists, never moved.
      const placed = anchor(pages, a.target) !== null;
      if (placed === !!a.orphaned) changes.push({ id: a.id, patch: { orphaned: !placed } });
      continue;
    }
    const found = anchor(pages, a.target);
    if (!found) {
      if (!a.orphaned) changes.push({ id: a.id, patch: { orphaned: true } });
      continue;
    }
    const moved =
      found.pageIndex !== a.target.pageIndex ||
      found.start !== a.target.position?.start ||
      found.end !== a.target.position?.end;
    if (!moved) {
      if (a.orphaned) changes.push({ id: a.id, patch: { orphaned: false } });
      continue;
    }
    const text = pages[found.pageIndex]!;
    changes.push({
      id: a.id,
      patch: {
        orphaned: false,
        target: {
          pageIndex: found.pageIndex,
          rects: [],
          ...describeRange(text, found.start, found.end),
        },
      },
    });
  }
  return changes;
}

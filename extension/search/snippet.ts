// Snippets for search results: a short window of a page's text around the best match, as parts
// marked or not — rendered as text with <mark> elements by the UI, never as HTML. Pure.
import { normalizeText, tokenize, type Token } from '../../shared/text/normalize';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface QueryTerm {
  exact: string;
  folded: string;
}

/** Where the best match starts: a full phrase if any, else the densest window of query words. */
function bestStart(tokens: Token[], terms: readonly QueryTerm[]): number {
  const wanted = new Set(terms.map((t) => t.folded));
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!wanted.has(tokens[i]!.folded)) continue;
    if (terms.every((t, j) => tokens[i + j]?.folded === t.folded)) {
      const exact = terms.every((t, j) => tokens[i + j]?.exact === t.exact);
      const score = 1000 + (exact ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [i, score];
      continue;
    }
    const seen = new Set<string>();
    for (let j = i; j < Math.min(tokens.length, i + 2 * terms.length + 2); j++) {
      if (wanted.has(tokens[j]!.folded)) seen.add(tokens[j]!.folded);
    }
    if (seen.size > bestScore) [best, bestScore] = [i, seen.size];
  }
  return best;
}

/**
 * A snippet of about `radius` words either side of the best match, whitespace collapsed, with
 * every query word marked (matched on its folded form). Empty when no query word occurs.
 */
export function makeSnippet(text: string, terms: readonly QueryTerm[], radius = 10): SnippetPart[] {
  const normal = normalizeText(text);
  const tokens = tokenize(text);
  const start = bestStart(tokens, terms);
  if (start < 0) return [];
  const wanted = new Set(terms.map((t) => t.folded));
  const from = Math.max(0, start - radius);
  const to = Math.min(tokens.length, start + terms.length + radius);
  const parts: SnippetPart[] = [];
  const push = (s: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += s;
    else if (s) parts.push({ text: s, mark });
  };
  if (from > 0) push('… ', false);
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const mark = wanted.has(t.folded);
    if (i > from) {
      const gap = normal.slice(tokens[i - 1]!.end, t.start).replace(/\s+/g, ' ');
      // A plain space between two marked words belongs to the mark ("<mark>Nghị quyết</mark>").
      push(gap, mark && gap === ' ' && wanted.has(tokens[i - 1]!.folded));
    }
    push(normal.slice(t.start, t.end), mark);
  }
  if (to < tokens.length) push(' …', false);
  return parts;
}

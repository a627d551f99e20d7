// Accent-free find for Vietnamese in the viewer. pdf.js's find controller ignores combining accents
// but not "đ" (a letter of its own) nor the look-alike "ƣ" some PDFs extract for "ư". So the
// viewer also searches for the exact spellings in the document's own text whose folded form
// (shared/text/normalize.ts) equals the query's: "dai bieu" → "đại biểu", "nuoc" → "nƣớc".
import { foldText, normalizeText } from '../../../shared/text/normalize';

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

interface Word {
  folded: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    out.push({ folded: foldText(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The query (normalised) and every different spelling of it in the pages, at most `limit`. */
export function findVariants(pages: readonly string[], query: string, limit = 40): string[] {
  const base = normalizeText(query.trim());
  const wanted = foldText(base).split(/\s+/).filter(Boolean);
  if (!wanted.length) return [];
  const found = new Set<string>([base]);
  for (const text of pages) {
    const ws = words(text);
    for (let i = 0; i + wanted.length <= ws.length; i++) {
      let ok = true;
      for (let k = 0; k < wanted.length && ok; k++) {
        const w = ws[i + k]!.folded;
        // the last query word may be the start of a word (typing "ngan sa" finds "ngân sách")
        ok = k === wanted.length - 1 ? w.startsWith(wanted[k]!) : w === wanted[k];
      }
      if (!ok) continue;
      const last = ws[i + wanted.length - 1]!;
      const exact = text.slice(ws[i]!.start, ws[i]!.start + (last.end - ws[i]!.start));
      found.add(exact.replace(/\s+/g, ' '));
      if (found.size > limit) return [...found];
    }
  }
  return [...found];
}

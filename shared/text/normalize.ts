// Vietnamese text normalisation for search and find: Unicode repair (NFC, ƣ→ư), diacritic folding
// (đ→d), lower-casing and tokenisation. Every token keeps an accent-exact form and a folded form,
// so "nghi quyet" finds "nghị quyết" while an accented query ranks accent-exact matches first.

/**
 * Letters that some PDF fonts map to the wrong code point. The VGCA-signed decrees map the
 * u-horn "ư" (U+01B0) to "ƣ" (U+01A3, LATIN SMALL LETTER OI), so "nước" extracts as "nƣớc".
 */
const LOOKALIKES: Record<string, string> = {
  '\u01a3': '\u01b0', // ƣ → ư
  '\u01a2': '\u01af', // Ƣ → Ư
};
const LOOKALIKE_RE = /[\u01a2\u01a3]/g;

/** Combining diacritical marks (tones, circumflex, breve, horn, dot below) removed by folding. */
const COMBINING_RE = /[\u0300-\u036f]/g;

/** Letters that are not accents yet must match their plain form: đ/Đ (and the look-alike Ð). */
const FOLD_LETTERS_RE = /[\u0111\u0110\u00d0\u00f0]/g;

/** A token: letters (with their combining marks) and digits. */
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * Repairs extracted text: maps look-alike letters (ƣ→ư) and composes decomposed accents (NFC).
 * The mapping runs first so that "ƣ" followed by a combining tone composes into one letter.
 */
export function normalizeText(text: string): string {
  return text.replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c).normalize('NFC');
}

/**
 * Old and new tone placement spell the same syllable two ways: "hòa"/"hoà", "thủy"/"thuỷ",
 * "khỏe"/"khoẻ" (both occur, e.g. "Uỷ ban" and "Ủy ban" in council documents). For accent-exact
 * comparison the tone of an open "oa", "oe", "uy" moves to the second vowel (the new style).
 */
const OLD_TONE_RE = /([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\p{L}\p{M}])/gu;

function canonicalTones(lower: string): string {
  const nfd = lower.normalize('NFD');
  if (!OLD_TONE_RE.test(nfd)) return lower;
  OLD_TONE_RE.lastIndex = 0;
  return nfd
    .replace(OLD_TONE_RE, (m, v1: string, tone: string, v2: string) => {
      const pair = (v1 + v2).toLowerCase();
      return pair === 'oa' || pair === 'oe' || pair === 'uy' ? v1 + v2 + tone : m;
    })
    .normalize('NFC');
}

/** The accent-exact form of a word: repaired, lower-cased, one tone placement ("Nƣớc" → "nước"). */
export function exactForm(word: string): string {
  return canonicalTones(normalizeText(word).toLowerCase());
}

/** The folded form of a word: no diacritics, đ→d, lower-case ("Đại biểu" → "dai bieu"). */
export function foldText(text: string): string {
  return normalizeText(text)
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .replace(FOLD_LETTERS_RE, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** True when the text carries any Vietnamese diacritic or đ (so the user typed accents). */
export function hasDiacritics(text: string): boolean {
  const n = normalizeText(text);
  return foldText(n) !== n.toLowerCase();
}

export interface Token {
  /** Accent-exact, lower-cased form ("nước"). */
  exact: string;
  /** Folded form used as the index key ("nuoc"). */
  folded: string;
  /** Start offset in the normalised text (see {@link normalizeText}). */
  start: number;
  /** End offset (exclusive) in the normalised text. */
  end: number;
}

/**
 * Splits text into word tokens. Offsets refer to `normalizeText(text)`, which callers use
 * when they show the text (snippets, highlights).
 */
export function tokenize(text: string): Token[] {
  const normal = normalizeText(text);
  const tokens: Token[] = [];
  for (const m of normal.matchAll(TOKEN_RE)) {
    const [exact, folded] = wordForms(m[0]);
    tokens.push({ exact, folded, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * Calls `fn` with the accent-exact and folded forms of every word of the text, in order; returns
 * the number of words. What {@link tokenize} finds, without building token objects (indexing).
 */
export function forEachWord(text: string, fn: (exact: string, folded: string) => void): number {
  let n = 0;
  for (const m of normalizeText(text).matchAll(TOKEN_RE)) {
    const forms = wordForms(m[0]);
    fn(forms[0], forms[1]);
    n++;
  }
  return n;
}

/**
 * The exact and folded forms of one word as written (already NFC), memoised: a document repeats
 * a few thousand words many times, and folding (two normalisations and a regex each) dominated
 * indexing. The cache is bounded and simply restarts when full.
 */
const formsCache = new Map<string, readonly [string, string]>();
const FORMS_CACHE_MAX = 50_000;

function wordForms(word: string): readonly [string, string] {
  let forms = formsCache.get(word);
  if (!forms) {
    if (formsCache.size >= FORMS_CACHE_MAX) formsCache.clear();
    const exact = canonicalTones(word.toLowerCase());
    forms = [exact, foldText(exact)];
    formsCache.set(word, forms);
  }
  return forms;
}

/** Query terms: the tokens of what the user typed, each with exact and folded forms. */
export function queryTerms(query: string): { exact: string; folded: string }[] {
  return tokenize(query).map(({ exact, folded }) => ({ exact, folded }));
}

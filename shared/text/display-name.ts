// Names people type themselves (a voter's name in the lobby, a petition's signer): one rule for the
// server's contract and the lobby form, so a name cannot hide behind invisible or reordering marks.

/**
 * Characters removed from typed names: control and format characters (bidirectional overrides and
 * isolates, zero-width spaces and joiners, the BOM, soft hyphens), private-use, unassigned and
 * lone surrogate code points, everything Unicode says to render as nothing (Hangul fillers,
 * the combining grapheme joiner, variation selectors) and the braille blank.
 */
const INVISIBLE_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Any run of spaces (also no-break, ideographic, line and paragraph separators). */
const SPACES_RE = /[\s\p{Z}]+/gu;

/** More than two combining marks on one letter ("Zalgo" text spilling over the next line). */
const MARK_PILE_RE = /(\p{M}{2})\p{M}+/gu;

/** What makes a name visible: at least one letter or digit. */
const VISIBLE_RE = /[\p{L}\p{N}]/u;

/** Longest text looked at, so a huge value is refused before any work on it. */
const RAW_MAX = 1000;

/**
 * Typed text as it should be stored and shown: NFC, invisible and direction-changing characters
 * removed, piles of combining marks cut to two, spaces collapsed, trimmed.
 */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(SPACES_RE, ' ')
    .replace(INVISIBLE_RE, '')
    .normalize('NFC')
    .replace(MARK_PILE_RE, '$1')
    .replace(SPACES_RE, ' ')
    .trim();
}

export type DisplayNameProblem = 'invisible' | 'tooLong';

export type DisplayNameResult =
  | { ok: true; name: string }
  | { ok: false; problem: DisplayNameProblem; message: { vi: string; en: string } };

const messages = (max: number): Record<DisplayNameProblem, { vi: string; en: string }> => ({
  invisible: {
    vi: 'Tên phải có ít nhất một chữ cái hoặc chữ số nhìn thấy được (ký tự vô hình, ký tự đảo chiều chữ không được tính). Hãy nhập họ và tên của bạn.',
    en: 'The name must have at least one visible letter or digit (invisible and text-direction characters do not count). Please type your full name.',
  },
  tooLong: {
    vi: `Tên dài quá ${max} ký tự. Hãy viết ngắn lại.`,
    en: `The name is longer than ${max} characters. Please shorten it.`,
  },
});

/**
 * Checks a name someone typed for themselves and returns it cleaned ({@link cleanText}), or what
 * is wrong with it (bilingual, for the form and for the server's 400). A name that reads like a
 * role ("Chủ tọa") stays a plain name: roles are shown from the server's data, never from names.
 */
export function checkDisplayName(raw: string, max = 80): DisplayNameResult {
  const fail = (problem: DisplayNameProblem): DisplayNameResult => ({
    ok: false,
    problem,
    message: messages(max)[problem],
  });
  if (raw.length > RAW_MAX) return fail('tooLong');
  const name = cleanText(raw);
  if (!VISIBLE_RE.test(name)) return fail('invisible');
  if ([...name].length > max) return fail('tooLong');
  return { ok: true, name };
}

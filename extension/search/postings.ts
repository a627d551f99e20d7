// Building and (de)coding postings: for each folded token of a unit's text, where it occurs
// (page index, token position on the page) and which accent-exact form it had there. Pure.
import { tokenize } from '../../shared/text/normalize';

export interface Occurrence {
  page: number;
  /** Token ordinal on its page (0 = first word). */
  pos: number;
  /** Index into the posting's `forms`. */
  form: number;
}

export interface BuiltPosting {
  forms: string[];
  occ: Uint8Array;
}

export interface BuiltUnit {
  postings: Map<string, BuiltPosting>;
  tokens: number;
  textChars: number;
  /** Bytes the postings take: token keys, forms and occurrence bytes (UTF-16 strings count 2/char). */
  indexBytes: number;
}

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

/**
 * Encodes occurrences sorted by (page, pos) as varint triples: page delta, then the position
 * (a delta from the previous one on the same page, absolute on a new page), then the form index.
 */
export function encodeOccurrences(occ: readonly Occurrence[]): Uint8Array {
  const out: number[] = [];
  let page = 0;
  let pos = 0;
  for (const o of occ) {
    const pageDelta = o.page - page;
    if (pageDelta < 0 || (pageDelta === 0 && o.pos < pos)) {
      throw new Error('occurrences must be sorted by page and position');
    }
    pushVarint(out, pageDelta);
    pushVarint(out, pageDelta === 0 ? o.pos - pos : o.pos);
    pushVarint(out, o.form);
    page = o.page;
    pos = o.pos;
  }
  return Uint8Array.from(out);
}

export function decodeOccurrences(bytes: Uint8Array): Occurrence[] {
  const result: Occurrence[] = [];
  let i = 0;
  const read = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  };
  let page = 0;
  let pos = 0;
  while (i < bytes.length) {
    const pageDelta = read();
    const p = read();
    const form = read();
    page += pageDelta;
    pos = pageDelta === 0 ? pos + p : p;
    result.push({ page, pos, form });
  }
  return result;
}

/** Tokenises the given page texts and groups occurrences by folded token. */
export function buildPostings(parts: readonly { page: number; text: string }[]): BuiltUnit {
  const acc = new Map<string, { forms: Map<string, number>; occ: Occurrence[] }>();
  let tokens = 0;
  let textChars = 0;
  const byPage = new Map<number, string>();
  for (const { page, text } of parts) {
    const before = byPage.get(page);
    byPage.set(page, before === undefined ? text : `${before}\n${text}`);
  }
  const sorted = [...byPage].sort((a, b) => a[0] - b[0]);
  for (const [page, text] of sorted) {
    textChars += text.length;
    tokenize(text).forEach((t, pos) => {
      tokens++;
      let entry = acc.get(t.folded);
      if (!entry) acc.set(t.folded, (entry = { forms: new Map(), occ: [] }));
      let form = entry.forms.get(t.exact);
      if (form === undefined) entry.forms.set(t.exact, (form = entry.forms.size));
      entry.occ.push({ page, pos, form });
    });
  }
  const postings = new Map<string, BuiltPosting>();
  let indexBytes = 0;
  for (const [token, { forms, occ }] of acc) {
    const built = { forms: [...forms.keys()], occ: encodeOccurrences(occ) };
    postings.set(token, built);
    indexBytes +=
      2 * token.length + built.forms.reduce((n, f) => n + 2 * f.length, 0) + built.occ.length;
  }
  return { postings, tokens, textChars, indexBytes };
}

// One index segment per unit (a document's pages, one annotation, one note): its folded words and,
// per word, the pages it occurs on with the count, positions and accent-exact forms. Written as one
// IndexedDB row, read back whole by the search engine (engine.ts). Pure building and decoding.
//
// Block of one word in `data` (all numbers unsigned varints):
//   pageCount, then per page: pageDelta (from the previous page; the first is absolute), tf,
//   formMask (bit i: form i occurs on the page, for i < 30; bit 30: some later form does),
//   byteLength of the occurrences that follow, then tf × (positionDelta, formIndex) — the first
//   position on a page is absolute. A query reads the page header and skips the occurrences
//   unless it needs positions (phrases).
import { forEachWord } from '../../shared/text/normalize';

export interface Segment {
  /** Folded words, in block order. */
  tokens: string[];
  /** Per word, the accent-exact forms met ("nghị", "nghỉ"); occurrences refer to them by index. */
  forms: string[][];
  /** Start of each word's block in `data`; one more entry than words (the end). */
  offsets: Uint32Array;
  data: Uint8Array;
}

export interface BuiltSegment {
  segment: Segment;
  tokens: number;
  textChars: number;
  /** Bytes the segment takes: words and forms (UTF-16, 2 bytes a character), offsets and data. */
  indexBytes: number;
}

/** A growable byte buffer for varints. */
class Writer {
  bytes = new Uint8Array(1024);
  length = 0;

  varint(n: number): void {
    if (this.length + 8 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    while (n >= 0x80) {
      this.bytes[this.length++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.bytes[this.length++] = n;
  }

  /** Appends another writer's bytes. */
  append(other: Writer): void {
    while (this.length + other.length > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    this.bytes.set(other.bytes.subarray(0, other.length), this.length);
    this.length += other.length;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

interface Acc {
  forms: Map<string, number>;
  /** Flattened (page, position, form) triples, in text order. */
  occ: number[];
}

/** Tokenises the unit's page texts (several parts may share a page) and builds its segment. */
export function buildSegment(parts: readonly { page: number; text: string }[]): BuiltSegment {
  const byPage = new Map<number, string>();
  for (const { page, text } of parts) {
    const before = byPage.get(page);
    byPage.set(page, before === undefined ? text : `${before}\n${text}`);
  }
  const acc = new Map<string, Acc>();
  let tokens = 0;
  let textChars = 0;
  for (const [page, text] of [...byPage].sort((a, b) => a[0] - b[0])) {
    textChars += text.length;
    let pos = 0;
    tokens += forEachWord(text, (exact, folded) => {
      let entry = acc.get(folded);
      if (!entry) acc.set(folded, (entry = { forms: new Map(), occ: [] }));
      let form = entry.forms.get(exact);
      if (form === undefined) entry.forms.set(exact, (form = entry.forms.size));
      entry.occ.push(page, pos++, form);
    });
  }

  const words = [...acc.keys()];
  const offsets = new Uint32Array(words.length + 1);
  const data = new Writer();
  const occWriter = new Writer();
  const forms: string[][] = [];
  let indexBytes = 0;
  words.forEach((word, w) => {
    const { forms: formMap, occ } = acc.get(word)!;
    offsets[w] = data.length;
    forms.push([...formMap.keys()]);
    indexBytes += 2 * word.length + forms[w]!.reduce((n, f) => n + 2 * f.length, 0);
    let pageCount = 0;
    for (let i = 0; i < occ.length; i += 3) if (i === 0 || occ[i] !== occ[i - 3]) pageCount++;
    data.varint(pageCount);
    let previousPage = 0;
    let i = 0;
    while (i < occ.length) {
      const page = occ[i]!;
      occWriter.length = 0;
      let tf = 0;
      let previousPos = 0;
      let mask = 0;
      for (; i < occ.length && occ[i] === page; i += 3) {
        occWriter.varint(occ[i + 1]! - previousPos);
        occWriter.varint(occ[i + 2]!);
        mask |= formBit(occ[i + 2]!);
        previousPos = occ[i + 1]!;
        tf++;
      }
      data.varint(page - previousPage);
      data.varint(tf);
      data.varint(mask);
      data.varint(occWriter.length);
      data.append(occWriter);
      previousPage = page;
    }
  });
  offsets[words.length] = data.length;
  const bytes = data.result();
  indexBytes += bytes.length + offsets.byteLength;
  return { segment: { tokens: words, forms, offsets, data: bytes }, tokens, textChars, indexBytes };
}

/** The bit of form `form` in a page's form mask (forms from 30 on share bit 30). */
export function formBit(form: number): number {
  return 1 << Math.min(form, 30);
}

/** Reads unsigned varints from a byte array; `at` is the next byte to read. */
export class Reader {
  constructor(
    readonly data: Uint8Array,
    public at: number,
  ) {}

  varint(): number {
    const data = this.data;
    let b = data[this.at++]!;
    if (b < 0x80) return b;
    let n = b & 0x7f;
    let scale = 128;
    for (;;) {
      b = data[this.at++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 128;
    }
  }
}

export interface PageEntry {
  page: number;
  tf: number;
  formMask: number;
  positions: number[];
  forms: number[];
}

/** Decodes one word's block fully (tests and diagnostics; queries read blocks lazily). */
export function decodeBlock(segment: Segment, word: number): PageEntry[] {
  const r = new Reader(segment.data, segment.offsets[word]!);
  const pages: PageEntry[] = [];
  const count = r.varint();
  let page = 0;
  for (let p = 0; p < count; p++) {
    page += r.varint();
    const tf = r.varint();
    const formMask = r.varint();
    r.varint(); // byte length of the occurrences
    const entry: PageEntry = { page, tf, formMask, positions: [], forms: [] };
    let pos = 0;
    for (let k = 0; k < tf; k++) {
      pos += r.varint();
      entry.positions.push(pos);
      entry.forms.push(r.varint());
    }
    pages.push(entry);
  }
  return pages;
}

/** How a segment is stored: words and forms as text lines, the blocks as bytes. */
export interface StoredSegment {
  /** Words joined with "\n". */
  tokens: string;
  /** Per word a line: its forms joined with " ", or empty when the only form is the word itself. */
  forms: string;
  offsets: Uint32Array;
  data: Uint8Array;
}

export function storeSegment(segment: Segment): StoredSegment {
  return {
    tokens: segment.tokens.join('\n'),
    forms: segment.forms
      .map((f, i) => (f.length === 1 && f[0] === segment.tokens[i] ? '' : f.join(' ')))
      .join('\n'),
    offsets: segment.offsets,
    data: segment.data,
  };
}

/** The forms of word `i` from a stored segment's form lines. */
function formsOf(lines: readonly string[], tokens: readonly string[], i: number): string[] {
  const line = lines[i] ?? '';
  return line === '' ? [tokens[i]!] : line.split(' ');
}

export function loadSegment(stored: StoredSegment): Segment {
  const tokens = stored.tokens === '' ? [] : stored.tokens.split('\n');
  const lines = stored.forms.split('\n');
  return {
    tokens,
    forms: tokens.map((_, i) => formsOf(lines, tokens, i)),
    offsets: stored.offsets,
    data: stored.data,
  };
}

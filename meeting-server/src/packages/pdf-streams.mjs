// @ts-check
// Decodes every stream of a PDF file under a byte budget, without interpreting it: the cheap half
// of the upload check (pdf-check-worker.mjs). A reader inflates a page's content stream, its fonts
// and images when it shows the page; a decompression bomb is any of them. Every `stream` in the
// file is found in its bytes (referenced or not, object streams included), its filter chain read
// from its dictionary, and each filter that can grow data (Flate, LZW, RunLength, and ASCII85 /
// ASCIIHex in front of them) applied with the output counted, so a bomb is stopped at the budget
// whatever page it sits on. Image codecs (DCT, JPX, JBIG2, CCITT) end the chain: pdf.js bounds
// them by pixel count. Data that does not decode is left to the reader, as pdf.js does.
// Plain JavaScript, so it runs in the worker under tsx, Vitest and plain Node alike.
import { inflateSync } from 'node:zlib';

export class OverBudget extends RangeError {}

const SPACE = (/** @type {number} */ b) =>
  b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;

/**
 * The dictionary in front of the `stream` keyword at `at` (text between its `<<` and `>>`), or
 * null. Nested dictionaries (DecodeParms) are matched; at most 64 KiB back is read.
 * @param {Buffer} data @param {number} at
 */
function dictBefore(data, at) {
  let i = at - 1;
  while (i > 0 && SPACE(data[i] ?? 0)) i--;
  if (data[i] !== 0x3e || data[i - 1] !== 0x3e) return null;
  const end = i + 1;
  let depth = 0;
  const stop = Math.max(0, at - 65536);
  for (; i > stop; i--) {
    if (data[i] === 0x3e && data[i - 1] === 0x3e) {
      depth++;
      i--;
    } else if (data[i] === 0x3c && data[i - 1] === 0x3c) {
      depth--;
      i--;
      if (depth === 0) return data.subarray(i, end).toString('latin1');
    }
  }
  return null;
}

/** The stream's filters, in the order they are applied to decode it. @param {string} dict */
export function filtersOf(dict) {
  // Only the stream's own /Filter: a nested DecodeParms dictionary holds no /Filter key.
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9#]+)/.exec(dict);
  if (!m) return [];
  return [...(m[1] ?? '').matchAll(/\/([A-Za-z0-9#]+)/g)].map((f) => f[1] ?? '');
}

/**
 * @param {Uint8Array} input @param {number} budget
 * @returns {Uint8Array}
 */
function inflate(input, budget) {
  try {
    return inflateSync(input, { maxOutputLength: budget, finishFlush: 2 /* Z_SYNC_FLUSH */ });
  } catch (err) {
    if (/** @type {{ code?: string }} */ (err)?.code === 'ERR_BUFFER_TOO_LARGE') {
      throw new OverBudget(`a stream inflates to more than ${budget} bytes`);
    }
    throw err;
  }
}

/**
 * LZW as PDF uses it (EarlyChange 1), with the output bounded.
 * @param {Uint8Array} input @param {number} budget @param {number} early
 */
export function lzwDecode(input, budget, early = 1) {
  /** @type {number[][]} */
  let table = [];
  const reset = () => {
    table = Array.from({ length: 258 }, (_, i) => (i < 256 ? [i] : []));
  };
  reset();
  /** @type {number[] | null} */
  let prev = null;
  let width = 9;
  let bits = 0;
  let acc = 0;
  let total = 0;
  /** @type {Uint8Array[]} */
  const out = [];
  for (const byte of input) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= width) {
      const code = (acc >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      acc &= (1 << bits) - 1;
      if (code === 256) {
        reset();
        width = 9;
        prev = null;
        continue;
      }
      if (code === 257) return concat(out, total);
      /** @type {number[]} */
      let entry;
      if (code < table.length && (table[code]?.length ?? 0) > 0) entry = table[code] ?? [];
      else if (prev && code === table.length) entry = [...prev, prev[0] ?? 0];
      else return concat(out, total); // corrupt: the reader stops here too
      total += entry.length;
      if (total > budget)
        throw new OverBudget(`an LZW stream decodes to more than ${budget} bytes`);
      out.push(Uint8Array.from(entry));
      if (prev && table.length < 4096) table.push([...prev, entry[0] ?? 0]);
      prev = entry;
      const next = table.length + early;
      width = next >= 2048 ? 12 : next >= 1024 ? 11 : next >= 512 ? 10 : 9;
    }
  }
  return concat(out, total);
}

/** @param {Uint8Array[]} parts @param {number} total */
function concat(parts, total) {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** @param {Uint8Array} input @param {number} budget */
function runLengthDecode(input, budget) {
  let total = 0;
  for (let i = 0; i < input.length;) {
    const n = input[i] ?? 128;
    if (n === 128) break;
    const len = n < 128 ? n + 1 : 257 - n;
    total += len;
    i += n < 128 ? n + 2 : 2;
  }
  if (total > budget)
    throw new OverBudget(`a RunLength stream decodes to more than ${budget} bytes`);
  const out = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < input.length && at < total;) {
    const n = input[i] ?? 128;
    if (n < 128) {
      out.set(input.subarray(i + 1, i + 2 + n), at);
      at += n + 1;
      i += n + 2;
    } else {
      out.fill(input[i + 1] ?? 0, at, at + 257 - n);
      at += 257 - n;
      i += 2;
    }
  }
  return out;
}

/** ASCIIHex: never larger than its input. @param {Uint8Array} input */
function asciiHexDecode(input) {
  const text = Buffer.from(input).toString('latin1');
  const hex = (text.split('>')[0] ?? '').replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

/** ASCII85: never larger than its input (`z` is 4 bytes for 1). @param {Uint8Array} input */
function ascii85Decode(input) {
  const text = (Buffer.from(input).toString('latin1').split('~>')[0] ?? '').replace(/\s/g, '');
  const out = [];
  let group = [];
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    group.push(ch.charCodeAt(0) - 33);
    if (group.length === 5) {
      const n = group.reduce((a, d) => a * 85 + d, 0);
      out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const k = group.length - 1;
    while (group.length < 5) group.push(84);
    const n = group.reduce((a, d) => a * 85 + d, 0);
    out.push(...[(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].slice(0, k));
  }
  return Uint8Array.from(out);
}

/**
 * Applies a stream's filter chain; throws OverBudget when a stage's output passes `budget`.
 * Returns the decoded bytes, or null where a filter is an image codec or unknown (not decoded).
 * @param {Uint8Array} raw @param {string[]} filters @param {number} budget
 */
export function decodeChain(raw, filters, budget) {
  let data = raw;
  for (const f of filters) {
    if (f === 'FlateDecode' || f === 'Fl') data = inflate(data, budget);
    else if (f === 'LZWDecode' || f === 'LZW') data = lzwDecode(data, budget);
    else if (f === 'RunLengthDecode' || f === 'RL') data = runLengthDecode(data, budget);
    else if (f === 'ASCIIHexDecode' || f === 'AHx') data = asciiHexDecode(data);
    else if (f === 'ASCII85Decode' || f === 'A85') data = ascii85Decode(data);
    else return null;
  }
  return data;
}

/**
 * Decodes every stream in the file, each under `maxBytes`; throws OverBudget at the first that
 * passes it. Returns how many streams were decoded (for the figures). A stream that does not
 * decode (damaged, encrypted) is skipped: the reader shows what it can of such a file.
 * @param {Buffer} data @param {number} maxBytes
 */
export function decodeAllStreams(data, maxBytes) {
  let decoded = 0;
  let from = 0;
  for (;;) {
    const at = data.indexOf('stream', from, 'latin1');
    if (at < 0) return decoded;
    from = at + 6;
    // `endstream`, or a word that merely ends in "stream".
    if (at >= 3 && data.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (data[start] === 0x0d) start++;
    if (data[start] === 0x0a) start++;
    if (start === at + 6) continue; // the keyword is followed by an end of line
    const dict = dictBefore(data, at);
    if (dict === null) continue;
    const filters = filtersOf(dict);
    if (!filters.length) continue;
    let end = data.indexOf('endstream', start, 'latin1');
    if (end < 0) end = data.length;
    try {
      decodeChain(data.subarray(start, end), filters, maxBytes);
      decoded++;
    } catch (err) {
      if (err instanceof OverBudget) throw err;
      // not decodable: left to the reader
    }
    from = end;
  }
}

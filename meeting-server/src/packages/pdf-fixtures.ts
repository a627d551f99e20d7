// Hostile PDFs built in tests (never written to disk at full size): a zip/HTML polyglot that has a
// PDF header and `%%EOF`, a PDF with no pages, and a deflate bomb whose one page's content stream
// inflates to any size from a file about a thousandth of it.
import { zipSync, strToU8 } from 'fflate';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/** A PDF from numbered object bodies (object n = bodies[n-1]), with a correct xref table. */
export function pdfOf(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  add('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  bodies.forEach((body, i) => {
    offsets.push(length);
    add(`${i + 1} 0 obj\n`);
    add(body);
    add('\nendobj\n');
  });
  const xref = length;
  add(`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) add(`${String(o).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** An HTML page and a zip archive in one file that starts with `%PDF-` and ends with `%%EOF`. */
export function zipHtmlPolyglot(): Buffer {
  const html =
    '<!doctype html><html><body><h1>Tờ trình</h1><script>alert(1)</script></body></html>';
  const zip = zipSync({
    'index.html': strToU8(html),
    'word/document.xml': strToU8('<w:document/>'),
  });
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n<!-- ${'x'.repeat(64)} -->\n${html}\n`, 'utf8'),
    Buffer.from(zip),
    Buffer.from('\n%%EOF\n', 'latin1'),
  ]);
}

/** A PDF whose page tree has no pages. */
export const pagelessPdf = () =>
  pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);

/**
 * zlib data that inflates to `mib` MiB of zeros, made without holding them: after a full flush a
 * compressor starts afresh, so every MiB compresses to the same raw deflate bytes and one copy
 * is repeated. The Adler-32 at the end is computed, so even a strict inflater reads it all.
 */
export function zerosDeflated(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0)); // the final, empty block
  // Adler-32 of n zero bytes: a = 1, b = n (mod 65521).
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((mib * 1024 * 1024) % 65521) * 65536 + 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array<Buffer>(mib).fill(block), last, adler]);
}

/** A one-page PDF whose content stream is `mib` MiB of zeros, deflated. */
export function deflateBombPdf(mib: number): Buffer {
  const data = zerosDeflated(mib);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ]);
}

/**
 * A three-page PDF whose last page's content stream is deflated twice ([/FlateDecode
 * /FlateDecode]) and inflates to `mib` MiB: the bomb is neither on the first page nor visible to a
 * check that inflates once (the outer layer is a few kilobytes that inflate to about a thousandth).
 */
export function nestedBombPdf(mib: number): Buffer {
  const data = deflateSync(zerosDeflated(mib), { level: 9 });
  const page = (contents: number) =>
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contents} 0 R >>`;
  const text = Buffer.from('BT /F1 12 Tf 72 770 Td (Trang) Tj ET', 'latin1');
  const plain = Buffer.concat([
    Buffer.from(`<< /Length ${text.length} >>\nstream\n`, 'latin1'),
    text,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>',
    page(6),
    page(6),
    page(7),
    plain,
    Buffer.concat([
      Buffer.from(
        `<< /Length ${data.length} /Filter [/FlateDecode /FlateDecode] >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ]);
}

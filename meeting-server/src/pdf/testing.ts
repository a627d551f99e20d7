// Test helpers that read a PDF back as a person would: each page's text (pdf.js) and the QR codes
// printed on it (its images decoded with jsQR). Used by the PDF unit tests and the e2e specs.
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function openPdf(bytes: Uint8Array) {
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
}
export type Pdf = Awaited<ReturnType<typeof openPdf>>;

/**
 * A page's text, NFC: `text` with its lines joined by spaces, `compact` with nothing between them
 * (a link wrapped over two lines is whole again).
 */
export async function pageText(pdf: Pdf, n: number) {
  const content = await (await pdf.getPage(n)).getTextContent();
  const items = content.items.map((it) => ('str' in it ? it.str : ''));
  return {
    text: items.join(' ').normalize('NFC').replace(/\s+/g, ' '),
    compact: items.join('').normalize('NFC'),
  };
}

/** The whole document's text, NFC, whitespace collapsed (pages joined by a space). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await openPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n').normalize('NFC').replace(/\s+/g, ' ');
}

/** Decodes the QR code of every image drawn on a page. */
export async function pageQrCodes(pdf: Pdf, n: number): Promise<string[]> {
  const page = await pdf.getPage(n);
  const ops = await page.getOperatorList();
  const found: string[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const id = (ops.argsArray[i] as [string])[0];
    const img = await new Promise<{
      width: number;
      height: number;
      data: Uint8Array;
      kind: number;
    }>((resolve) => page.objs.get(id, resolve));
    // pdf.js hands out RGB (kind 2) or RGBA (kind 3) pixels; jsQR reads RGBA.
    const rgba = new Uint8ClampedArray(img.width * img.height * 4);
    const channels = img.kind === 3 ? 4 : 3;
    for (let p = 0; p < img.width * img.height; p++) {
      rgba[p * 4] = img.data[p * channels]!;
      rgba[p * 4 + 1] = img.data[p * channels + 1]!;
      rgba[p * 4 + 2] = img.data[p * channels + 2]!;
      rgba[p * 4 + 3] = 255;
    }
    const code = jsQR(rgba, img.width, img.height);
    if (code) found.push(code.data);
  }
  return found;
}

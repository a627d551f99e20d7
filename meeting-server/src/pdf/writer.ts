// Writes A4 text top to bottom for the server's PDFs (minutes, the petitions report): wraps at the
// margin, starts new pages as needed, with the DejaVu fonts of pdf/fonts.ts; and the two helpers
// of laid-out pages (letters, official minutes): wrapping to a width and centring a line.
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/** Writes lines top to bottom, wrapping at the margin and starting new pages as needed. */
export class Writer {
  page: PDFPage;
  y: number;
  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(
    text: string,
    opts: { size?: number; bold?: boolean; indent?: number; center?: boolean; gap?: number } = {},
  ) {
    const size = opts.size ?? 10.5;
    const font = opts.bold ? this.bold : this.regular;
    const indent = opts.indent ?? 0;
    const width = A4[0] - 2 * MARGIN - indent;
    for (const line of this.wrap(text.normalize('NFC'), font, size, width)) {
      if (this.y < MARGIN + size) {
        this.page = this.doc.addPage(A4);
        this.y = A4[1] - MARGIN;
      }
      const x = opts.center ? (A4[0] - font.widthOfTextAtSize(line, size)) / 2 : MARGIN + indent;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.45;
    }
    this.y -= opts.gap ?? 0;
  }
}

/** Splits text into lines that fit `width`, by words; a word longer than a line (a link) by letters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  // Composed (NFC): pdf-lib draws one glyph per code point, so a separate tone mark would be
  // printed beside its letter instead of over it.
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws one line centred on `cx`; returns the line's width. */
export function centred(
  page: PDFPage,
  raw: string,
  cx: number,
  y: number,
  font: PDFFont,
  size: number,
) {
  const text = raw.normalize('NFC');
  const w = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: cx - w / 2, y, size, font, color: rgb(0, 0, 0) });
  return w;
}

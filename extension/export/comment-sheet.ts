// The comment sheet (phiếu góp ý) on a draft: every draft comment of a document with its page and
// quoted passage, headed with the document title and the delegate's name, as a .docx (docx) and
// as a PDF (pdf-lib + fontkit + DejaVu Sans, which has every Vietnamese letter). Written in
// Vietnamese: it goes to the council's secretariat.
import fontkit from '@pdf-lib/fontkit';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { normalizeText } from '../../shared/text/normalize';
import type { Annotation } from '../db/db';

export interface CommentRow {
  /** 1-based page number. */
  page: number;
  quote: string;
  comment: string;
}

export interface CommentSheet {
  documentTitle: string;
  delegateName: string;
  /** dd/mm/yyyy */
  date: string;
  rows: CommentRow[];
}

export function formatDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Top of the first rect, for ordering comments down a page (PDF y grows upwards). */
const topOf = (a: Annotation) => Math.max(...a.target.rects.map((r) => Math.max(r[1], r[3])), 0);

/** The document's draft comments in reading order: by page, then top to bottom. */
export function commentSheet(
  documentTitle: string,
  delegateName: string,
  annotations: readonly Annotation[],
  date: Date = new Date(),
): CommentSheet {
  const rows = annotations
    .filter((a) => a.draftComment)
    .sort(
      (a, b) =>
        a.target.pageIndex - b.target.pageIndex || topOf(b) - topOf(a) || a.createdAt - b.createdAt,
    )
    .map((a) => ({
      page: a.target.pageIndex + 1,
      quote: normalizeText(a.target.quote?.exact ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
      comment: (a.body ?? '').trim(),
    }));
  return { documentTitle, delegateName, date: formatDate(date), rows };
}

export const SHEET_WORDS = {
  heading: 'PHIẾU GÓP Ý',
  document: 'Dự thảo',
  delegate: 'Đại biểu',
  date: 'Ngày',
  no: 'STT',
  page: 'Trang',
  quote: 'Đoạn văn được góp ý',
  comment: 'Nội dung góp ý',
  none: 'Chưa có góp ý nào.',
  quoteMissing: '(góp ý chung cho trang)',
};

// ---------------------------------------------------------------- .docx

const cell = (text: string, bold = false, width?: number) =>
  new TableCell({
    ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}),
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });

/** The sheet as a Word document. */
export async function commentSheetDocx(sheet: CommentSheet): Promise<Uint8Array> {
  const field = (label: string, value: string) =>
    new Paragraph({
      children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          cell(SHEET_WORDS.no, true, 7),
          cell(SHEET_WORDS.page, true, 8),
          cell(SHEET_WORDS.quote, true, 40),
          cell(SHEET_WORDS.comment, true, 45),
        ],
      }),
      ...sheet.rows.map(
        (r, i) =>
          new TableRow({
            children: [
              cell(String(i + 1)),
              cell(String(r.page)),
              cell(r.quote ? `“${r.quote}”` : SHEET_WORDS.quoteMissing),
              cell(r.comment),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    creator: sheet.delegateName || 'HĐND',
    title: `${SHEET_WORDS.heading} — ${sheet.documentTitle}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: SHEET_WORDS.heading, bold: true })],
          }),
          field(SHEET_WORDS.document, sheet.documentTitle),
          field(SHEET_WORDS.delegate, sheet.delegateName),
          field(SHEET_WORDS.date, sheet.date),
          sheet.rows.length ? table : new Paragraph(SHEET_WORDS.none),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

// ---------------------------------------------------------------- PDF

/** Splits text into lines no wider than `width` at `size` (breaks long words too). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export interface SheetFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** The sheet as a PDF (A4), with DejaVu Sans embedded (subset) for the Vietnamese letters. */
export async function commentSheetPdf(sheet: CommentSheet, fonts: SheetFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`${SHEET_WORDS.heading} — ${sheet.documentTitle}`);
  if (sheet.delegateName) pdf.setAuthor(sheet.delegateName);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const [W, H, M] = [595.28, 841.89, 56];
  const width = W - 2 * M;
  let page: PDFPage = pdf.addPage([W, H]);
  let y = H - M;
  const line = (text: string, font: PDFFont, size: number, x = M, color = rgb(0, 0, 0)) => {
    if (y - size * 1.4 < M) {
      page = pdf.addPage([W, H]);
      y = H - M;
    }
    y -= size * 1.4;
    page.drawText(text, { x, y, size, font, color });
  };
  const block = (text: string, font: PDFFont, size: number, indent = 0) => {
    for (const l of wrapText(text, font, size, width - indent)) line(l, font, size, M + indent);
  };
  const heading = SHEET_WORDS.heading;
  y -= 4;
  line(heading, bold, 16, (W - bold.widthOfTextAtSize(heading, 16)) / 2);
  y -= 8;
  block(`${SHEET_WORDS.document}: ${sheet.documentTitle}`, bold, 12);
  block(`${SHEET_WORDS.delegate}: ${sheet.delegateName}`, regular, 12);
  block(`${SHEET_WORDS.date}: ${sheet.date}`, regular, 12);
  y -= 10;
  if (sheet.rows.length === 0) block(SHEET_WORDS.none, regular, 12);
  sheet.rows.forEach((r, i) => {
    y -= 6;
    block(`${i + 1}. ${SHEET_WORDS.page} ${r.page}`, bold, 12);
    block(r.quote ? `“${r.quote}”` : SHEET_WORDS.quoteMissing, regular, 10.5, 14);
    block(`${SHEET_WORDS.comment}: ${r.comment}`, regular, 12, 14);
  });
  return pdf.save();
}

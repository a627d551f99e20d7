// The official minutes (official.ts) as a .docx the secretariat opens in its office software, in
// the layout of Decree 30/2020/NĐ-CP: A4, Times New Roman 13–14 pt, margins 20/15/30/15 mm; a
// borderless two-column table for the issuing body and number (left) and the national title,
// motto, place and date (right); the name and summary centred; numbered headings; the signature
// blocks of the secretary and the chair in a second borderless table; the page number centred in
// the header from the second page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import type { Minutes } from '../../../shared/admin';
import { MOTTO, NATIONAL_TITLE, officialMinutes, type Block } from './official';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const line = (
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    center?: boolean;
    underline?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    children: [
      new TextRun({
        text,
        bold: o.bold ?? false,
        italics: o.italics ?? false,
        ...(o.size ? { size: o.size * 2 } : {}),
        ...(o.underline ? { underline: {} } : {}),
      }),
    ],
  });

/** A borderless table of two columns, each a list of paragraphs. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftPct = 40) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftPct, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({
            width: { size: 100 - leftPct, type: WidthType.PERCENTAGE },
            children: right,
          }),
        ],
      }),
    ],
  });
}

function blockParagraph(b: Block): Paragraph {
  const indent = { left: convertMillimetersToTwip(b.level * 6 + (b.style === 'detail' ? 4 : 0)) };
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent,
    spacing: { before: b.style === 'heading' ? 160 : 40 },
    children: [
      new TextRun({
        text: b.text,
        bold: b.style === 'heading' || b.style === 'subheading',
        ...(b.style === 'detail' ? { size: 24 } : {}),
      }),
    ],
  });
}

export async function minutesDocx(m: Minutes): Promise<Uint8Array> {
  const o = officialMinutes(m);
  const header = twoColumns(
    [
      line(o.issuer, { bold: true, center: true, size: 13 }),
      line('———', { center: true, size: 10 }),
      line(o.numberLine, { center: true, size: 13 }),
    ],
    [
      line(NATIONAL_TITLE, { bold: true, center: true, size: 12 }),
      line(MOTTO, { bold: true, center: true, size: 13, underline: true }),
      line(''),
      line(o.placeDate, { italics: true, center: true, size: 14 }),
    ],
  );
  const signatures = twoColumns(signerParagraphs(o.signers[0]), signerParagraphs(o.signers[1]), 50);
  const doc = new Document({
    creator: 'HĐND số',
    title: o.documentTitle,
    lastModifiedBy: 'HĐND số',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph('')] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          header,
          line(''),
          line(o.title, { bold: true, center: true, size: 14 }),
          ...o.summary.map((s) => line(s, { bold: true, center: true })),
          line(''),
          ...o.body.map(blockParagraph),
          line(''),
          signatures,
          line(''),
          line(o.footer, { italics: true, size: 11 }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

function signerParagraphs(s: { title: string; name: string | null }): Paragraph[] {
  return [
    line(s.title, { bold: true, center: true }),
    line('(Ký, ghi rõ họ tên)', { italics: true, center: true, size: 12 }),
    line(''),
    line(''),
    line(''),
    line(s.name ?? '', { bold: true, center: true }),
  ];
}

// The frame of a council report as .docx (báo cáo): the council and the national title and motto,
// the report's title and what it covers, the body's headings, and the closing "made at" line —
// shared by the petitions report and the participation report.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** A centred line, bold when asked. */
export const centeredLine = (text: string, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });

/** A numbered part of the report ("I. Tình hình chung"). */
export const partHeading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text, bold: true })] });

/** Writes the report: `scope` is what it covers (a period, a meeting), `body` its parts. */
export async function reportDocx(r: {
  councilName: string;
  title: string;
  scope: string;
  body: Paragraph[];
  madeAtMs: number;
}): Promise<Uint8Array> {
  const madeAt = new Date(r.madeAtMs).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  const doc = new Document({
    creator: 'HĐND số',
    title: `${r.title} — ${r.councilName}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        children: [
          centeredLine(r.councilName.toUpperCase(), true),
          centeredLine('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true),
          centeredLine('Độc lập - Tự do - Hạnh phúc'),
          new Paragraph(''),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: r.title, bold: true })],
          }),
          centeredLine(r.scope),
          ...r.body,
          new Paragraph(''),
          new Paragraph({
            children: [new TextRun({ text: `Báo cáo lập lúc ${madeAt}.`, italics: true })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

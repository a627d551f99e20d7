// The official minutes (official.ts) as an A4 PDF with DejaVu Sans embedded so every Vietnamese
// diacritic renders: the issuing body and the national title and motto side by side, number and
// symbol, place and date, "BIÊN BẢN" and its summary, the body, the signature blocks of the
// secretary and the chair, and page numbers centred at the top from the second page (Decree 30).
import { PDFDocument } from 'pdf-lib';
import type { Minutes } from '../../../shared/admin';
import { embedDejaVu } from '../pdf/fonts';
import { A4, Writer, centred, wrapText } from '../pdf/writer';
import { MOTTO, NATIONAL_TITLE, officialMinutes } from './official';

export async function minutesPdf(m: Minutes): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedDejaVu(doc);
  const o = officialMinutes(m);
  doc.setTitle(o.documentTitle);
  doc.setLanguage('vi-VN');
  doc.setCreator('HĐND số');
  // Issued files are stored and hashed: their dates are the minutes' own, not the render time.
  const stamp = new Date(m.record.finalisedAt ?? m.generatedAt);
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  const w = new Writer(doc, regular, bold);
  const page = w.page;
  let y = A4[1] - 56;

  // Header: issuing body (left), national title and motto (right); number, and place and date.
  const leftCx = 56 + 95;
  const rightCx = A4[0] - 56 - 130;
  let ly = y;
  for (const l of wrapText(o.issuer, bold, 11, 190)) {
    centred(page, l, leftCx, ly, bold, 11);
    ly -= 14;
  }
  page.drawLine({
    start: { x: leftCx - 30, y: ly + 9 },
    end: { x: leftCx + 30, y: ly + 9 },
    thickness: 0.6,
  });
  centred(page, o.numberLine, leftCx, ly - 8, regular, 11);
  centred(page, NATIONAL_TITLE, rightCx, y, bold, 11);
  const motto = centred(page, MOTTO, rightCx, y - 15, bold, 12);
  page.drawLine({
    start: { x: rightCx - motto / 2, y: y - 19 },
    end: { x: rightCx + motto / 2, y: y - 19 },
    thickness: 0.6,
  });
  centred(page, o.placeDate, rightCx, y - 40, regular, 11);
  y = Math.min(ly - 8, y - 40) - 30;
  w.y = y;

  w.text(o.title, { bold: true, center: true, size: 15 });
  for (const s of o.summary) w.text(s, { bold: true, center: true, size: 12 });
  w.y -= 12;

  for (const b of o.body) {
    const indent = b.level * 16;
    if (b.style === 'heading') {
      w.y -= 6;
      w.text(b.text, { bold: true, size: 12 });
    } else if (b.style === 'subheading') w.text(b.text, { bold: true, indent });
    else if (b.style === 'detail') w.text(b.text, { indent: indent + 12, size: 9.5 });
    else w.text(b.text, { indent });
  }

  // Signature blocks: the secretary (left) and the chair (right), kept together on one page.
  if (w.y < 56 + 130) {
    w.page = doc.addPage(A4);
    w.y = A4[1] - 56;
  }
  const sy = w.y - 24;
  o.signers.forEach((s, i) => {
    const cx = i === 0 ? leftCx : rightCx;
    centred(w.page, s.title, cx, sy, bold, 12);
    centred(w.page, '(Ký, ghi rõ họ tên)', cx, sy - 15, regular, 10);
    if (s.name) centred(w.page, s.name, cx, sy - 90, bold, 12);
  });
  w.y = sy - 110;
  w.text(o.footer, { size: 9.5 });

  // Page numbers from the second page, centred in the top margin.
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    if (i > 0) centred(p, String(i + 1), A4[0] / 2, A4[1] - 32, regular, 11);
  });
  return doc.save();
}

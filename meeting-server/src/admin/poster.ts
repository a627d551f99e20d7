// The QR poster of a voter meeting (tiếp xúc cử tri) for the hall: one A4 or A3 page with the
// council, the meeting's name, time and place, a large QR code of the public join link, the link
// itself and short Vietnamese instructions. Pure: everything it prints is passed in.
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { vnStartTime } from '../minutes/format';
import { embedDejaVu } from '../pdf/fonts';
import { wrapText } from '../pdf/writer';

export type PosterSize = 'a4' | 'a3';

export interface PosterInput {
  council: { name: string };
  meeting: { title: string; startsAt: string };
  /** Where voters meet; when not known, the poster says the meeting is online. */
  place?: string | null;
  /** The meeting's public voter link (what the QR code holds). */
  url: string;
  size: PosterSize;
}

const PAGE: Record<PosterSize, [number, number]> = {
  a4: [595.28, 841.89],
  a3: [841.89, 1190.55],
};

/** The steps printed under the code, for a voter who has never joined an online meeting. */
export const POSTER_STEPS = [
  'Quét mã để tham gia buổi tiếp xúc cử tri bằng điện thoại.',
  '1. Mở máy ảnh (camera) hoặc Zalo trên điện thoại, hướng vào mã QR.',
  '2. Chạm vào liên kết hiện ra; nhập họ tên và tổ dân phố/thôn của Ông/Bà.',
  '3. Bấm "Xin phát biểu" khi muốn nêu ý kiến, kiến nghị.',
];

export async function voterPosterPdf(input: PosterInput): Promise<Uint8Array> {
  const [w, h] = PAGE[input.size];
  // Everything scales with the page, so A3 is the same poster, larger.
  const k = w / PAGE.a4[0];
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedDejaVu(doc);
  doc.setTitle(`Mã QR tham gia — ${input.meeting.title}`);
  doc.setLanguage('vi-VN');
  doc.setCreator('HĐND số');
  const page = doc.addPage([w, h]);
  const margin = 48 * k;
  const width = w - 2 * margin;
  let y = h - margin - 10 * k;
  const centredLines = (text: string, font = regular, size = 14, color = rgb(0, 0, 0)) => {
    const s = size * k;
    for (const line of wrapText(text, font, s, width)) {
      const lw = font.widthOfTextAtSize(line, s);
      page.drawText(line, { x: (w - lw) / 2, y, size: s, font, color });
      y -= s * 1.35;
    }
  };

  centredLines(input.council.name.toUpperCase(), bold, 16);
  y -= 8 * k;
  centredLines(input.meeting.title, bold, 24, rgb(0.6, 0.05, 0.05));
  y -= 6 * k;
  centredLines(`Thời gian: ${vnStartTime(input.meeting.startsAt)}`, regular, 15);
  centredLines(`Địa điểm: ${input.place?.trim() || 'trực tuyến, tham gia bằng mã QR dưới đây'}`);
  y -= 14 * k;

  // The code: about 12 cm wide on A4 (17 cm on A3), readable from a few metres.
  const qrSize = Math.min(340 * k, y - 220 * k);
  const png = await QRCode.toBuffer(input.url, {
    errorCorrectionLevel: 'M',
    margin: 4,
    width: 512,
  });
  const qr = await doc.embedPng(png);
  page.drawImage(qr, { x: (w - qrSize) / 2, y: y - qrSize, width: qrSize, height: qrSize });
  y -= qrSize + 22 * k;

  centredLines(POSTER_STEPS[0]!, bold, 17);
  y -= 4 * k;
  for (const step of POSTER_STEPS.slice(1)) centredLines(step, regular, 13);
  y -= 8 * k;
  centredLines('Hoặc mở liên kết:', regular, 11);
  centredLines(input.url, regular, 10, rgb(0, 0, 0.55));
  return doc.save();
}

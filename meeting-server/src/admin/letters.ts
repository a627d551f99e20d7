// Invitation letters (giấy mời) as one printable PDF, a page per invited person, laid out loosely
// after Decree 30/2020/NĐ-CP: the issuing council top left, the national title and motto top
// right, place and date, "GIẤY MỜI", the recipient, the meeting, its time, place and agenda, the
// person's own QR code and join link, and the signature block. Also the .csv of name → link for
// sending by e-mail or chat. Pure: everything it prints is passed in.
import { PDFDocument, rgb, type PDFFont, type PDFImage } from 'pdf-lib';
import QRCode from 'qrcode';
import { roleLabel, type MeetingKind, type Role } from '../../../shared/domain';
import { csvTable } from '../minutes/csv';
import { kindLabel, vnDate, vnStartTime } from '../minutes/format';
import { embedDejaVu } from '../pdf/fonts';
import { centred, wrapText } from '../pdf/writer';

export interface LetterInvitation {
  name: string;
  role: Role;
  /** The person's own join link. */
  url: string;
}

export interface LettersInput {
  council: { name: string };
  meeting: {
    title: string;
    kind: MeetingKind;
    startsAt: string;
    bodyName: string;
    agenda: { position: number; title: string }[];
  };
  /** Where the meeting is held; when not known, the letter says to join online. */
  place?: string | null;
  /** The town written before the date ("Hà Tĩnh, ngày …"); left out when not known. */
  town?: string | null;
  /** The day the letters are issued (ISO). */
  issuedAt: string;
  invitations: LetterInvitation[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN_LEFT = 70; // Decree 30: left margin 30–35 mm, right 15–20 mm
const MARGIN_RIGHT = 50;
const BLACK = rgb(0, 0, 0);
/** Size of the printed QR code (about 4.5 cm: a phone reads it from arm's length). */
const QR_SIZE = 128;
/** Agenda items printed; the rest are counted, so that every letter stays on one page. */
const AGENDA_SHOWN = 8;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

function letterPage(
  doc: PDFDocument,
  fonts: Fonts,
  input: LettersInput,
  inv: LetterInvitation,
  qr: PDFImage,
) {
  const { regular, bold } = fonts;
  const page = doc.addPage(A4);
  const right = A4[0] - MARGIN_RIGHT;
  const width = right - MARGIN_LEFT;
  let y = A4[1] - 56;

  // Header: issuing body (left column), national title and motto (right column).
  const leftCx = MARGIN_LEFT + 95;
  const rightCx = right - 135;
  const body = wrapText(input.council.name.toUpperCase(), bold, 11, 200);
  let ly = y;
  for (const l of body) {
    centred(page, l, leftCx, ly, bold, 11);
    ly -= 14;
  }
  page.drawLine({
    start: { x: leftCx - 30, y: ly + 9 },
    end: { x: leftCx + 30, y: ly + 9 },
    thickness: 0.6,
  });
  centred(page, 'Số:        /GM-HĐND', leftCx, ly - 8, regular, 11);

  centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightCx, y, bold, 11);
  const motto = centred(page, 'Độc lập - Tự do - Hạnh phúc', rightCx, y - 15, bold, 12);
  page.drawLine({
    start: { x: rightCx - motto / 2, y: y - 19 },
    end: { x: rightCx + motto / 2, y: y - 19 },
    thickness: 0.6,
  });
  const dateLine = `${input.town ? `${input.town}, ` : ''}${vnDate(input.issuedAt)}`;
  centred(page, dateLine, rightCx, y - 40, regular, 11);

  y = Math.min(ly - 8, y - 40) - 42;
  centred(page, 'GIẤY MỜI', A4[0] / 2, y, bold, 15);
  y -= 18;
  for (const l of wrapText(`Dự ${input.meeting.title}`, bold, 12, width - 40)) {
    centred(page, l, A4[0] / 2, y, bold, 12);
    y -= 16;
  }
  y -= 14;

  const para = (text: string, opts: { font?: PDFFont; size?: number; indent?: number } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 12;
    const indent = opts.indent ?? 0;
    for (const l of wrapText(text, font, size, width - indent)) {
      page.drawText(l, { x: MARGIN_LEFT + indent, y, size, font, color: BLACK });
      y -= size * 1.4;
    }
  };

  para(`Kính gửi: Ông/Bà ${inv.name}`, { font: bold, size: 13, indent: 60 });
  para(`(${roleLabel[inv.role].vi})`, { size: 11, indent: 60 });
  y -= 6;
  para(
    `${input.council.name} trân trọng kính mời Ông/Bà tham dự ${input.meeting.title} (${kindLabel(input.meeting.kind)}, ${input.meeting.bodyName}).`,
  );
  para(`Thời gian: ${vnStartTime(input.meeting.startsAt)}.`);
  para(
    `Địa điểm: ${input.place ? input.place : 'họp trực tuyến trên HĐND số; Ông/Bà tham dự bằng mã QR hoặc liên kết dưới đây.'}`,
  );
  if (input.meeting.agenda.length) {
    para('Nội dung:');
    const shown = input.meeting.agenda.slice(0, AGENDA_SHOWN);
    for (const a of shown) para(`${a.position}. ${a.title}`, { indent: 18 });
    const more = input.meeting.agenda.length - shown.length;
    if (more > 0) para(`… và ${more} nội dung khác (xem đầy đủ trong phòng họp).`, { indent: 18 });
  }
  y -= 10;

  // The person's own QR code and link, framed so it can be cut out.
  const qrTop = y;
  page.drawImage(qr, { x: MARGIN_LEFT, y: qrTop - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  const textX = MARGIN_LEFT + QR_SIZE + 14;
  const textWidth = right - textX;
  let ty = qrTop - 14;
  for (const l of wrapText(
    'Quét mã QR bằng điện thoại hoặc mở liên kết dưới đây để vào phòng họp. Liên kết dành riêng cho Ông/Bà, xin không chuyển cho người khác.',
    regular,
    10,
    textWidth,
  )) {
    page.drawText(l, { x: textX, y: ty, size: 10, font: regular, color: BLACK });
    ty -= 13;
  }
  ty -= 4;
  for (const l of wrapText(inv.url, regular, 9, textWidth)) {
    page.drawText(l, { x: textX, y: ty, size: 9, font: regular, color: rgb(0, 0, 0.55) });
    ty -= 12;
  }
  y = Math.min(qrTop - QR_SIZE, ty) - 24;

  // Recipients (left) and signature block (right).
  page.drawText('Nơi nhận:', { x: MARGIN_LEFT, y, size: 10, font: bold, color: BLACK });
  page.drawText('- Như trên;', { x: MARGIN_LEFT, y: y - 13, size: 9, font: regular });
  page.drawText('- Lưu: VT.', { x: MARGIN_LEFT, y: y - 25, size: 9, font: regular });
  centred(page, 'TM. THƯỜNG TRỰC HĐND', rightCx, y, bold, 11);
  centred(page, '(Ký, ghi rõ họ tên, đóng dấu)', rightCx, y - 15, regular, 10);
}

/** The letters: one A4 page per invitation, in the order given. */
export async function invitationLettersPdf(input: LettersInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedDejaVu(doc);
  doc.setTitle(`Giấy mời — ${input.meeting.title}`);
  doc.setLanguage('vi-VN');
  doc.setCreator('HĐND số');
  for (const inv of input.invitations) {
    const png = await QRCode.toBuffer(inv.url, { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
    letterPage(doc, fonts, input, inv, await doc.embedPng(png));
  }
  return doc.save();
}

/** Name → link, one row per invitation (UTF-8 with BOM; cells that could run as formulas defused). */
export function invitationLinksCsv(input: Pick<LettersInput, 'invitations'>): string {
  return csvTable([
    ['STT', 'Họ và tên', 'Vai trò', 'Liên kết tham dự'],
    ...input.invitations.map((inv, i) => [i + 1, inv.name, roleLabel[inv.role].vi, inv.url]),
  ]);
}

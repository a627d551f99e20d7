// Invitation letters: one page per person with their name, the meeting and their own link in
// the extracted text (Vietnamese intact), and the QR image printed on each page decoding to that
// page's link (read back out of the PDF with pdf.js and decoded with jsQR). And the links CSV.
import { describe, expect, it } from 'vitest';
import { openPdf, pageQrCodes, pageText } from '../pdf/testing';
import { invitationLettersPdf, invitationLinksCsv, type LettersInput } from './letters';

const LINK = (n: number) =>
  `https://hdnd.example.vn/j/eyJpZCI6Imludi0${n}IiwibSI6Im10ZyJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi0${n}`;

const INPUT: LettersInput = {
  council: { name: 'Hội đồng nhân dân tỉnh Hà Tĩnh' },
  meeting: {
    title: 'Kỳ họp thứ mười lăm, HĐND tỉnh khóa XVIII',
    kind: 'session',
    startsAt: '2026-12-08T01:30:00.000Z',
    bodyName: 'Hội đồng nhân dân tỉnh',
    agenda: [
      { position: 1, title: 'Báo cáo tình hình kinh tế - xã hội năm 2026' },
      { position: 2, title: 'Nghị quyết về dự toán ngân sách nhà nước năm 2027' },
    ],
  },
  town: 'Hà Tĩnh',
  issuedAt: '2026-12-01T03:00:00.000Z',
  invitations: [
    { name: 'Nguyễn Văn Hùng', role: 'member', url: LINK(1) },
    { name: 'Trần Thị Thủy', role: 'member', url: LINK(2) },
    { name: 'Lê Hưng Đạo', role: 'guest', url: LINK(3) },
  ],
};

describe('invitation letters PDF', () => {
  it('has one page per invitation, each with its own name, the meeting and its own link', async () => {
    const pdf = await openPdf(await invitationLettersPdf(INPUT));
    expect(pdf.numPages).toBe(3);
    for (const [i, inv] of INPUT.invitations.entries()) {
      const { text, compact } = await pageText(pdf, i + 1);
      expect(text).toContain(`Kính gửi: Ông/Bà ${inv.name}`);
      expect(text).toContain('Kỳ họp thứ mười lăm, HĐND tỉnh khóa XVIII');
      expect(compact).toContain(inv.url);
      for (const other of INPUT.invitations.filter((o) => o !== inv)) {
        expect(text).not.toContain(other.name);
        expect(compact).not.toContain(other.url);
      }
    }
    await pdf.destroy();
  });

  it('prints the letter parts: national title, motto, place and date, time in Vietnam, agenda', async () => {
    const pdf = await openPdf(await invitationLettersPdf(INPUT));
    const { text } = await pageText(pdf, 1);
    for (const part of [
      'HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH',
      'Số: /GM-HĐND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Tĩnh, ngày 01 tháng 12 năm 2026',
      'GIẤY MỜI',
      // 01:30 UTC is 08:30 in Vietnam, on Tuesday 8 December 2026.
      'Thời gian: 08 giờ 30, Thứ Ba, ngày 08 tháng 12 năm 2026',
      'tham dự Kỳ họp thứ mười lăm, HĐND tỉnh khóa XVIII (Phiên họp kỳ họp HĐND, Hội đồng nhân dân tỉnh)',
      '1. Báo cáo tình hình kinh tế - xã hội năm 2026',
      '2. Nghị quyết về dự toán ngân sách nhà nước năm 2027',
      'Địa điểm: họp trực tuyến',
      'TM. THƯỜNG TRỰC HĐND',
      '(Đại biểu)',
    ]) {
      expect(text).toContain(part);
    }
    await pdf.destroy();
  });

  it('keeps Vietnamese given in NFD readable as NFC text', async () => {
    const nfd = {
      ...INPUT,
      invitations: [{ ...INPUT.invitations[1]!, name: 'Trần Thị Thủy'.normalize('NFD') }],
    };
    const pdf = await openPdf(await invitationLettersPdf(nfd));
    const content = await (await pdf.getPage(1)).getTextContent();
    // Not normalised here: the PDF itself carries the composed letters.
    const raw = content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
    expect(raw).toContain('Kính gửi: Ông/Bà Trần Thị Thủy'.normalize('NFC'));
    await pdf.destroy();
  });

  it('keeps each letter on one page with a long agenda, counting the items not printed', async () => {
    const agenda = Array.from({ length: 30 }, (_, i) => ({
      position: i + 1,
      title: `Tờ trình và dự thảo nghị quyết số ${i + 1} về một nội dung rất dài của kỳ họp`,
    }));
    const long = { ...INPUT, meeting: { ...INPUT.meeting, agenda } };
    const pdf = await openPdf(await invitationLettersPdf(long));
    expect(pdf.numPages).toBe(3);
    const { text } = await pageText(pdf, 2);
    expect(text).toContain('8. Tờ trình và dự thảo nghị quyết số 8');
    expect(text).not.toContain('9. Tờ trình');
    expect(text).toContain('… và 22 nội dung khác');
    expect(text).toContain('TM. THƯỜNG TRỰC HĐND');
    expect(await pageQrCodes(pdf, 2)).toEqual([INPUT.invitations[1]!.url]);
    // Everything is printed inside the page, above a 1.5 cm bottom margin.
    const content = await (await pdf.getPage(2)).getTextContent();
    const lowest = Math.min(
      ...content.items.map((it) => ('transform' in it ? it.transform[5] : 999)),
    );
    expect(lowest).toBeGreaterThan(42);
    await pdf.destroy();
  });

  it('prints the place when it is known', async () => {
    const pdf = await openPdf(
      await invitationLettersPdf({ ...INPUT, place: 'Hội trường HĐND tỉnh' }),
    );
    expect((await pageText(pdf, 1)).text).toContain('Địa điểm: Hội trường HĐND tỉnh');
    await pdf.destroy();
  });

  it("prints on each page a QR code that decodes to that page's link", async () => {
    const pdf = await openPdf(await invitationLettersPdf(INPUT));
    for (const [i, inv] of INPUT.invitations.entries()) {
      expect(await pageQrCodes(pdf, i + 1)).toEqual([inv.url]);
    }
    await pdf.destroy();
  });
});

describe('invitation links CSV', () => {
  it('lists name → link with a BOM, and defuses a name that a spreadsheet would run', () => {
    const csv = invitationLinksCsv({
      invitations: [
        { name: 'Nguyễn Văn Hùng', role: 'member', url: LINK(1) },
        { name: '=HYPERLINK("http://evil")', role: 'guest', url: LINK(2) },
      ],
    });
    expect(csv.startsWith('\uFEFFSTT,Họ và tên,Vai trò,Liên kết tham dự\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe(`1,Nguyễn Văn Hùng,Đại biểu,${LINK(1)}`);
    expect(lines[2]).toBe(`2,"'=HYPERLINK(""http://evil"")",Khách mời,${LINK(2)}`);
  });
});

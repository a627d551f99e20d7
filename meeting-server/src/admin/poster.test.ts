// The voter meeting's QR poster: one page of the chosen size with the meeting, its time and place,
// the Vietnamese instructions, and a QR code that decodes to the public join link.
import { describe, expect, it } from 'vitest';
import { openPdf, pageQrCodes, pageText } from '../pdf/testing';
import { POSTER_STEPS, voterPosterPdf, type PosterInput } from './poster';

const INPUT: PosterInput = {
  council: { name: 'Hội đồng nhân dân xã Minh Khai' },
  meeting: { title: 'Tiếp xúc cử tri trước kỳ họp thứ ba', startsAt: '2026-12-12T01:00:00.000Z' },
  place: 'Nhà văn hóa thôn Đông',
  url: 'https://hdnd.example.vn/j/eyJpZCI6InZvdGVyIiwibSI6Im10ZyJ9.c2lnbmF0dXJlLW9mLXRoZS12b3Rlcg',
  size: 'a4',
};

describe('voter meeting QR poster', () => {
  it('prints the meeting, its time and place, the instructions and a QR code of the link', async () => {
    const pdf = await openPdf(await voterPosterPdf(INPUT));
    expect(pdf.numPages).toBe(1);
    const { text, compact } = await pageText(pdf, 1);
    expect(text).toContain('HỘI ĐỒNG NHÂN DÂN XÃ MINH KHAI');
    expect(text).toContain('Tiếp xúc cử tri trước kỳ họp thứ ba');
    // 01:00 UTC is 08:00 in Vietnam, on Saturday 12 December 2026.
    expect(text).toContain('Thời gian: 08 giờ 00, Thứ Bảy, ngày 12 tháng 12 năm 2026');
    expect(text).toContain('Địa điểm: Nhà văn hóa thôn Đông');
    expect(text).toContain('Quét mã để tham gia');
    for (const step of POSTER_STEPS) expect(text).toContain(step);
    expect(compact).toContain(INPUT.url);
    expect(await pageQrCodes(pdf, 1)).toEqual([INPUT.url]);
    await pdf.destroy();
  });

  it('is an A4 or an A3 page, and says the meeting is online when no place is given', async () => {
    for (const [size, [w, h]] of [
      ['a4', [595, 842]],
      ['a3', [842, 1191]],
    ] as const) {
      const pdf = await openPdf(await voterPosterPdf({ ...INPUT, size, place: null }));
      const page = await pdf.getPage(1);
      const [, , pw, ph] = page.view;
      expect([Math.round(pw!), Math.round(ph!)]).toEqual([w, h]);
      expect((await pageText(pdf, 1)).text).toContain('Địa điểm: trực tuyến');
      expect(await pageQrCodes(pdf, 1)).toEqual([INPUT.url]);
      await pdf.destroy();
    }
  });
});

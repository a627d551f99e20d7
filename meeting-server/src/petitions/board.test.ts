// The petitions board, reference numbers and the public page on PGlite and PostgreSQL: the
// council-wide list filters and pages in SQL (also with 10,000 petitions), search ignores
// diacritics, a voter follows a petition by its reference number, and nothing public carries a
// voter's name, ward or contact.
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PetitionPage,
  PetitionReceipt,
  PetitionTrack,
  PublicPetitionPage,
} from '../../../shared/petitions';
import { formatPetitionRef } from '../../../shared/petition-ref';
import { Portal, PortalCouncils } from '../../../shared/portal';
import { bearer, ok, useStaffFixture } from '../admin/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { openPdf, pageText } from '../pdf/testing';

const VOTER = { name: 'Hoàng Văn Dân', contact: '0912 345 678' };
const ROAD = {
  ...VOTER,
  ward: 'Thôn Đông',
  text: 'Đề nghị sửa đoạn đường liên thôn từ cầu Đông đến trường tiểu học, mùa mưa rất lầy lội.',
};
const LIGHT = {
  ...VOTER,
  ward: 'Tổ dân phố Bắc Sơn',
  text: 'Đề nghị lắp đèn chiếu sáng ở ngõ 5, buổi tối trẻ em đi học về rất tối.',
};
const WATER = { ...VOTER, text: 'Nước sinh hoạt bị đục nhiều ngày, đề nghị kiểm tra nhà máy.' };

describe.each(DATABASE_KINDS)('petitions board and public page on %s', (kind) => {
  const t = useStaffFixture(kind);
  const receipts: Record<'road' | 'light' | 'water', PetitionReceipt> = {} as never;
  const board = (query = '') =>
    t.staff.request('GET', `/api/admin/councils/${t.fx.council.id}/petitions${query}`);
  const pub = (path: string) => fetch(`${t.server.url}/api/public${path}`);

  beforeAll(async () => {
    const send = (body: unknown) =>
      bearer(t.server.url, t.fx.sessions.voter)(
        'POST',
        `/api/meetings/${t.fx.voterMeeting.id}/petitions`,
        body,
      );
    receipts.road = await ok(await send(ROAD), PetitionReceipt, 201);
    receipts.light = await ok(await send(LIGHT), PetitionReceipt, 201);
    receipts.water = await ok(await send(WATER), PetitionReceipt, 201);
    const p = (r: PetitionReceipt) => `/api/admin/petitions/${r.id}`;
    await t.staff.request('POST', `${p(receipts.road)}/classify`, { category: 'infrastructure' });
    await t.staff.request('POST', `${p(receipts.road)}/forward`, { authority: 'UBND xã' });
    await t.staff.request('POST', `${p(receipts.road)}/answer`, {
      answer: 'Đã đưa tuyến đường vào kế hoạch sửa chữa quý II.',
    });
    await t.staff.request('POST', `${p(receipts.road)}/publish`, { published: true });
    await t.staff.request('POST', `${p(receipts.light)}/forward`, {
      authority: 'Công ty Điện lực',
    });
  }, 120_000);

  it('gives the voter a short reference number to read aloud', () => {
    expect(receipts.road.ref).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    expect(new Set(Object.values(receipts).map((r) => r.ref)).size).toBe(3);
  });

  it('lists every petition of the council, newest first, filtered in SQL', async () => {
    const all = await ok(await board(), PetitionPage);
    expect(all.total).toBe(3);
    expect(all.items.map((p) => p.id)).toEqual([
      receipts.water.id,
      receipts.light.id,
      receipts.road.id,
    ]);
    expect(all.items[0]!.meetingTitle).toBe('Tiếp xúc cử tri thôn Đông');
    expect(all.meetings.map((m) => m.id)).toEqual([t.fx.voterMeeting.id]);
    expect(all.authorities).toEqual(['Công ty Điện lực', 'UBND xã']);
    const ids = async (q: string) =>
      (await ok(await board(q), PetitionPage)).items.map((p) => p.id);
    expect(await ids('?status=forwarded')).toEqual([receipts.light.id]);
    expect(await ids('?category=infrastructure')).toEqual([receipts.road.id]);
    expect(await ids('?category=none')).toEqual([receipts.water.id, receipts.light.id]);
    // Without diacritics, any case, several words.
    expect(await ids('?q=DUONG%20lien%20thon')).toEqual([receipts.road.id]);
    expect(await ids('?q=dien%20luc')).toEqual([receipts.light.id]);
    expect(await ids('?ward=bac%20son')).toEqual([receipts.light.id]);
    expect(await ids(`?q=${receipts.water.ref.toLowerCase()}`)).toEqual([receipts.water.id]);
    // Staff may find a voter's petitions by the voter's name.
    expect(await ids('?q=hoang%20van%20dan')).toHaveLength(3);
    expect(await ids(`?meetingId=${t.fx.sitting.id}`)).toEqual([]);
    expect(await ids('?from=2999-01-01')).toEqual([]);
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    expect(await ids(`?from=${today}&to=${today}`)).toHaveLength(3);
    // A wildcard typed in the search is a character, not a pattern.
    expect(await ids('?q=%25')).toEqual([]);
    const page2 = await ok(await board('?pageSize=2&page=2'), PetitionPage);
    expect(page2.items.map((p) => p.id)).toEqual([receipts.road.id]);
    expect(page2.total).toBe(3);
    expect((await board('?status=lost')).status).toBe(400);
    expect((await board('?pageSize=1000')).status).toBe(400);
  });

  it('is for the secretariat only', async () => {
    const res = await fetch(`${t.server.url}/api/admin/councils/${t.fx.council.id}/petitions`);
    expect(res.status).toBe(401);
    expect((await t.staff.request('GET', '/api/admin/councils/nope/petitions')).status).toBe(404);
  });

  it('lets anyone follow a petition by its reference number, never seeing who sent it', async () => {
    const light = await ok(
      await pub(`/petitions/${formatPetitionRef(receipts.light.ref).toLowerCase()}`),
      PetitionTrack,
    );
    expect(light).toMatchObject({
      ref: receipts.light.ref,
      status: 'forwarded',
      authority: 'Công ty Điện lực',
      published: false,
      text: null,
      answer: null,
    });
    expect(light.meeting.councilName).toBe('HĐND xã Yên Thịnh');
    const road = await ok(await pub(`/petitions/${receipts.road.ref}`), PetitionTrack);
    expect(road.answer).toBe('Đã đưa tuyến đường vào kế hoạch sửa chữa quý II.');
    expect(road.text).toBe(ROAD.text);
    for (const raw of [JSON.stringify(light), JSON.stringify(road)]) {
      expect(raw).not.toContain('Hoàng Văn Dân');
      expect(raw).not.toContain('0912');
      expect(raw).not.toContain('Thôn Đông');
    }
    expect((await pub('/petitions/KN-2222-2222')).status).toBe(404);
    expect((await pub('/petitions/abc')).status).toBe(404);
  });

  it('searches the published petitions without diacritics, and never by a voter’s name', async () => {
    const search = async (q: string) =>
      ok(
        await pub(`/councils/${t.fx.council.id}/petitions?q=${encodeURIComponent(q)}`),
        PublicPetitionPage,
      );
    const found = await search('duong lien thon');
    expect(found.items.map((p) => p.ref)).toEqual([receipts.road.ref]);
    expect(found.items[0]!.answer).toContain('quý II');
    // Unpublished petitions are not public; a name finds nothing.
    expect((await search('den chieu sang')).total).toBe(0);
    expect((await search('Hoàng Văn Dân')).total).toBe(0);
    const raw = JSON.stringify(await search(''));
    expect(raw).not.toContain('Hoàng Văn Dân');
    expect(raw).not.toContain('0912');
  });

  it('shows the council’s public page with the voter meeting’s link, without a cookie', async () => {
    const councils = await ok(await pub('/councils'), PortalCouncils);
    expect(councils.map((c) => c.id)).toContain(t.fx.council.id);
    const page = await ok(await pub(`/councils/${t.fx.council.id}/portal`), Portal);
    const voter = page.upcoming.find((m) => m.id === t.fx.voterMeeting.id)!;
    expect(voter.voterLink).toBe(t.fx.invitations.voter.url);
    expect(voter.qrPath).toBe(`/api/meetings/${t.fx.voterMeeting.id}/qr.png`);
    expect(voter.agenda).toEqual(['Khai mạc', 'Thảo luận']);
    // The sitting is listed, but personal invitations are never shown.
    const sitting = page.upcoming.find((m) => m.id === t.fx.sitting.id)!;
    expect(sitting.voterLink).toBeNull();
    const raw = JSON.stringify(page);
    expect(raw).not.toContain(t.fx.invitations.chair.url);
    expect(raw).not.toContain('Hoàng Văn Dân');
    expect((await pub('/councils/nope/portal')).status).toBe(404);
    // Read-only: no write goes through the public paths.
    const post = await fetch(`${t.server.url}/api/public/councils/${t.fx.council.id}/portal`, {
      method: 'POST',
    });
    expect(post.status).toBe(404);
  });

  it('limits public reads per IP address', async () => {
    expect((await pub('/councils')).status).toBe(200);
    await t.db.query("UPDATE rate_limits SET count = 1000000 WHERE key LIKE 'public-ip:%'");
    const res = await pub(`/petitions/${receipts.road.ref}`);
    expect(res.status).toBe(429);
    await t.db.query("DELETE FROM rate_limits WHERE key LIKE 'public-ip:%'");
  });

  it('exports the summary report by field and by authority, as .docx and PDF, without names', async () => {
    const url = (ext: string, q = '') =>
      `/api/admin/councils/${t.fx.council.id}/petitions/report.${ext}${q}`;
    const docx = await t.staff.request('GET', url('docx', `?meetingId=${t.fx.voterMeeting.id}`));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const xml = strFromU8(
      unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!,
    );
    const words = xml.replace(/<[^>]+>/g, '');
    expect(words).toContain('BÁO CÁO TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI');
    expect(words).toContain('Tiếp xúc cử tri thôn Đông');
    expect(words).toContain('Tổng số ý kiến, kiến nghị của cử tri: 3.');
    expect(words).toContain('Giao thông, hạ tầng (1)');
    expect(words).toContain('Chưa phân loại (2)');
    expect(words).toContain('Công ty Điện lực (1)');
    expect(words).toContain('Chưa chuyển cơ quan có thẩm quyền (1)');
    expect(words).toContain(formatPetitionRef(receipts.road.ref));
    expect(words).toContain('Trạng thái: Đã trả lời, đã công khai');
    expect(words).not.toContain('Hoàng Văn Dân');
    expect(words).not.toContain('0912');

    const pdfRes = await t.staff.request('GET', url('pdf', '?status=forwarded'));
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toContain('application/pdf');
    const pdf = await openPdf(new Uint8Array(await pdfRes.arrayBuffer()));
    const { text } = await pageText(pdf, 1);
    expect(text).toContain('Tổng số ý kiến, kiến nghị của cử tri: 1.');
    expect(text).toContain(formatPetitionRef(receipts.light.ref));
    expect(text).not.toContain(formatPetitionRef(receipts.road.ref));
    expect(text).not.toContain('Hoàng Văn Dân');
    const anonymous = await fetch(`${t.server.url}${url('pdf')}`);
    expect(anonymous.status).toBe(401);
  });

  it('pages 10,000 petitions quickly, search included', async () => {
    await t.db.query(
      `INSERT INTO petitions (id, ref, meeting_id, submitter_identity, name, ward, text, status,
                              search_staff, search_public, ward_key, created_at, updated_at)
       SELECT 'bulk-' || g, 'B' || lpad(g::text, 7, '0'), $1, 'voter:bulk', 'Cử tri ' || g,
              'Thôn ' || (g % 20), 'Kiến nghị số ' || g || CASE WHEN g % 100 = 0 THEN ' về cầu treo' ELSE '' END,
              'received', 'cu tri ' || g || ' kien nghi so ' || g || CASE WHEN g % 100 = 0 THEN ' ve cau treo' ELSE '' END,
              'kien nghi so ' || g, 'thon ' || (g % 20),
              now() - (g || ' minutes')::interval, now()
         FROM generate_series(1, 10000) AS g`,
      [t.fx.voterMeeting.id],
    );
    const started = Date.now();
    const last = await ok(await board('?page=200&pageSize=50'), PetitionPage);
    const search = await ok(await board('?q=cau%20treo&pageSize=200'), PetitionPage);
    const elapsed = Date.now() - started;
    expect(last.total).toBe(10_003);
    expect(last.items).toHaveLength(50);
    expect(search.total).toBe(100);
    expect(elapsed).toBeLessThan(3000);
    await t.db.query("DELETE FROM petitions WHERE id LIKE 'bulk-%'");
  });
});

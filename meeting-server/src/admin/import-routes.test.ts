// The member import and the invitation letters through the HTTP API, on PGlite and PostgreSQL:
// preview saves nothing, confirm saves all rows or none, files are size-limited and staff-only;
// letters and the links CSV cover the live personal invitations of a meeting.
import { strToU8 } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf, pageQrCodes, pageText } from '../pdf/testing';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, Meeting, Member } from '../../../shared/admin';
import { ApiError } from '../../../shared/errors';
import { ImportPreview, ImportResult, type ImportRow } from '../../../shared/member-import';
import { DATABASE_KINDS } from '../testing/databases';
import { buildXlsx, toCsv } from './member-import/testing';
import { ok, useStaffFixture } from './testing';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['TT', 'Họ và tên', 'Ngày sinh', 'Tổ đại biểu', 'Ban', 'Đơn vị', 'Điện thoại/Email'];
/** The fixture's council has An, Bình (Tổ 1), Cường (Tổ 2) and "Ban Kinh tế – Xã hội". */
const SHEET = [
  HEADER,
  [
    1,
    'Đỗ Thị Hoa',
    '12/05/1979',
    'Tổ 1',
    'Ban Kinh tế - Xã hội',
    'Trường Tiểu học Yên Thịnh',
    '0912 345 678 / hoa@yenthinh.vn',
  ],
  [2, 'Vũ Văn Khánh', 25632, null, null, 'UBND xã', '0987654321'],
  [3, 'Ngô Thị Lan', '01/01/1990', 'Tổ 2', null, null, null],
];

describe.each(DATABASE_KINDS)('member import and letters API on %s', (kind) => {
  const t = useStaffFixture(kind);
  const council = () => `/api/admin/councils/${t.fx.council.id}`;
  const upload = (bytes: Uint8Array, type = XLSX_TYPE, headers: Record<string, string> = {}) =>
    fetch(`${t.server.url}${council()}/members/import/preview`, {
      method: 'POST',
      headers: {
        cookie: t.staff.cookie,
        [CSRF_HEADER]: t.staff.session.csrfToken,
        'content-type': type,
        ...headers,
      },
      body: bytes.slice(),
    });
  const members = async () =>
    ok(await t.staff.request('GET', `${council()}/members`), Member.array());
  const confirm = (rows: ImportRow[]) =>
    t.staff.request('POST', `${council()}/members/import/confirm`, {
      rows: rows.map((r) => ({ line: r.line, values: r.values })),
    });

  it('previews an .xlsx against the council and saves nothing', async () => {
    const before = await members();
    const sheet = [...SHEET, [4, 'Nguyễn Văn An', null, 'Tổ 9', 'Ban Dân tộc', null, null]];
    const p = await ok(await upload(buildXlsx(sheet, { merges: ['D4:D5'] })), ImportPreview);
    expect(p.summary).toEqual({ total: 4, valid: 3, withErrors: 1 });
    expect(p.rows[0]!.bodyIds).toEqual([t.fx.committee.id]);
    expect(p.rows[0]!.values).toMatchObject({ phone: '0912345678', email: 'hoa@yenthinh.vn' });
    expect(p.rows[1]!.values.dateOfBirth).toBe('1970-03-05');
    // "Tổ 2" merged over rows 4 and 5 applies to both.
    expect(p.rows[2]!.values.delegateGroup).toBe('Tổ 2');
    expect(p.rows[3]!.errors.map((e) => e.code).sort()).toEqual(
      ['duplicate_existing', 'unknown_committee'].sort(),
    );
    expect(await members()).toEqual(before);
  });

  it('previews a CSV, and tells a file without a name column what to fix', async () => {
    const p = await ok(await upload(strToU8(toCsv(SHEET)), 'text/csv'), ImportPreview);
    expect(p.summary.valid).toBe(3);
    const wrong = await ok(
      await upload(strToU8('Mã,Số lượng\r\nA1,3\r\n'), 'text/csv'),
      ImportPreview,
    );
    expect(wrong.rows).toEqual([]);
    expect(wrong.fileErrors[0]!.vi).toContain('Họ và tên');
  });

  it('refuses a preview without a staff session or CSRF header, or a file over 5 MB', async () => {
    const bytes = strToU8(toCsv(SHEET));
    const anonymous = await fetch(`${t.server.url}${council()}/members/import/preview`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: bytes.slice(),
    });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${t.server.url}${council()}/members/import/preview`, {
      method: 'POST',
      headers: { cookie: t.staff.cookie, 'content-type': 'text/csv' },
      body: bytes.slice(),
    });
    expect(noCsrf.status).toBe(403);
    const big = await upload(new Uint8Array(5 * 1024 * 1024 + 1), 'text/csv');
    expect(big.status).toBe(413);
    const json = await upload(strToU8('{}'), 'application/json');
    expect(json.status).toBe(400);
    const other = await fetch(`${t.server.url}/api/admin/councils/no-such/members/import/preview`, {
      method: 'POST',
      headers: {
        cookie: t.staff.cookie,
        [CSRF_HEADER]: t.staff.session.csrfToken,
        'content-type': 'text/csv',
      },
      body: bytes.slice(),
    });
    expect(other.status).toBe(404);
  });

  it('saves nothing when any confirmed row has an error, and says which rows', async () => {
    const before = await members();
    const p = await ok(await upload(buildXlsx(SHEET)), ImportPreview);
    const rows = [...p.rows];
    rows[2] = { ...rows[2]!, values: { ...rows[2]!.values, fullName: 'Lê Văn Cường' } };
    const res = await confirm(rows);
    expect(res.status).toBe(400);
    const err = ApiError.parse(await res.json());
    expect(err.message.vi).toContain('Chưa lưu đại biểu nào');
    expect(err.message.en).toContain('rows 4');
    expect(await members()).toEqual(before);
  });

  it('saves every confirmed row in one go, with committees and contact details', async () => {
    const p = await ok(await upload(buildXlsx(SHEET)), ImportPreview);
    const result = await ok(await confirm(p.rows), ImportResult, 201);
    expect(result.created).toBe(3);
    const all = await members();
    const hoa = all.find((m) => m.fullName === 'Đỗ Thị Hoa')!;
    expect(hoa.delegateGroup).toBe('Tổ 1');
    expect(hoa.bodyIds).toEqual([t.fx.committee.id]);
    // The member list returns what the file held.
    expect(hoa).toMatchObject({
      dateOfBirth: '1979-05-12',
      unit: 'Trường Tiểu học Yên Thịnh',
      phone: '0912345678',
      email: 'hoa@yenthinh.vn',
    });
    const [row] = await t.db.query<{ d: string; unit: string; phone: string; email: string }>(
      `SELECT to_char(date_of_birth, 'YYYY-MM-DD') AS d, unit, phone, email FROM members WHERE id = $1`,
      [hoa.id],
    );
    expect(row).toEqual({
      d: '1979-05-12',
      unit: 'Trường Tiểu học Yên Thịnh',
      phone: '0912345678',
      email: 'hoa@yenthinh.vn',
    });
    const [audit] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE '%/members/import/confirm'`,
    );
    expect(audit!.n).toBe(1);
    // Imported again, every row is now a member already in the council.
    const again = await ok(await upload(buildXlsx(SHEET)), ImportPreview);
    expect(again.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
      ['duplicate_existing'],
      ['duplicate_existing'],
      ['duplicate_existing'],
    ]);
    expect((await confirm(again.rows)).status).toBe(400);
  });

  it('accepts a confirmed list larger than the 64 KB JSON limit', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({
      line: i + 2,
      values: {
        fullName: `Đại biểu thử nghiệm số ${i + 1}`,
        dateOfBirth: null,
        delegateGroup: null,
        committees: [],
        unit: 'Ủy ban nhân dân xã Yên Thịnh, huyện Yên Định, tỉnh Thanh Hóa',
        phone: null,
        email: null,
      },
    }));
    expect(JSON.stringify({ rows }).length).toBeGreaterThan(64 * 1024);
    const res = await t.staff.request('POST', `${council()}/members/import/confirm`, { rows });
    expect((await ok(res, ImportResult, 201)).created).toBe(600);
  });

  it('prints a letter per live personal invitation and lists their links', async () => {
    const pdfRes = await t.staff.request(
      'GET',
      `/api/admin/meetings/${t.fx.sitting.id}/invitations/letters.pdf`,
    );
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const pdf = await getDocument({
      data: new Uint8Array(await pdfRes.arrayBuffer()),
      isEvalSupported: false,
      useSystemFonts: false,
    }).promise;
    const invs = [t.fx.invitations.chair, t.fx.invitations.secretary, t.fx.invitations.member];
    expect(pdf.numPages).toBe(invs.length);
    for (const [i, inv] of invs.entries()) {
      const content = await (await pdf.getPage(i + 1)).getTextContent();
      const text = content.items.map((it) => ('str' in it ? it.str : '')).join('');
      expect(text).toContain(`Ông/Bà ${inv.name}`);
      expect(text).toContain(inv.url);
    }
    await pdf.destroy();

    const csvRes = await t.staff.request(
      'GET',
      `/api/admin/meetings/${t.fx.sitting.id}/invitations.csv`,
    );
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csvRes.arrayBuffer());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(invs.map((i) => i.url));
  });

  it('leaves the public voter link out of the letters and refuses a meeting with none', async () => {
    const res = await t.staff.request(
      'GET',
      `/api/admin/meetings/${t.fx.voterMeeting.id}/invitations.csv`,
    );
    const csv = await res.text();
    expect(csv).toContain(t.fx.invitations.voterChair.url);
    expect(csv).not.toContain(t.fx.invitations.voter.url);

    const empty = await ok(
      await t.staff.request('POST', `${council()}/meetings`, {
        bodyId: t.fx.councilBody.id,
        kind: 'session',
        title: 'Phiên họp chưa mời ai',
        startsAt: '2026-12-20T01:30:00Z',
      }),
      Meeting,
      201,
    );
    const none = await t.staff.request(
      'GET',
      `/api/admin/meetings/${empty.id}/invitations/letters.pdf`,
    );
    expect(none.status).toBe(409);
    expect((await t.staff.request('GET', '/api/admin/meetings/nope/invitations.csv')).status).toBe(
      404,
    );
    const anonymous = await fetch(
      `${t.server.url}/api/admin/meetings/${t.fx.sitting.id}/invitations.csv`,
    );
    expect(anonymous.status).toBe(401);
  });

  it('prints the hall poster of a voter meeting whose QR code is its public link', async () => {
    const res = await t.staff.request(
      'GET',
      `/api/admin/meetings/${t.fx.voterMeeting.id}/invitations/poster.pdf?size=a3&place=${encodeURIComponent('Nhà văn hóa thôn Đông')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await openPdf(new Uint8Array(await res.arrayBuffer()));
    expect(await pageQrCodes(pdf, 1)).toEqual([t.fx.invitations.voter.url]);
    expect((await pageText(pdf, 1)).text).toContain('Địa điểm: Nhà văn hóa thôn Đông');
    await pdf.destroy();
    // A session sitting has no public link: the officer is told what to do first.
    const none = await t.staff.request(
      'GET',
      `/api/admin/meetings/${t.fx.sitting.id}/invitations/poster.pdf`,
    );
    expect(none.status).toBe(404);
  });
});

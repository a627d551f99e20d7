// The staff app's pages beyond the first run, on a provincial council of 1,000 delegates: the
// member list (searched without diacritics, in pages), one delegate edited and their term ended
// (the number of serving delegates drops from that day), a voter meeting's public link and its QR
// poster PDF (the code decodes to that link), its 1,001 invitations (paged, searched without
// diacritics, one revoked), a meeting's minutes, the audit log with filters —
// each page without a serious axe violation — and a secretariat officer, who has no audit log and
// whose account the administrator locks, unlocks and gives a new password.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from '@playwright/test';
import { Body, Council, Invitation, Meeting, Member } from '../shared/admin';
import { ImportResult } from '../shared/member-import';
import { openPdf, pageQrCodes, pageText } from '../meeting-server/src/pdf/testing';
import { createStaffUser } from '../meeting-server/src/staff/service';
import { ADMIN, CLERK } from '../meeting-server/src/staff/testing';
import { expect, screenshot, test } from './fixtures';
import { seriousViolations } from './meeting-helpers';
import { jsonOf, startOwnServer, type OwnServer } from './own-server';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['Văn An', 'Thị Hoa', 'Văn Khánh', 'Thị Lan', 'Đức Minh', 'Thị Nga', 'Quang Phúc'];
/** 1,000 delegates; the first is the one the officer looks for, typing without diacritics. */
const NAMES = [
  'Đặng Thị Thủy',
  ...Array.from({ length: 999 }, (_, i) => `${FAMILY[i % 10]} ${GIVEN[i % 7]} ${i + 1}`),
];

let s: OwnServer;

test.beforeAll(async () => {
  s = await startOwnServer({ secret: 'staff-pages-secret-that-is-long-enough-0123' });
  await createStaffUser(s.db, { ...CLERK, fullName: 'Phạm Thị Thư Ký', isAdmin: false });
});
test.afterAll(async () => {
  await s?.stop();
});

async function seed() {
  const council = await jsonOf(
    await s.staff.request('POST', '/api/admin/councils', {
      name: 'HĐND tỉnh Bắc Giang',
      level: 'province',
      totalMembers: 1000,
    }),
    Council,
  );
  const rows = NAMES.map((fullName, i) => ({
    line: i + 2,
    values: {
      fullName,
      dateOfBirth: `19${60 + (i % 40)}-0${(i % 9) + 1}-1${i % 10}`,
      delegateGroup: `Tổ ${(i % 12) + 1}`,
      committees: [],
      unit: 'Sở Nội vụ tỉnh Bắc Giang',
      phone: `09${String(10_000_000 + i).padStart(8, '0')}`,
      email: null,
    },
  }));
  const imported = await jsonOf(
    await s.staff.request('POST', `/api/admin/councils/${council.id}/members/import/confirm`, {
      rows,
    }),
    ImportResult,
  );
  const body = await jsonOf(
    await s.staff.request('POST', `/api/admin/councils/${council.id}/bodies`, {
      kind: 'council',
      name: 'HĐND tỉnh (toàn thể)',
      memberIds: imported.memberIds,
    }),
    Body,
  );
  const voterMeeting = await jsonOf(
    await s.staff.request('POST', `/api/admin/councils/${council.id}/meetings`, {
      bodyId: body.id,
      kind: 'voter',
      title: 'Tiếp xúc cử tri phường Trần Phú',
      startsAt: '2026-12-19T01:00:00Z',
      agenda: [{ title: 'Báo cáo kết quả kỳ họp' }, { title: 'Cử tri phát biểu ý kiến' }],
    }),
    Meeting,
  );
  const voterLink = await jsonOf(
    await s.staff.request('POST', `/api/admin/meetings/${voterMeeting.id}/invitations`, {
      role: 'voter',
    }),
    Invitation,
  );
  return { council, voterMeeting, voterLink };
}

async function signedIn(browser: Browser, who: { email: string; password: string }) {
  // The server's CSP forbids inline scripts; axe-core is injected inline by the tests only.
  const context = await browser.newContext({ bypassCSP: true, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${s.url}/admin`);
  await expect(page.getByRole('heading', { name: 'Đăng nhập văn phòng' })).toBeVisible();
  await noSeriousViolation(page);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Hội đồng nhân dân' })).toBeVisible();
  return page;
}

async function noSeriousViolation(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

test('an administrator works through members, the poster, the minutes and the audit log', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { council, voterMeeting, voterLink } = await seed();
  // The member list the council page loads: all 1,000 at once, measured here for the README.
  const start = Date.now();
  const listRes = await s.staff.request('GET', `/api/admin/councils/${council.id}/members`);
  const listBytes = (await listRes.arrayBuffer()).byteLength;
  console.log(`1,000 members: ${listBytes} bytes in ${Date.now() - start} ms`);

  const page = await signedIn(browser, ADMIN);
  await noSeriousViolation(page);
  await page.getByRole('link', { name: 'HĐND tỉnh Bắc Giang' }).click();
  await expect(page.getByRole('heading', { name: 'Đại biểu (1000)' })).toBeVisible();
  await expect(page.getByText('Số đại biểu đang làm nhiệm vụ hôm nay: 1000')).toBeVisible();
  const members = page.getByRole('region', { name: 'Đại biểu', exact: true });
  // 50 rows a page (plus the header row), 20 pages.
  await expect(members.getByRole('row')).toHaveCount(51);
  await expect(page.getByText('Trang 1/20 (1000 dòng)')).toBeVisible();
  await page.getByRole('button', { name: 'Trang sau →' }).first().click();
  await expect(page.getByText('Trang 2/20 (1000 dòng)')).toBeVisible();
  // Typed without diacritics, the officer finds "Đặng Thị Thủy".
  await page.getByLabel('Tìm đại biểu').fill('dang thi thuy');
  await expect(members.getByRole('row')).toHaveCount(2);
  await expect(members.getByRole('row').nth(1)).toContainText('Đặng Thị Thủy');
  await noSeriousViolation(page);
  await screenshot(page, 'staff-members');

  // Her own page: a new phone number, then the end of her term as of today.
  await members.getByRole('link', { name: 'Sửa Đặng Thị Thủy' }).click();
  await expect(page.getByRole('heading', { name: 'Đặng Thị Thủy' })).toBeVisible();
  await page.getByLabel('Điện thoại').fill('+84 912 000 111');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã lưu.');
  await expect(page.getByLabel('Điện thoại')).toHaveValue('0912000111');
  await page.getByLabel('Lý do').selectOption({ label: 'Thôi làm nhiệm vụ đại biểu' });
  await expect(page.getByText(/còn 999 đại biểu đang làm nhiệm vụ/)).toBeVisible();
  await noSeriousViolation(page);
  await screenshot(page, 'staff-member');
  await page.getByRole('button', { name: 'Ghi nhận thôi làm nhiệm vụ' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Đã ghi nhận: Đặng Thị Thủy thôi làm nhiệm vụ. Số đại biểu đang làm nhiệm vụ từ ngày đó: 999.',
  );
  await expect(page.getByText(/Số đại biểu đang làm nhiệm vụ hôm nay: 999/)).toBeVisible();
  const saved = (
    await jsonOf(
      await s.staff.request('GET', `/api/admin/councils/${council.id}/members`),
      Member.array(),
    )
  ).find((m) => m.fullName === 'Đặng Thị Thủy')!;
  expect(saved.phone).toBe('0912000111');
  expect(saved.termEnd?.reason).toBe('resigned');

  // The voter meeting: its public link and the QR poster for the hall.
  await page.goto(`${s.url}/admin/meetings/${voterMeeting.id}`);
  await expect(
    page.getByRole('heading', { name: 'Tiếp xúc cử tri phường Trần Phú' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: voterLink.url })).toBeVisible();
  await page.getByLabel('Địa điểm in trên áp phích').fill('Nhà văn hóa tổ dân phố số 3');
  await page.getByLabel('Khổ giấy').selectOption('a3');
  await noSeriousViolation(page);
  await screenshot(page, 'staff-voter-meeting');
  const [poster] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải áp phích mã QR (PDF)' }).click(),
  ]);
  const pdf = await openPdf(new Uint8Array(await readFile((await poster.path())!)));
  expect(await pageQrCodes(pdf, 1)).toEqual([voterLink.url]);
  const { text } = await pageText(pdf, 1);
  expect(text).toContain('Quét mã để tham gia');
  expect(text).toContain('Địa điểm: Nhà văn hóa tổ dân phố số 3');
  const [, , width] = (await pdf.getPage(1)).view;
  expect(Math.round(width!)).toBe(842); // A3
  await pdf.destroy();

  // Its invitations for the whole council: 1,000 delegates and the public link, 50 a page, found
  // by name, role or state typed without diacritics.
  const invitations = page.getByRole('region', { name: 'Giấy mời và liên kết tham gia' });
  await page.getByRole('button', { name: 'Tạo giấy mời cho mọi thành viên' }).click();
  await expect(invitations.getByText('Trang 1/21 (1001 dòng)')).toBeVisible();
  await expect(invitations.getByRole('row')).toHaveCount(51);
  await invitations.getByRole('button', { name: 'Trang sau →' }).click();
  await expect(invitations.getByText('Trang 2/21 (1001 dòng)')).toBeVisible();
  const findInvitation = invitations.getByLabel('Tìm giấy mời (họ tên, vai trò, trạng thái)');
  await findInvitation.fill('tran thi hoa 142');
  await expect(invitations.getByRole('row')).toHaveCount(2);
  await expect(invitations.getByRole('row').nth(1)).toContainText('Trần Thị Hoa 142');
  await expect(invitations.getByRole('row').nth(1)).toContainText('Đại biểu');
  await invitations.getByRole('button', { name: 'Thu hồi Trần Thị Hoa 142' }).click();
  await expect(page.getByRole('status')).toHaveText(/Trần Thị Hoa 142/);
  await findInvitation.fill('da thu hoi');
  await expect(invitations.getByRole('row')).toHaveCount(2);
  await expect(invitations.getByRole('row').nth(1)).toContainText('Trần Thị Hoa 142');
  // Revoked by mistake: issued anew, with a new live link (the revoked one stays listed).
  await invitations.getByRole('button', { name: 'Cấp lại Trần Thị Hoa 142' }).click();
  await expect(page.getByRole('status')).toHaveText(/Đã cấp giấy mời mới cho Trần Thị Hoa 142/);
  await findInvitation.fill('tran thi hoa 142');
  await expect(invitations.getByRole('row')).toHaveCount(3);
  await expect(invitations.getByRole('row').filter({ hasText: 'Còn hiệu lực' })).toHaveCount(1);
  await expect(invitations.getByRole('button', { name: 'Cấp lại Trần Thị Hoa 142' })).toHaveCount(
    0,
  );
  await findInvitation.fill('cu tri');
  await expect(invitations.getByRole('row')).toHaveCount(2);
  await expect(invitations.getByRole('row').nth(1)).toContainText('Liên kết công khai');
  await findInvitation.fill('khong ai ten nay');
  await expect(invitations.getByText('Không có giấy mời nào khớp.')).toBeVisible();
  await noSeriousViolation(page);

  // Its minutes: on screen, and the PDF to sign.
  await page.getByRole('link', { name: 'Biên bản cuộc họp' }).click();
  await expect(
    page.getByRole('heading', { name: 'Biên bản: Tiếp xúc cử tri phường Trần Phú' }),
  ).toBeVisible();
  await expect(
    page.getByText(/^0 trên tổng số (999|1000) đại biểu đã có mặt trong cuộc họp\.$/),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Cử tri phát biểu ý kiến' }),
  ).toBeVisible();
  const [minutesPdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải biên bản (PDF)' }).click(),
  ]);
  const minutes = await openPdf(new Uint8Array(await readFile((await minutesPdf.path())!)));
  expect((await pageText(minutes, 1)).text).toContain('Tiếp xúc cử tri phường Trần Phú');
  await minutes.destroy();

  // The secretary's parts of the official minutes: saved, then in the Word file as written.
  const record = page.getByTestId('minutes-record');
  await record.getByLabel('Số, ký hiệu').fill('07/BB-HĐND');
  await record.getByLabel('Địa danh').fill('Trần Phú');
  await record
    .getByLabel('Kết luận nội dung 2: Cử tri phát biểu ý kiến')
    .fill('Chuyển 2 kiến nghị về giao thông tới UBND phường.');
  await record.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByText('Đã lưu dự thảo biên bản.')).toBeVisible();
  const [minutesDocx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải biên bản (Word .docx)' }).click(),
  ]);
  const docxXml = strFromU8(
    unzipSync(new Uint8Array(await readFile((await minutesDocx.path())!)))['word/document.xml']!,
  );
  const docxWords = docxXml.replace(/<[^>]+>/g, '');
  for (const s of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Số: 07/BB-HĐND',
    'Trần Phú, ngày',
    'Kết luận: Chuyển 2 kiến nghị về giao thông tới UBND phường.',
    'THƯ KÝ',
    'CHỦ TỌA',
  ]) {
    expect(docxWords, s).toContain(s);
  }
  await noSeriousViolation(page);
  await screenshot(page, 'staff-minutes');

  // The audit log: the term's end is there, found by who and by kind of action.
  await page.getByRole('link', { name: 'Nhật ký thao tác' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký thao tác' })).toBeVisible();
  const log = page.getByRole('region', { name: 'Nhật ký thao tác', exact: true });
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Người thực hiện').fill(s.staff.session.user.fullName.slice(0, 6));
  await page.getByLabel('Thao tác', { exact: true }).selectOption({ label: 'Đại biểu' });
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  const rows = log.getByRole('row');
  await expect(rows.nth(1)).toContainText('PATCH /api/admin/members/:memberId');
  const actions = await rows.locator('td:nth-child(3) code').allTextContents();
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => a.includes('/members'))).toBe(true);
  await rows.nth(1).getByText('Xem chi tiết').click();
  await expect(rows.nth(1)).toContainText('resigned');
  await page.getByLabel('Từ ngày').fill('2030-01-01');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page.getByText('Không có thao tác nào khớp.')).toBeVisible();
  await page.getByLabel('Từ ngày').fill('');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(rows.nth(1)).toBeVisible();
  await noSeriousViolation(page);
  await screenshot(page, 'staff-audit');

  // English works on the new pages too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.context().close();

  // A secretariat officer has no audit log.
  const clerk = await signedIn(browser, CLERK);
  await expect(clerk.getByRole('link', { name: 'Nhật ký thao tác' })).toHaveCount(0);
  await clerk.goto(`${s.url}/admin/audit`);
  await expect(clerk.getByText('Chỉ quản trị viên xem được nhật ký thao tác.')).toBeVisible();
  await noSeriousViolation(clerk);

  // The officer leaves the office: the administrator locks the account (she is signed out at
  // once), then, back, unlocks it with a new password handed to her in person.
  const admin = await signedIn(browser, ADMIN);
  await admin.getByRole('link', { name: 'Tài khoản' }).click();
  const row = admin.getByRole('row').filter({ hasText: 'Phạm Thị Thư Ký' });
  await row.getByRole('button', { name: 'Khóa Phạm Thị Thư Ký' }).click();
  await expect(admin.getByRole('status')).toHaveText(/Đã khóa tài khoản của Phạm Thị Thư Ký/);
  await expect(row).toContainText('Đã khóa');
  await clerk.reload();
  await expect(clerk.getByRole('heading', { name: 'Đăng nhập văn phòng' })).toBeVisible();
  await row.getByRole('button', { name: 'Mở khóa Phạm Thị Thư Ký' }).click();
  await expect(row).toContainText('Đang dùng');
  await row.getByRole('button', { name: 'Đặt lại mật khẩu Phạm Thị Thư Ký' }).click();
  const newPassword = 'Giấy mời gửi trước năm ngày!';
  await row.getByLabel('Mật khẩu mới cho Phạm Thị Thư Ký').fill(newPassword);
  await noSeriousViolation(admin);
  await screenshot(admin, 'staff-accounts');
  await row.getByRole('button', { name: 'Lưu' }).click();
  await expect(admin.getByRole('status')).toHaveText(/Đã đặt mật khẩu mới cho Phạm Thị Thư Ký/);
  await clerk.getByLabel('E-mail').fill(CLERK.email);
  await clerk.getByLabel('Mật khẩu').fill(newPassword);
  await clerk.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(clerk.getByText('Đang đăng nhập: Phạm Thị Thư Ký')).toBeVisible();
  await clerk.context().close();
  await admin.context().close();
});

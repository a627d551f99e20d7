// The petitions board from a voter's petition to its published answer, on the real stack: a voter
// sends a petition from a phone in a voter meeting and gets a reference number; the secretariat
// finds it on the board (search without diacritics), classifies it, forwards it, records the answer
// and publishes it; the public page shows it without the voter's name, and the voter follows it
// by the reference number. axe finds no serious violation on the board or on the public page.
import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { Body, Council, Invitation, Meeting, Member } from '../shared/admin';
import { openPdf, pageText } from '../meeting-server/src/pdf/testing';
import { ADMIN } from '../meeting-server/src/staff/testing';
import { expect, screenshot, test } from './fixtures';
import { PHONE, connected, seriousViolations } from './meeting-helpers';
import { jsonOf, startOwnServer, type OwnServer } from './own-server';

const VOTER = { name: 'Đinh Thị Mến', ward: 'Thôn Hòa Bình', contact: '0987 654 321' };
const TEXT =
  'Đề nghị sửa đoạn đường liên thôn từ cầu Hòa Bình đến trường tiểu học, mùa mưa rất lầy lội.';
const ANSWER =
  'UBND xã đã đưa tuyến đường liên thôn vào kế hoạch sửa chữa quý II năm 2027 với kinh phí 450 triệu đồng.';

async function seed(s: OwnServer) {
  const council = await jsonOf(
    await s.staff.request('POST', '/api/admin/councils', {
      name: 'HĐND xã Hòa An',
      level: 'commune',
      totalMembers: 3,
    }),
    Council,
  );
  const c = `/api/admin/councils/${council.id}`;
  const member = await jsonOf(
    await s.staff.request('POST', `${c}/members`, { fullName: 'Nguyễn Văn Bình' }),
    Member,
  );
  const body = await jsonOf(
    await s.staff.request('POST', `${c}/bodies`, {
      kind: 'council',
      name: 'HĐND xã Hòa An',
      memberIds: [member.id],
    }),
    Body,
  );
  const meeting = await jsonOf(
    await s.staff.request('POST', `${c}/meetings`, {
      bodyId: body.id,
      kind: 'voter',
      title: 'Tiếp xúc cử tri thôn Hòa Bình',
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      agenda: [{ title: 'Báo cáo kết quả kỳ họp' }, { title: 'Cử tri phát biểu, kiến nghị' }],
    }),
    Meeting,
  );
  const voterLink = await jsonOf(
    await s.staff.request('POST', `/api/admin/meetings/${meeting.id}/invitations`, {
      role: 'voter',
    }),
    Invitation,
  );
  return { council, meeting, voterLink };
}

async function phone(browser: Browser) {
  // The server's CSP forbids inline scripts; axe-core is injected inline by the tests only.
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    bypassCSP: true,
    locale: 'vi-VN',
  });
  return { context, page: await context.newPage() };
}

test('a voter’s petition goes through the board to the public page, found by its reference', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = await startOwnServer({ secret: 'petitions-e2e-secret-that-is-long-enough-42' });
  try {
    const { council, voterLink } = await seed(server);

    // The voter, on a phone, in the voter meeting.
    const voter = await phone(browser);
    await voter.page.goto(voterLink.url);
    await voter.page.getByLabel('Họ và tên').fill(VOTER.name);
    await voter.page.getByLabel(/Xã\/phường/).fill(VOTER.ward);
    await voter.page.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
    await connected(voter.page);
    await voter.page.getByLabel(/Số điện thoại/).fill(VOTER.contact);
    await voter.page.getByLabel('Nội dung kiến nghị').fill(TEXT);
    await voter.page.getByRole('button', { name: 'Gửi', exact: true }).click();
    const refShown = voter.page.getByTestId('petition-ref');
    await expect(refShown).toHaveText(/^KN-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const ref = (await refShown.textContent())!;

    // The secretariat signs in and opens the council's board.
    const staffContext = await browser.newContext({ bypassCSP: true, locale: 'vi-VN' });
    const staff = await staffContext.newPage();
    await staff.goto(`${server.url}/admin`);
    await staff.getByLabel('E-mail').fill(ADMIN.email);
    await staff.getByLabel('Mật khẩu').fill(ADMIN.password);
    await staff.getByRole('button', { name: 'Đăng nhập' }).click();
    await staff.getByRole('link', { name: council.name }).click();
    await staff.getByRole('link', { name: 'Mở bảng kiến nghị cử tri' }).click();
    await expect(
      staff.getByRole('heading', { name: /Kiến nghị cử tri — HĐND xã Hòa An/ }),
    ).toBeVisible();
    await expect(staff.getByRole('heading', { name: '1 kiến nghị' })).toBeVisible();

    // Search without diacritics; a search that matches nothing says what to do.
    await staff.getByLabel(/^Tìm/).fill('cau treo');
    await staff.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect(staff.getByText(/Không có kiến nghị nào khớp bộ lọc/)).toBeVisible();
    await staff.getByLabel(/^Tìm/).fill('duong lien thon hoa binh');
    await staff.getByLabel('Trạng thái').selectOption({ label: 'Đã tiếp nhận' });
    await staff.getByRole('button', { name: 'Lọc', exact: true }).click();
    const item = staff.getByTestId('board-petition');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(ref);
    await expect(item).toContainText(VOTER.name);
    await expect(item).toContainText(VOTER.contact);

    // Classify, forward, answer, publish.
    await staff.getByLabel('Trạng thái').selectOption({ label: 'Tất cả' });
    await staff.getByRole('button', { name: 'Lọc', exact: true }).click();
    await item.getByText(`Xử lý kiến nghị ${ref}`).click();
    await item.getByLabel('Phân loại').selectOption({ label: 'Giao thông, hạ tầng' });
    await item.getByRole('button', { name: 'Phân loại' }).click();
    await expect(staff.getByText(`Đã phân loại kiến nghị ${ref}.`)).toBeVisible();
    await item.getByLabel('Cơ quan có thẩm quyền').fill('UBND xã Hòa An');
    await item.getByRole('button', { name: 'Chuyển cơ quan' }).click();
    await expect(staff.getByText(`Đã chuyển kiến nghị ${ref} đến UBND xã Hòa An.`)).toBeVisible();
    await expect(item).toContainText('Đã chuyển cơ quan có thẩm quyền');
    await item.getByLabel('Nội dung trả lời').fill(ANSWER);
    await item.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
    await expect(staff.getByText(`Đã ghi nhận trả lời kiến nghị ${ref}.`)).toBeVisible();
    await item.getByRole('button', { name: 'Công khai', exact: true }).click();
    await expect(staff.getByText(`Đã công khai kiến nghị ${ref}.`)).toBeVisible();
    await expect(item).toContainText('Đã công khai');
    await expect(item).toContainText('Giao thông, hạ tầng');
    expect(await seriousViolations(staff)).toEqual([]);
    await screenshot(staff, 'staff-petitions');

    // The summary report of the round, grouped by field and by authority, without the voter's name.
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: 'Tải báo cáo (PDF)' }).click(),
    ]);
    const report = await openPdf(new Uint8Array(await readFile((await download.path())!)));
    const { text: reportText } = await pageText(report, 1);
    expect(reportText).toContain('BÁO CÁO TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI');
    expect(reportText).toContain('Giao thông, hạ tầng (1)');
    expect(reportText).toContain('UBND xã Hòa An (1)');
    expect(reportText).toContain(ref);
    expect(reportText).not.toContain(VOTER.name);

    // The public page, on a phone, with no cookie: the published petition and its answer.
    const reader = await phone(browser);
    await reader.page.goto(`${server.url}/cong-khai`);
    await expect(reader.page.getByRole('heading', { name: 'HĐND xã Hòa An' })).toBeVisible();
    await expect(
      reader.page.getByRole('link', { name: 'Tham gia buổi tiếp xúc cử tri' }),
    ).toHaveAttribute('href', voterLink.url);
    await reader.page.getByLabel(/^Tìm kiến nghị/).fill('sua duong lien thon');
    await reader.page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const published = reader.page.getByTestId('portal-petition');
    await expect(published).toHaveCount(1);
    await expect(published).toContainText(ANSWER);
    await expect(published).toContainText(ref);
    // The voter follows the petition by the number written down (any case, no dashes).
    await reader.page.getByLabel(/Số tham chiếu/).fill(ref.replace(/-/g, ' ').toLowerCase());
    await reader.page.getByRole('button', { name: 'Tra cứu' }).click();
    const track = reader.page.getByTestId('track-result');
    await expect(track).toContainText('Trạng thái: Đã trả lời — UBND xã Hòa An');
    await expect(track).toContainText(ANSWER);
    const text = await reader.page.locator('body').innerText();
    expect(text).not.toContain(VOTER.name);
    expect(text).not.toContain(VOTER.contact);
    expect(
      await reader.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(reader.page)).toEqual([]);
    await screenshot(reader.page, 'portal');

    // The link under the voter's receipt opens the public page with the petition looked up.
    const [portalTab] = await Promise.all([
      voter.context.waitForEvent('page'),
      voter.page.getByRole('link', { name: 'trang công khai của HĐND' }).click(),
    ]);
    await expect(portalTab.getByTestId('track-result')).toContainText(ANSWER);

    for (const ctx of [voter.context, staffContext, reader.context]) await ctx.close();
  } finally {
    await server.stop();
  }
});

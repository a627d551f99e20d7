// A constituent meeting seen from a voter's phone: the lobby at 360 px (accessible), and a name,
// a petition, an agenda item and a motion's title and text carrying HTML that every page — the
// chair's console, a delegate, a voter's phone, the hall display — shows as plain text, never runs.
import type { Page } from '@playwright/test';
import { expect, link, test } from './fixtures';
import { PHONE, cleanScreenshot, joinRoom, seriousViolations } from './meeting-helpers';
import { XSS_AGENDA_ITEM, roomLabel } from './meeting-seed';

test.describe.configure({ timeout: 120_000 });

const NAME = 'Lan <img src=x onerror="window.__xss=1">';
const PETITION = 'Đề nghị sửa đường thôn 3 <img src=x onerror="window.__xss=2"> trước mùa mưa.';

const MOTION = 'Lắp đèn đường <img src=x onerror="window.__xss=4"> thôn 3';
const MOTION_TEXT =
  '<script>window.__xss=5</script>Hội đồng biểu quyết <b>in đậm</b> & <i>nghiêng</i>.';

const ranScript = (page: Page) =>
  page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);

test('the voter lobby fits a 360 px phone and has no serious accessibility violations', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(link(roomLabel('xss', 'voter')));
  await expect(page.getByRole('heading', { name: /Phiên họp thử nghiệm/ })).toBeVisible();
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByLabel(/Xã\/phường/).fill('Tổ dân phố 5');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  expect(await seriousViolations(page)).toEqual([]);
  await cleanScreenshot(page, 'meeting-voter-lobby');
  await context.close();
});

test('the lobby switches to English and back to Vietnamese', async ({ page }) => {
  await page.goto(link(roomLabel('xss', 'voter')));
  await page.getByRole('button', { name: /^English/ }).click();
  await expect(page.getByRole('button', { name: 'Join the meeting' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: /^Tiếng Việt/ }).click();
  await expect(page.getByRole('button', { name: 'Tham gia cuộc họp' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('a name and a petition containing HTML show as text on every page and never run', async ({
  browser,
}) => {
  const chair = await joinRoom(browser, 'xss', 'chair');
  const delegate = await joinRoom(browser, 'xss', 'delegate1');
  const voter = await joinRoom(browser, 'xss', 'voter', { name: NAME, ward: 'Thôn 3' });

  await voter.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
  await expect(voter.page.getByTestId('hand-state')).toBeVisible();
  await voter.page.getByLabel('Nội dung kiến nghị').fill(PETITION);
  await voter.page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(voter.page.getByText(/Đã gửi kiến nghị/).first()).toBeVisible();

  await expect(chair.page.getByTestId('others')).toContainText(NAME);
  await expect(chair.page.getByTestId('queue')).toContainText(NAME);
  await chair.page.getByRole('button', { name: 'Tải lại' }).click();
  await expect(chair.page.getByTestId('petitions')).toContainText(PETITION);
  await expect(delegate.page.getByRole('listitem').filter({ hasText: NAME })).toBeVisible();

  for (const page of [chair.page, delegate.page, voter.page]) {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await ranScript(page)).toBeNull();
  }
  for (const j of [chair, delegate, voter]) await j.context.close();
});

test('an agenda item and a motion containing HTML show as text on every page and never run', async ({
  browser,
}) => {
  const chair = await joinRoom(browser, 'xss', 'chair');
  const delegate = await joinRoom(browser, 'xss', 'delegate1');
  const voter = await joinRoom(browser, 'xss', 'voter', { name: 'Cử tri Hòa' });
  const c = chair.page;
  await c
    .getByRole('listitem')
    .filter({ hasText: XSS_AGENDA_ITEM })
    .getByRole('button', { name: 'Chuyển sang nội dung này' })
    .click();
  for (const page of [c, delegate.page, voter.page]) {
    await expect(page.getByTestId('current-item')).toHaveText(`2. ${XSS_AGENDA_ITEM}`);
  }

  await c.getByText('Tạo nội dung biểu quyết').click();
  await c.getByLabel('Tên nội dung biểu quyết').fill(MOTION);
  await c.getByLabel('Nội dung (không bắt buộc)').fill(MOTION_TEXT);
  await c.getByLabel('Biểu quyết công khai', { exact: true }).check();
  await c.getByRole('button', { name: 'Tạo', exact: true }).click();
  const row = c.getByTestId('motion').filter({ hasText: MOTION });
  await row.getByRole('button', { name: 'Bắt đầu biểu quyết' }).click();
  const panel = delegate.page.getByTestId('vote-panel');
  await expect(panel).toContainText(MOTION);
  await expect(panel).toContainText(MOTION_TEXT);
  await row.getByRole('button', { name: 'Kết thúc biểu quyết' }).click();
  await row.getByRole('button', { name: 'Công bố kết quả' }).click();
  for (const page of [c, delegate.page, voter.page]) {
    await expect(page.getByTestId('result').filter({ hasText: MOTION }).first()).toBeVisible();
  }
  const [hall] = await Promise.all([
    chair.context.waitForEvent('page'),
    c.getByRole('button', { name: 'Mở màn hình hội trường' }).click(),
  ]);
  await expect(hall.getByTestId('hall')).toContainText(XSS_AGENDA_ITEM);
  await expect(hall.getByTestId('hall').getByTestId('result')).toContainText(MOTION);

  for (const page of [c, delegate.page, voter.page, hall]) {
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('b, i').filter({ hasText: /in đậm|nghiêng/ })).toHaveCount(0);
    expect(await ranScript(page)).toBeNull();
  }
  for (const j of [chair, delegate, voter]) await j.context.close();
});

test("the secretary's console runs the agenda and reads petitions, without the chair's buttons", async ({
  browser,
}) => {
  const secretary = await joinRoom(browser, 'xss', 'secretary');
  const page = secretary.page;
  await expect(page.getByRole('heading', { name: /Kiến nghị của cử tri/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bắt đầu điểm danh' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Khai mạc|Bế mạc)$/ })).toHaveCount(0);
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Bế mạc' })
    .getByRole('button', { name: 'Chuyển sang nội dung này' })
    .click();
  await expect(page.getByTestId('current-item')).toHaveText('3. Bế mạc');
  await secretary.context.close();
});

test('a voter cannot pass for the chair: invisible names are refused in the lobby, roles are badges from the server', async ({
  browser,
}) => {
  // A name that is only a zero-width space: the lobby says what is wrong before sending.
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, bypassCSP: true });
  const lobby = await context.newPage();
  await lobby.goto(link(roomLabel('xss', 'voter')));
  await lobby.getByLabel('Họ và tên').fill('\u200b');
  await lobby.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
  await expect(lobby.getByTestId('name-error')).toContainText('chữ cái hoặc chữ số nhìn thấy được');
  await expect(lobby.getByLabel('Họ và tên')).toHaveAttribute('aria-invalid', 'true');
  await context.close();

  const chair = await joinRoom(browser, 'xss', 'chair');
  // "Chủ tọa" typed backwards behind a right-to-left override, and the chair's title as a name.
  const disguised = await joinRoom(browser, 'xss', 'voter', { name: '\u202eaọt ủhC' });
  const titled = await joinRoom(browser, 'xss', 'voter', { name: 'Chủ tọa' });
  for (const v of [disguised, titled]) {
    await v.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
    await expect(v.page.getByTestId('hand-state')).toBeVisible();
  }
  const queue = chair.page.getByTestId('queue');
  // Each of their entries carries the voter's badge; no chair badge in the queue, whatever the
  // names say (the queue may hold other voters of this room).
  for (const name of ['aọt ủhC', 'Chủ tọa']) {
    const entry = queue.getByRole('listitem').filter({ hasText: name });
    await expect(entry.locator('.role-badge')).toHaveAttribute('data-role', 'voter');
    await expect(entry).toContainText('Vai trò: Cử tri');
  }
  await expect(queue.locator('.role-badge[data-role="chair"]')).toHaveCount(0);
  await expect(queue).toContainText('aọt ủhC');
  expect(await queue.innerText()).not.toContain('\u202e');

  // On the hall display too: the voter given the floor shows the voter's badge.
  await queue
    .getByRole('listitem')
    .filter({ hasText: 'Chủ tọa' })
    .getByRole('button', { name: /Mời phát biểu/ })
    .click();
  const [hall] = await Promise.all([
    chair.context.waitForEvent('page'),
    chair.page.getByRole('button', { name: 'Mở màn hình hội trường' }).click(),
  ]);
  const speaking = hall.getByTestId('hall');
  await expect(speaking.locator('.hall-speaker')).toHaveText('Chủ tọa');
  await expect(speaking.locator('.role-badge')).toHaveAttribute('data-role', 'voter');
  for (const j of [chair, disguised, titled]) await j.context.close();
});

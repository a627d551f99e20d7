// One council sitting, followed step by step by four people in their own browsers: the chair (the
// console), two delegates and a voter on a phone. Each test is one behaviour; they run in order on
// the same live meeting (real LiveKit, real server), as a sitting does.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  PEOPLE,
  cleanScreenshot,
  connected,
  joinRoom,
  seriousViolations,
  type Joined,
} from './meeting-helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let chair: Joined;
let d1: Joined;
let d2: Joined;
let voter: Joined;
const VOTER = 'Phạm Thị Dung';

/** Flags, for the rest of the page's life, any vote button or vote panel that ever appears. */
async function watchForVoteButtons(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { sawVoteButton: boolean };
    w.sawVoteButton = false;
    const check = () => {
      if (document.querySelector('[data-testid="vote-panel"], .choice-btn')) w.sawVoteButton = true;
    };
    check();
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  });
}

const all = () => [chair.page, d1.page, d2.page, voter.page];

async function createAndOpen(title: string, secret: boolean) {
  const p = chair.page;
  await p.getByText('Tạo nội dung biểu quyết').click();
  await p.getByLabel('Tên nội dung biểu quyết').fill(title);
  await p
    .getByLabel('Nội dung (không bắt buộc)')
    .fill(`Hội đồng nhân dân phường biểu quyết: ${title}.`);
  await p.getByLabel(secret ? 'Bỏ phiếu kín' : 'Biểu quyết công khai', { exact: true }).check();
  await p.getByRole('button', { name: 'Tạo', exact: true }).click();
  const row = p.getByTestId('motion').filter({ hasText: title });
  await row.getByRole('button', { name: 'Bắt đầu biểu quyết' }).click();
  await expect(row).toContainText('Đang biểu quyết');
  return row;
}

async function closeAndShow(title: string) {
  const row = chair.page.getByTestId('motion').filter({ hasText: title });
  await row.getByRole('button', { name: 'Kết thúc biểu quyết' }).click();
  await row.getByRole('button', { name: 'Công bố kết quả' }).click();
  await expect(row).toContainText('Kết quả đang hiển thị cho mọi người');
}

const resultOf = (page: Page, title: string) =>
  page.getByTestId('result').filter({ hasText: title }).first();

test.beforeAll(async ({ browser }) => {
  chair = await joinRoom(browser, 'vote', 'chair');
  d1 = await joinRoom(browser, 'vote', 'delegate1');
  d2 = await joinRoom(browser, 'vote', 'delegate2');
  voter = await joinRoom(browser, 'vote', 'voter', { name: VOTER });
  await chair.page.getByRole('button', { name: 'Khai mạc' }).click();
  await expect(voter.page.getByText('Đang họp')).toBeVisible();
  await watchForVoteButtons(voter.page);
});

test.afterAll(async () => {
  for (const j of [chair, d1, d2, voter]) await j?.context.close();
});

test('a voter asks to speak, the chair gives the floor, hears the voter, and ends it', async () => {
  await voter.page.getByRole('button', { name: 'Đăng ký phát biểu' }).click();
  await expect(voter.page.getByTestId('hand-state')).toContainText('thứ tự 1');

  await expect(chair.page.getByTestId('queue')).toContainText(VOTER);
  await chair.page.getByRole('button', { name: `Mời phát biểu: ${VOTER}` }).click();

  await expect(voter.page.getByTestId('floor')).toContainText(VOTER);
  await expect(voter.page.getByTestId('mic-state')).toHaveText('Micro đang bật');
  const voterAudio = chair.page.locator('audio[data-identity^="voter:"]');
  await expect(voterAudio).toHaveCount(1);

  // The chair mutes the speaker from the console; the voter's page says so and can turn it on.
  const mute = chair.page.getByRole('button', { name: `Tắt micrô: ${VOTER}` });
  await mute.click();
  await expect(voter.page.getByTestId('mic-state')).toHaveText('Micro đang tắt');
  await expect(mute).toHaveCount(0);
  await voter.page.getByTestId('mic-toggle').click();
  await expect(voter.page.getByTestId('mic-state')).toHaveText('Micro đang bật');
  await expect(mute).toHaveCount(1);

  await chair.page.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
  await expect(voterAudio).toHaveCount(0);
  await expect(voter.page.getByTestId('floor')).toHaveCount(0);
});

test('the chair moves a delegate up the speaker queue and the delegate sees the new place', async () => {
  await d1.page.getByRole('button', { name: 'Chất vấn', exact: true }).click();
  await expect(d1.page.getByTestId('hand-state')).toContainText('thứ tự 1');
  await d2.page.getByRole('button', { name: 'Phát biểu', exact: true }).click();
  await expect(d2.page.getByTestId('hand-state')).toContainText('thứ tự 2');

  await chair.page.getByRole('button', { name: `Đưa ${PEOPLE.delegate2} lên trước` }).click();
  await expect(chair.page.getByTestId('queue').getByRole('listitem').first()).toContainText(
    PEOPLE.delegate2,
  );
  await expect(d2.page.getByTestId('hand-state')).toContainText('thứ tự 1');
  await d1.page.getByRole('button', { name: 'Rút đăng ký' }).click();
  await expect(chair.page.getByTestId('queue')).not.toContainText(PEOPLE.delegate1);
});

test('a roll-call: a delegate confirms presence and the console counts it', async () => {
  await chair.page.getByRole('button', { name: 'Bắt đầu điểm danh' }).click();
  await d1.page.getByRole('button', { name: 'Xác nhận có mặt' }).click();
  await expect(d1.page.getByRole('region', { name: 'Điểm danh' })).toContainText(
    'Bạn đã xác nhận có mặt.',
  );
  await expect(chair.page.getByText('Đang điểm danh: 1 đại biểu đã xác nhận.')).toBeVisible();
  await chair.page.getByRole('button', { name: 'Kết thúc điểm danh' }).click();
  await expect(d1.page.getByRole('button', { name: 'Xác nhận có mặt' })).toHaveCount(0);
  await expect(d1.page.getByRole('region', { name: 'Điểm danh' })).toHaveCount(0);
});

test('an open vote: both delegates vote and the named result reaches all four pages', async () => {
  await chair.page
    .getByRole('listitem')
    .filter({ hasText: 'Dự thảo nghị quyết về chỉnh trang đô thị' })
    .getByRole('button', { name: 'Chuyển sang nội dung này' })
    .click();
  const title = 'Thông qua Nghị quyết chỉnh trang vỉa hè';
  const row = await createAndOpen(title, false);

  for (const [d, choice] of [
    [d1, 'Tán thành'],
    [d2, 'Tán thành'],
  ] as const) {
    const panel = d.page.getByTestId('vote-panel');
    await expect(panel).toContainText(title);
    await panel.getByRole('button', { name: choice, exact: true }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText(
      `Máy chủ đã ghi nhận: ${choice}`,
    );
    await expect(panel.getByRole('button', { name: choice, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  }
  await expect(row.getByTestId('cast-count')).toContainText('Đã bỏ phiếu: 2 / 3');
  await closeAndShow(title);

  for (const page of all()) {
    const result = resultOf(page, title);
    await expect(result).toContainText('THÔNG QUA');
    await expect(result.getByTestId('named-ballots')).toContainText(PEOPLE.delegate1);
    await expect(result.getByTestId('named-ballots')).toContainText(PEOPLE.delegate2);
  }
  await cleanScreenshot(voter.page, 'meeting-voter-result');
  expect(
    await voter.page.evaluate(
      () => (window as unknown as { sawVoteButton: boolean }).sawVoteButton,
    ),
  ).toBe(false);
});

test('a secret vote: the console shows only how many voted, and the result has no names', async () => {
  const title = 'Bầu Trưởng ban Pháp chế (bỏ phiếu kín)';
  const row = await createAndOpen(title, true);
  await d1.page.getByTestId('vote-panel').getByRole('button', { name: 'Không tán thành' }).click();
  await expect(d1.page.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');

  await expect(row.getByTestId('cast-count')).toContainText('Đã bỏ phiếu: 1 / 3');
  await expect(row).toContainText('chỉ hiển thị số người đã bỏ phiếu');
  await expect(row).not.toContainText(PEOPLE.delegate1);
  await expect(row).not.toContainText('Không tán thành');

  await closeAndShow(title);
  for (const page of all()) {
    const result = resultOf(page, title);
    await expect(result).toContainText('Bỏ phiếu kín — không công bố lựa chọn của từng người');
    await expect(result.getByTestId('named-ballots')).toHaveCount(0);
    await expect(result).not.toContainText(PEOPLE.delegate1);
  }
  expect(
    await voter.page.evaluate(
      () => (window as unknown as { sawVoteButton: boolean }).sawVoteButton,
    ),
  ).toBe(false);
});

test('a confidence vote: each official rated high, confidence or low, counted per official', async () => {
  const p = chair.page;
  const title = 'Lấy phiếu tín nhiệm giữa nhiệm kỳ';
  const officials = ['Nguyễn Văn Tín', 'Lê Thị Nhiệm'];
  await p.getByText('Tạo nội dung biểu quyết').click();
  await p.getByLabel('Tên nội dung biểu quyết').fill(title);
  await p.getByLabel('Lấy phiếu tín nhiệm (bỏ phiếu kín)').check();
  await p.getByLabel(/Người được lấy phiếu tín nhiệm/).fill(officials.join('\n'));
  await p.getByRole('button', { name: 'Tạo', exact: true }).click();
  const row = p.getByTestId('motion').filter({ hasText: title });
  await row.getByRole('button', { name: 'Bắt đầu biểu quyết' }).click();

  const panel = d1.page.getByTestId('vote-panel');
  await panel.getByRole('group', { name: officials[0] }).getByLabel('Tín nhiệm cao').check();
  await panel.getByRole('group', { name: officials[1] }).getByLabel('Tín nhiệm thấp').check();
  await panel.getByRole('button', { name: 'Gửi phiếu tín nhiệm' }).click();
  await expect(panel.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');
  await expect(row.getByTestId('cast-count')).toContainText('Đã bỏ phiếu: 1 / 3');

  await closeAndShow(title);
  for (const page of [d2.page, voter.page]) {
    const result = resultOf(page, title);
    for (const o of officials) await expect(result).toContainText(o);
    await expect(result.getByTestId('named-ballots')).toHaveCount(0);
    await expect(result).not.toContainText(PEOPLE.delegate1);
  }
});

test("a delegate's page reloads during an open vote and shows the vote and its own ballot again", async () => {
  const title = 'Thông qua chương trình giám sát năm 2027';
  await createAndOpen(title, false);
  const panel = d1.page.getByTestId('vote-panel');
  await panel.getByRole('button', { name: 'Không biểu quyết' }).click();
  await expect(panel.getByTestId('ballot-receipt')).toContainText(
    'Máy chủ đã ghi nhận: Không biểu quyết',
  );

  await d1.page.reload();
  await connected(d1.page);
  await expect(d1.page.getByRole('button', { name: 'Tham gia cuộc họp' })).toHaveCount(0);
  const again = d1.page.getByTestId('vote-panel');
  await expect(again).toContainText(title);
  await expect(again.getByTestId('ballot-receipt')).toHaveText(
    'Máy chủ đã ghi nhận phiếu của bạn: Không biểu quyết.',
  );
  await expect(again.getByRole('button', { name: 'Không biểu quyết' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await cleanScreenshot(d1.page, 'meeting-delegate-vote');
});

test('the delegate view and the console have no serious accessibility violations', async () => {
  await expect(chair.page.getByTestId('queue')).toContainText(PEOPLE.delegate2);
  expect(await seriousViolations(d1.page)).toEqual([]);
  expect(await seriousViolations(chair.page)).toEqual([]);
  await cleanScreenshot(chair.page, 'meeting-chair-console');
});

test('the hall display shows the speaker, the agenda item, the last result and the QR code', async () => {
  const title = 'Thông qua chương trình giám sát năm 2027';
  await closeAndShow(title);
  await chair.page.getByRole('button', { name: `Mời phát biểu: ${PEOPLE.delegate2}` }).click();
  const [hall] = await Promise.all([
    chair.context.waitForEvent('page'),
    chair.page.getByRole('button', { name: 'Mở màn hình hội trường' }).click(),
  ]);
  await hall.setViewportSize({ width: 1280, height: 720 });
  const display = hall.getByTestId('hall');
  await expect(display).toContainText(PEOPLE.delegate2);
  await expect(display).toContainText('Dự thảo nghị quyết về chỉnh trang đô thị');
  await expect(display.getByTestId('result')).toContainText(title);
  await expect(hall.getByRole('img', { name: 'Mã QR tham gia cuộc họp' })).toBeVisible();
  // The hall display follows the meeting without joining the room: the chair stays connected.
  await expect(chair.page.getByTestId('connection-state')).toHaveText('Đã kết nối');
  expect(await seriousViolations(hall)).toEqual([]);
  await cleanScreenshot(hall, 'meeting-hall-display');
});

test('the chair downloads the minutes as a PDF from the console', async () => {
  const [download] = await Promise.all([
    chair.page.waitForEvent('download'),
    chair.page.getByRole('button', { name: 'Tải PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bien-ban-.+\.pdf$/);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(chair.page.getByTestId('notice')).toContainText('Đã tải biên bản (PDF)');
});

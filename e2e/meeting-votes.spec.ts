// Kinds of vote from the chair's console, on the real stack: an election of a vice-chair with two
// candidates and a confidence rating of three officials (then a dismissal and a no-confidence vote). Ballots from the delegates' own browsers,
// results per candidate and per official on the hall display, in the minutes (PDF and CSV) and on
// the public page (figures only); then an encrypted secret election counted by the committee's
// browsers, its public board verified.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '../meeting-server/src/pdf/testing';
import { expect, test } from './fixtures';
import { verifyBoard, type Board } from '../shared/ballot-crypto';
import { joinRoom, PEOPLE, seriousViolations, type Joined } from './meeting-helpers';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let chair: Joined;
let d1: Joined;
let d2: Joined;
let hall: Page;

const ELECTION = 'Bầu Phó Chủ tịch HĐND phường';
const CANDIDATES = ['Trần Văn Bầu', 'Lê Thị Cử'];
const RATING = 'Lấy phiếu tín nhiệm cuối năm';
const OFFICIALS = ['Nguyễn Văn Một', 'Lê Thị Hai', 'Phạm Văn Ba'];

async function create(kind: string, title: string, namesLabel: RegExp, names: string[]) {
  const p = chair.page;
  await p.getByText('Tạo nội dung biểu quyết').click();
  await p.getByLabel('Tên nội dung biểu quyết').fill(title);
  await p.getByLabel(kind).check();
  await p.getByLabel(namesLabel).fill(names.join('\n'));
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

async function download(fmt: 'PDF' | 'CSV') {
  const [file] = await Promise.all([
    chair.page.waitForEvent('download'),
    chair.page.getByRole('button', { name: `Tải ${fmt}` }).click(),
  ]);
  return readFileSync(await file.path());
}

test.beforeAll(async ({ browser }) => {
  chair = await joinRoom(browser, 'elect', 'chair');
  d1 = await joinRoom(browser, 'elect', 'delegate1');
  d2 = await joinRoom(browser, 'elect', 'delegate2');
  await chair.page.getByRole('button', { name: 'Khai mạc' }).click();
  [hall] = await Promise.all([
    chair.context.waitForEvent('page'),
    chair.page.getByRole('button', { name: 'Mở màn hình hội trường' }).click(),
  ]);
});

test.afterAll(async () => {
  for (const j of [chair, d1, d2]) await j?.context.close();
});

test('an election of a vice-chair: keep or strike each candidate, results per candidate in the hall', async () => {
  const row = await create('Bầu (bỏ phiếu kín)', ELECTION, /Danh sách người ứng cử/, CANDIDATES);
  // Every delegate keeps at most one of the two; the count of those kept is always in view.
  const ballots: [Joined, string][] = [
    [chair, CANDIDATES[1]!],
    [d1, CANDIDATES[1]!],
    [d2, CANDIDATES[0]!],
  ];
  for (const [who, strike] of ballots) {
    const panel = who.page.getByTestId('vote-panel');
    await expect(panel.getByTestId('keep-count')).toHaveText(
      'Giữ lại tối đa 1 người (gạch tên những người còn lại). Đang giữ lại: 2.',
    );
    await expect(panel.getByRole('alert')).toContainText('KHÔNG HỢP LỆ');
    if (who === d1) expect(await seriousViolations(d1.page)).toEqual([]);
    await panel.getByRole('group', { name: strike }).getByLabel('Gạch tên').check();
    await expect(panel.getByTestId('keep-count')).toContainText('Đang giữ lại: 1.');
    await panel.getByRole('button', { name: 'Gửi phiếu bầu' }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');
  }
  await expect(row.getByTestId('cast-count')).toContainText('Đã bỏ phiếu: 3 / 3');
  await closeAndShow(ELECTION);

  const result = hall.getByTestId('hall').getByTestId('result');
  await expect(result).toContainText(ELECTION);
  const table = result.getByTestId('election-result');
  await expect(table.getByRole('row', { name: new RegExp(CANDIDATES[0]!) })).toContainText(
    /2\s*66,7%\s*Trúng cử/,
  );
  await expect(table.getByRole('row', { name: new RegExp(CANDIDATES[1]!) })).toContainText(
    /1\s*33,3%\s*Không trúng cử/,
  );
  await expect(result).toContainText('Số phiếu thu vào: 3; hợp lệ: 3 (phiếu trắng: 0)');
  await expect(result).not.toContainText('Phan Thị Hoa');
});

test('a confidence rating of three officials: counts and % of all per official in the hall', async () => {
  await create(
    'Lấy phiếu tín nhiệm (bỏ phiếu kín)',
    RATING,
    /Người được lấy phiếu tín nhiệm/,
    OFFICIALS,
  );
  const levels = ['Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp'];
  for (const [n, who] of [chair, d1, d2].entries()) {
    const panel = who.page.getByTestId('vote-panel');
    // The chair and the first delegate rate official k at levels k and k + 1 (mod 3); the
    // second delegate rates everyone low.
    for (const [k, o] of OFFICIALS.entries()) {
      const level = n === 2 ? 'Tín nhiệm thấp' : levels[(k + n) % 3]!;
      await panel.getByRole('group', { name: o }).getByLabel(level, { exact: true }).check();
    }
    await panel.getByRole('button', { name: 'Gửi phiếu tín nhiệm' }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');
  }
  await closeAndShow(RATING);
  const result = hall.getByTestId('hall').getByTestId('result');
  await expect(result).toContainText(RATING);
  // Nguyễn Văn Một: high (chair), confidence (d1), low (d2).
  await expect(result.getByRole('row', { name: new RegExp(OFFICIALS[0]!) })).toContainText(
    /1 \(33,3%\)\s*1 \(33,3%\)\s*1 \(33,3%\)/,
  );
  // Phạm Văn Ba: low (chair), high (d1), low (d2): low by two of three is flagged.
  await expect(result.getByRole('row', { name: new RegExp(OFFICIALS[2]!) })).toContainText(
    /1 \(33,3%\)\s*0 \(0%\)\s*2 \(66,7%\)/,
  );
  await expect(result).toContainText('đưa ra bỏ phiếu tín nhiệm');
});

test('the minutes carry the per-candidate and per-official figures, in the PDF and the CSV', async () => {
  const pdf = await pdfText(new Uint8Array(await download('PDF')));
  for (const s of [
    ELECTION,
    'Số phiếu thu vào 3; hợp lệ 3 (phiếu trắng 0); không hợp lệ 0.',
    `${CANDIDATES[0]}: Được 2 (66,7 %) phiếu — TRÚNG CỬ`,
    `${CANDIDATES[1]}: Được 1 (33,3 %) phiếu — không trúng cử`,
    `${OFFICIALS[0]}: Tín nhiệm cao 1 (33,3 %), tín nhiệm 1 (33,3 %), tín nhiệm thấp 1 (33,3 %)`,
    `${OFFICIALS[2]}: Tín nhiệm cao 1 (33,3 %), tín nhiệm 0 (0 %), tín nhiệm thấp 2 (66,7 %)`,
  ]) {
    expect(pdf, s).toContain(s);
  }
  const csv = new TextDecoder().decode(await download('CSV')).split('\r\n');
  expect(csv).toContain(
    `Kết quả theo người ứng cử,1,${CANDIDATES[0]},"Được 2 (66,7 %) phiếu — TRÚNG CỬ",`,
  );
  expect(csv).toContain(
    `Kết quả theo người ứng cử,1,${CANDIDATES[1]},"Được 1 (33,3 %) phiếu — không trúng cử",`,
  );
  expect(csv).toContain(
    `Kết quả theo người được lấy phiếu,2,${OFFICIALS[0]},"Tín nhiệm cao 1 (33,3 %), tín nhiệm 1 (33,3 %), tín nhiệm thấp 1 (33,3 %)",`,
  );
});

test('a dismissal and a no-confidence vote from the console: the right ballot, the rule, the result', async () => {
  const p = chair.page;
  await p.getByText('Tạo nội dung biểu quyết').click();
  await p.getByLabel('Tên nội dung biểu quyết').fill('Miễn nhiệm Trưởng ban Pháp chế');
  await p.getByLabel('Miễn nhiệm, bãi nhiệm (bỏ phiếu kín)').check();
  await p.getByLabel('Người bị miễn nhiệm, bãi nhiệm').fill('Đỗ Văn Miễn');
  // Each target shows the threshold this meeting's settings give it (here the law's defaults).
  await expect(p.getByLabel(/Bãi nhiệm đại biểu/)).toHaveAccessibleName(
    'Bãi nhiệm đại biểu — Ít nhất hai phần ba tổng số đại biểu',
  );
  await p.getByLabel(/Miễn nhiệm người giữ chức vụ/).check();
  await p.getByRole('button', { name: 'Tạo', exact: true }).click();
  const row = p.getByTestId('motion').filter({ hasText: 'Miễn nhiệm Trưởng ban' });
  await row.getByRole('button', { name: 'Bắt đầu biểu quyết' }).click();
  for (const who of [chair, d1]) {
    const panel = who.page.getByTestId('vote-panel');
    await expect(panel.getByTestId('dismissal-of')).toHaveText(
      'Miễn nhiệm người giữ chức vụ: Đỗ Văn Miễn',
    );
    await panel.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');
  }
  await closeAndShow('Miễn nhiệm Trưởng ban');
  const dismissal = hall.getByTestId('hall').getByTestId('result');
  await expect(dismissal.locator('.verdict')).toHaveText('THÔNG QUA');
  await expect(dismissal).toContainText('Miễn nhiệm người giữ chức vụ: Đỗ Văn Miễn');
  await expect(dismissal).toContainText('Cần ít nhất 2 phiếu tán thành (Quá nửa tổng số đại biểu)');

  await create(
    'Bỏ phiếu tín nhiệm (bỏ phiếu kín)',
    'Bỏ phiếu tín nhiệm Phạm Văn Ba',
    /Người được lấy phiếu tín nhiệm/,
    [OFFICIALS[2]!],
  );
  for (const [who, choice] of [
    [chair, 'Không tín nhiệm'],
    [d1, 'Không tín nhiệm'],
    [d2, 'Tín nhiệm'],
  ] as const) {
    const panel = who.page.getByTestId('vote-panel');
    await panel
      .getByRole('group', { name: OFFICIALS[2]! })
      .getByLabel(choice, { exact: true })
      .check();
    await panel.getByRole('button', { name: 'Gửi phiếu tín nhiệm' }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');
  }
  await closeAndShow('Bỏ phiếu tín nhiệm Phạm Văn Ba');
  const vote = hall.getByTestId('hall').getByTestId('result');
  await expect(vote.getByRole('row', { name: new RegExp(OFFICIALS[2]!) })).toContainText(
    /Không được tín nhiệm.*1 \(33,3%\).*2 \(66,7%\)/,
  );
});

test('the public page publishes the election and the rating as figures, without a cookie and without a ballot', async ({
  browser,
}) => {
  const origin = new URL(chair.page.url()).origin;
  const reader = await browser.newContext({ bypassCSP: true }); // bypassCSP: axe is injected
  const page = await reader.newPage();
  // The council of this meeting: the one whose public results hold the election.
  const councils = (await (await page.request.get(`${origin}/api/public/councils`)).json()) as {
    id: string;
  }[];
  let councilId = '';
  for (const c of councils) {
    const res = await page.request.get(`${origin}/api/public/councils/${c.id}/portal`);
    const text = await res.text();
    if (text.includes(ELECTION)) {
      councilId = c.id;
      expect(text).not.toContain('"ballots":[');
    }
  }
  expect(councilId).not.toBe('');
  await page.goto(`${origin}/cong-khai/${councilId}`);
  const votes = page.locator('#bieu-quyet');
  const election = votes.getByTestId('portal-vote').filter({ hasText: ELECTION });
  await expect(
    election.getByTestId('election-result').getByRole('row', { name: new RegExp(CANDIDATES[0]!) }),
  ).toContainText(/2\s*66,7%\s*Trúng cử/);
  await expect(election).toContainText('Số phiếu thu vào: 3; hợp lệ: 3 (phiếu trắng: 0)');
  const rating = votes.getByTestId('portal-vote').filter({ hasText: RATING });
  await expect(rating.getByRole('row', { name: new RegExp(OFFICIALS[0]!) })).toBeVisible();
  await expect(votes).not.toContainText('Kết quả theo từng đại biểu');
  expect(await seriousViolations(page)).toEqual([]);
  await reader.close();
});

test('an encrypted secret election: the counting committee’s browsers make the key and count it; the board verifies', async () => {
  // The chair names a committee of the three delegates; their pages make the key by themselves.
  const card = chair.page.getByTestId('committee');
  for (const name of [PEOPLE.chair, PEOPLE.delegate1, PEOPLE.delegate2])
    await card.getByLabel(name).check();
  await card.getByRole('button', { name: 'Lập ban gồm 3 người' }).click();
  for (const who of [chair, d1, d2]) {
    await expect(who.page.getByTestId('committee-key')).toContainText(
      'Khóa của ban đã sẵn sàng: cần 2 trên 3',
    );
  }
  const title = 'Bầu Trưởng ban kiểm phiếu kín';
  const row = await create('Bầu (bỏ phiếu kín)', title, /Danh sách người ứng cử/, CANDIDATES);
  const receipts: string[] = [];
  for (const [who, strike] of [
    [chair, CANDIDATES[1]!],
    [d1, CANDIDATES[0]!],
    [d2, CANDIDATES[1]!],
  ] as const) {
    const panel = who.page.getByTestId('vote-panel');
    await expect(panel).toContainText('mã hóa ngay trên máy của bạn');
    await panel.getByRole('group', { name: strike }).getByLabel('Gạch tên').check();
    await panel.getByRole('button', { name: 'Gửi phiếu bầu' }).click();
    await expect(panel.getByTestId('ballot-hash')).toContainText('Biên nhận phiếu');
    receipts.push(/[0-9a-f]{64}/.exec((await panel.getByTestId('ballot-hash').textContent())!)![0]);
  }
  await expect(row.getByTestId('cast-count')).toContainText('Đã bỏ phiếu: 3 / 3');
  await closeAndShow(title);
  // The committee's pages sent their shares; the count is in the hall.
  const result = hall.getByTestId('hall').getByTestId('result');
  await expect(result).toContainText(title);
  await expect(
    result.getByTestId('election-result').getByRole('row', { name: new RegExp(CANDIDATES[0]!) }),
  ).toContainText(/2\s*66,7%\s*Trúng cử/);
  // The public board holds every delegate's receipt and verifies; an altered copy does not.
  const motionId = (await result.locator('h2').getAttribute('id'))!.replace(/^result-/, '');
  const origin = new URL(chair.page.url()).origin;
  const board = (await (
    await chair.page.request.get(`${origin}/api/boards/${motionId}`)
  ).json()) as Board;
  expect(board.ballots.map((b) => b.receipt).sort()).toEqual([...receipts].sort());
  expect(verifyBoard(board)).toMatchObject({ ok: true, ballotCount: 3 });
  board.ballots[0]!.ballot = board.ballots[1]!.ballot;
  expect(verifyBoard(board).ok).toBe(false);
});

// A delegate and a voter open their invitation links in Chromium with fake media and connect to
// the real LiveKit room through the meeting server's web client.
import { expect, link, test } from './fixtures';

test('a delegate opens the invitation, joins with fake media and is connected', async ({
  page,
}) => {
  await page.goto(link('Trần Thị Bình'));
  await expect(page.getByRole('heading', { name: /Kỳ họp thứ nhất/ })).toBeVisible();
  await page.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
  await expect(page.getByTestId('connection-state')).toHaveText('Đã kết nối');
  await expect(page.getByText('Trần Thị Bình (bạn)')).toBeVisible();
});

test('a voter types a name on the public link and joins listen-only', async ({ page }) => {
  await page.goto(link('Cử tri'));
  await page.getByLabel('Họ và tên').fill('Phạm Thị Dung');
  await page.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
  await expect(page.getByTestId('connection-state')).toHaveText('Đã kết nối');
  await expect(page.getByText(/Bạn đang theo dõi cuộc họp/)).toBeVisible();
});

test('a forged invitation shows a clear Vietnamese error', async ({ page }) => {
  const real = link('Trần Thị Bình');
  await page.goto(
    real.replace(/\.[A-Za-z0-9_-]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
  );
  await expect(page.getByRole('alert')).toContainText('Liên kết mời không hợp lệ');
});

// One person, two tabs: LiveKit keeps only the newest connection per identity. The older tab must
// say so and stay out, not rejoin and push the newer one out in turn.
import { expect, link, test } from './fixtures';
import { connected } from './meeting-helpers';
import { roomLabel } from './meeting-seed';

test('a delegate who joins again in a second tab is told in the first, and the tabs do not fight', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto(link(roomLabel('xss', 'delegate2')));
  await first.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
  await connected(first);

  const second = await context.newPage();
  await second.goto(link(roomLabel('xss', 'delegate2')));
  await second.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
  await connected(second);

  await expect(first.getByRole('alert')).toContainText('ở một cửa sổ hoặc thiết bị khác');
  await expect(first.getByTestId('connection-state')).toHaveText('Đã rời cuộc họp');
  // The newer tab is still in the room after the older one has given up.
  await expect(second.getByTestId('connection-state')).toHaveText('Đã kết nối');
  await expect(second.getByText('Vũ Văn Khoa (bạn)')).toBeVisible();
  await context.close();
});

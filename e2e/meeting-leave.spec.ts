// Leave requests (xin vắng) in the browser: a delegate who cannot come asks from the lobby of his
// invitation (without entering the room), the chair approves in the console, the console shows him
// "vắng có lý do" apart from the absent, and the delegate sees the answer.
import { expect, link, test } from './fixtures';
import { PEOPLE, joinRoom } from './meeting-helpers';
import { roomLabel } from './meeting-seed';

test('a delegate asks for leave in the lobby, the chair approves, both see it', async ({
  browser,
}) => {
  const chair = await joinRoom(browser, 'leave', 'chair');
  const context = await browser.newContext();
  const delegate = await context.newPage();
  await delegate.goto(link(roomLabel('leave', 'delegate2')));
  await delegate.getByRole('button', { name: 'Xin vắng cuộc họp này' }).click();
  await delegate.getByLabel('Lý do xin vắng').fill('Đi khám bệnh theo lịch hẹn của bệnh viện tỉnh');
  await delegate.getByRole('button', { name: 'Gửi đơn xin vắng' }).click();
  await expect(delegate.getByTestId('leave-status')).toContainText('Đang chờ duyệt');

  const requests = chair.page.getByTestId('leave-requests');
  await requests.getByRole('button', { name: 'Tải lại' }).click();
  const row = requests.getByRole('listitem').filter({ hasText: PEOPLE.delegate2 });
  await expect(row).toContainText('Đi khám bệnh theo lịch hẹn');
  await row.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  await expect(row).toContainText('Đã đồng ý cho vắng');

  // The console's attendance: excused apart from absent; the quorum still counts all three.
  const members = chair.page.getByTestId('members');
  await expect(members.getByRole('listitem').filter({ hasText: PEOPLE.delegate2 })).toContainText(
    'vắng có lý do',
  );
  await expect(
    members.getByRole('listitem').filter({ hasText: PEOPLE.delegate1 }),
  ).not.toContainText('vắng có lý do');
  await expect(chair.page.getByTestId('quorum')).toContainText('Vắng có lý do: 1');

  await delegate.getByRole('button', { name: 'Xem trả lời' }).click();
  await expect(delegate.getByTestId('leave-status')).toContainText('Đã đồng ý cho vắng');
  await context.close();
  await chair.context.close();
});

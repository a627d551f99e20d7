// A delegate asks for leave (xin vắng) from the extension's side panel: the remembered invitation
// offers it without entering the room; the chair approves through the API the console uses, and
// the panel shows the answer. Once the sitting is held, the delegate's own participation record in
// the panel and the secretariat's .xlsx export both count it as an excused absence. (The side
// panel page runs in a tab at a side panel's width, as in sidepanel.spec.ts.)
import { meetingClient } from '../shared/meeting-client';
import { leaveRoutes } from '../shared/routes/leave';
import { readXlsx } from '../meeting-server/src/admin/member-import/xlsx';
import { ensureDemo } from '../meeting-server/src/demo';
import { expect, extensionId, launchWithExtension, test } from './fixtures';
import { startOwnServer } from './own-server';

const DELEGATE = 'Trần Thị Bình';
const REASON = 'Dự hội nghị tập huấn của Sở Tư pháp';

test('a delegate asks for leave from the side panel, sees it approved and counted in her record', async () => {
  test.setTimeout(90_000);
  const server = await startOwnServer({ secret: 'sidepanel-leave-secret-that-is-long-enough-01' });
  const context = await launchWithExtension();
  try {
    const links = await ensureDemo(server.db, {
      secret: server.secret,
      publicUrl: server.url,
      now: Date.now(),
    });
    const linkOf = (name: string) => links.find((l) => l.label.includes(name))!.url;
    const client = meetingClient({ base: server.url, lang: () => 'vi' });
    const chairSession = await client.joinMeeting({
      invitation: linkOf('Nguyễn Văn An').split('/j/')[1]!,
    });
    const meetingId = chairSession.meetingId;

    const id = await extensionId(context);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await panel.getByLabel('Liên kết mời họp').fill(linkOf(DELEGATE));
    await panel.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
    await expect(panel.getByTestId('connection-state')).toHaveText('Đã kết nối');
    // Back to the remembered invitation, where a delegate who cannot come asks for leave.
    await panel.getByRole('button', { name: 'Rời cuộc họp' }).click();
    const leave = panel.getByTestId('panel-leave');
    await leave.getByRole('button', { name: 'Xin vắng cuộc họp này' }).click();
    await leave.getByLabel('Lý do xin vắng').fill(REASON);
    await leave.getByRole('button', { name: 'Gửi đơn xin vắng' }).click();
    await expect(panel.getByTestId('panel-leave-status')).toContainText('Đang chờ duyệt');

    const token = chairSession.sessionToken;
    const [request] = await client.route(leaveRoutes.meetingLeaveRequests, {
      params: { meetingId },
      token,
    });
    expect(request).toMatchObject({ name: DELEGATE, reason: REASON, status: 'pending' });
    await client.route(leaveRoutes.decideLeave, {
      params: { meetingId, requestId: request!.id },
      body: { approved: true, note: 'Nhớ gửi ý kiến bằng văn bản' },
      token,
    });
    await leave.getByRole('button', { name: 'Xem trả lời' }).click();
    await expect(panel.getByTestId('panel-leave-status')).toContainText('Đã đồng ý cho vắng');
    await expect(panel.getByTestId('panel-leave-status')).toContainText(
      'Ghi chú: Nhớ gửi ý kiến bằng văn bản',
    );

    // The sitting is held (opened; its quorum is the console's business, tested elsewhere).
    await server.db.query(`UPDATE meetings SET status = 'open', opened_at = now() WHERE id = $1`, [
      meetingId,
    ]);
    const record = panel.getByTestId('panel-record');
    await record.getByRole('button', { name: 'Xem hồ sơ tham gia' }).click();
    await expect(record).toContainText('vắng có lý do 1');
    await expect(record.getByRole('listitem')).toContainText(['Vắng có lý do']);

    // The secretariat's export for the standing committee lists her as excused.
    const [held] = await server.db.query<{ council_id: string }>(
      'SELECT council_id FROM meetings WHERE id = $1',
      [meetingId],
    );
    const xlsx = await server.staff.request(
      'GET',
      `/api/admin/councils/${held!.council_id}/participation.xlsx`,
    );
    expect(xlsx.status).toBe(200);
    const [header, ...rows] = readXlsx(new Uint8Array(await xlsx.arrayBuffer())).rows.map(
      (r) => r.cells,
    );
    const excused = header!.indexOf('Vắng có lý do');
    expect(rows.find((r) => r[0] === DELEGATE)![excused]).toBe(1);
  } finally {
    await context.close();
    await server.stop().catch(() => undefined);
  }
});

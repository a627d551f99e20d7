// The meeting in the extension's side panel, end to end: a meeting server of this spec (the demo
// council seeded, so the invitation is the demo's, plus a published session package) on the real
// LiveKit, and the built extension in Chromium. The delegate subscribes to the package, joins from
// the side panel, sees the current agenda item's document one click away, raises a hand that the
// chair sees, and votes when the chair opens a vote; the SERVER's result names that ballot.
//
// The popup's button really opens the side panel, but Playwright cannot drive a side panel (it is
// no page of the context), so the delegate's steps run on the same page
// (chrome-extension://<id>/sidepanel.html) opened in a tab at a side panel's width.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { browser as ExtensionApi } from 'wxt/browser';
import { meetingClient } from '../shared/meeting-client';
import { ensureDemo } from '../meeting-server/src/demo';
import { expect, extensionId, launchWithExtension, screenshot, test } from './fixtures';
import { publishPackage, startOwnServer } from './own-server';

/** The extension's API inside `page.evaluate` on the extension's own pages. */
declare const chrome: typeof ExtensionApi;

const DELEGATE = 'Trần Thị Bình';
const DOC_TITLE = 'Dự thảo nghị quyết về dự toán ngân sách năm 2027';
const MOTION = 'Thông qua Nghị quyết về dự toán ngân sách năm 2027';

async function onePagePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(
    readFileSync(
      resolve(import.meta.dirname, '../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    ),
  );
  pdf.addPage([595, 842]).drawText(text, { x: 40, y: 780, size: 12, font });
  return pdf.save();
}

test('a delegate joins from the side panel, raises a hand, opens the item’s document and votes; the server records the ballot', async () => {
  test.setTimeout(90_000);
  const server = await startOwnServer({
    secret: 'sidepanel-e2e-secret-that-is-long-enough-0123',
  });
  const context = await launchWithExtension();
  try {
    const links = await ensureDemo(server.db, {
      secret: server.secret,
      publicUrl: server.url,
      now: Date.now(),
    });
    const linkOf = (name: string) => links.find((l) => l.label.includes(name))!.url;
    const tokenOf = (name: string) => linkOf(name).split('/j/')[1]!;

    // The chair works through the same API as the console (Node has no CORS to pass).
    const client = meetingClient({ base: server.url, lang: () => 'vi' });
    const chairSession = await client.joinMeeting({ invitation: tokenOf('Nguyễn Văn An') });
    const chair = client.meeting(chairSession.meetingId, () => chairSession.sessionToken);
    const item = (await chair.getState()).agenda[1]!;

    const { links: packageLinks } = await publishPackage(
      server,
      chairSession.meetingId,
      'Tài liệu kỳ họp thứ nhất',
      [{ title: DOC_TITLE, agendaItemId: item.id, bytes: await onePagePdf(DOC_TITLE) }],
    );
    const personal = packageLinks.personal.find((l) => l.name === DELEGATE)!.url;

    const id = await extensionId(context);
    // The popup's button opens the real side panel: a browser target Playwright lists as no page.
    const cdp = await context.newCDPSession(context.pages()[0]!);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    await popup.getByRole('button', { name: /^Họp trực tuyến \(bảng bên\)/ }).click();
    await expect
      .poll(async () =>
        (await cdp.send('Target.getTargets')).targetInfos.some((t) =>
          t.url.endsWith(`${id}/sidepanel.html`),
        ),
      )
      .toBe(true);

    const packages = await context.newPage();
    await packages.goto(
      `chrome-extension://${id}/packages.html?subscribe=${encodeURIComponent(personal)}`,
    );
    await expect(packages.getByTestId('package-status')).toHaveText(
      'Đã có đủ tài liệu, bản mới nhất.',
      { timeout: 30_000 },
    );

    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await panel.getByLabel('Liên kết mời họp').fill(linkOf(DELEGATE));
    await panel.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
    await expect(panel.getByTestId('connection-state')).toHaveText('Đã kết nối');

    // The sitting opens only with the quorum, and only members present vote: check them in.
    for (const m of (await chair.getState()).attendance.members)
      await chair.checkIn(m.memberId, true);
    await chair.setStatus('open');
    await chair.setAgendaItem(item.id);
    await expect(panel.getByTestId('current-item')).toHaveText(`${item.position}. ${item.title}`);
    const docs = panel.getByTestId('agenda-documents');
    await expect(docs).toContainText(DOC_TITLE);
    const opened = context.waitForEvent('page');
    await docs.getByRole('button', { name: `Mở tài liệu: ${DOC_TITLE}` }).click();
    const viewer = await opened;
    await expect(viewer).toHaveURL(/\/briefcase\.html#\/doc\//);
    await expect(viewer.getByTestId('viewer-title')).toContainText(DOC_TITLE, { timeout: 30_000 });
    // "Mở" again while it is open: that tab comes to the front, no second tab (#22).
    const tabActive = () =>
      viewer.evaluate(async () => (await chrome.tabs.getCurrent())?.active ?? null);
    const pages = context.pages().length;
    await panel.bringToFront();
    await expect.poll(tabActive).toBe(false);
    await docs.getByRole('button', { name: `Mở tài liệu: ${DOC_TITLE}` }).click();
    await expect.poll(tabActive).toBe(true);
    expect(context.pages().length).toBe(pages);
    await viewer.close();

    await panel.getByRole('button', { name: 'Chất vấn', exact: true }).click();
    await expect(panel.getByTestId('hand-state')).toContainText('thứ tự 1');
    const queued = (await chair.getState()).queue;
    expect(queued.map((e) => [e.name, e.kind])).toEqual([[DELEGATE, 'question']]);

    const motion = await chair.createMotion({
      title: MOTION,
      text: 'Hội đồng nhân dân xã biểu quyết thông qua dự toán ngân sách năm 2027.',
      agendaItemId: item.id,
      durationSeconds: 300,
    });
    await chair.openMotion(motion.id);
    const vote = panel.getByTestId('vote-panel');
    await expect(vote).toContainText(MOTION);
    await expect(vote).toContainText('dự toán ngân sách năm 2027.');
    await expect(vote.getByRole('timer')).toHaveText(/^[45]:\d\d$/);
    await vote.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText(
      'Máy chủ đã ghi nhận: Tán thành',
    );
    await screenshot(panel, 'extension-sidepanel-vote');

    // The server's own record: the closed vote's named ballots.
    const closed = (await chair.closeMotion(motion.id)).motions.find((m) => m.id === motion.id)!;
    expect(closed.result?.counts).toMatchObject({ for: 1, against: 0, abstain: 0, notVoted: 2 });
    expect(closed.result?.ballots?.find((b) => b.name === DELEGATE)?.choice).toBe('for');
    await expect(panel.getByTestId('result')).toContainText('KHÔNG THÔNG QUA');

    // An election in the side panel: keep or strike each candidate, "giữ lại tối đa 1".
    const election = await chair.createMotion({
      title: 'Bầu Phó Chủ tịch HĐND xã',
      agendaItemId: item.id,
      kind: 'election',
      officials: ['Trần Văn Bầu', 'Lê Thị Cử'],
      posts: 1,
    });
    await chair.openMotion(election.id);
    const ballot = panel.getByTestId('vote-panel');
    await expect(ballot.getByTestId('keep-count')).toContainText('Giữ lại tối đa 1 người');
    await ballot.getByRole('group', { name: 'Lê Thị Cử' }).getByLabel('Gạch tên').check();
    await expect(ballot.getByTestId('keep-count')).toContainText('Đang giữ lại: 1.');
    await ballot.getByRole('button', { name: 'Gửi phiếu bầu' }).click();
    await expect(panel.getByTestId('ballot-receipt')).toContainText('ghi nhận phiếu kín');
    const elected = (await chair.closeMotion(election.id)).motions.find(
      (m) => m.id === election.id,
    )!;
    expect(elected.result?.election?.candidates.map((c) => c.votes)).toEqual([1, 0]);
    await expect(panel.getByTestId('election-result')).toContainText('Trần Văn Bầu');
  } finally {
    await context.close();
    await server.stop().catch(() => undefined);
  }
});

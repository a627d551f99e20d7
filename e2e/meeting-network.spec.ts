// A delegate's page on a bad network, in Chromium against the real stack: (1) the network drops just
// after a ballot reached the server and before its answer came back — the page says so at once,
// and when the network is back it rejoins and shows the queue place, the open vote and the ballot
// as the SERVER has them; (2) on the stack's second server, whose LiveKit tokens live a few
// seconds, the page keeps refreshing its tokens and can still act after the tokens it joined with
// (and their session) have expired. The chair and the other delegate act through the API.
import type { JoinResponse } from '../shared/api';
import { meetingClient } from '../shared/meeting-client';
import { sessionTtlSeconds } from '../meeting-server/src/auth/participant';
import { expect, link, stack, test } from './fixtures';
import { connected, joinRoom } from './meeting-helpers';
import { SHORT_TOKEN_TTL_SECONDS, roomLabel, type RoomName, type RoomRole } from './meeting-seed';

const MOTION = 'Thông qua Nghị quyết về chợ phường';

/** Joins `role` to `room` through the API (no browser) of the stack's main server. */
async function apiAs(room: RoomName, role: RoomRole) {
  const url = new URL(link(roomLabel(room, role)));
  // The main server, even for the `refresh` room: its sessions outlast the test.
  const client = meetingClient({ base: stack().publicUrl, lang: () => 'vi' });
  const s = await client.joinMeeting({ invitation: url.pathname.split('/j/')[1]! });
  return { ...client.meeting(s.meetingId, () => s.sessionToken), meetingId: s.meetingId };
}

type Joined = Pick<JoinResponse, 'sessionToken' | 'token' | 'expiresAt' | 'identity'>;

test('a dropped network: the page says so, then restores the queue, the open vote and its ballot from the server', async ({
  browser,
}) => {
  const chair = await apiAs('network', 'chair');
  const d2 = await apiAs('network', 'delegate2');
  await chair.setStatus('open');
  const d1 = await joinRoom(browser, 'network', 'delegate1');
  const page = d1.page;
  try {
    await d2.raiseHand('speak');
    await page.getByRole('button', { name: 'Phát biểu', exact: true }).click();
    await expect(page.getByTestId('hand-state')).toContainText('thứ tự 2');
    const motion = await chair.createMotion({ agendaItemId: null, title: MOTION });
    await chair.openMotion(motion.id);
    const panel = page.getByTestId('vote-panel');
    await expect(panel).toContainText(MOTION);

    // The ballot reaches the server; the network drops before its answer comes back.
    await page.route('**/ballots', async (route) => {
      await route.fetch();
      await d1.context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await panel.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await expect(page.getByTestId('connection-state')).toHaveText('Mất kết nối, đang kết nối lại…');
    await expect(panel.getByRole('alert')).toBeVisible();
    await expect(panel.getByTestId('ballot-receipt')).toHaveText('Bạn chưa biểu quyết.');
    await page.unroute('**/ballots');

    // The sitting goes on meanwhile: the delegate ahead in the queue withdraws.
    await d2.lowerHand();

    await d1.context.setOffline(false);
    await connected(page);
    await expect(page.getByTestId('hand-state')).toContainText('thứ tự 1');
    await expect(panel).toContainText(MOTION);
    await expect(panel.getByTestId('ballot-receipt')).toHaveText(
      'Máy chủ đã ghi nhận phiếu của bạn: Tán thành.',
    );
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Tán thành', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // The server counted that one ballot, once.
    const open = (await chair.getState()).motions.find((m) => m.id === motion.id)!;
    expect(open.castCount).toBe(1);
  } finally {
    await d1.context.close();
  }
});

test('tokens that live a few seconds are refreshed: the page stays connected and can still act', async ({
  browser,
}) => {
  const chair = await apiAs('refresh', 'chair');
  await chair.setStatus('open');
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    // The tokens the page joins with, from the join answer itself.
    const joining = page.waitForResponse((r) => r.url().endsWith('/api/join'));
    await page.goto(link(roomLabel('refresh', 'delegate1')));
    await page.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
    const answer = await joining;
    // Taken after the answer arrived: no earlier than the server issued the tokens.
    const first = { issuedAt: Date.now(), session: (await answer.json()) as Joined };
    await connected(page);
    const stored = () =>
      page.evaluate(() => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith('hdnd.session.'))!;
        return JSON.parse(sessionStorage.getItem(key)!) as { session: Joined };
      });
    // LiveKit's token lives SHORT_TOKEN_TTL_SECONDS.
    expect(Date.parse(first.session.expiresAt) - first.issuedAt).toBeLessThanOrEqual(
      SHORT_TOKEN_TTL_SECONDS * 1000,
    );
    // Wait until both the first LiveKit token and the first session have expired.
    const sessionEnds = first.issuedAt + sessionTtlSeconds(SHORT_TOKEN_TTL_SECONDS) * 1000;
    await page.waitForTimeout(Math.max(0, sessionEnds + 500 - Date.now()));
    const original = await fetch(
      `${new URL(page.url()).origin}/api/meetings/${chair.meetingId}/state`,
      {
        headers: { authorization: `Bearer ${first.session.sessionToken}` },
      },
    );
    expect(original.status).toBe(401);

    await expect(page.getByTestId('connection-state')).toHaveText('Đã kết nối');
    const now = await stored();
    expect(now.session.token).not.toBe(first.session.token);
    expect(Date.parse(now.session.expiresAt)).toBeGreaterThan(Date.now());
    // Acting needs a live session: this one is a refreshed one.
    await page.getByRole('button', { name: 'Phát biểu', exact: true }).click();
    await expect(page.getByTestId('hand-state')).toContainText('thứ tự 1');
    // The chair's view (the server) has that hand.
    expect((await chair.getState()).queue.map((q) => q.identity)).toEqual([now.session.identity]);
  } finally {
    await context.close();
  }
});

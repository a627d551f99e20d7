// livekit-server restarted during a meeting: its own LiveKit (not the shared test one) is killed
// with SIGKILL and started again on the same port. While it is down the meeting API keeps
// working (the database decides; only the announcements fail). A real rtc-node client rejoins
// with a fresh token from POST /api/session/refresh, the state it fetches comes from the database
// (queue, open vote, ballots cast while LiveKit was down), and announcements reach it again.
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import type { MeetingState, Motion } from '../../../shared/meeting';
import { invitationToken } from '../invitations/service';
import { startLocalLiveKit } from '../livekit/local-server';
import { createInvitation } from '../meetings/store';
import { openTestDb } from '../testing/databases';
import { collectState, eventually, meetingApi, seedLiveMeeting, sessionFor } from '../testing/live';
import { TEST_SECRET, startTestServer } from '../testing/server';
import { FAULT_PORTS } from './helpers';

afterAll(async () => {
  await dispose();
});

describe('livekit-server restarted during a meeting', () => {
  it(
    'clients rejoin with a fresh token; state comes back from the database',
    { timeout: 90_000 },
    async () => {
      const port = FAULT_PORTS.livekitRestart;
      let lk = await startLocalLiveKit({ port });
      const db = await openTestDb('pglite');
      const logged: unknown[] = [];
      const server = await startTestServer(db, {
        livekit: lk,
        sweepIntervalMs: 0,
        log: (e) => logged.push(e),
      });
      const rooms: Room[] = [];
      try {
        const fx = await seedLiveMeeting(db, { members: 3, checkedIn: 3 });
        const chair = meetingApi(
          server.url,
          fx.meetingId,
          sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
        );
        const other = meetingApi(
          server.url,
          fx.meetingId,
          sessionFor(fx.meetingId, { role: 'member', memberId: fx.memberIds[2]! }).token,
        );
        // Member 1 joins through a real invitation, as the web client does.
        const invitationId = await createInvitation(db, {
          meetingId: fx.meetingId,
          role: 'member',
          memberId: fx.memberIds[1]!,
          expiresAt: new Date(Date.now() + 3_600_000),
        });
        const joinRes = await fetch(`${server.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            invitation: invitationToken(TEST_SECRET, {
              id: invitationId,
              meetingId: fx.meetingId,
              expiresAt: new Date(Date.now() + 3_600_000),
            }),
          }),
        });
        expect(joinRes.status).toBe(200);
        const joined = JoinResponse.parse(await joinRes.json());
        const member = meetingApi(server.url, fx.meetingId, joined.sessionToken);

        const first = new Room();
        rooms.push(first);
        const events: string[] = [];
        first
          .on(RoomEvent.Reconnecting, () => events.push('reconnecting'))
          .on(RoomEvent.Reconnected, () => events.push('reconnected'))
          .on(RoomEvent.Disconnected, () => events.push('disconnected'));
        const before = collectState(first);
        await first.connect(joined.livekitUrl, joined.token, {
          autoSubscribe: false,
          dynacast: false,
        });
        expect((await member.post('/hand', { kind: 'speak' })).status).toBe(200);
        const motion = (
          await chair.post<Motion>('/motions', { agendaItemId: null, title: 'Nghị quyết' })
        ).body;
        await chair.post(`/motions/${motion.id}/open`);
        const key = 'ballot-member-1-0001';
        expect(
          (
            await member.post(`/motions/${motion.id}/ballots`, {
              choice: 'for',
              idempotencyKey: key,
            })
          ).status,
        ).toBe(200);
        await eventually(async () => before.some((m) => m.state?.motions[0]?.castCount === 1));

        // LiveKit dies. The meeting goes on in the database: a hand and a ballot while it is down.
        const killedAt = performance.now();
        lk.process.kill('SIGKILL');
        await new Promise<void>((r) =>
          lk.process.exitCode !== null || lk.process.signalCode !== null
            ? r()
            : lk.process.once('exit', () => r()),
        );
        const failuresBefore = logged.length;
        expect((await other.post('/hand', { kind: 'question' })).status).toBe(200);
        expect(
          (
            await other.post(`/motions/${motion.id}/ballots`, {
              choice: 'against',
              idempotencyKey: 'ballot-member-2-0001',
            })
          ).status,
        ).toBe(200);
        await server.live.broadcaster.idle();
        const announcementsFailed = logged.length - failuresBefore;
        expect(announcementsFailed).toBeGreaterThan(0);

        lk = await startLocalLiveKit({ port });
        const downMs = performance.now() - killedAt;

        // The client rejoins with a fresh LiveKit token from the server.
        const rejoinAt = performance.now();
        const refreshed = await fetch(`${server.url}/api/session/refresh`, {
          method: 'POST',
          headers: { authorization: `Bearer ${joined.sessionToken}` },
        });
        expect(refreshed.status).toBe(200);
        const fresh = JoinResponse.parse(await refreshed.json());
        // Minted now (a token minted in the same second as the first is the same string).
        expect(Date.parse(fresh.expiresAt)).toBeGreaterThanOrEqual(Date.parse(joined.expiresAt));
        expect(fresh.room).toBe(joined.room);
        await first.disconnect();
        const second = new Room();
        rooms.push(second);
        const after = collectState(
          second,
          async () => (await member.get<MeetingState>('/state')).body,
        );
        await second.connect(fresh.livekitUrl, fresh.token, {
          autoSubscribe: false,
          dynacast: false,
        });
        const rejoinMs = performance.now() - rejoinAt;

        // Its refetch of the state: everything decided before and during the outage is there.
        const state = (await member.get<MeetingState>('/state')).body;
        expect(state.queue.map((q) => q.kind)).toEqual(['speak', 'question']);
        expect(state.motions[0]).toMatchObject({ status: 'open', castCount: 2 });
        // Announcements flow again, through the restarted LiveKit.
        const announcedAt = performance.now();
        await chair.post('/floor', { entryId: state.queue[0]!.id });
        const msg = await eventually(async () =>
          after.find((m) => m.version > state.version && m.state),
        );
        const announceMs = performance.now() - announcedAt;
        expect(msg.state?.floor?.identity).toBe(joined.identity);
        // The retried ballot of before the outage is still counted once.
        expect(
          (
            await member.post(`/motions/${motion.id}/ballots`, {
              choice: 'for',
              idempotencyKey: key,
            })
          ).status,
        ).toBe(200);
        const closed = (await chair.post<MeetingState>(`/motions/${motion.id}/close`)).body;
        expect(closed.motions[0]!.result!.counts).toMatchObject({ for: 1, against: 1 });
        console.log(
          `[livekit restart] LiveKit down ${downMs.toFixed(0)} ms (SIGKILL → listening again); ` +
            `while down: 1 hand and 1 ballot accepted (200), ${announcementsFailed} announcement(s) ` +
            `failed and were logged; old client saw [${events.join(', ')}]; rejoin with a fresh ` +
            `token ${rejoinMs.toFixed(0)} ms; state from the database: queue 2, castCount 2; next ` +
            `announcement received ${announceMs.toFixed(0)} ms after the change.`,
        );
      } finally {
        for (const r of rooms) await r.disconnect();
        await server.close();
        await db.destroy();
        await lk.stop();
      }
    },
  );
});

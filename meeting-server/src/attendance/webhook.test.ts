// Attendance from LiveKit webhooks: the ONLY test file listening on TEST_LIVEKIT_PORT+10, where the
// test LiveKit posts its webhooks. A real rtc-node client joining appears present, leaving absent;
// forged and replayed webhooks are refused; a webhook up to a day late still counts at LiveKit's
// time, an older one is refused; the same webhooks delivered twice, late or in any order give the
// same attendance; staff check-in and the roll-call change the state.
import { createHash, randomUUID } from 'node:crypto';
import { Room, dispose } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { MeetingState } from '../../../shared/meeting';
import { openTestDb, type TestDb } from '../testing/databases';
import {
  eventually,
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  type LiveFixture,
} from '../testing/live';
import { startTestServer, type RunningServer } from '../testing/server';

let db: TestDb;
let server: RunningServer;
let fx: LiveFixture;

beforeAll(async () => {
  db = await openTestDb('pglite');
  server = await startTestServer(db, { port: inject('livekit').port + 10, sweepIntervalMs: 0 });
  fx = await seedLiveMeeting(db, { members: 3 });
});
afterAll(async () => {
  await server.close();
  await db.destroy();
  await dispose();
});

const chair = () =>
  meetingApi(
    server.url,
    fx.meetingId,
    sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
  );

/** A webhook signed the way LiveKit signs them (JWT with the body's SHA-256), with any key. */
async function signedWebhook(body: string, apiSecret = inject('livekit').apiSecret) {
  const at = new AccessToken(inject('livekit').apiKey, apiSecret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return fetch(`${server.url}/api/livekit/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() },
    body,
  });
}
const joinedEvent = (id: string, memberId: string, createdAt = Math.floor(Date.now() / 1000)) =>
  JSON.stringify({
    event: 'participant_joined',
    id,
    createdAt: String(createdAt),
    room: { name: fx.roomName },
    participant: { identity: `member:${memberId}`, sid: `PA_${id}` },
  });

/** A participant event for `sid` of a member, stamped by LiveKit at `at` (seconds). */
const participantEvent = (
  room: string,
  kind: 'participant_joined' | 'participant_left',
  id: string,
  memberId: string,
  sid: string,
  at: number,
) =>
  JSON.stringify({
    event: kind,
    id,
    createdAt: String(at),
    room: { name: room },
    participant: {
      identity: `member:${memberId}`,
      sid,
      ...(kind === 'participant_joined'
        ? { joinedAt: String(at), joinedAtMs: String(at * 1000) }
        : {}),
    },
  });

describe('attendance', () => {
  it('a member joining the LiveKit room is present online, and absent after leaving', async () => {
    const memberId = fx.memberIds[1]!;
    const { token } = await server.livekit.mintToken({
      identity: `member:${memberId}`,
      name: 'Đại biểu 0002',
      room: fx.roomName,
      role: 'member',
      canPublish: true,
    });
    const entry = async () =>
      (await chair().get<MeetingState>('/state')).body.attendance.members.find(
        (m) => m.memberId === memberId,
      );
    const room = new Room();
    await room.connect(server.livekit.url, token, { autoSubscribe: false, dynacast: false });
    const present = await eventually(async () => {
      const e = await entry();
      return e?.present ? e : undefined;
    });
    expect(present.via).toBe('online');
    await room.disconnect();
    await eventually(async () => (await entry())?.present === false);
    const events = await db.query<{ event: string }>(
      'SELECT event FROM attendance_events WHERE member_id = $1 ORDER BY at',
      [memberId],
    );
    expect(events.map((e) => e.event)).toEqual(['joined', 'left']);
  });

  it('refuses a webhook signed with the wrong key (401) and records nothing', async () => {
    const res = await signedWebhook(
      joinedEvent('EV_forged', fx.memberIds[2]!),
      'a-wrong-secret-that-is-long-enough-000000',
    );
    expect(res.status).toBe(401);
    const s = await chair().get<MeetingState>('/state');
    expect(s.body.attendance.members.find((m) => m.memberId === fx.memberIds[2])!.present).toBe(
      false,
    );
  });

  it('refuses a replayed webhook', async () => {
    const body = joinedEvent('EV_replay', fx.memberIds[2]!);
    expect((await signedWebhook(body)).status).toBe(200);
    const again = await signedWebhook(body);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('webhook_replayed');
  });

  it('quorum follows staff check-in in the hall: two thirds of all members', async () => {
    const f = await seedLiveMeeting(db, { members: 3 });
    const staff = meetingApi(
      server.url,
      f.meetingId,
      sessionFor(f.meetingId, { role: 'secretary' }).token,
    );
    let s = await staff.post<MeetingState>('/attendance/check-in', {
      memberId: f.memberIds[0],
      present: true,
    });
    expect(s.body.attendance).toMatchObject({ present: 1, required: 2, quorum: false });
    s = await staff.post<MeetingState>('/attendance/check-in', {
      memberId: f.memberIds[1],
      present: true,
    });
    expect(s.body.attendance).toMatchObject({ present: 2, quorum: true });
    expect(s.body.attendance.members.find((m) => m.memberId === f.memberIds[1])!.via).toBe('hall');
  });

  it('a roll-call collects each member’s confirmation, and a new one starts empty', async () => {
    const f = await seedLiveMeeting(db, { members: 2 });
    const api = (o: Parameters<typeof sessionFor>[1]) =>
      meetingApi(server.url, f.meetingId, sessionFor(f.meetingId, o).token);
    const staff = api({ role: 'secretary' });
    const member = api({ role: 'member', memberId: f.memberIds[1]! });
    expect((await member.post('/roll-call/confirm')).status).toBe(409);
    expect((await staff.post<MeetingState>('/roll-call')).body.rollCall.open).toBe(true);
    const s = await member.post<MeetingState>('/roll-call/confirm');
    expect(s.body.rollCall.confirmedMemberIds).toEqual([f.memberIds[1]]);
    expect((await staff.post<MeetingState>('/roll-call')).body.rollCall.open).toBe(false);
    const again = await staff.post<MeetingState>('/roll-call');
    expect(again.body.rollCall).toMatchObject({ open: true, confirmedMemberIds: [] });
  });

  it('answers a voter’s join at once and stores nothing (only members’ events are recorded)', async () => {
    const body = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_voter',
      createdAt: String(Math.floor(Date.now() / 1000)),
      room: { name: fx.roomName },
      participant: { identity: 'voter:7f3a', sid: 'PA_voter' },
    });
    const attendance = async () => (await chair().get<MeetingState>('/state')).body.attendance;
    const before = await attendance();
    expect((await signedWebhook(body)).status).toBe(200);
    expect((await signedWebhook(body)).status).toBe(200);
    expect(await db.query("SELECT 1 FROM webhook_events WHERE id = 'EV_voter'")).toEqual([]);
    expect(await attendance()).toEqual(before);
  });

  it('leaves alone a participant in a room that is none of its meetings (a LiveKit shared with another server)', async () => {
    // Another deployment's meeting on the same LiveKit: its invitation is unknown here, and only
    // the server holding that meeting may judge it (attendance/admission.ts).
    const roomName = `other-server-${randomUUID()}`;
    const identity = `member:${randomUUID()}`;
    const { token } = await server.livekit.mintToken({
      identity,
      name: 'Đại biểu của máy chủ khác',
      room: roomName,
      role: 'member',
      canPublish: true,
      metadata: { invitationId: randomUUID() },
    });
    const seen = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM webhook_events'))[0]!.n);
    const before = await seen();
    const room = new Room();
    await room.connect(server.livekit.url, token, { autoSubscribe: false, dynacast: false });
    try {
      // The join's webhook has been answered (and remembered) …
      await eventually(async () => (await seen()) > before);
      // … and the participant is still in its room.
      const inRoom = await server.livekit.rooms.listParticipants(roomName);
      expect(inRoom.map((p) => p.identity)).toContain(identity);
      expect(room.isConnected).toBe(true);
    } finally {
      await room.disconnect();
    }
  });

  describe('webhooks delivered twice, late or out of order', () => {
    const t0 = Math.floor(Date.now() / 1000) - 120;
    const HOUR = 3600;
    const iso = (t: number) => new Date(t * 1000).toISOString();

    async function meeting() {
      const f = await seedLiveMeeting(db, { members: 2 });
      const memberId = f.memberIds[1]!;
      const staff = meetingApi(
        server.url,
        f.meetingId,
        sessionFor(f.meetingId, { role: 'secretary' }).token,
      );
      const post = (
        kind: 'participant_joined' | 'participant_left',
        sid: string,
        at: number,
        id: string = randomUUID(),
      ) => signedWebhook(participantEvent(f.roomName, kind, id, memberId, sid, at));
      const send = async (...args: Parameters<typeof post>) => (await post(...args)).status;
      const entry = async () =>
        (await staff.get<MeetingState>('/state')).body.attendance.members.find(
          (m) => m.memberId === memberId,
        )!;
      const log = async () =>
        (
          await db.query<{ event: string; at: Date }>(
            'SELECT event, at FROM attendance_events WHERE meeting_id = $1 AND member_id = $2 ORDER BY at, event',
            [f.meetingId, memberId],
          )
        ).map((e) => `${e.event} ${new Date(e.at).toISOString()}`);
      return { post, send, entry, log };
    }
    const codeOf = async (res: Response) => ((await res.json()) as { code: string }).code;

    it('counts a webhook an hour late at LiveKit’s time, and refuses its replay', async () => {
      const m = await meeting();
      const late = Math.floor(Date.now() / 1000) - HOUR;
      expect(await m.send('participant_joined', 'PA_1', late, 'EV_hour_late')).toBe(200);
      expect(await m.entry()).toMatchObject({ present: true, via: 'online', since: iso(late) });
      const replay = await m.post('participant_joined', 'PA_1', late, 'EV_hour_late');
      expect(replay.status).toBe(409);
      expect(await codeOf(replay)).toBe('webhook_replayed');
      expect(await m.log()).toEqual([`joined ${iso(late)}`]);
    });

    it('refuses a webhook 25 hours old with 409 webhook_stale, recording nothing', async () => {
      const m = await meeting();
      const old = Math.floor(Date.now() / 1000) - 25 * HOUR;
      const res = await m.post('participant_joined', 'PA_1', old, 'EV_day_old');
      expect(res.status).toBe(409);
      expect(await codeOf(res)).toBe('webhook_stale');
      expect((await m.entry()).present).toBe(false);
      expect(await m.log()).toEqual([]);
    });

    it('refuses a webhook dated 2 days ahead with 409 webhook_future, recording nothing', async () => {
      // A future date would outlive the replay window: its replay after 48 hours would count.
      const m = await meeting();
      const ahead = Math.floor(Date.now() / 1000) + 48 * HOUR;
      const res = await m.post('participant_joined', 'PA_1', ahead, 'EV_future');
      expect(res.status).toBe(409);
      expect(await codeOf(res)).toBe('webhook_future');
      expect((await m.entry()).present).toBe(false);
      expect(await m.log()).toEqual([]);
      // A clock a minute ahead is still fine.
      const minute = Math.floor(Date.now() / 1000) + 60;
      expect(await m.send('participant_joined', 'PA_2', minute, 'EV_minute_ahead')).toBe(200);
    });

    it('counts a webhook delivered twice (same id refused, new id ignored) once', async () => {
      const m = await meeting();
      expect(await m.send('participant_joined', 'PA_1', t0, 'EV_twice_join')).toBe(200);
      expect(await m.send('participant_joined', 'PA_1', t0, 'EV_twice_join')).toBe(409);
      expect(await m.send('participant_joined', 'PA_1', t0)).toBe(200);
      expect(await m.entry()).toMatchObject({ present: true, via: 'online', since: iso(t0) });
      expect(await m.send('participant_left', 'PA_1', t0 + 5)).toBe(200);
      expect(await m.send('participant_left', 'PA_1', t0 + 5)).toBe(200);
      expect(await m.entry()).toMatchObject({ present: false, since: null });
      expect(await m.log()).toEqual([`joined ${iso(t0)}`, `left ${iso(t0 + 5)}`]);
    });

    it('a participant_joined arriving after its participant_left leaves the member absent', async () => {
      const m = await meeting();
      expect(await m.send('participant_left', 'PA_1', t0 + 5)).toBe(200);
      expect((await m.entry()).present).toBe(false);
      expect(await m.send('participant_joined', 'PA_1', t0)).toBe(200);
      expect((await m.entry()).present).toBe(false);
      expect(await m.log()).toEqual([`joined ${iso(t0)}`, `left ${iso(t0 + 5)}`]);
    });

    it('a reconnect gives the same attendance whatever order its webhooks arrive in', async () => {
      // PA_1 joins at t0; the member reconnects as PA_2 at t0+10, which pushes PA_1 out at t0+11;
      // PA_2 leaves at t0+20. Present throughout from t0 to t0+20, whatever the order.
      const reconnect = [
        ['participant_joined', 'PA_1', t0],
        ['participant_joined', 'PA_2', t0 + 10],
        ['participant_left', 'PA_1', t0 + 11],
      ] as const;
      const orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
      ];
      for (const order of orders) {
        const m = await meeting();
        for (const i of order) {
          const [event, sid, at] = reconnect[i]!;
          expect(await m.send(event, sid, at)).toBe(200);
        }
        expect(await m.entry(), `order ${order.join('')}`).toMatchObject({
          present: true,
          via: 'online',
          since: iso(t0),
        });
        expect(await m.log()).toEqual([`joined ${iso(t0)}`]);
        expect(await m.send('participant_left', 'PA_2', t0 + 20)).toBe(200);
        expect((await m.entry()).present).toBe(false);
        expect(await m.log()).toEqual([`joined ${iso(t0)}`, `left ${iso(t0 + 20)}`]);
      }
    });
  });
});

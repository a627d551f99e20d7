// The security review's session attacks, replayed through the real livekit-server and the HTTP
// API on PGlite and PostgreSQL: a revoked delegate keeps voting, raising a hand and publishing
// audio (item 3); a voter's refreshed token publishes camera and screen share while holding the
// floor, and its microphone after the floor ended (item 2). And the tokens LiveKit cannot take
// back: reconnecting with one minted before a revocation, a member's term ending, or the chair
// ending a voter's floor early is undone on LiveKit's join webhook (attendance/admission.ts).
import {
  AudioSource,
  LocalAudioTrack,
  LocalVideoTrack,
  Room,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  VideoSource,
  dispose,
} from '@livekit/rtc-node';
import { TrackSource as ServerTrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import type { MeetingState, Motion } from '../../../shared/meeting';
import { FAULT_PORTS } from '../faults/helpers';
import { invitationToken } from '../invitations/service';
import { startLocalLiveKit, type LocalLiveKit } from '../livekit/local-server';
import { vietnamDay } from '../auth/standing';
import { createInvitation } from '../meetings/store';
import { ADMIN, seedStaff, signIn } from '../staff/testing';
import { DATABASE_KINDS, openTestDb } from '../testing/databases';
import { eventually, meetingApi, seedLiveMeeting, sessionFor } from '../testing/live';
import { TEST_SECRET, startTestServer, type RunningServer } from '../testing/server';

afterAll(async () => {
  await dispose();
});

/** Joins through POST /api/join with a personal invitation, as a client would. */
async function joinWith(server: RunningServer, iid: string, meetingId: string, name?: string) {
  const invitation = invitationToken(TEST_SECRET, {
    id: iid,
    meetingId,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  const res = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invitation, ...(name ? { name } : {}) }),
  });
  expect(res.status).toBe(200);
  return JoinResponse.parse(await res.json());
}

/** Publishes a silent microphone track; resolves when published. */
async function publishMic(room: Room) {
  const track = LocalAudioTrack.createAudioTrack('mic', new AudioSource(48_000, 1));
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await room.localParticipant!.publishTrack(track, options);
}

/** Tries to publish a camera or screen-share track; LiveKit may refuse it (errors are swallowed). */
async function tryPublishVideo(room: Room, source: TrackSource) {
  const track = LocalVideoTrack.createVideoTrack('video', new VideoSource(64, 48));
  const options = new TrackPublishOptions();
  options.source = source;
  await Promise.race([
    room.localParticipant!.publishTrack(track, options).catch(() => undefined),
    new Promise((r) => setTimeout(r, 3000)),
  ]);
}

describe.each(DATABASE_KINDS)('ending sessions on %s', (kind) => {
  it('revoking an invitation ends its session at once: no ballot, no hand, out of the room', async () => {
    const db = await openTestDb(kind);
    // All present: the vote needs the quorum, and a ballot refused must be refused for the revoke.
    // Members unmute themselves here (this is about revocation, not the chair's microphones).
    const fx = await seedLiveMeeting(db, {
      members: 3,
      checkedIn: 3,
      settings: { microphones: 'free' },
    });
    await seedStaff(db);
    const server = await startTestServer(db, { sweepIntervalMs: 0 });
    const room = new Room();
    try {
      const memberId = fx.memberIds[1]!;
      const iid = await createInvitation(db, {
        meetingId: fx.meetingId,
        role: 'member',
        memberId,
        expiresAt: new Date(Date.now() + 3600_000),
      });
      const joined = await joinWith(server, iid, fx.meetingId);
      const delegate = meetingApi(server.url, fx.meetingId, joined.sessionToken);
      await room.connect(joined.livekitUrl, joined.token, {
        autoSubscribe: false,
        dynacast: false,
      });
      await publishMic(room);
      const inRoom = async () =>
        (await server.livekit.rooms.listParticipants(fx.roomName)).find(
          (p) => p.identity === joined.identity,
        );
      await eventually(async () => ((await inRoom())?.tracks.length ?? 0) > 0);
      const disconnected = new Promise<void>((r) => room.once(RoomEvent.Disconnected, () => r()));

      const chair = meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
      );
      const motion = (await chair.post<Motion>('/motions', { agendaItemId: null, title: 'NQ' }))
        .body;
      expect((await chair.post(`/motions/${motion.id}/open`)).status).toBe(200);

      const staff = await signIn(server.url, ADMIN);
      const revoked = await staff.request(
        'POST',
        `/api/admin/meetings/${fx.meetingId}/invitations/${iid}/revoke`,
      );
      expect(revoked.status).toBe(200);

      // The session that existed before the revocation is refused everywhere, with the reason.
      const ballot = await delegate.post(`/motions/${motion.id}/ballots`, {
        choice: 'for',
        idempotencyKey: 'sau-khi-thu-hoi-1',
      });
      expect([ballot.status, ballot.body]).toMatchObject([401, {}]);
      expect(ApiError.parse(ballot.body).code).toBe('invitation_revoked');
      expect(ApiError.parse(ballot.body).message.vi).toMatch(/thu hồi/);
      expect((await delegate.post('/hand', { kind: 'speak' })).status).toBe(401);
      expect((await delegate.get('/state')).status).toBe(401);
      const refreshed = await fetch(`${server.url}/api/session/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${joined.sessionToken}` },
      });
      expect(refreshed.status).toBe(401);
      const state = (await chair.get<MeetingState>('/state')).body;
      expect(state.queue).toEqual([]);
      expect(state.motions.find((m) => m.id === motion.id)?.castCount).toBe(0);

      // And the delegate is out of the LiveKit room, no longer publishing.
      await disconnected;
      await eventually(async () => (await inRoom()) === undefined);
    } finally {
      await room.disconnect();
      await server.close();
      await db.destroy();
    }
  }, 300_000);
});

describe('LiveKit grants follow the participant (pglite)', () => {
  it("a voter's refreshed token on the floor publishes the microphone only, and dies with the floor", async () => {
    const db = await openTestDb('pglite');
    const fx = await seedLiveMeeting(db, { members: 3, kind: 'voter' });
    const server = await startTestServer(db, { sweepIntervalMs: 200 });
    let room = new Room();
    try {
      const iid = await createInvitation(db, {
        meetingId: fx.meetingId,
        role: 'voter',
        expiresAt: new Date(Date.now() + 3600_000),
      });
      const joined = await joinWith(server, iid, fx.meetingId, 'Cử tri Dung');
      expect(joined.canPublish).toBe(false);
      const voter = meetingApi(server.url, fx.meetingId, joined.sessionToken);
      const chair = meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
      );
      const raised = await voter.post<MeetingState>('/hand', { kind: 'speak' });
      const given = await chair.post<MeetingState>('/floor', {
        entryId: raised.body.queue[0]!.id,
        seconds: 20,
      });
      const floorEndsAt = new Date(given.body.floor!.endsAt).getTime();

      // The review's attack: refresh while holding the floor, then use that token.
      const res = await fetch(`${server.url}/api/session/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${joined.sessionToken}` },
      });
      const onFloor = JoinResponse.parse(await res.json());
      expect(onFloor.canPublish).toBe(true);
      await room.connect(onFloor.livekitUrl, onFloor.token, {
        autoSubscribe: false,
        dynacast: false,
      });
      const me = async () =>
        (await server.livekit.rooms.listParticipants(fx.roomName)).find(
          (p) => p.identity === joined.identity,
        );
      await publishMic(room);
      await eventually(async () => ((await me())?.tracks.length ?? 0) > 0);
      await tryPublishVideo(room, TrackSource.SOURCE_CAMERA);
      await tryPublishVideo(room, TrackSource.SOURCE_SCREENSHARE);
      await new Promise((r) => setTimeout(r, 1000));
      expect((await me())!.tracks.map((t) => t.source)).toEqual([ServerTrackSource.MICROPHONE]);
      expect((await me())?.permission?.canPublishSources).toEqual([ServerTrackSource.MICROPHONE]);

      // The floor ends by its timer; the token minted on the floor does not outlive it (LiveKit
      // still accepts it for its one-minute clock leeway: the join check in admission.ts takes
      // the microphone back, tested below with a LiveKit whose webhooks reach its server).
      await room.disconnect();
      room = new Room();
      await new Promise((r) => setTimeout(r, Math.max(0, floorEndsAt - Date.now())));
      await eventually(
        async () => (await chair.get<MeetingState>('/state')).body.floor === null,
        20_000,
      );
      const { exp } = JSON.parse(
        Buffer.from(onFloor.token.split('.')[1]!, 'base64url').toString(),
      ) as { exp: number };
      expect(exp * 1000).toBeLessThanOrEqual(floorEndsAt);
      // A token refreshed now carries no publishing at all.
      const after = JoinResponse.parse(
        await (
          await fetch(`${server.url}/api/session/refresh`, {
            method: 'POST',
            headers: { authorization: `Bearer ${joined.sessionToken}` },
          })
        ).json(),
      );
      expect(after.canPublish).toBe(false);
      await room.connect(after.livekitUrl, after.token, { autoSubscribe: false, dynacast: false });
      expect((await me())?.permission?.canPublish).toBe(false);
    } finally {
      await room.disconnect();
      await server.close();
      await db.destroy();
    }
  }, 300_000);
});

/**
 * The tokens LiveKit cannot take back, replayed against a LiveKit of this test's own whose
 * webhooks come to this test's server (the shared test LiveKit posts to webhook.test.ts).
 */
describe('a token minted before its session ended cannot get back in (pglite)', () => {
  let lk: LocalLiveKit;
  beforeAll(async () => {
    lk = await startLocalLiveKit({
      port: FAULT_PORTS.rejoin,
      webhookUrls: [`http://127.0.0.1:${FAULT_PORTS.rejoin + 5}/api/livekit/webhook`],
    });
  });
  afterAll(async () => {
    await lk?.stop();
  });

  /** A server listening where this LiveKit posts its webhooks, on a fresh PGlite. */
  async function setUp(kind: 'council' | 'voter') {
    const db = await openTestDb('pglite');
    // A council meeting whose members unmute themselves: the old tokens publish a microphone.
    const fx = await seedLiveMeeting(db, {
      members: 3,
      ...(kind === 'voter' ? { kind } : { settings: { microphones: 'free' } }),
    });
    await seedStaff(db);
    const server = await startTestServer(db, {
      sweepIntervalMs: 0,
      port: FAULT_PORTS.rejoin + 5,
      livekit: { url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret },
    });
    const inRoom = async (identity: string) =>
      (await server.livekit.rooms.listParticipants(fx.roomName).catch(() => [])).find(
        (p) => p.identity === identity,
      );
    return { db, fx, server, inRoom };
  }

  /** Connects with `token` and publishes a microphone, as the attacker does (may be cut off). */
  async function reconnect(url: string, token: string): Promise<Room> {
    const room = new Room();
    await room.connect(url, token, { autoSubscribe: false, dynacast: false });
    await Promise.race([
      publishMic(room).catch(() => undefined),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    return room;
  }

  it("a revoked delegate's or a former member's old token is thrown out of the room again", async () => {
    const { db, fx, server, inRoom } = await setUp('council');
    const rooms: Room[] = [];
    try {
      const staff = await signIn(server.url, ADMIN);
      for (const [memberId, end] of [
        [fx.memberIds[1]!, 'revoke'],
        [fx.memberIds[2]!, 'term'],
      ] as const) {
        const iid = await createInvitation(db, {
          meetingId: fx.meetingId,
          role: 'member',
          memberId,
          expiresAt: new Date(Date.now() + 3600_000),
        });
        const joined = await joinWith(server, iid, fx.meetingId);
        rooms.push(await reconnect(joined.livekitUrl, joined.token));
        await eventually(async () => ((await inRoom(joined.identity))?.tracks.length ?? 0) > 0);

        const ended =
          end === 'revoke'
            ? await staff.request(
                'POST',
                `/api/admin/meetings/${fx.meetingId}/invitations/${iid}/revoke`,
              )
            : await staff.request('PATCH', `/api/admin/members/${memberId}`, {
                termEnd: { on: vietnamDay(Date.now()), reason: 'resigned' },
              });
        expect(ended.status).toBe(200);
        // Out of the room at once, and every request of the session is refused with the reason.
        await eventually(async () => (await inRoom(joined.identity)) === undefined);
        const refused = await meetingApi(server.url, fx.meetingId, joined.sessionToken).get(
          '/state',
        );
        expect(refused.status).toBe(401);
        expect(ApiError.parse(refused.body).code).toBe(
          end === 'revoke' ? 'invitation_revoked' : 'term_ended',
        );

        // The attack: the LiveKit token minted before is still valid for ten minutes. It
        // connects (LiveKit cannot refuse it), and is removed on LiveKit's join webhook.
        const again = await reconnect(joined.livekitUrl, joined.token);
        rooms.push(again);
        await eventually(async () => (await inRoom(joined.identity)) === undefined, 10_000);
        await new Promise((r) => setTimeout(r, 1000));
        expect(await inRoom(joined.identity)).toBeUndefined();
      }
    } finally {
      await Promise.all(rooms.map((r) => r.disconnect()));
      await server.close();
      await db.destroy();
    }
  }, 120_000);

  it('a floor token reconnecting after the chair ended the floor early publishes nothing', async () => {
    const { db, fx, server, inRoom } = await setUp('voter');
    let room: Room | undefined;
    try {
      const iid = await createInvitation(db, {
        meetingId: fx.meetingId,
        role: 'voter',
        expiresAt: new Date(Date.now() + 3600_000),
      });
      const joined = await joinWith(server, iid, fx.meetingId, 'Cử tri Dung');
      const voter = meetingApi(server.url, fx.meetingId, joined.sessionToken);
      const chair = meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
      );
      const raised = await voter.post<MeetingState>('/hand', { kind: 'speak' });
      await chair.post('/floor', { entryId: raised.body.queue[0]!.id, seconds: 300 });
      // The floor token: the microphone, valid until the floor's planned end (5 minutes).
      const onFloor = JoinResponse.parse(
        await (
          await fetch(`${server.url}/api/session/refresh`, {
            method: 'POST',
            headers: { authorization: `Bearer ${joined.sessionToken}` },
          })
        ).json(),
      );
      expect(onFloor.canPublish).toBe(true);
      expect((await chair.del<MeetingState>('/floor')).body.floor).toBeNull();

      // The attack: reconnect with the floor token and publish the microphone.
      room = await reconnect(onFloor.livekitUrl, onFloor.token);
      await eventually(async () => {
        const me = await inRoom(joined.identity);
        return me !== undefined && me.permission?.canPublish === false && me.tracks.length === 0;
      }, 10_000);
      // Still in the room, listening: the voter has done nothing wrong.
      await new Promise((r) => setTimeout(r, 1000));
      const me = await inRoom(joined.identity);
      expect(me?.permission?.canPublish).toBe(false);
      expect(me?.tracks).toEqual([]);
    } finally {
      await room?.disconnect();
      await server.close();
      await db.destroy();
    }
  }, 120_000);
});

// The security review's session attacks, replayed through the real livekit-server and the HTTP
// API on PGlite and PostgreSQL: a revoked delegate keeps voting, raising a hand and publishing
// audio (item 3); a voter's refreshed token publishes camera and screen share while holding the
// floor, and its microphone after the floor ended (item 2).
import {
  AudioSource,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackPublishOptions,
  TrackSource,
  dispose,
} from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import type { MeetingState, Motion } from '../../../shared/meeting';
import { invitationToken } from '../invitations/service';
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

describe.each(DATABASE_KINDS)('ending sessions on %s', (kind) => {
  it('revoking an invitation ends its session at once: no ballot, no hand, out of the room', async () => {
    const db = await openTestDb(kind);
    const fx = await seedLiveMeeting(db, { members: 3 });
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
  }, 120_000);
});

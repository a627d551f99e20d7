// Floor control through the real LiveKit: a voter given the floor really publishes audio (seen by
// RoomServiceClient), loses it when the chair ends the floor; a connected client receives the
// state message after a hand is raised; a session refresh keeps the floor's grant; the speaking
// timer ends the floor through the sweeper exactly once with two server instances.
import {
  AudioSource,
  LocalAudioTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  dispose,
} from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import type { MeetingState } from '../../../shared/meeting';
import { createInvitation } from '../meetings/store';
import { openTestDb } from '../testing/databases';
import { collectState, eventually, meetingApi, seedLiveMeeting, sessionFor } from '../testing/live';
import { startTestServer } from '../testing/server';

afterAll(async () => {
  await dispose();
});

async function setup(kind: 'pglite' | 'postgres' = 'pglite') {
  const db = await openTestDb(kind);
  const fx = await seedLiveMeeting(db, { members: 3, kind: 'voter' });
  return { db, fx };
}

describe('floor control through LiveKit', () => {
  it('a voter given the floor publishes audio; ending the floor takes the track away', async () => {
    const { db, fx } = await setup();
    const server = await startTestServer(db, { sweepIntervalMs: 0 });
    const room = new Room();
    try {
      const chair = meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
      );
      const voterSession = sessionFor(fx.meetingId, { role: 'voter', name: 'Cử tri Dung' });
      const voter = meetingApi(server.url, fx.meetingId, voterSession.token);
      const { token } = await server.livekit.mintToken({
        identity: voterSession.identity,
        name: 'Cử tri Dung',
        room: fx.roomName,
        role: 'voter',
        canPublish: false,
      });
      await room.connect(server.livekit.url, token, { autoSubscribe: false, dynacast: false });
      const me = async () =>
        (await server.livekit.rooms.listParticipants(fx.roomName)).find(
          (p) => p.identity === voterSession.identity,
        );
      expect((await me())?.permission?.canPublish).toBe(false);

      const raised = await voter.post<MeetingState>('/hand', { kind: 'speak' });
      expect(raised.status).toBe(200);
      const entryId = raised.body.queue[0]!.id;
      const given = await chair.post<MeetingState>('/floor', { entryId });
      expect(given.body.floor?.identity).toBe(voterSession.identity);
      expect(
        new Date(given.body.floor!.endsAt).getTime() -
          new Date(given.body.floor!.startedAt).getTime(),
      ).toBe(180_000);
      const granted = await eventually(async () => {
        const p = await me();
        return p?.permission?.canPublish ? p : undefined;
      });
      expect(granted.permission?.canPublishData).toBe(false);

      const source = new AudioSource(48_000, 1);
      const track = LocalAudioTrack.createAudioTrack('mic', source);
      const options = new TrackPublishOptions();
      options.source = TrackSource.SOURCE_MICROPHONE;
      await room.localParticipant!.publishTrack(track, options);
      await eventually(async () => ((await me())?.tracks.length ?? 0) > 0);

      expect((await chair.del<MeetingState>('/floor')).body.floor).toBeNull();
      const after = await eventually(async () => {
        const p = await me();
        return p && !p.permission?.canPublish && p.tracks.length === 0 ? p : undefined;
      });
      expect(after.tracks).toEqual([]);
    } finally {
      await room.disconnect();
      await server.close();
      await db.destroy();
    }
  });

  it('a connected client receives the state message with a newer version after a hand is raised', async () => {
    const { db, fx } = await setup();
    const server = await startTestServer(db, { sweepIntervalMs: 0 });
    const room = new Room();
    try {
      const s = sessionFor(fx.meetingId, { role: 'member', memberId: fx.memberIds[1]! });
      const api = meetingApi(server.url, fx.meetingId, s.token);
      const before = (await api.get<MeetingState>('/state')).body.version;
      const { token } = await server.livekit.mintToken({
        identity: s.identity,
        name: 'Đại biểu',
        room: fx.roomName,
        role: 'member',
        canPublish: true,
      });
      const received = collectState(room, async () => (await api.get<MeetingState>('/state')).body);
      await room.connect(server.livekit.url, token, { autoSubscribe: false, dynacast: false });
      expect((await api.post('/hand', { kind: 'question' })).status).toBe(200);
      const msg = await eventually(async () => received.find((m) => m.version > before && m.state));
      expect(msg.state?.queue[0]?.kind).toBe('question');
    } finally {
      await room.disconnect();
      await server.close();
      await db.destroy();
    }
  });

  it('a session refresh grants publishing to a voter who holds the floor, and not after', async () => {
    const { db, fx } = await setup();
    const server = await startTestServer(db, { sweepIntervalMs: 0 });
    try {
      const iid = await createInvitation(db, {
        meetingId: fx.meetingId,
        role: 'voter',
        expiresAt: new Date(Date.now() + 3600_000),
      });
      const s = sessionFor(fx.meetingId, { role: 'voter', iid });
      const refresh = async () =>
        JoinResponse.parse(
          await (
            await fetch(`${server.url}/api/session/refresh`, {
              method: 'POST',
              headers: { authorization: `Bearer ${s.token}` },
            })
          ).json(),
        );
      expect((await refresh()).canPublish).toBe(false);
      const chair = meetingApi(
        server.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
      );
      const raised = await meetingApi(server.url, fx.meetingId, s.token).post<MeetingState>(
        '/hand',
        { kind: 'speak' },
      );
      await chair.post('/floor', { entryId: raised.body.queue[0]!.id });
      expect((await refresh()).canPublish).toBe(true);
      await chair.del('/floor');
      expect((await refresh()).canPublish).toBe(false);
    } finally {
      await server.close();
      await db.destroy();
    }
  });

  it('the speaking timer ends the floor exactly once with two server instances (PostgreSQL)', async () => {
    const { db, fx } = await setup('postgres');
    let clock = Date.now();
    const now = () => clock;
    const a = await startTestServer(db, { sweepIntervalMs: 0, now });
    const b = await startTestServer(db, { sweepIntervalMs: 0, now });
    try {
      const chair = meetingApi(
        a.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
      );
      const voter = meetingApi(
        a.url,
        fx.meetingId,
        sessionFor(fx.meetingId, { role: 'voter' }).token,
      );
      const raised = await voter.post<MeetingState>('/hand', { kind: 'speak' });
      await chair.post('/floor', { entryId: raised.body.queue[0]!.id, seconds: 30 });
      await chair.post('/floor/extend', { seconds: 30 });
      clock += 59_000;
      expect((await a.live.sweep()) + (await b.live.sweep())).toBe(0);
      clock += 2_000;
      const swept = await Promise.all([a.live.sweep(), b.live.sweep()]);
      expect(swept[0] + swept[1]).toBe(1);
      expect((await chair.get<MeetingState>('/state')).body.floor).toBeNull();
    } finally {
      await a.close();
      await b.close();
      await db.destroy();
    }
  });
});

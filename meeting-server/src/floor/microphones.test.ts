// The chair's microphones on the real livekit-server (issue #19): in a sitting a member joined
// through their invitation may publish the camera but not the microphone; LiveKit refuses it until
// the chair gives them the floor or opens free discussion, takes it back when the floor ends, and
// the chair mutes every microphone at once. One meeting and one server for the whole file.
import {
  AudioSource,
  LocalAudioTrack,
  Room,
  TrackPublishOptions,
  TrackSource,
  dispose,
} from '@livekit/rtc-node';
import { TrackSource as ServerTrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import type { MeetingState } from '../../../shared/meeting';
import { invitationToken } from '../invitations/service';
import { createInvitation } from '../meetings/store';
import { openTestDb, type TestDb } from '../testing/databases';
import {
  eventually,
  meetingApi,
  seedLiveMeeting,
  sessionFor,
  type LiveFixture,
  type MeetingApi,
} from '../testing/live';
import { TEST_SECRET, startTestServer, type RunningServer } from '../testing/server';

const CAMERA_AND_SCREEN = [ServerTrackSource.CAMERA, ServerTrackSource.SCREEN_SHARE];

let db: TestDb;
let fx: LiveFixture;
let server: RunningServer;
let chair: MeetingApi;
let member: JoinResponse;
let memberApi: MeetingApi;
let room: Room;

/** The member as livekit-server sees them. */
const me = async () =>
  (await server.livekit.rooms.listParticipants(fx.roomName)).find(
    (p) => p.identity === member.identity,
  );
const micTracks = async () =>
  ((await me())?.tracks ?? []).filter((t) => t.source === ServerTrackSource.MICROPHONE);

/** Tries to publish a silent microphone; LiveKit may refuse (then the promise never settles). */
async function tryPublishMic(r: Room, waitMs: number) {
  const track = LocalAudioTrack.createAudioTrack('mic', new AudioSource(48_000, 1));
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  await Promise.race([
    r.localParticipant!.publishTrack(track, options).catch(() => undefined),
    new Promise((res) => setTimeout(res, waitMs)),
  ]);
}

/** A fresh LiveKit token for the member, as the client refreshes it. */
async function refreshed(): Promise<JoinResponse> {
  const res = await fetch(`${server.url}/api/session/refresh`, {
    method: 'POST',
    headers: { authorization: `Bearer ${member.sessionToken}` },
  });
  return JoinResponse.parse(await res.json());
}

const grantOf = (token: string) =>
  (
    JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      video: { canPublish?: boolean; canPublishSources?: string[] };
    }
  ).video;

async function reconnect(token: string) {
  await room.disconnect();
  room = new Room();
  await room.connect(server.livekit.url, token, { autoSubscribe: false, dynacast: false });
}

beforeAll(async () => {
  db = await openTestDb('pglite');
  fx = await seedLiveMeeting(db, { members: 3, kind: 'session', checkedIn: 3 });
  server = await startTestServer(db, { sweepIntervalMs: 0 });
  chair = meetingApi(
    server.url,
    fx.meetingId,
    sessionFor(fx.meetingId, { role: 'chair', memberId: fx.memberIds[0]! }).token,
  );
  const iid = await createInvitation(db, {
    meetingId: fx.meetingId,
    role: 'member',
    memberId: fx.memberIds[1]!,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  const invitation = invitationToken(TEST_SECRET, {
    id: iid,
    meetingId: fx.meetingId,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  const res = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invitation }),
  });
  member = JoinResponse.parse(await res.json());
  memberApi = meetingApi(server.url, fx.meetingId, member.sessionToken);
  room = new Room();
  await room.connect(member.livekitUrl, member.token, { autoSubscribe: false, dynacast: false });
});

afterAll(async () => {
  await room?.disconnect();
  await server?.close();
  await db?.destroy();
  await dispose();
});

describe('microphones belong to the chair in a sitting', () => {
  it('a member without the floor gets a token without the microphone, and LiveKit refuses it', async () => {
    expect(grantOf(member.token).canPublishSources).toEqual(['camera', 'screen_share']);
    const state = (await memberApi.get<MeetingState>('/state')).body;
    expect(state.microphones).toEqual({ control: 'chair', freeDiscussion: false });
    expect((await me())?.permission?.canPublishSources).toEqual(CAMERA_AND_SCREEN);
    await tryPublishMic(room, 1500);
    expect(await micTracks()).toEqual([]);
  });

  it('the floor opens the microphone; ending the floor takes it away', async () => {
    const raised = await memberApi.post<MeetingState>('/hand', { kind: 'speak' });
    await chair.post('/floor', { entryId: raised.body.queue[0]!.id });
    await eventually(async () => (await me())?.permission?.canPublishSources.length === 0);
    // A token refreshed on the floor carries every source, as the permission update did.
    const onFloor = await refreshed();
    expect(grantOf(onFloor.token).canPublishSources).toBeUndefined();
    await reconnect(onFloor.token);
    await tryPublishMic(room, 5000);
    await eventually(async () => (await micTracks()).length === 1);

    expect((await chair.del<MeetingState>('/floor')).body.floor).toBeNull();
    await eventually(async () => {
      const p = await me();
      const sources = p?.permission?.canPublishSources ?? [];
      return sources.length === 2 && (await micTracks()).length === 0;
    });
    expect(grantOf((await refreshed()).token).canPublishSources).toEqual([
      'camera',
      'screen_share',
    ]);
  });

  it('free discussion opens every member’s microphone; the chair mutes them all at once', async () => {
    const opened = await chair.post<MeetingState>('/microphones/free-discussion', { open: true });
    expect(opened.body.microphones?.freeDiscussion).toBe(true);
    await eventually(async () => (await me())?.permission?.canPublishSources.length === 0);
    await reconnect((await refreshed()).token);
    await tryPublishMic(room, 5000);
    await eventually(async () => (await micTracks())[0]?.muted === false);

    expect((await chair.post('/microphones/mute', {})).status).toBe(200);
    await eventually(async () => (await micTracks())[0]?.muted === true);

    // A member may not mute others or open free discussion.
    expect((await memberApi.post('/microphones/mute', {})).status).toBe(403);
    expect((await memberApi.post('/microphones/free-discussion', { open: false })).status).toBe(
      403,
    );
    await chair.post('/microphones/free-discussion', { open: false });
    await eventually(async () => {
      const sources = (await me())?.permission?.canPublishSources ?? [];
      return sources.length === 2 && (await micTracks()).length === 0;
    });
  });

  it('the chair’s mute of someone no longer in the room says so', async () => {
    const res = await chair.post('/microphones/mute', { identity: 'member:nobody' });
    expect(res.status).toBe(404);
  });
});

// Unit tests of the meeting connection both clients share, without LiveKit: which disconnects end
// the room for good, and the state followed without a room (the hall display) — read at once,
// polled, newest version kept, errors said in the client's language and cleared by the next read.
import { DisconnectReason, type LocalParticipant } from 'livekit-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JoinResponse } from './api';
import type { MeetingState } from './meeting';
import { ClientError, type MeetingCalls } from './meeting-client';
import { finalReason, MeetingConnection, POLL_MS } from './meeting-connection';
import type { Lang } from './meeting-words';
import { stateAt } from './meeting-state.fixture';

const SESSION: JoinResponse = {
  livekitUrl: 'ws://127.0.0.1:7880',
  token: 'lk',
  identity: 'member:a',
  room: 'r',
  role: 'member',
  name: 'An',
  expiresAt: '2026-01-01T00:10:00.000Z',
  canPublish: false,
  sessionToken: 'st',
  meetingId: 'mt',
};

const state = (version: number) => stateAt(version);

/** A connection without a room, whose GET /state answers from `answers` in turn. */
class Followed extends MeetingConnection {
  readonly report = vi.fn();
  protected wire() {}
  protected async followFloor() {}
  protected onPermissions(_local: LocalParticipant) {}
}

function follow(answers: (MeetingState | Error)[], lang: Lang = 'vi') {
  const getState = vi.fn(async () => {
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
  const api = { getState } as unknown as MeetingCalls;
  const live = new Followed({
    session: () => SESSION,
    api,
    serverDate: () => null,
    lang: () => lang,
    media: false,
    pollMs: 2_000,
    connectFailed: 'networkError',
  });
  return { live, getState };
}

describe('finalReason', () => {
  it('ends the room for good when another tab joined, the chair removed me, or the room closed', () => {
    expect(finalReason(DisconnectReason.DUPLICATE_IDENTITY)).toBe('otherPlace');
    expect(finalReason(DisconnectReason.PARTICIPANT_REMOVED)).toBe('removed');
    expect(finalReason(DisconnectReason.ROOM_DELETED)).toBe('roomEnded');
  });

  it('leaves every other disconnect to be recovered by rejoining', () => {
    expect(finalReason(DisconnectReason.CLIENT_INITIATED)).toBeNull();
    expect(finalReason(DisconnectReason.SIGNAL_CLOSE)).toBeNull();
    expect(finalReason(undefined)).toBeNull();
  });
});

describe('MeetingConnection without a room', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads the state at once and shows itself connected', async () => {
    const { live, getState } = follow([state(1)]);
    await live.start();
    expect(getState).toHaveBeenCalledTimes(1);
    expect(live.state.value?.version).toBe(1);
    expect(live.connection.value).toBe('connected');
    live.stop();
  });

  it('polls at its own pace and keeps the newest version', async () => {
    const { live, getState } = follow([state(2), state(1), state(3)]);
    await live.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(getState).toHaveBeenCalledTimes(2);
    expect(live.state.value?.version).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(live.state.value?.version).toBe(3);
    live.stop();
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(getState).toHaveBeenCalledTimes(3);
  });

  it("says the server's message when a read fails, and clears it on the next read", async () => {
    const refused = new ClientError('Phiên tham gia đã hết hạn.', 'unauthorized', 401);
    const { live } = follow([refused, state(1)]);
    await live.start();
    expect(live.stateError.value).toBe('Phiên tham gia đã hết hạn.');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(live.stateError.value).toBeNull();
    live.stop();
  });

  it('says a network failure in the language the client shows', async () => {
    const { live } = follow([new TypeError('Failed to fetch')], 'en');
    await live.start();
    expect(live.stateError.value).toBe(
      'Could not reach the meeting server. Check your network and try again.',
    );
    live.stop();
  });

  it('shares one request between reads asked for at the same time', async () => {
    const { live, getState } = follow([state(1), state(2)]);
    await Promise.all([live.refresh(), live.refresh()]);
    expect(getState).toHaveBeenCalledTimes(1);
  });
});

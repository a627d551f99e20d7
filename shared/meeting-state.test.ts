// Unit tests of the meeting clients' pure state rules: version ordering, data messages, timers, queue moves.
import { describe, expect, it } from 'vitest';
import type { MeetingState, Motion } from './meeting';
import {
  actionForMessage,
  allowedSources,
  applyChanges,
  diffState,
  clockOffset,
  decodePayload,
  formatClock,
  lastClosedMotion,
  mayVote,
  moveEntry,
  newestState,
  queuePosition,
  secondsLeft,
  shownResult,
} from './meeting-state';
import { stateAt } from './meeting-state.fixture';
import { resolutionResult } from './vote-rules';

const motion = (over: Partial<Motion>): Motion => ({
  id: 'm1',
  encrypted: false,
  agendaItemId: null,
  title: 'Nghị quyết',
  text: '',
  kind: 'standard',
  secret: false,
  rule: 'majority_of_all',
  allowChange: true,
  presentOnly: false,
  officials: [],
  posts: null,
  dismissalTarget: null,
  status: 'draft',
  openedAt: null,
  closesAt: null,
  closedAt: null,
  eligibleCount: 3,
  castCount: 0,
  result: null,
  ...over,
});

const result = resolutionResult({
  rule: 'majority_of_all',
  total: 3,
  present: 3,
  eligible: 3,
  quorum: 'two_thirds_of_all',
  tally: { for: 2, against: 0, abstain: 0 },
});

const state = stateAt;

describe('newestState', () => {
  it('takes the incoming state when nothing is held', () => {
    expect(newestState(null, state(1)).version).toBe(1);
  });
  it('never goes back to an older or equal version', () => {
    const held = state(5);
    expect(newestState(held, state(4))).toBe(held);
    expect(newestState(held, state(5))).toBe(held);
    expect(newestState(held, state(6)).version).toBe(6);
  });
});

describe('actionForMessage', () => {
  it('applies an embedded newer state', () => {
    const a = actionForMessage(state(2), { version: 3, state: state(3) });
    expect(a.kind).toBe('apply');
  });
  it('fetches when a newer version is announced without the state', () => {
    expect(actionForMessage(state(2), { version: 3 })).toEqual({ kind: 'fetch' });
  });
  it('fetches when nothing is held yet', () => {
    expect(actionForMessage(null, { version: 0 })).toEqual({ kind: 'fetch' });
  });
  it('ignores an old announcement and malformed payloads', () => {
    expect(actionForMessage(state(3), { version: 3 })).toEqual({ kind: 'ignore' });
    expect(actionForMessage(state(3), { nonsense: true })).toEqual({ kind: 'ignore' });
    expect(actionForMessage(state(3), null)).toEqual({ kind: 'ignore' });
  });
});

describe('changes between versions', () => {
  const members = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      memberId: `m${i}`,
      name: `Đại biểu ${i}`,
      present: true,
      via: 'online' as const,
      since: '2026-01-01T00:00:00.000Z',
      excused: false,
    }));
  const hand = {
    id: 'q1',
    identity: 'member:m7',
    name: 'Đại biểu 7',
    role: 'member' as const,
    kind: 'speak' as const,
    raisedAt: '2026-01-01T00:10:00.000Z',
  };
  const big = (version: number, over: Partial<MeetingState> = {}) =>
    state(version, {
      attendance: {
        totalMembers: 500,
        present: 500,
        excused: 0,
        required: 334,
        quorum: true,
        members: members(500),
      },
      motions: [motion({ id: 'm1', status: 'open' }), motion({ id: 'm2', title: 'Tờ trình' })],
      ...over,
    });

  it('a raised hand among 500 members is announced as the queue alone, under 1 KB', () => {
    const before = big(7);
    const after = big(8, { queue: [hand] });
    const changes = diffState(before, after);
    expect(Object.keys(changes.set)).toEqual(['queue']);
    expect(changes.motions).toBeUndefined();
    expect(JSON.stringify(changes).length).toBeLessThan(1024);
    expect(JSON.stringify(after).length).toBeGreaterThan(50_000);
    expect(applyChanges(before, 8, changes)).toEqual(after);
  });
  it('a closed vote carries only that motion, and a new motion is appended in order', () => {
    const before = big(8);
    const closed = motion({ id: 'm1', status: 'closed', result, castCount: 2 });
    const added = motion({ id: 'm3', title: 'Nghị quyết mới' });
    const after = big(9, {
      motions: [closed, before.motions[1]!, added],
      shownResultMotionId: 'm1',
    });
    const changes = diffState(before, after);
    expect(changes.motions?.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(changes.set).toEqual({ shownResultMotionId: 'm1' });
    expect(applyChanges(before, 9, changes)).toEqual(after);
  });
  it('applies changes only to the version they start from; otherwise the client fetches', () => {
    const before = big(8);
    const after = big(9, { queue: [hand] });
    const msg = { version: 9, changes: diffState(before, after) };
    expect(actionForMessage(before, msg)).toEqual({ kind: 'apply', state: after });
    expect(actionForMessage(big(7), msg)).toEqual({ kind: 'fetch' });
    expect(actionForMessage(null, msg)).toEqual({ kind: 'fetch' });
    expect(actionForMessage(after, msg)).toEqual({ kind: 'ignore' });
  });
});

describe('decodePayload', () => {
  it('reads UTF-8 JSON and gives null for anything else', () => {
    expect(decodePayload(new TextEncoder().encode('{"version":4}'))).toEqual({ version: 4 });
    expect(decodePayload(new TextEncoder().encode('<img src=x>'))).toBeNull();
  });
});

describe('timers', () => {
  it('counts whole seconds down to zero, never below', () => {
    const t0 = Date.parse('2026-01-01T00:00:00.000Z');
    expect(secondsLeft('2026-01-01T00:05:00.000Z', t0)).toBe(300);
    expect(secondsLeft('2026-01-01T00:05:00.000Z', t0 + 299_500)).toBe(1);
    expect(secondsLeft('2026-01-01T00:05:00.000Z', t0 + 400_000)).toBe(0);
  });
  it('formats m:ss and h:mm:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
  });
  it('reads the server clock offset from a Date header, ignoring sub-second noise', () => {
    const client = Date.parse('2026-01-01T00:00:00.000Z');
    expect(clockOffset('Thu, 01 Jan 2026 00:00:10 GMT', client)).toBe(10_000);
    expect(clockOffset('Thu, 01 Jan 2026 00:00:01 GMT', client)).toBe(0);
    expect(clockOffset(null, client)).toBe(0);
    expect(clockOffset('garbage', client)).toBe(0);
  });
});

describe('queue', () => {
  it('moves an entry up or down and leaves the ends alone', () => {
    expect(moveEntry(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a'], 'x', 1)).toEqual(['a']);
  });
  it('gives a 1-based position, 0 when not queued', () => {
    const s = state(1, {
      queue: [
        { id: '1', identity: 'x', name: 'X', role: 'voter', kind: 'speak', raisedAt: '' },
        { id: '2', identity: 'y', name: 'Y', role: 'member', kind: 'question', raisedAt: '' },
      ],
    });
    expect(queuePosition(s, 'y')).toBe(2);
    expect(queuePosition(s, 'z')).toBe(0);
  });
});

describe('results and eligibility', () => {
  it('shows only the motion the chair chose, once it has a result', () => {
    const closed = motion({ id: 'm1', status: 'closed', result });
    expect(shownResult(state(1, { motions: [closed], shownResultMotionId: 'm1' }))).toBe(closed);
    expect(shownResult(state(1, { motions: [closed] }))).toBeUndefined();
    const open = motion({ id: 'm2', status: 'open' });
    expect(shownResult(state(1, { motions: [open], shownResultMotionId: 'm2' }))).toBeUndefined();
  });
  it('finds the latest closed motion', () => {
    const a = motion({ id: 'a', status: 'closed', closedAt: '2026-01-01T10:00:00Z', result });
    const b = motion({ id: 'b', status: 'closed', closedAt: '2026-01-01T11:00:00Z', result });
    expect(lastClosedMotion(state(1, { motions: [b, a] }))?.id).toBe('b');
  });
  it('lets only members of the body vote, never voters, guests or the secretary', () => {
    const s = state(1);
    expect(mayVote('member', 'member:a', s)).toBe(true);
    expect(mayVote('chair', 'member:a', s)).toBe(true);
    expect(mayVote('member', 'member:zz', s)).toBe(false);
    expect(mayVote('voter', 'voter:123', s)).toBe(false);
    expect(mayVote('secretary', 'secretary:i1', s)).toBe(false);
    expect(mayVote('guest', 'member:a', s)).toBe(false);
  });
});

describe('allowedSources', () => {
  it('offers only what the LiveKit permission allows (1 camera, 2 microphone, 3 screen)', () => {
    expect(allowedSources({ canPublish: true, canPublishSources: [] })).toEqual({
      microphone: true,
      camera: true,
    });
    // A voter holding the floor: the microphone, never the camera.
    expect(allowedSources({ canPublish: true, canPublishSources: [2] })).toEqual({
      microphone: true,
      camera: false,
    });
    // A member in a sitting without the floor: the camera, not the microphone.
    expect(allowedSources({ canPublish: true, canPublishSources: [1, 3] })).toEqual({
      microphone: false,
      camera: true,
    });
    expect(allowedSources({ canPublish: false, canPublishSources: [] }).microphone).toBe(false);
    expect(allowedSources(undefined).camera).toBe(false);
  });
});

// The participation rules on plain facts: who is called to a sitting, how they attended it (hall,
// online, late, left early, excused, absent), speeches by kind and time, votes (a named vote's
// choice, a secret vote only "took part"), voter meetings and their petitions.
import { describe, expect, it } from 'vitest';
import {
  computeParticipation,
  sittingAttendance,
  type FactMember,
  type FactSitting,
  type ParticipationFacts,
} from './compute';
import { columnName } from './xlsx';

const T0 = Date.parse('2026-12-01T01:30:00Z'); // 08:30 in Vietnam
const min = (n: number) => T0 + n * 60_000;
const sitting = { startsAt: T0, openedAt: min(5), closedAt: min(120) };

const an: FactMember = {
  id: 'an',
  name: 'Nguyễn Văn An',
  delegateGroup: 'Tổ 1',
  termEndedOn: null,
  committees: [],
};
const binh: FactMember = { ...an, id: 'binh', name: 'Trần Thị Bình', committees: ['Ban Pháp chế'] };
const cuong: FactMember = { ...an, id: 'cuong', name: 'Lê Văn Cường', termEndedOn: '2026-12-05' };
const body = new Set(['an', 'binh', 'cuong']);
const s1: FactSitting = {
  id: 's1',
  title: 'Phiên 1',
  kind: 'session',
  ...sitting,
  bodyMemberIds: body,
};
const s2: FactSitting = {
  id: 's2',
  title: 'Phiên 2',
  kind: 'session',
  startsAt: Date.parse('2026-12-05T01:30:00Z'),
  openedAt: null,
  closedAt: null,
  bodyMemberIds: body,
};

const none: ParticipationFacts = {
  members: [],
  sittings: [],
  events: [],
  leave: [],
  floor: [],
  motions: [],
  ballots: [],
  voterMeetings: [],
  petitions: [],
};

describe('sittingAttendance', () => {
  it('no arrival is an absence, excused only with an approved leave', () => {
    expect(sittingAttendance(sitting, [], false).attendance).toBe('absent');
    expect(sittingAttendance(sitting, [], true).attendance).toBe('excused');
    // An approved leave does not excuse a delegate who came after all: they attended.
    expect(sittingAttendance(sitting, [{ event: 'joined', at: min(0) }], true).attendance).toBe(
      'online',
    );
  });

  it('a check-in in the hall counts as the hall, even after joining online', () => {
    const a = sittingAttendance(
      sitting,
      [
        { event: 'joined', at: min(0) },
        { event: 'checked_in', at: min(30) },
      ],
      false,
    );
    expect(a).toMatchObject({ attendance: 'hall', arrivedAt: min(0), late: false });
  });

  it('late is more than 15 minutes after the opening, or the start when no opening is known', () => {
    expect(sittingAttendance(sitting, [{ event: 'joined', at: min(20) }], false).late).toBe(false);
    expect(sittingAttendance(sitting, [{ event: 'joined', at: min(21) }], false).late).toBe(true);
    const unknown = { ...sitting, openedAt: null };
    expect(sittingAttendance(unknown, [{ event: 'joined', at: min(16) }], false).late).toBe(true);
  });

  it('left early is gone from 15 minutes before the close on, and back in time is not', () => {
    const left = [
      { event: 'checked_in' as const, at: min(0) },
      { event: 'checked_out' as const, at: min(60) },
    ];
    expect(sittingAttendance(sitting, left, false).leftEarly).toBe(true);
    const back = [...left, { event: 'joined' as const, at: min(90) }];
    expect(sittingAttendance(sitting, back, false).leftEarly).toBe(false);
    const atTheEnd = [left[0]!, { event: 'checked_out' as const, at: min(110) }];
    expect(sittingAttendance(sitting, atTheEnd, false).leftEarly).toBe(false);
    // Without a known close nothing is said; a roll-call confirmation alone has no departure.
    expect(sittingAttendance({ ...sitting, closedAt: null }, left, false).leftEarly).toBe(false);
    expect(sittingAttendance(sitting, [{ event: 'roll_call', at: min(1) }], false).leftEarly).toBe(
      false,
    );
  });
});

describe('computeParticipation', () => {
  const facts: ParticipationFacts = {
    ...none,
    members: [an, binh, cuong],
    sittings: [s2, s1],
    events: [
      { meetingId: 's1', memberId: 'an', event: 'checked_in', at: min(0) },
      { meetingId: 's1', memberId: 'binh', event: 'joined', at: min(30) },
      { meetingId: 's2', memberId: 'an', event: 'joined', at: s2.startsAt },
      { meetingId: 'v1', memberId: 'binh', event: 'joined', at: min(-600) },
    ],
    leave: [{ meetingId: 's1', memberId: 'cuong' }],
    floor: [
      { meetingId: 's1', memberId: 'an', kind: 'speak', startedAt: min(10), endedAt: min(13) },
      { meetingId: 's1', memberId: 'an', kind: 'question', startedAt: min(40), endedAt: null },
      { meetingId: 's1', memberId: 'binh', kind: null, startedAt: min(50), endedAt: min(52) },
    ],
    motions: [
      {
        id: 'm1',
        meetingId: 's1',
        title: 'Nghị quyết dự toán',
        secret: false,
        eligible: ['an', 'binh', 'cuong'],
      },
      {
        id: 'm2',
        meetingId: 's1',
        title: 'Bầu Trưởng ban',
        secret: true,
        eligible: ['an', 'binh'],
      },
    ],
    ballots: [
      { motionId: 'm1', memberId: 'an', choice: 'for' },
      { motionId: 'm1', memberId: 'binh', choice: 'against' },
      // A secret vote's voter: even a choice slipped in by mistake is never shown.
      { motionId: 'm2', memberId: 'an', choice: 'for' },
    ],
    voterMeetings: [{ id: 'v1', title: 'Tiếp xúc cử tri thôn Đông', startsAt: min(-600) }],
    petitions: [
      { meetingId: 'v1', status: 'received' },
      { meetingId: 'v1', status: 'answered' },
    ],
  };
  const [rAn, rBinh, rCuong] = computeParticipation(facts);

  it('counts each sitting a delegate was called to while serving, in date order', () => {
    expect(rAn!.sittings.map((s) => s.meetingId)).toEqual(['s1', 's2']);
    // Cường's term ended on the day of the second sitting: called to the first only.
    expect(rCuong!.summary.sittings).toMatchObject({ called: 1, excused: 1, absent: 0 });
    expect(rAn!.summary.sittings).toMatchObject({ called: 2, hall: 1, online: 1, late: 0 });
    expect(rBinh!.summary.sittings).toMatchObject({ called: 2, online: 1, late: 1, absent: 1 });
  });

  it('speeches by kind with their time (a floor still held counts no time)', () => {
    expect(rAn!.summary.speeches).toEqual({ speak: 1, question: 1, order: 0, seconds: 180 });
    expect(rBinh!.summary.speeches).toEqual({ speak: 1, question: 0, order: 0, seconds: 120 });
  });

  it('a named vote shows the choice; a secret vote only that the delegate took part', () => {
    expect(rAn!.summary.votes).toEqual({
      eligible: 2,
      tookPart: 2,
      secret: 1,
      for: 1,
      against: 0,
      abstain: 0,
    });
    expect(rAn!.sittings[0]!.votes).toEqual([
      { title: 'Nghị quyết dự toán', secret: false, tookPart: true, choice: 'for' },
      { title: 'Bầu Trưởng ban', secret: true, tookPart: true, choice: null },
    ]);
    expect(rBinh!.summary.votes).toMatchObject({ eligible: 2, tookPart: 1, against: 1 });
    expect(rCuong!.summary.votes).toMatchObject({ eligible: 1, tookPart: 0 });
  });

  it('voter meetings attended and the petitions sent there, by status', () => {
    expect(rBinh!.summary.voterMeetings).toBe(1);
    expect(rBinh!.summary.petitions).toEqual({ received: 1, forwarded: 0, answered: 1 });
    expect(rAn!.summary.voterMeetings).toBe(0);
  });

  it('a delegate outside the body is not called to its sittings', () => {
    const outsider = { ...an, id: 'dung' };
    const [r] = computeParticipation({ ...facts, members: [outsider] });
    expect(r!.summary.sittings.called).toBe(0);
  });
});

it('columnName counts like Excel', () => {
  expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});

// A live meeting state for unit tests of the meeting clients' rules: version `version`, an open
// sitting with three members, nothing on the floor; `over` replaces any field.
import type { MeetingState } from './meeting';

export const stateAt = (version: number, over: Partial<MeetingState> = {}): MeetingState => ({
  version,
  meeting: {
    id: 'mt',
    title: 'Phiên họp',
    kind: 'session',
    status: 'open',
    councilName: 'HĐND xã',
    startsAt: '2026-01-01T00:00:00.000Z',
  },
  agenda: [],
  currentAgendaItemId: null,
  queue: [],
  floor: null,
  motions: [],
  shownResultMotionId: null,
  attendance: {
    totalMembers: 3,
    present: 2,
    required: 2,
    quorum: true,
    excused: 0,
    members: [
      { memberId: 'a', name: 'An', present: true, via: 'online', since: null, excused: false },
    ],
  },
  rollCall: { open: false, startedAt: null, confirmedMemberIds: [] },
  ...over,
});

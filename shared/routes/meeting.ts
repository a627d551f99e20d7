// Route contracts of the live meeting (/api/meetings/:meetingId/…): state, floor control, votes,
// attendance, and the LiveKit webhook that records who is online. Their `roles` are the in-meeting
// role matrix.
import type { Role } from '../domain';
import * as meeting from '../meeting';
import { ANY_PARTICIPANT, route } from './route';

const M = '/api/meetings/:meetingId';
const chairSecretary: readonly Role[] = ['chair', 'secretary'];
const chair: readonly Role[] = ['chair'];
// Delegates vote; the chair is a delegate too. Eligibility (membership of the body, fixed when the
// vote opens) is checked on top of this.
const delegates: readonly Role[] = ['member', 'chair'];
const speakers: readonly Role[] = ['member', 'voter', 'guest'];

export const meetingRoutes = {
  state: route({
    method: 'GET',
    path: `${M}/state`,
    auth: 'participant',
    roles: ANY_PARTICIPANT,
    summary: 'The live meeting state.',
    response: meeting.MeetingState,
  }),
  raiseHand: route({
    method: 'POST',
    path: `${M}/hand`,
    auth: 'participant',
    roles: speakers,
    summary: 'Raise a hand (request to speak, question, point of order).',
    body: meeting.RaiseHand,
    response: meeting.MeetingState,
  }),
  lowerHand: route({
    method: 'DELETE',
    path: `${M}/hand`,
    auth: 'participant',
    roles: speakers,
    who: 'the one who raised it',
    summary: 'Lower one’s hand.',
    response: meeting.MeetingState,
  }),
  reorderQueue: route({
    method: 'POST',
    path: `${M}/queue/reorder`,
    auth: 'participant',
    roles: chairSecretary,
    summary: 'Reorder the speaker queue.',
    body: meeting.ReorderQueue,
    response: meeting.MeetingState,
  }),
  giveFloor: route({
    method: 'POST',
    path: `${M}/floor`,
    auth: 'participant',
    roles: chair,
    summary: 'Give the floor to a queued participant (grants audio publishing).',
    body: meeting.GiveFloor,
    response: meeting.MeetingState,
  }),
  extendFloor: route({
    method: 'POST',
    path: `${M}/floor/extend`,
    auth: 'participant',
    roles: chair,
    summary: 'Extend the speaking time.',
    body: meeting.ExtendFloor,
    response: meeting.MeetingState,
  }),
  endFloor: route({
    method: 'DELETE',
    path: `${M}/floor`,
    auth: 'participant',
    roles: chair,
    summary: 'End the floor (revokes publishing for voters and guests).',
    response: meeting.MeetingState,
  }),
  setStatus: route({
    method: 'POST',
    path: `${M}/status`,
    auth: 'participant',
    roles: chair,
    summary: 'Open or close the meeting (opening needs the quorum; closing closes the open votes).',
    body: meeting.SetMeetingStatus,
    response: meeting.MeetingState,
  }),
  setAgendaItem: route({
    method: 'POST',
    path: `${M}/agenda/current`,
    auth: 'participant',
    roles: chairSecretary,
    summary: 'Set the current agenda item.',
    body: meeting.SetCurrentAgendaItem,
    response: meeting.MeetingState,
  }),
  createMotion: route({
    method: 'POST',
    path: `${M}/motions`,
    auth: 'participant',
    roles: chairSecretary,
    summary: 'Draft a motion (a vote).',
    body: meeting.CreateMotion,
    response: meeting.Motion,
  }),
  openMotion: route({
    method: 'POST',
    path: `${M}/motions/:motionId/open`,
    auth: 'participant',
    roles: chair,
    summary: 'Open the vote; eligibility is fixed now.',
    response: meeting.MeetingState,
  }),
  closeMotion: route({
    method: 'POST',
    path: `${M}/motions/:motionId/close`,
    auth: 'participant',
    roles: chair,
    summary: 'Close the vote and compute the result.',
    response: meeting.MeetingState,
  }),
  showMotion: route({
    method: 'POST',
    path: `${M}/motions/:motionId/show`,
    auth: 'participant',
    roles: chair,
    summary: 'Show the result on every screen.',
    response: meeting.MeetingState,
  }),
  castBallot: route({
    method: 'POST',
    path: `${M}/motions/:motionId/ballots`,
    auth: 'participant',
    roles: delegates,
    who: 'eligible members of the body',
    summary: 'Cast a ballot (idempotent per key).',
    body: meeting.CastBallot,
    response: meeting.BallotReceipt,
  }),
  myBallot: route({
    method: 'GET',
    path: `${M}/motions/:motionId/my-ballot`,
    auth: 'participant',
    roles: delegates,
    summary: 'Whether (and for open votes how) I voted.',
    response: meeting.MyBallot,
  }),
  checkIn: route({
    method: 'POST',
    path: `${M}/attendance/check-in`,
    auth: 'participant',
    roles: chairSecretary,
    summary: 'Check a member in or out in the hall.',
    body: meeting.CheckIn,
    response: meeting.MeetingState,
  }),
  rollCall: route({
    method: 'POST',
    path: `${M}/roll-call`,
    auth: 'participant',
    roles: chairSecretary,
    summary: 'Start a roll-call; a second call ends it.',
    response: meeting.MeetingState,
  }),
  confirmRollCall: route({
    method: 'POST',
    path: `${M}/roll-call/confirm`,
    auth: 'participant',
    roles: delegates,
    summary: 'Confirm presence in the roll-call.',
    response: meeting.MeetingState,
  }),
  livekitWebhook: route({
    method: 'POST',
    path: '/api/livekit/webhook',
    auth: 'livekit',
    who: 'the LiveKit server',
    summary:
      'Room events (joins, leaves) for attendance; signature verified on the raw body, replays refused.',
    response: 'empty',
  }),
};

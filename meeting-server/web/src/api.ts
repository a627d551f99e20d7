// The web client's calls to the meeting server (same origin): the shared typed client
// (shared/meeting-client.ts) with this page's language, plus voters' petitions, each called by its
// route contract (shared/routes).
import { ClientError, meetingClient } from '../../../shared/meeting-client';
import type { Petition, SubmitPetition } from '../../../shared/petitions';
import type { DecideLeave, RequestLeave } from '../../../shared/leave';
import { leaveRoutes } from '../../../shared/routes/leave';
import { participationRoutes } from '../../../shared/routes/participation';
import { petitionRoutes } from '../../../shared/routes/petitions';
import type { z } from '../../../shared/zod';
import { lang } from './i18n';

export { ClientError };

const client = meetingClient({ base: '', lang: () => lang.value });

/** Last server clock reading (from the Date header) for timers; see clockOffset. */
export const serverDate = client.serverDate;
export const getInvitation = client.getInvitation;
export const joinMeeting = client.joinMeeting;
export const refreshSession = client.refreshSession;

/** A voter petition as the chair's inbox lists it (the petitions contract's answer). */
export type PetitionView = Petition;
export type NewPetition = z.input<typeof SubmitPetition>;

/** The in-meeting API for one meeting; `token` reads the current session token on every call. */
export function meetingApi(meetingId: string, token: () => string) {
  const params = { meetingId };
  return {
    ...client.meeting(meetingId, token),
    /** Sends the petition; the receipt carries the reference number to follow it. */
    sendPetition: (body: NewPetition) =>
      client.route(petitionRoutes.submitPetition, { params, body, token: token() }),
    listPetitions: () => client.route(petitionRoutes.meetingPetitions, { params, token: token() }),
    // Leave requests (xin vắng): the delegate's own, and the chair's list and decisions.
    askLeave: (body: z.input<typeof RequestLeave>) =>
      client.route(leaveRoutes.requestLeave, { params, body, token: token() }),
    myLeave: () => client.route(leaveRoutes.myLeave, { params, token: token() }),
    /** The delegate's own participation record (the member comes from the session). */
    myParticipation: () =>
      client.route(participationRoutes.myParticipation, { params, query: {}, token: token() }),
    listLeave: () => client.route(leaveRoutes.meetingLeaveRequests, { params, token: token() }),
    decideLeave: (requestId: string, body: z.input<typeof DecideLeave>) =>
      client.route(leaveRoutes.decideLeave, {
        params: { ...params, requestId },
        body,
        token: token(),
      }),
  };
}
export type MeetingApi = ReturnType<typeof meetingApi>;

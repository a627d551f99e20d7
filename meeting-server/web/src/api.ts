// The web client's calls to the meeting server (same origin): the shared typed client
// (shared/meeting-client.ts) with this page's language, plus the petitions the chair reads.
import { ClientError, meetingClient } from '../../../shared/meeting-client';
import { z } from '../../../shared/zod';
import { lang } from './i18n';

export { ClientError };

const client = meetingClient({ base: '', lang: () => lang.value });

/** Last server clock reading (from the Date header) for timers; see clockOffset. */
export const serverDate = client.serverDate;
export const getInvitation = client.getInvitation;
export const joinMeeting = client.joinMeeting;
export const refreshSession = client.refreshSession;

/** A voter petition as the chair's inbox lists it (contract owned by the petitions endpoint). */
export const PetitionView = z.object({
  id: z.string().optional(),
  name: z.string(),
  ward: z.string().nullish(),
  contact: z.string().nullish(),
  text: z.string(),
  createdAt: z.string().optional(),
});
export type PetitionView = z.infer<typeof PetitionView>;
const PetitionList = z.union([
  z.array(PetitionView),
  z.object({ petitions: z.array(PetitionView) }).transform((v) => v.petitions),
]);

export interface NewPetition {
  name: string;
  ward?: string;
  contact?: string;
  text: string;
}

/** The in-meeting API for one meeting; `token` reads the current session token on every call. */
export function meetingApi(meetingId: string, token: () => string) {
  const base = `/api/meetings/${encodeURIComponent(meetingId)}`;
  return {
    ...client.meeting(meetingId, token),
    sendPetition: async (p: NewPetition) => {
      await client.send(`${base}/petitions`, client.json('POST', p), token());
    },
    listPetitions: () => client.call(PetitionList, `${base}/petitions`, {}, token()),
  };
}
export type MeetingApi = ReturnType<typeof meetingApi>;

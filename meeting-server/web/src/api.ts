// Typed calls from the web client to the meeting server, validated against the shared contracts.
// In-meeting calls carry the participant session as `Authorization: Bearer …`; every failure
// becomes a ClientError whose message (in the current language) says what to do next.
import { InvitationInfo, JoinResponse, type JoinRequest } from '../../../shared/api';
import { ApiError } from '../../../shared/errors';
import {
  BallotReceipt,
  MeetingState,
  Motion,
  MyBallot,
  type CastBallot,
  type CreateMotion,
  type HandKind,
} from '../../../shared/meeting';
import type { MeetingStatus } from '../../../shared/domain';
import { z } from '../../../shared/zod';
import { lang } from './i18n';

export class ClientError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

const networkMessage = () =>
  lang.value === 'vi'
    ? 'Không kết nối được tới máy chủ họp. Kiểm tra mạng rồi thử lại.'
    : 'Could not reach the meeting server. Check your network and try again.';

/** Last server clock reading (from the Date header) for timers; see state.clockOffset. */
export let lastServerDate: string | null = null;

async function send(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ClientError(networkMessage(), 'network');
  }
  lastServerDate = res.headers.get('date');
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => undefined);
    const err = ApiError.safeParse(body);
    if (err.success) throw new ClientError(err.data.message[lang.value], err.data.code, res.status);
    throw new ClientError(
      res.status === 404
        ? lang.value === 'vi'
          ? 'Máy chủ chưa hỗ trợ thao tác này. Báo văn phòng HĐND.'
          : 'The server does not offer this action yet. Tell the secretariat.'
        : lang.value === 'vi'
          ? `Máy chủ báo lỗi (HTTP ${res.status}). Thử lại sau ít phút.`
          : `The server answered with an error (HTTP ${res.status}). Try again in a few minutes.`,
      'http',
      res.status,
    );
  }
  return res;
}

async function call<S extends z.ZodType>(
  schema: S,
  path: string,
  init?: RequestInit,
  token?: string,
): Promise<z.output<S>> {
  const res = await send(path, init, token);
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ClientError(
      lang.value === 'vi'
        ? 'Máy chủ trả lời không đúng định dạng. Tải lại trang; nếu vẫn lỗi, báo văn phòng HĐND.'
        : 'The server sent an unexpected answer. Reload the page; if it persists, tell the secretariat.',
      'bad_response',
      res.status,
    );
  }
  return parsed.data;
}

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export const getInvitation = (token: string) =>
  call(InvitationInfo, `/api/invitations/${encodeURIComponent(token)}`);

export const joinMeeting = (req: JoinRequest) => call(JoinResponse, '/api/join', json('POST', req));

export const refreshSession = (sessionToken: string) =>
  call(JoinResponse, '/api/session/refresh', json('POST'), sessionToken);

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
  const state = (path: string, method = 'POST', body?: unknown) =>
    call(MeetingState, `${base}${path}`, json(method, body), token());
  const motion = (id: string) => `/motions/${encodeURIComponent(id)}`;
  return {
    getState: () => call(MeetingState, `${base}/state`, {}, token()),
    raiseHand: (kind: HandKind) => state('/hand', 'POST', { kind }),
    lowerHand: () => state('/hand', 'DELETE'),
    reorderQueue: (entryIds: string[]) => state('/queue/reorder', 'POST', { entryIds }),
    giveFloor: (entryId: string, seconds?: number) =>
      state('/floor', 'POST', seconds ? { entryId, seconds } : { entryId }),
    extendFloor: (seconds: number) => state('/floor/extend', 'POST', { seconds }),
    endFloor: () => state('/floor', 'DELETE'),
    setStatus: (status: MeetingStatus) => state('/status', 'POST', { status }),
    setAgendaItem: (agendaItemId: string | null) =>
      state('/agenda/current', 'POST', { agendaItemId }),
    createMotion: (m: Partial<CreateMotion> & { title: string; agendaItemId: string | null }) =>
      call(Motion, `${base}/motions`, json('POST', m), token()),
    openMotion: (id: string) => state(`${motion(id)}/open`),
    closeMotion: (id: string) => state(`${motion(id)}/close`),
    showResult: (id: string) => state(`${motion(id)}/show`),
    castBallot: (id: string, ballot: CastBallot) =>
      call(BallotReceipt, `${base}${motion(id)}/ballots`, json('POST', ballot), token()),
    myBallot: (id: string) => call(MyBallot, `${base}${motion(id)}/my-ballot`, {}, token()),
    checkIn: (memberId: string, present: boolean) =>
      state('/attendance/check-in', 'POST', { memberId, present }),
    rollCall: () => state('/roll-call'),
    confirmRollCall: () => state('/roll-call/confirm'),
    sendPetition: async (p: NewPetition) => {
      await send(`${base}/petitions`, json('POST', p), token());
    },
    listPetitions: () => call(PetitionList, `${base}/petitions`, {}, token()),
    /** Minutes as a file (pdf, csv or json), fetched with the session and returned as a blob. */
    minutes: async (format: 'pdf' | 'csv' | 'json') =>
      (await send(`${base}/minutes.${format}`, {}, token())).blob(),
    qrUrl: () => `${base}/qr.svg`,
  };
}
export type MeetingApi = ReturnType<typeof meetingApi>;

// Typed calls from a meeting client (the web client, the extension's side panel) to the meeting
// server, validated against the shared contracts. `base` is the server's origin ('' for the web
// client, which is served by it). In-meeting calls carry the participant session as
// `Authorization: Bearer …`; every failure becomes a ClientError whose message (in the language
// the client shows) says what to do next.
import { InvitationInfo, JoinResponse, type JoinRequest } from './api';
import type { MeetingStatus } from './domain';
import { ApiError } from './errors';
import type { Lang } from './meeting-words';
import {
  BallotReceipt,
  MeetingState,
  Motion,
  MyBallot,
  type CastBallot,
  type CreateMotion,
  type HandKind,
} from './meeting';
import type { z } from './zod';

export class ClientError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** The meeting server's origin, e.g. `https://hop.example.vn`; '' for same-origin pages. */
  base: string;
  /** The language of error messages, read at the moment of the error. */
  lang: () => Lang;
  fetch?: typeof fetch;
}

const say = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export function meetingClient(opts: ClientOptions) {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  /** Last server clock reading (from the Date header) for timers; see clockOffset. */
  let lastServerDate: string | null = null;

  async function send(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
    const lang = opts.lang();
    let res: Response;
    try {
      res = await doFetch(`${opts.base}${path}`, {
        ...init,
        headers: {
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...init.headers,
        },
      });
    } catch {
      throw new ClientError(
        say(
          lang,
          'Không kết nối được tới máy chủ họp. Kiểm tra mạng rồi thử lại.',
          'Could not reach the meeting server. Check your network and try again.',
        ),
        'network',
      );
    }
    lastServerDate = res.headers.get('date');
    if (!res.ok) {
      const body: unknown = await res.json().catch(() => undefined);
      const err = ApiError.safeParse(body);
      if (err.success) throw new ClientError(err.data.message[lang], err.data.code, res.status);
      throw new ClientError(
        res.status === 404
          ? say(
              lang,
              'Máy chủ chưa hỗ trợ thao tác này. Báo văn phòng HĐND.',
              'The server does not offer this action yet. Tell the secretariat.',
            )
          : say(
              lang,
              `Máy chủ báo lỗi (HTTP ${res.status}). Thử lại sau ít phút.`,
              `The server answered with an error (HTTP ${res.status}). Try again in a few minutes.`,
            ),
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
        say(
          opts.lang(),
          'Máy chủ trả lời không đúng định dạng. Tải lại trang; nếu vẫn lỗi, báo văn phòng HĐND.',
          'The server sent an unexpected answer. Reload the page; if it persists, tell the secretariat.',
        ),
        'bad_response',
        res.status,
      );
    }
    return parsed.data;
  }

  /** The in-meeting API for one meeting; `token` reads the current session token on every call. */
  function meeting(meetingId: string, token: () => string) {
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
      /** Minutes as a file (pdf, csv or json), fetched with the session and returned as a blob. */
      minutes: async (format: 'pdf' | 'csv' | 'json') =>
        (await send(`${base}/minutes.${format}`, {}, token())).blob(),
      qrUrl: () => `${opts.base}${base}/qr.svg`,
    };
  }

  return {
    send,
    call,
    json,
    meeting,
    /** The Date header of the last answer (for the clock offset of timers). */
    serverDate: () => lastServerDate,
    getInvitation: (token: string) =>
      call(InvitationInfo, `/api/invitations/${encodeURIComponent(token)}`),
    joinMeeting: (req: JoinRequest) => call(JoinResponse, '/api/join', json('POST', req)),
    refreshSession: (sessionToken: string) =>
      call(JoinResponse, '/api/session/refresh', json('POST'), sessionToken),
  };
}
export type MeetingClient = ReturnType<typeof meetingClient>;
export type MeetingCalls = ReturnType<MeetingClient['meeting']>;

// Typed calls from a meeting client (the web client, the extension's side panel) to the meeting
// server, each by its route contract (shared/routes, through api-client.ts). `base` is the server's origin ('' for the web
// client, which is served by it). In-meeting calls carry the participant session as
// `Authorization: Bearer …`; every failure becomes a ClientError whose message (in the language
// the client shows) says what to do next.
import { apiClient, pathOf } from './api-client';
import type { JoinRequest } from './api';
import type { MeetingStatus } from './domain';
import { ApiError } from './errors';
import type { CastBallot, CreateMotion, HandKind } from './meeting';
import type { Lang } from './meeting-words';
import { adminRoutes } from './routes/admin';
import { joiningRoutes as J } from './routes/joining';
import { meetingRoutes as M } from './routes/meeting';
import { minutesRoutes } from './routes/minutes';
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

  const api = apiClient({ send, call });

  /** The in-meeting API for one meeting; `token` reads the current session token on every call. */
  function meeting(meetingId: string, token: () => string) {
    const params = { meetingId };
    /** The meeting's parameters and the session token as it is now. */
    const on = () => ({ params, token: token() });
    const motion = (motionId: string) => ({ params: { meetingId, motionId }, token: token() });
    return {
      getState: () => api.call(M.state, on()),
      raiseHand: (kind: HandKind) => api.call(M.raiseHand, { ...on(), body: { kind } }),
      lowerHand: () => api.call(M.lowerHand, on()),
      reorderQueue: (entryIds: string[]) =>
        api.call(M.reorderQueue, { ...on(), body: { entryIds } }),
      giveFloor: (entryId: string, seconds?: number) =>
        api.call(M.giveFloor, { ...on(), body: seconds ? { entryId, seconds } : { entryId } }),
      extendFloor: (seconds: number) => api.call(M.extendFloor, { ...on(), body: { seconds } }),
      endFloor: () => api.call(M.endFloor, on()),
      setFreeDiscussion: (open: boolean) =>
        api.call(M.setFreeDiscussion, { ...on(), body: { open } }),
      /** Mutes one participant's microphone, or every microphone but the chair's. */
      muteMicrophones: (identity?: string) =>
        api.call(M.muteMicrophones, { ...on(), body: identity ? { identity } : {} }),
      setStatus: (status: MeetingStatus) => api.call(M.setStatus, { ...on(), body: { status } }),
      setAgendaItem: (agendaItemId: string | null) =>
        api.call(M.setAgendaItem, { ...on(), body: { agendaItemId } }),
      createMotion: (m: Partial<CreateMotion> & { title: string; agendaItemId: string | null }) =>
        api.call(M.createMotion, { ...on(), body: m }),
      openMotion: (id: string) => api.call(M.openMotion, motion(id)),
      closeMotion: (id: string) => api.call(M.closeMotion, motion(id)),
      showResult: (id: string) => api.call(M.showMotion, motion(id)),
      castBallot: (id: string, ballot: CastBallot) =>
        api.call(M.castBallot, { ...motion(id), body: ballot }),
      myBallot: (id: string) => api.call(M.myBallot, motion(id)),
      checkIn: (memberId: string, present: boolean) =>
        api.call(M.checkIn, { ...on(), body: { memberId, present } }),
      rollCall: () => api.call(M.rollCall, on()),
      confirmRollCall: () => api.call(M.confirmRollCall, on()),
      /** Minutes as a file (pdf, csv or json), fetched with the session and returned as a blob. */
      minutes: async (format: 'pdf' | 'csv' | 'json') =>
        (
          await send(
            pathOf(
              minutesRoutes[
                format === 'pdf' ? 'minutesPdf' : format === 'csv' ? 'minutesCsv' : 'minutesJson'
              ],
              { params },
            ),
            {},
            token(),
          )
        ).blob(),
      qrUrl: () => `${opts.base}${pathOf(adminRoutes.voterQrSvg, { params })}`,
    };
  }

  return {
    send,
    call,
    json,
    /** Calls any route by its contract (shared/routes), typed by it. */
    route: api.call,
    meeting,
    /** The Date header of the last answer (for the clock offset of timers). */
    serverDate: () => lastServerDate,
    getInvitation: (token: string) => api.call(J.invitation, { params: { token } }),
    joinMeeting: (req: JoinRequest) => api.call(J.join, { body: req }),
    refreshSession: (sessionToken: string) => api.call(J.refreshSession, { token: sessionToken }),
  };
}
export type MeetingClient = ReturnType<typeof meetingClient>;
export type MeetingCalls = ReturnType<MeetingClient['meeting']>;

// Typed calls from a meeting client (the web client, the extension's side panel) to the meeting
// server, each by its route contract (shared/routes, through api-client.ts). `base` is the server's origin ('' for the web
// client, which is served by it). In-meeting calls carry the participant session as
// `Authorization: Bearer …`; every failure becomes a ClientError whose message (in the language
// the client shows) says what to do next.
import { apiClient, pathOf } from './api-client';
import {
  encryptBallot,
  pointFromHex,
  verifyBoard,
  type BallotJson,
  type DecryptionShareJson,
} from './ballot-crypto';
import { BOARD_FORMAT, boardSpec } from './ballot-crypto/board';
import type { JoinRequest } from './api';
import type { MeetingStatus } from './domain';
import { ApiError } from './errors';
import type { CastBallot, CreateMotion, HandKind, Motion } from './meeting';
import type { Lang } from './meeting-words';
import { adminRoutes } from './routes/admin';
import { joiningRoutes as J } from './routes/joining';
import { meetingRoutes as M } from './routes/meeting';
import { minutesRoutes } from './routes/minutes';
import { secretBallotRoutes as SB } from './routes/secret-ballot';
import {
  BallotChoiceError,
  ballotSelections,
  type BallotBox,
  type DealBody,
  type SetCommittee,
} from './secret-ballot';
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
    /** Encrypted ballots by idempotency key: a resend is the very same ballot. */
    const sealed = new Map<string, BallotJson>();
    /** The board header of each encrypted vote (it never changes), checked once. */
    const boxes = new Map<string, Promise<BallotBox>>();
    const ballotBox = (motionId: string) => {
      let box = boxes.get(motionId);
      if (!box) {
        box = api.call(SB.ballotBox, motion(motionId)).then((b) => {
          // The key must be the committee's joint key, made from its members' commitments.
          const v = verifyBoard({
            format: BOARD_FORMAT,
            header: b.header,
            ballots: [],
            close: null,
            decryptions: [],
            result: null,
          });
          if (!v.ok) {
            throw new ClientError(
              say(
                opts.lang(),
                'Khóa của ban kiểm phiếu không hợp lệ nên phiếu không được gửi. Báo ngay chủ tọa và ban kiểm phiếu.',
                'The counting committee’s key is invalid, so the ballot was not sent. Tell the chair and the committee now.',
              ),
              'bad_committee_key',
            );
          }
          return b;
        });
        box.catch(() => boxes.delete(motionId));
        boxes.set(motionId, box);
      }
      return box;
    };
    const seal = (
      box: BallotBox,
      m: Pick<Motion, 'kind' | 'officials' | 'posts'>,
      ballot: CastBallot,
    ): BallotJson => {
      try {
        return encryptBallot(
          boardSpec(box.header),
          pointFromHex(box.header.publicKey),
          box.voterId,
          ballotSelections(m, ballot),
        );
      } catch (e) {
        if (e instanceof BallotChoiceError)
          throw new ClientError(say(opts.lang(), e.vi, e.en), 'invalid_ballot', 400);
        throw new ClientError(
          say(
            opts.lang(),
            'Phiếu này không hợp lệ theo thể lệ bỏ phiếu nên chưa được gửi. Hãy chọn lại.',
            'This ballot breaks the voting rules, so it was not sent. Choose again.',
          ),
          'invalid_ballot',
          400,
        );
      }
    };
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
      /**
       * Casts a ballot. For an encrypted secret vote (`m.encrypted`) the choices are encrypted here,
       * in the browser, with their proofs (docs/secret-ballot.md §3) and only the ciphertexts are
       * sent; a resend with the same idempotency key sends the same encrypted ballot.
       */
      castBallot: async (
        id: string,
        ballot: CastBallot,
        m?: Pick<Motion, 'encrypted' | 'kind' | 'officials' | 'posts'>,
      ) => {
        if (!m?.encrypted) return api.call(M.castBallot, { ...motion(id), body: ballot });
        const key = ballot.idempotencyKey;
        let encrypted = sealed.get(key);
        if (!encrypted) {
          const box = await ballotBox(id);
          encrypted = seal(box, m, ballot);
          sealed.set(key, encrypted);
        }
        return api.call(M.castBallot, {
          ...motion(id),
          body: { idempotencyKey: key, encrypted },
        });
      },
      myBallot: (id: string) => api.call(M.myBallot, motion(id)),
      // The counting committee (ban kiểm phiếu) and the public board (shared/ballot-committee.ts).
      committee: () => api.call(SB.committee, on()),
      setCommittee: (body: SetCommittee) => api.call(SB.setCommittee, { ...on(), body }),
      committeeCalls: () => ({
        committee: () => api.call(SB.committee, on()),
        transportKey: (transportKey: string) =>
          api.call(SB.committeeTransportKey, { ...on(), body: { transportKey } }),
        deal: (body: z.infer<typeof DealBody>) => api.call(SB.committeeDeal, { ...on(), body }),
        myShares: () => api.call(SB.committeeMyShares, on()),
        board: (motionId: string) => api.call(SB.secretBoard, { params: { motionId } }),
        decryptionShare: (motionId: string, share: DecryptionShareJson) =>
          api.call(SB.decryptionShare, { ...motion(motionId), body: { share } }),
      }),
      board: (motionId: string) => api.call(SB.secretBoard, { params: { motionId } }),
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

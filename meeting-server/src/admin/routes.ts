// Administration HTTP routes (staff session; writes need the CSRF header): councils, members,
// bodies, meetings with agenda and settings, invitations; and the public QR code of a voter link.
import type { Request } from 'express';
import type { MeetingKind } from '../../../shared/domain';
import { adminRoutes as api } from '../../../shared/routes/admin';
import type { Db } from '../db/database';
import { badRequest, notFound } from '../http/errors';
import { SENT, defineRoute, reply, type RouteDef } from '../http/route';
import type { LiveDeps } from '../live/context';
import type { LiveKit } from '../livekit/livekit';
import type { StaffDeps } from '../staff/session';
import { setMeetingStatus } from '../votes/sitting';
import { cleanPhone } from './member-import/values';
import {
  issueBodyInvitations,
  issueInvitation,
  removeIfTermEnded,
  revokeAndRemove,
  toInvitation,
  voterQr,
  type LinkDeps,
} from './invitations';
import {
  addMember,
  countInCouncil,
  createBody,
  createCouncil,
  createMeeting,
  findInvitationOf,
  findMeeting,
  getBody,
  getCouncil,
  getMember,
  listBodies,
  listCouncils,
  listInvitations,
  listMeetings,
  listMembers,
  meetingSummary,
  meetingView,
  rawSettings,
  setAgenda,
  setBodyMembers,
  setMemberBodies,
  updateCouncil,
  updateMeeting,
  updateMember,
} from '../meetings/store';

export interface AdminDeps extends StaffDeps {
  db: Db;
  /** The URL people open (PUBLIC_URL); links and QR codes are built on it. */
  publicUrl: (req: Request) => string;
  /** The live meeting's services: a status change goes through the sitting's rules. */
  live: LiveDeps;
  /** Revoking an invitation removes its participants from the room. */
  livekit: LiveKit;
  log: (err: unknown) => void;
}

export const noCouncil = () => notFound('Không tìm thấy Hội đồng này.', 'No such council.');
export const noMeeting = () => notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');
const noMember = () => notFound('Không tìm thấy đại biểu này.', 'No such member.');
const noBody = () => notFound('Không tìm thấy cơ quan này.', 'No such body.');
const noInvitation = () => notFound('Không tìm thấy giấy mời này.', 'No such invitation.');
const notInCouncil = (what: { vi: string; en: string }) =>
  badRequest(
    `Có ${what.vi} không thuộc Hội đồng này.`,
    `Some ${what.en} do not belong to this council.`,
  );

/** A phone number as digits from 0 (+84 → 0), refused with advice when it is not one. */
function phoneOf<T extends { phone?: string | null | undefined }>(body: T): T {
  if (body.phone === '') return { ...body, phone: null };
  if (!body.phone) return body;
  const phone = cleanPhone(body.phone);
  if (!phone) {
    throw badRequest(
      `Số điện thoại "${body.phone}" không đúng: cần 10 hoặc 11 chữ số bắt đầu bằng 0 (hoặc +84).`,
      `The phone number "${body.phone}" is not valid: 10 or 11 digits starting with 0 (or +84).`,
    );
  }
  return { ...body, phone };
}

/** The kind of body each meeting kind belongs to (voter meetings: any body). */
const bodyKindFor: Record<MeetingKind, string | null> = {
  session: 'council',
  committee: 'committee',
  standing: 'standing',
  voter: null,
};

export function adminRoutes(deps: AdminDeps): RouteDef[] {
  const db = deps.db;
  const links = (req: Request): LinkDeps => ({
    secret: deps.secret,
    publicUrl: deps.publicUrl(req),
  });

  const councilOr404 = async (id: string) => {
    const found = await getCouncil(db, id);
    if (!found) throw noCouncil();
    return found;
  };
  const meetingOr404 = async (id: string) => {
    const found = await findMeeting(db, id);
    if (!found) throw noMeeting();
    return found;
  };

  return [
    // ---- councils ----
    defineRoute(api.councils, () => listCouncils(db)),
    defineRoute(api.createCouncil, async ({ body }) => {
      const id = await createCouncil(db, body);
      return getCouncil(db, id);
    }),
    defineRoute(api.council, ({ params }) => councilOr404(params.councilId)),
    defineRoute(api.updateCouncil, async ({ params: { councilId }, body }) => {
      await councilOr404(councilId);
      await updateCouncil(db, councilId, body);
      return getCouncil(db, councilId);
    }),

    // ---- members ----
    defineRoute(api.members, async ({ params: { councilId } }) => {
      await councilOr404(councilId);
      return listMembers(db, councilId);
    }),
    defineRoute(api.addMember, async ({ params: { councilId }, body }) => {
      await councilOr404(councilId);
      const bodyIds = [...new Set(body.bodyIds)];
      if ((await countInCouncil(db, 'bodies', councilId, bodyIds)) !== bodyIds.length) {
        throw notInCouncil({ vi: 'cơ quan', en: 'bodies' });
      }
      const id = await db.transaction(async (tx) => {
        const { fullName, delegateGroup, dateOfBirth, unit, phone, email } = phoneOf(body);
        const memberId = await addMember(tx, {
          councilId,
          fullName,
          delegateGroup: delegateGroup || null,
          dateOfBirth,
          unit: unit || null,
          phone: phone || null,
          email,
        });
        await setMemberBodies(tx, memberId, bodyIds);
        return memberId;
      });
      return getMember(db, id);
    }),
    defineRoute(api.updateMember, async ({ params, body }) => {
      const m = await getMember(db, params.memberId);
      if (!m) throw noMember();
      if (
        body.bodyIds &&
        (await countInCouncil(db, 'bodies', m.councilId, body.bodyIds)) !==
          new Set(body.bodyIds).size
      ) {
        throw notInCouncil({ vi: 'cơ quan', en: 'bodies' });
      }
      const changes = phoneOf(body);
      await db.transaction(async (tx) => {
        await updateMember(tx, m.id, changes);
        if (body.bodyIds) await setMemberBodies(tx, m.id, body.bodyIds);
      });
      if (body.termEnd) await removeIfTermEnded(deps, m.id, body.termEnd.on, deps.now());
      return getMember(db, m.id);
    }),

    // ---- bodies ----
    defineRoute(api.bodies, async ({ params: { councilId } }) => {
      await councilOr404(councilId);
      return listBodies(db, councilId);
    }),
    defineRoute(api.createBody, async ({ params: { councilId }, body }) => {
      await councilOr404(councilId);
      const memberIds = [...new Set(body.memberIds)];
      if ((await countInCouncil(db, 'members', councilId, memberIds)) !== memberIds.length) {
        throw notInCouncil({ vi: 'đại biểu', en: 'members' });
      }
      const id = await db.transaction((tx) =>
        createBody(tx, { councilId, kind: body.kind, name: body.name, memberIds }),
      );
      return getBody(db, id);
    }),
    defineRoute(api.setBodyMembers, async ({ params, body }) => {
      const b = await getBody(db, params.bodyId);
      if (!b) throw noBody();
      const memberIds = [...new Set(body.memberIds)];
      if ((await countInCouncil(db, 'members', b.councilId, memberIds)) !== memberIds.length) {
        throw notInCouncil({ vi: 'đại biểu', en: 'members' });
      }
      await db.transaction((tx) => setBodyMembers(tx, b.id, memberIds));
      return getBody(db, b.id);
    }),

    // ---- meetings ----
    defineRoute(api.meetings, async ({ params: { councilId } }) => {
      await councilOr404(councilId);
      return (await listMeetings(db, councilId)).map(meetingSummary);
    }),
    defineRoute(api.createMeeting, async ({ params: { councilId }, body }) => {
      await councilOr404(councilId);
      const b = await getBody(db, body.bodyId);
      if (!b || b.councilId !== councilId) throw notInCouncil({ vi: 'cơ quan', en: 'bodies' });
      const wanted = bodyKindFor[body.kind];
      if (wanted && b.kind !== wanted) {
        throw badRequest(
          'Loại cuộc họp không khớp với cơ quan tổ chức (kỳ họp: toàn thể HĐND; họp Ban: một Ban; họp Thường trực: Thường trực HĐND).',
          'The meeting kind does not match its body (session: the full council; committee: a committee; standing: the standing committee).',
        );
      }
      const id = await db.transaction((tx) =>
        createMeeting(tx, {
          councilId,
          bodyId: b.id,
          kind: body.kind,
          title: body.title,
          startsAt: new Date(body.startsAt),
          agenda: body.agenda.map((a) => a.title),
          settings: body.settings,
        }),
      );
      return meetingView(db, (await findMeeting(db, id))!);
    }),
    defineRoute(api.meeting, async ({ params }) =>
      meetingView(db, await meetingOr404(params.meetingId)),
    ),
    defineRoute(api.updateMeeting, async ({ params, body }) => {
      const meeting = await meetingOr404(params.meetingId);
      // The status first, by the sitting's rules (quorum to open, closing closes the open votes):
      // when it is refused, nothing else of the request is changed either.
      if (body.status) await setMeetingStatus(deps.live, meeting.id, body.status);
      await updateMeeting(db, meeting.id, {
        ...(body.title ? { title: body.title } : {}),
        ...(body.startsAt ? { startsAt: body.startsAt } : {}),
        // Keep keys other parts of the server store in settings; replace only the given ones.
        ...(body.settings ? { settings: { ...rawSettings(meeting), ...body.settings } } : {}),
      });
      return meetingView(db, (await findMeeting(db, meeting.id))!);
    }),
    defineRoute(api.setAgenda, async ({ params, body }) => {
      const meeting = await meetingOr404(params.meetingId);
      const current = new Set((await meetingView(db, meeting)).agenda.map((a) => a.id));
      const ids = body.items.flatMap((i) => (i.id ? [i.id] : []));
      if (ids.some((id) => !current.has(id)) || new Set(ids).size !== ids.length) {
        throw badRequest(
          'Có mục chương trình không thuộc cuộc họp này hoặc bị lặp.',
          'Some agenda items do not belong to this meeting or are repeated.',
        );
      }
      await db.transaction((tx) => setAgenda(tx, meeting.id, body.items));
      return meetingView(db, meeting);
    }),

    // ---- invitations ----
    defineRoute(api.invitations, async ({ req, params }) => {
      const meeting = await meetingOr404(params.meetingId);
      return (await listInvitations(db, meeting.id)).map((i) => toInvitation(links(req), i));
    }),
    defineRoute(api.issueInvitation, async ({ req, params, body }) => {
      const meeting = await meetingOr404(params.meetingId);
      const { row, created } = await issueInvitation(db, meeting, body, deps.now());
      return reply(created ? 201 : 200, toInvitation(links(req), row));
    }),
    defineRoute(api.inviteBody, async ({ req, params, body }) => {
      const meeting = await meetingOr404(params.meetingId);
      const rows = await db.transaction((tx) =>
        issueBodyInvitations(tx, meeting, body.expiresAt, deps.now()),
      );
      return rows.map((i) => toInvitation(links(req), i));
    }),
    defineRoute(api.revokeInvitation, async ({ req, params }) => {
      const meeting = await meetingOr404(params.meetingId);
      const inv = await findInvitationOf(db, meeting.id, params.invitationId);
      if (!inv) throw noInvitation();
      await revokeAndRemove(deps, meeting.id, inv.id, deps.now());
      return toInvitation(links(req), (await findInvitationOf(db, meeting.id, inv.id))!);
    }),

    // ---- public: the QR code of the voter link (shown on the hall display) ----
    ...(['png', 'svg'] as const).map((format) =>
      defineRoute(
        format === 'png' ? api.voterQrPng : api.voterQrSvg,
        async ({ req, res, params }) => {
          const qr = await voterQr(db, links(req), params.meetingId, format, deps.now());
          res
            .type(format === 'png' ? 'image/png' : 'image/svg+xml')
            .setHeader('Cache-Control', 'no-cache')
            .send(qr);
          return SENT;
        },
      ),
    ),
  ];
}

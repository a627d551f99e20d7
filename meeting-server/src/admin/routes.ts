// Administration HTTP routes (staff session; writes need the CSRF header): councils, members,
// bodies, meetings with agenda and settings, invitations; and the public QR code of a voter link.
import { Router, type Request } from 'express';
import {
  CreateBody,
  CreateCouncil,
  CreateMeeting,
  CreateMember,
  IssueBodyInvitations,
  IssueInvitation,
  SetAgenda,
  SetBodyMembers,
  UpdateCouncil,
  UpdateMeeting,
  UpdateMember,
} from '../../../shared/admin';
import type { MeetingKind } from '../../../shared/domain';
import type { Db } from '../db/database';
import type { LiveKit } from '../livekit/livekit';
import { badRequest, notFound, parse } from '../http/errors';
import { addMember, createBody, createCouncil, createMeeting } from '../meetings/store';
import { requireStaff, type StaffDeps } from '../staff/session';
import {
  issueBodyInvitations,
  issueInvitation,
  revokeAndRemove,
  toInvitation,
  voterQr,
  type LinkDeps,
} from './invitations';
import {
  countInCouncil,
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
} from './store';

export interface AdminDeps extends StaffDeps {
  db: Db;
  /** The URL people open (PUBLIC_URL); links and QR codes are built on it. */
  publicUrl: (req: Request) => string;
  /** Revoking an invitation removes its participants from the room. */
  livekit: LiveKit;
  log: (err: unknown) => void;
}

/** A route parameter (always a string for the routes below). */
const param = (req: Request, name: string): string => String(req.params[name] ?? '');

const noCouncil = () => notFound('Không tìm thấy Hội đồng này.', 'No such council.');
const noMeeting = () => notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');
const noMember = () => notFound('Không tìm thấy đại biểu này.', 'No such member.');
const noBody = () => notFound('Không tìm thấy cơ quan này.', 'No such body.');
const noInvitation = () => notFound('Không tìm thấy giấy mời này.', 'No such invitation.');
const notInCouncil = (what: { vi: string; en: string }) =>
  badRequest(
    `Có ${what.vi} không thuộc Hội đồng này.`,
    `Some ${what.en} do not belong to this council.`,
  );

/** The kind of body each meeting kind belongs to (voter meetings: any body). */
const bodyKindFor: Record<MeetingKind, string | null> = {
  session: 'council',
  committee: 'committee',
  standing: 'standing',
  voter: null,
};

export function adminRouter(deps: AdminDeps): Router {
  const r = Router();
  const staff = requireStaff(deps);
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

  // ---- councils ----
  r.get('/api/admin/councils', staff, async (_req, res) => {
    res.json(await listCouncils(db));
  });
  r.post('/api/admin/councils', staff, async (req, res) => {
    const body = parse(CreateCouncil, req.body);
    const id = await createCouncil(db, body);
    res.status(201).json(await getCouncil(db, id));
  });
  r.get('/api/admin/councils/:councilId', staff, async (req, res) => {
    res.json(await councilOr404(param(req, 'councilId')));
  });
  r.patch('/api/admin/councils/:councilId', staff, async (req, res) => {
    const body = parse(UpdateCouncil, req.body);
    await councilOr404(param(req, 'councilId'));
    await updateCouncil(db, param(req, 'councilId'), body);
    res.json(await getCouncil(db, param(req, 'councilId')));
  });

  // ---- members ----
  r.get('/api/admin/councils/:councilId/members', staff, async (req, res) => {
    await councilOr404(param(req, 'councilId'));
    res.json(await listMembers(db, param(req, 'councilId')));
  });
  r.post('/api/admin/councils/:councilId/members', staff, async (req, res) => {
    const body = parse(CreateMember, req.body);
    const councilId = param(req, 'councilId');
    await councilOr404(councilId);
    const bodyIds = [...new Set(body.bodyIds)];
    if ((await countInCouncil(db, 'bodies', councilId, bodyIds)) !== bodyIds.length) {
      throw notInCouncil({ vi: 'cơ quan', en: 'bodies' });
    }
    const id = await db.transaction(async (tx) => {
      const memberId = await addMember(tx, {
        councilId,
        fullName: body.fullName,
        ...(body.delegateGroup ? { delegateGroup: body.delegateGroup } : {}),
      });
      await setMemberBodies(tx, memberId, bodyIds);
      return memberId;
    });
    res.status(201).json(await getMember(db, id));
  });
  r.patch('/api/admin/members/:memberId', staff, async (req, res) => {
    const body = parse(UpdateMember, req.body);
    const m = await getMember(db, param(req, 'memberId'));
    if (!m) throw noMember();
    if (
      body.bodyIds &&
      (await countInCouncil(db, 'bodies', m.councilId, body.bodyIds)) !== new Set(body.bodyIds).size
    ) {
      throw notInCouncil({ vi: 'cơ quan', en: 'bodies' });
    }
    await db.transaction(async (tx) => {
      await updateMember(tx, m.id, body);
      if (body.bodyIds) await setMemberBodies(tx, m.id, body.bodyIds);
    });
    res.json(await getMember(db, m.id));
  });

  // ---- bodies ----
  r.get('/api/admin/councils/:councilId/bodies', staff, async (req, res) => {
    await councilOr404(param(req, 'councilId'));
    res.json(await listBodies(db, param(req, 'councilId')));
  });
  r.post('/api/admin/councils/:councilId/bodies', staff, async (req, res) => {
    const body = parse(CreateBody, req.body);
    const councilId = param(req, 'councilId');
    await councilOr404(councilId);
    const memberIds = [...new Set(body.memberIds)];
    if ((await countInCouncil(db, 'members', councilId, memberIds)) !== memberIds.length) {
      throw notInCouncil({ vi: 'đại biểu', en: 'members' });
    }
    const id = await db.transaction((tx) =>
      createBody(tx, { councilId, kind: body.kind, name: body.name, memberIds }),
    );
    res.status(201).json(await getBody(db, id));
  });
  r.put('/api/admin/bodies/:bodyId/members', staff, async (req, res) => {
    const body = parse(SetBodyMembers, req.body);
    const b = await getBody(db, param(req, 'bodyId'));
    if (!b) throw noBody();
    const memberIds = [...new Set(body.memberIds)];
    if ((await countInCouncil(db, 'members', b.councilId, memberIds)) !== memberIds.length) {
      throw notInCouncil({ vi: 'đại biểu', en: 'members' });
    }
    await db.transaction((tx) => setBodyMembers(tx, b.id, memberIds));
    res.json(await getBody(db, b.id));
  });

  // ---- meetings ----
  r.get('/api/admin/councils/:councilId/meetings', staff, async (req, res) => {
    await councilOr404(param(req, 'councilId'));
    res.json((await listMeetings(db, param(req, 'councilId'))).map(meetingSummary));
  });
  r.post('/api/admin/councils/:councilId/meetings', staff, async (req, res) => {
    const body = parse(CreateMeeting, req.body);
    const councilId = param(req, 'councilId');
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
    res.status(201).json(await meetingView(db, (await findMeeting(db, id))!));
  });
  r.get('/api/admin/meetings/:meetingId', staff, async (req, res) => {
    res.json(await meetingView(db, await meetingOr404(param(req, 'meetingId'))));
  });
  r.patch('/api/admin/meetings/:meetingId', staff, async (req, res) => {
    const body = parse(UpdateMeeting, req.body);
    const meeting = await meetingOr404(param(req, 'meetingId'));
    await updateMeeting(db, meeting.id, {
      ...(body.title ? { title: body.title } : {}),
      ...(body.startsAt ? { startsAt: body.startsAt } : {}),
      ...(body.status ? { status: body.status } : {}),
      // Keep keys other parts of the server store in settings; replace only the given ones.
      ...(body.settings ? { settings: { ...rawSettings(meeting), ...body.settings } } : {}),
    });
    res.json(await meetingView(db, (await findMeeting(db, meeting.id))!));
  });
  r.put('/api/admin/meetings/:meetingId/agenda', staff, async (req, res) => {
    const body = parse(SetAgenda, req.body);
    const meeting = await meetingOr404(param(req, 'meetingId'));
    const current = new Set((await meetingView(db, meeting)).agenda.map((a) => a.id));
    const ids = body.items.flatMap((i) => (i.id ? [i.id] : []));
    if (ids.some((id) => !current.has(id)) || new Set(ids).size !== ids.length) {
      throw badRequest(
        'Có mục chương trình không thuộc cuộc họp này hoặc bị lặp.',
        'Some agenda items do not belong to this meeting or are repeated.',
      );
    }
    await db.transaction((tx) => setAgenda(tx, meeting.id, body.items));
    res.json(await meetingView(db, meeting));
  });

  // ---- invitations ----
  r.get('/api/admin/meetings/:meetingId/invitations', staff, async (req, res) => {
    const meeting = await meetingOr404(param(req, 'meetingId'));
    res.json((await listInvitations(db, meeting.id)).map((i) => toInvitation(links(req), i)));
  });
  r.post('/api/admin/meetings/:meetingId/invitations', staff, async (req, res) => {
    const body = parse(IssueInvitation, req.body);
    const meeting = await meetingOr404(param(req, 'meetingId'));
    const { row, created } = await issueInvitation(db, meeting, body, deps.now());
    res.status(created ? 201 : 200).json(toInvitation(links(req), row));
  });
  r.post('/api/admin/meetings/:meetingId/invitations/body', staff, async (req, res) => {
    const body = parse(IssueBodyInvitations, req.body ?? {});
    const meeting = await meetingOr404(param(req, 'meetingId'));
    const rows = await db.transaction((tx) =>
      issueBodyInvitations(tx, meeting, body.expiresAt, deps.now()),
    );
    res.json(rows.map((i) => toInvitation(links(req), i)));
  });
  r.post(
    '/api/admin/meetings/:meetingId/invitations/:invitationId/revoke',
    staff,
    async (req, res) => {
      const meeting = await meetingOr404(param(req, 'meetingId'));
      const inv = await findInvitationOf(db, meeting.id, param(req, 'invitationId'));
      if (!inv) throw noInvitation();
      await revokeAndRemove(deps, meeting.id, inv.id, deps.now());
      res.json(toInvitation(links(req), (await findInvitationOf(db, meeting.id, inv.id))!));
    },
  );

  // ---- public: the QR code of the voter link (shown on the hall display) ----
  for (const format of ['png', 'svg'] as const) {
    r.get(`/api/meetings/:meetingId/qr.${format}`, async (req, res) => {
      const qr = await voterQr(db, links(req), param(req, 'meetingId'), format, deps.now());
      res
        .type(format === 'png' ? 'image/png' : 'image/svg+xml')
        .setHeader('Cache-Control', 'no-cache')
        .send(qr);
    });
  }

  return r;
}

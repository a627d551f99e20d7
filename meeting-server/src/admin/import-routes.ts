// Staff routes of the member import and the invitation letters (issue #14), bound to the contracts
// of shared/routes/member-import.ts. A spreadsheet (up to 5 MB) and a confirmed list of up to
// 2,000 members exceed the app's 64 KB JSON limit: both routes carry their own (`maxBodyBytes`).
// Preview saves nothing; confirm checks the rows again and saves all or none.
import type { Request } from 'express';
import type { Role } from '../../../shared/domain';
import { ErrorCode } from '../../../shared/errors';
import type { ImportRow } from '../../../shared/member-import';
import { memberImportRoutes as api } from '../../../shared/routes/member-import';
import type { Db, Queryable } from '../db/database';
import { HttpError, badRequest, notFound } from '../http/errors';
import { readRawBody } from '../http/mount';
import { SENT, defineRoute, type RouteDef } from '../http/route';
import {
  addMember,
  findMeeting,
  getBody,
  getCouncil,
  listInvitations,
  liveVoterInvitation,
  meetingView,
  setMemberBodies,
} from '../meetings/store';
import type { StaffDeps } from '../staff/session';
import { joinUrl } from './invitations';
import { invitationLettersPdf, invitationLinksCsv, type LetterInvitation } from './letters';
import { voterPosterPdf } from './poster';
import { checkRows, previewMemberImport, type ImportContext } from './member-import';
import { noCouncil, noMeeting } from './routes';

export interface ImportDeps extends StaffDeps {
  db: Db;
  publicUrl: (req: Request) => string;
}

/** Largest spreadsheet accepted. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Largest confirm request (2,000 rows of values). */
const CONFIRM_MAX_BYTES = 2 * 1024 * 1024;

/** The content types a browser sends for .xlsx and .csv files (and "unknown" for either). */
const SPREADSHEET_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/** The council's committees, delegate groups in use and members, against which rows are checked. */
async function importContext(db: Queryable, councilId: string): Promise<ImportContext> {
  const [committees, groups, existing] = await Promise.all([
    db.query<{ id: string; name: string }>(
      `SELECT id, name FROM bodies WHERE council_id = $1 AND kind = 'committee' ORDER BY name, id`,
      [councilId],
    ),
    db.query<{ delegate_group: string }>(
      `SELECT DISTINCT delegate_group FROM members
        WHERE council_id = $1 AND delegate_group IS NOT NULL ORDER BY delegate_group`,
      [councilId],
    ),
    db.query<{ full_name: string; date_of_birth: string | null }>(
      `SELECT full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth
         FROM members WHERE council_id = $1`,
      [councilId],
    ),
  ]);
  return {
    committees,
    groups: groups.map((g) => g.delegate_group),
    existing: existing.map((m) => ({ fullName: m.full_name, dateOfBirth: m.date_of_birth })),
  };
}

export function importRoutes(deps: ImportDeps): RouteDef[] {
  const db = deps.db;
  const councilOr404 = async (id: string) => {
    const found = await getCouncil(db, id);
    if (!found) throw noCouncil();
    return found;
  };

  /** The meeting, its council and body, and the live personal invitations with their links. */
  const letters = async (req: Request, meetingId: string) => {
    const meeting = await findMeeting(db, meetingId);
    if (!meeting) throw noMeeting();
    const view = await meetingView(db, meeting);
    const body = await getBody(db, meeting.body_id);
    const now = deps.now();
    const invitations: LetterInvitation[] = (await listInvitations(db, meeting.id))
      .filter((i) => i.role !== 'voter' && !i.revoked_at && new Date(i.expires_at).getTime() > now)
      .map((i) => ({
        name: i.member_name ?? i.display_name ?? '',
        role: i.role as Role,
        url: joinUrl({ secret: deps.secret, publicUrl: deps.publicUrl(req) }, i),
      }));
    if (!invitations.length) {
      throw new HttpError(
        409,
        ErrorCode.conflict,
        'Cuộc họp chưa có giấy mời cá nhân nào còn hiệu lực; hãy cấp giấy mời trước.',
        'The meeting has no valid personal invitations; issue invitations first.',
      );
    }
    return {
      council: { name: view.councilName },
      meeting: {
        title: view.title,
        kind: view.kind,
        startsAt: view.startsAt,
        bodyName: body?.name ?? '',
        agenda: view.agenda,
      },
      issuedAt: new Date(now).toISOString(),
      invitations,
    };
  };
  const attachment = (name: string, meetingId: string, ext: string) =>
    `attachment; filename="${name}-${meetingId.replace(/[^A-Za-z0-9-]/g, '')}.${ext}"`;

  return [
    defineRoute(
      api.previewMemberImport,
      async ({ req, res, params: { councilId } }) => {
        await councilOr404(councilId);
        const bytes = await readRawBody(req, res, SPREADSHEET_TYPES, IMPORT_MAX_BYTES, {
          vi: 'Hãy gửi tệp .xlsx hoặc .csv (Content-Type: tệp bảng tính).',
          en: 'Send an .xlsx or .csv file (Content-Type: a spreadsheet type).',
        });
        return previewMemberImport(bytes, await importContext(db, councilId));
      },
      { maxBodyBytes: IMPORT_MAX_BYTES },
    ),
    defineRoute(
      api.confirmMemberImport,
      async ({ params: { councilId }, body }) => {
        await councilOr404(councilId);
        const memberIds = await db.transaction(async (tx) => {
          // One import at a time per council, so two confirms cannot both add the same member.
          await tx.query('SELECT id FROM councils WHERE id = $1 FOR UPDATE', [councilId]);
          const rows = checkRows(body.rows, await importContext(tx, councilId));
          const wrong = rows.filter((row) => row.errors.length);
          if (wrong.length) {
            const lines = wrong.map((w) => w.line).join(', ');
            throw badRequest(
              `Chưa lưu đại biểu nào: ${wrong.length} dòng còn lỗi (dòng ${lines}). Hãy sửa rồi xác nhận lại.`,
              `No member was saved: ${wrong.length} rows still have errors (rows ${lines}). Correct them and confirm again.`,
              { rows: wrong },
            );
          }
          return saveRows(tx, councilId, rows);
        });
        return { created: memberIds.length, memberIds };
      },
      { maxBodyBytes: CONFIRM_MAX_BYTES },
    ),
    defineRoute(api.invitationLetters, async ({ req, res, params: { meetingId } }) => {
      const pdf = await invitationLettersPdf(await letters(req, meetingId));
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', attachment('giay-moi', meetingId, 'pdf'))
        .setHeader('Cache-Control', 'no-store')
        .send(Buffer.from(pdf));
      return SENT;
    }),
    defineRoute(api.invitationLinks, async ({ req, res, params: { meetingId } }) => {
      const csv = invitationLinksCsv(await letters(req, meetingId));
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', attachment('lien-ket', meetingId, 'csv'))
        .setHeader('Cache-Control', 'no-store')
        .send(csv);
      return SENT;
    }),
    defineRoute(api.voterPoster, async ({ req, res, params: { meetingId }, query }) => {
      const meeting = await findMeeting(db, meetingId);
      if (!meeting) throw noMeeting();
      const live = await liveVoterInvitation(db, meeting.id, deps.now());
      if (meeting.kind !== 'voter' || !live) {
        throw notFound(
          'Cuộc họp này chưa có liên kết công khai cho cử tri: hãy bấm "Tạo liên kết công khai cho cử tri" trước.',
          'This meeting has no public voter link yet: issue it first ("Issue the public voter link").',
        );
      }
      const view = await meetingView(db, meeting);
      const pdf = await voterPosterPdf({
        council: { name: view.councilName },
        meeting: { title: view.title, startsAt: view.startsAt },
        place: query.place ?? null,
        url: joinUrl({ secret: deps.secret, publicUrl: deps.publicUrl(req) }, live),
        size: query.size,
      });
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', attachment(`ma-qr-${query.size}`, meetingId, 'pdf'))
        .setHeader('Cache-Control', 'no-store')
        .send(Buffer.from(pdf));
      return SENT;
    }),
  ];
}

async function saveRows(tx: Queryable, councilId: string, rows: ImportRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const id = await addMember(tx, { councilId, ...row.values });
    await setMemberBodies(tx, id, row.bodyIds);
    ids.push(id);
  }
  return ids;
}

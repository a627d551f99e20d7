// Staff routes of the member import and the invitation letters (issue #14). Mounted before the
// app's 64 KB JSON parser: a spreadsheet (up to 5 MB) and a confirmed list of up to 2,000 members
// are larger. Preview saves nothing; confirm checks the rows again and saves all or none.
import express, { Router, type Request } from 'express';
import type { Role } from '../../../shared/domain';
import { ErrorCode } from '../../../shared/errors';
import { ConfirmImport, type ImportRow } from '../../../shared/member-import';
import type { Db, Queryable } from '../db/database';
import { refuseDeclaredOver } from '../http/body-limit';
import { HttpError, badRequest, notFound, parse } from '../http/errors';
import { addMember } from '../meetings/store';
import { requireStaff, type StaffDeps } from '../staff/session';
import { joinUrl } from './invitations';
import { invitationLettersPdf, invitationLinksCsv, type LetterInvitation } from './letters';
import { checkRows, previewMemberImport, type ImportContext } from './member-import';
import {
  findMeeting,
  getBody,
  getCouncil,
  listInvitations,
  meetingView,
  setMemberBodies,
} from './store';

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

const param = (req: Request, name: string): string => String(req.params[name] ?? '');

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

const noCouncil = () => notFound('Không tìm thấy Hội đồng này.', 'No such council.');
const noMeeting = () => notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');

export function importRouter(deps: ImportDeps): Router {
  const r = Router();
  const staff = requireStaff(deps);
  const db = deps.db;
  const councilOr404 = async (id: string) => {
    const found = await getCouncil(db, id);
    if (!found) throw noCouncil();
    return found;
  };

  r.post(
    '/api/admin/councils/:councilId/members/import/preview',
    refuseDeclaredOver(IMPORT_MAX_BYTES),
    staff,
    express.raw({ type: SPREADSHEET_TYPES, limit: IMPORT_MAX_BYTES }),
    async (req, res) => {
      const councilId = param(req, 'councilId');
      await councilOr404(councilId);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw badRequest(
          'Hãy gửi tệp .xlsx hoặc .csv (Content-Type: tệp bảng tính).',
          'Send an .xlsx or .csv file (Content-Type: a spreadsheet type).',
        );
      }
      const bytes = new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.length);
      res.json(previewMemberImport(bytes, await importContext(db, councilId)));
    },
  );

  r.post(
    '/api/admin/councils/:councilId/members/import/confirm',
    refuseDeclaredOver(CONFIRM_MAX_BYTES),
    // Parsed before the staff check, as the app's JSON parser does: the staff check opens the
    // audit context, which a body read after it would not carry into the write.
    express.json({ limit: CONFIRM_MAX_BYTES }),
    staff,
    async (req, res) => {
      const body = parse(ConfirmImport, req.body);
      const councilId = param(req, 'councilId');
      await councilOr404(councilId);
      const memberIds = await db.transaction(async (tx) => {
        // One import at a time per council, so two confirms cannot both add the same member.
        await tx.query('SELECT id FROM councils WHERE id = $1 FOR UPDATE', [councilId]);
        const rows = checkRows(body.rows, await importContext(tx, councilId));
        const wrong = rows.filter((row) => row.errors.length);
        if (wrong.length) {
          throw badRequest(
            `Chưa lưu đại biểu nào: ${wrong.length} dòng còn lỗi (dòng ${wrong.map((w) => w.line).join(', ')}). Hãy sửa rồi xác nhận lại.`,
            `No member was saved: ${wrong.length} rows still have errors (rows ${wrong.map((w) => w.line).join(', ')}). Correct them and confirm again.`,
            { rows: wrong },
          );
        }
        return saveRows(tx, councilId, rows);
      });
      res.status(201).json({ created: memberIds.length, memberIds });
    },
  );

  /** The meeting, its council and body, and the live personal invitations with their links. */
  const letters = async (req: Request) => {
    const meeting = await findMeeting(db, param(req, 'meetingId'));
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
  const file = (req: Request, name: string, ext: string) =>
    `attachment; filename="${name}-${param(req, 'meetingId').replace(/[^A-Za-z0-9-]/g, '')}.${ext}"`;

  r.get('/api/admin/meetings/:meetingId/invitations/letters.pdf', staff, async (req, res) => {
    const pdf = await invitationLettersPdf(await letters(req));
    res.type('application/pdf').setHeader('Content-Disposition', file(req, 'giay-moi', 'pdf'));
    res.setHeader('Cache-Control', 'no-store');
    res.send(Buffer.from(pdf));
  });
  r.get('/api/admin/meetings/:meetingId/invitations.csv', staff, async (req, res) => {
    const csv = invitationLinksCsv(await letters(req));
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', file(req, 'lien-ket', 'csv'));
    res.setHeader('Cache-Control', 'no-store');
    res.send(csv);
  });
  return r;
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

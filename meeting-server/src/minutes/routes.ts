// /api/meetings/:meetingId/minutes…: the minutes for the chair or secretary of the meeting (Bearer
// participant session) or for the secretariat (staff session cookie) — data, CSV, and the official
// minutes as PDF and .docx (the stored files once finalised); and the secretary's parts of the
// official minutes, saved and finalised by the secretary or the secretariat (record.ts).
import type { Request, Response } from 'express';
import { minutesRoutes as api } from '../../../shared/routes/minutes';
import { participantOf } from '../auth/participant';
import type { Db } from '../db/database';
import { SENT, defineRoute, type RouteDef, type RouteOptions } from '../http/route';
import { staffOf } from '../staff/session';
import { minutesCsv } from './csv';
import { collectMinutes } from './data';
import { minutesDocx } from './docx';
import { minutesPdf } from './pdf';
import { finaliseRecord, getRecord, issuedFile, saveRecord } from './record';

const keepersOnly: RouteOptions = {
  refused: {
    vi: 'Chỉ chủ tọa, thư ký và văn phòng HĐND lấy được biên bản.',
    en: 'Only the chair, the secretary and the secretariat can get the minutes.',
  },
};
const writersOnly: RouteOptions = {
  refused: {
    vi: 'Chỉ thư ký và văn phòng HĐND soạn và hoàn thành biên bản.',
    en: 'Only the secretary and the secretariat write and finalise the minutes.',
  },
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The caller's name for "finalised by": the staff account, or the secretary in the meeting. */
function callerName(res: Response): string {
  if (res.locals.caller === 'participant') return `${participantOf(res).name} (thư ký)`;
  return staffOf(res).user.full_name;
}

export function minutesRoutes(deps: { db: Db; now: () => number }): RouteDef[] {
  const minutesOf = (meetingId: string) => collectMinutes(deps.db, meetingId, deps.now());
  const attach = (req: Request, res: Response, type: string, ext: string) => {
    const id = String(req.params.meetingId).replace(/[^A-Za-z0-9-]/g, '');
    res.type(type).setHeader('Content-Disposition', `attachment; filename="bien-ban-${id}.${ext}"`);
  };
  /** The issued file once finalised, else the draft rendered now. */
  const official =
    (ext: 'pdf' | 'docx', type: string) =>
    async ({
      req,
      res,
      params,
    }: {
      req: Request;
      res: Response;
      params: { meetingId: string };
    }) => {
      const bytes =
        (await issuedFile(deps.db, params.meetingId, ext)) ??
        (await (ext === 'pdf' ? minutesPdf : minutesDocx)(await minutesOf(params.meetingId)));
      attach(req, res, type, ext);
      res.send(Buffer.from(bytes));
      return SENT;
    };
  return [
    defineRoute(api.minutesJson, ({ params }) => minutesOf(params.meetingId), keepersOnly),
    defineRoute(
      api.minutesCsv,
      async ({ req, res, params }) => {
        const m = await minutesOf(params.meetingId);
        attach(req, res, 'text/csv; charset=utf-8', 'csv');
        res.send(minutesCsv(m));
        return SENT;
      },
      keepersOnly,
    ),
    defineRoute(api.minutesPdf, official('pdf', 'application/pdf'), keepersOnly),
    defineRoute(api.minutesDocx, official('docx', DOCX), keepersOnly),
    defineRoute(
      api.minutesRecord,
      ({ params }) => getRecord(deps.db, params.meetingId),
      keepersOnly,
    ),
    defineRoute(
      api.saveMinutesRecord,
      ({ params, body }) => saveRecord(deps.db, params.meetingId, body, deps.now()),
      writersOnly,
    ),
    defineRoute(
      api.finaliseMinutes,
      ({ res, params }) => finaliseRecord(deps.db, params.meetingId, callerName(res), deps.now()),
      writersOnly,
    ),
  ];
}

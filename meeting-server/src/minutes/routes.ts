// GET /api/meetings/:meetingId/minutes.{pdf,csv,json}: the minutes for the chair or secretary of
// the meeting (Bearer participant session) or for the secretariat (staff session cookie).
import type { Request, Response } from 'express';
import { minutesRoutes as api } from '../../../shared/routes/minutes';
import type { Db } from '../db/database';
import { SENT, defineRoute, type RouteDef, type RouteOptions } from '../http/route';
import { minutesCsv } from './csv';
import { collectMinutes } from './data';
import { minutesPdf } from './pdf';

const keepersOnly: RouteOptions = {
  refused: {
    vi: 'Chỉ chủ tọa, thư ký và văn phòng HĐND lấy được biên bản.',
    en: 'Only the chair, the secretary and the secretariat can get the minutes.',
  },
};

export function minutesRoutes(deps: { db: Db; now: () => number }): RouteDef[] {
  const minutesOf = (meetingId: string) => collectMinutes(deps.db, meetingId, deps.now());
  const attach = (req: Request, res: Response, type: string, ext: string) => {
    const id = String(req.params.meetingId).replace(/[^A-Za-z0-9-]/g, '');
    res.type(type).setHeader('Content-Disposition', `attachment; filename="bien-ban-${id}.${ext}"`);
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
    defineRoute(
      api.minutesPdf,
      async ({ req, res, params }) => {
        const m = await minutesOf(params.meetingId);
        attach(req, res, 'application/pdf', 'pdf');
        res.send(Buffer.from(await minutesPdf(m)));
        return SENT;
      },
      keepersOnly,
    ),
  ];
}

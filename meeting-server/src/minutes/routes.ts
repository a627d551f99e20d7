// GET /api/meetings/:meetingId/minutes.{pdf,csv,json}: the minutes for the chair or secretary of
// the meeting (Bearer participant session) or for the secretariat (staff session cookie).
import { Router, type NextFunction, type Request, type Response } from 'express';
import { participantOf, requireParticipant } from '../auth/participant';
import type { Db } from '../db/database';
import { forbidden } from '../http/errors';
import { requireStaff, type StaffDeps } from '../staff/session';
import { minutesCsv } from './csv';
import { collectMinutes } from './data';
import { minutesPdf } from './pdf';

export function minutesRouter(deps: StaffDeps & { db: Db }): Router {
  const r = Router();
  const participant = requireParticipant(deps);
  const staff = requireStaff(deps);
  /** A Bearer session must be the meeting's chair or secretary; without one, a staff session. */
  const access = (req: Request, res: Response, next: NextFunction) => {
    if (!req.get('authorization')) return staff(req, res, next);
    participant(req, res, (err?: unknown) => {
      if (err) return next(err);
      const role = participantOf(res).role;
      if (role !== 'chair' && role !== 'secretary') {
        return next(
          forbidden(
            'Chỉ chủ tọa, thư ký và văn phòng HĐND lấy được biên bản.',
            'Only the chair, the secretary and the secretariat can get the minutes.',
          ),
        );
      }
      next();
    });
  };
  const file = (req: Request, ext: string) => {
    const id = String(req.params.meetingId).replace(/[^A-Za-z0-9-]/g, '');
    return `attachment; filename="bien-ban-${id}.${ext}"`;
  };

  r.get('/api/meetings/:meetingId/minutes.json', access, async (req, res) => {
    res.json(await collectMinutes(deps.db, String(req.params.meetingId), deps.now()));
  });
  r.get('/api/meetings/:meetingId/minutes.csv', access, async (req, res) => {
    const m = await collectMinutes(deps.db, String(req.params.meetingId), deps.now());
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', file(req, 'csv'));
    res.send(minutesCsv(m));
  });
  r.get('/api/meetings/:meetingId/minutes.pdf', access, async (req, res) => {
    const m = await collectMinutes(deps.db, String(req.params.meetingId), deps.now());
    res.type('application/pdf').setHeader('Content-Disposition', file(req, 'pdf'));
    res.send(Buffer.from(await minutesPdf(m)));
  });
  return r;
}

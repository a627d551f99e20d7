// Petition HTTP routes: voters send (Bearer voter session), the chair and secretary of the meeting
// read, the secretariat (staff session + CSRF) classifies, forwards, answers and publishes, and
// anyone reads what was published.
import { Router, type Request } from 'express';
import {
  AnswerPetition,
  ClassifyPetition,
  ForwardPetition,
  PublishPetition,
  SubmitPetition,
} from '../../../shared/petitions';
import { participantOf, requireParticipant } from '../auth/participant';
import type { Db } from '../db/database';
import { forbidden, parse } from '../http/errors';
import { deviceKey } from '../http/rate-limits';
import type { z } from '../../../shared/zod';
import { requireStaff, staffOf, type StaffDeps } from '../staff/session';
import {
  changePetition,
  getPetition,
  listPetitions,
  publishAnswered,
  publishedPetitions,
  submitPetition,
  type PetitionChange,
} from './service';

const param = (req: Request, name: string): string => String(req.params[name] ?? '');

export function petitionsRouter(deps: StaffDeps & { db: Db }): Router {
  const r = Router();
  const participant = requireParticipant(deps.secret, deps.now);
  const staff = requireStaff(deps);
  const db = deps.db;

  r.post('/api/meetings/:meetingId/petitions', participant, async (req, res) => {
    const who = participantOf(res);
    if (who.role !== 'voter') {
      throw forbidden(
        'Chỉ cử tri gửi kiến nghị qua trang này.',
        'Only voters send petitions here.',
      );
    }
    const body = parse(SubmitPetition, req.body);
    const receipt = await submitPetition(
      deps,
      { meetingId: who.mid, identity: who.sub, ip: req.ip ?? 'unknown', device: deviceKey(who) },
      body,
    );
    res.status(201).json(receipt);
  });

  r.get('/api/meetings/:meetingId/petitions', participant, async (_req, res) => {
    const who = participantOf(res);
    if (who.role !== 'chair' && who.role !== 'secretary') {
      throw forbidden(
        'Chỉ chủ tọa và thư ký xem danh sách kiến nghị.',
        'Only the chair and the secretary see the list of petitions.',
      );
    }
    res.json(await listPetitions(db, who.mid));
  });

  r.get('/api/public/meetings/:meetingId/petitions', async (req, res) => {
    res.json(await publishedPetitions(db, param(req, 'meetingId')));
  });

  r.get('/api/admin/meetings/:meetingId/petitions', staff, async (req, res) => {
    res.json(await listPetitions(db, param(req, 'meetingId')));
  });
  r.post('/api/admin/meetings/:meetingId/petitions/publish', staff, async (req, res) => {
    const count = await publishAnswered(deps, param(req, 'meetingId'), staffOf(res).user.email);
    res.json({ published: count });
  });
  r.get('/api/admin/petitions/:petitionId', staff, async (req, res) => {
    res.json(await getPetition(db, param(req, 'petitionId')));
  });
  /** A staff change of one petition: the body is checked with `schema`, then becomes the change. */
  const change = <S extends z.ZodType>(
    step: string,
    schema: S,
    toChange: (body: z.output<S>) => PetitionChange,
  ) =>
    r.post(`/api/admin/petitions/:petitionId/${step}`, staff, async (req, res) => {
      const body = parse(schema, req.body);
      res.json(
        await changePetition(
          deps,
          param(req, 'petitionId'),
          staffOf(res).user.email,
          toChange(body),
        ),
      );
    });
  change('classify', ClassifyPetition, ({ category }) => ({ action: 'classified', category }));
  change('forward', ForwardPetition, ({ authority }) => ({ action: 'forwarded', authority }));
  change('answer', AnswerPetition, ({ answer }) => ({ action: 'answered', answer }));
  change('publish', PublishPetition, ({ published }) => ({
    action: published ? 'published' : 'unpublished',
  }));

  return r;
}

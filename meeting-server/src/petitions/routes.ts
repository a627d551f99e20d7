// Petition routes: voters send (Bearer voter session), the chair and secretary of the meeting
// read, the secretariat (staff session + CSRF) classifies, forwards, answers and publishes, and
// anyone reads what was published.
import { petitionRoutes as api } from '../../../shared/routes/petitions';
import { participantOf } from '../auth/participant';
import type { Db } from '../db/database';
import { defineRoute, type RouteDef } from '../http/route';
import { staffOf, type StaffDeps } from '../staff/session';
import {
  changePetition,
  getPetition,
  listPetitions,
  publishAnswered,
  publishedPetitions,
  submitPetition,
} from './service';

export function petitionRoutes(deps: StaffDeps & { db: Db }): RouteDef[] {
  const db = deps.db;
  const staffEmail = (res: Parameters<typeof staffOf>[0]) => staffOf(res).user.email;
  return [
    defineRoute(
      api.submitPetition,
      ({ req, res, body }) => {
        const who = participantOf(res);
        return submitPetition(
          deps,
          { meetingId: who.mid, identity: who.sub, ip: req.ip ?? 'unknown' },
          body,
        );
      },
      {
        refused: {
          vi: 'Chỉ cử tri gửi kiến nghị qua trang này.',
          en: 'Only voters send petitions here.',
        },
      },
    ),
    defineRoute(api.meetingPetitions, ({ res }) => listPetitions(db, participantOf(res).mid), {
      refused: {
        vi: 'Chỉ chủ tọa và thư ký xem danh sách kiến nghị.',
        en: 'Only the chair and the secretary see the list of petitions.',
      },
    }),
    defineRoute(api.publishedPetitions, ({ params }) => publishedPetitions(db, params.meetingId)),
    defineRoute(api.adminMeetingPetitions, ({ params }) => listPetitions(db, params.meetingId)),
    defineRoute(api.publishAnswered, async ({ res, params }) => ({
      published: await publishAnswered(deps, params.meetingId, staffEmail(res)),
    })),
    defineRoute(api.petition, ({ params }) => getPetition(db, params.petitionId)),
    defineRoute(api.classifyPetition, ({ res, params, body }) =>
      changePetition(deps, params.petitionId, staffEmail(res), {
        action: 'classified',
        category: body.category,
      }),
    ),
    defineRoute(api.forwardPetition, ({ res, params, body }) =>
      changePetition(deps, params.petitionId, staffEmail(res), {
        action: 'forwarded',
        authority: body.authority,
      }),
    ),
    defineRoute(api.answerPetition, ({ res, params, body }) =>
      changePetition(deps, params.petitionId, staffEmail(res), {
        action: 'answered',
        answer: body.answer,
      }),
    ),
    defineRoute(api.publishPetition, ({ res, params, body }) =>
      changePetition(deps, params.petitionId, staffEmail(res), {
        action: body.published ? 'published' : 'unpublished',
      }),
    ),
  ];
}

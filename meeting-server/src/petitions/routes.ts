// Petition routes: voters send (Bearer voter session), the chair and secretary of the meeting
// read, the secretariat (staff session + CSRF) classifies, forwards, answers and publishes, and
// anyone reads what was published.
import { petitionRoutes as api } from '../../../shared/routes/petitions';
import { participantOf } from '../auth/participant';
import type { Db } from '../db/database';
import type { RouteContract } from '../../../shared/routes/route';
import { deviceKey } from '../http/rate-limits';
import { SENT, defineRoute, type RouteContext, type RouteDef } from '../http/route';
import { staffOf, type StaffDeps } from '../staff/session';
import {
  changePetition,
  getPetition,
  listPetitions,
  publishAnswered,
  publishedPetitions,
  submitPetition,
  type PetitionChange,
} from './service';
import { petitionBoard, publicPetitions, trackPetition } from './board';
import { petitionReport, reportDocx, reportPdf } from './report';
import { enforce } from '../http/rate-limit';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';

export function petitionRoutes(deps: StaffDeps & { db: Db }): RouteDef[] {
  const db = deps.db;
  // Public reads are counted per IP under the joining limit (as the portal's, portal/routes.ts).
  const publicRead = {
    before: (req: { ip?: string | undefined }) =>
      enforce(
        db,
        `public-ip:${req.ip}`,
        (deps.rateLimits ?? DEFAULT_RATE_LIMITS).joinIp,
        deps.now(),
      ),
  };
  const staffEmail = (res: Parameters<typeof staffOf>[0]) => staffOf(res).user.email;
  /** A staff change of one petition: the contract's checked body becomes the change. */
  const change = <C extends RouteContract>(
    contract: C,
    toChange: (body: RouteContext<C>['body']) => PetitionChange,
  ) =>
    defineRoute(contract, ({ req, res, body }) =>
      changePetition(deps, String(req.params.petitionId), staffEmail(res), toChange(body)),
    );
  return [
    defineRoute(
      api.submitPetition,
      ({ req, res, body }) => {
        const who = participantOf(res);
        return submitPetition(
          deps,
          {
            meetingId: who.mid,
            identity: who.sub,
            ip: req.ip ?? 'unknown',
            device: deviceKey(who),
          },
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
    change(api.classifyPetition, ({ category }) => ({ action: 'classified', category })),
    change(api.forwardPetition, ({ authority }) => ({ action: 'forwarded', authority })),
    change(api.answerPetition, ({ answer }) => ({ action: 'answered', answer })),
    change(api.publishPetition, ({ published }) => ({
      action: published ? 'published' : 'unpublished',
    })),
    defineRoute(api.councilPetitions, ({ params, query }) =>
      petitionBoard(db, params.councilId, query),
    ),
    ...(['docx', 'pdf'] as const).map((ext) =>
      defineRoute(
        ext === 'docx' ? api.petitionReportDocx : api.petitionReportPdf,
        async ({ res, params, query }) => {
          const report = await petitionReport(db, params.councilId, query, deps.now());
          const bytes = ext === 'docx' ? await reportDocx(report) : await reportPdf(report);
          res
            .type(
              ext === 'docx'
                ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
                : 'application/pdf',
            )
            .setHeader(
              'Content-Disposition',
              `attachment; filename="bao-cao-kien-nghi-cu-tri.${ext}"`,
            )
            .send(Buffer.from(bytes));
          return SENT;
        },
      ),
    ),
    defineRoute(api.trackPetition, ({ params }) => trackPetition(db, params.ref), publicRead),
    defineRoute(
      api.councilPublishedPetitions,
      ({ params, query }) => publicPetitions(db, params.councilId, query),
      publicRead,
    ),
  ];
}

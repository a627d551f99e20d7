// Participation record routes: the secretariat's table, its .xlsx export and .docx report, one delegate's record
// (staff session), and the delegate's own record from their meeting session (the member comes from
// the signed session, so nobody reads another delegate's record).
import { PARTICIPATION_COLUMNS, type ParticipationTable } from '../../../shared/participation';
import { participationRoutes as api } from '../../../shared/routes/participation';
import { participantOf } from '../auth/participant';
import type { Db } from '../db/database';
import { forbidden } from '../http/errors';
import { SENT, defineRoute, type RouteDef } from '../http/route';
import { loadMeeting } from '../live/state';
import { participationDocx } from './report';
import { participationRecord, participationTable } from './service';
import { writeXlsx } from './xlsx';

/** The table as a sheet: the header row, then one row per delegate. */
export function participationSheet(t: ParticipationTable): Uint8Array {
  return writeXlsx('Tham gia', [
    PARTICIPATION_COLUMNS.map((c) => c.vi),
    ...t.rows.map((r) => PARTICIPATION_COLUMNS.map((c) => c.value(r))),
  ]);
}

const fileName = (q: { from?: string; to?: string }, ext: string) => {
  const period = [q.from, q.to].filter(Boolean).join('_');
  return `attachment; filename="tham-gia-dai-bieu${period ? `-${period}` : ''}.${ext}"`;
};

export function participationRoutes(deps: { db: Db; now: () => number }): RouteDef[] {
  return [
    defineRoute(api.participationTable, ({ params, query }) =>
      participationTable(deps.db, params.councilId, query),
    ),
    defineRoute(api.participationXlsx, async ({ res, params, query }) => {
      const table = await participationTable(deps.db, params.councilId, query);
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .setHeader('Content-Disposition', fileName(query, 'xlsx'));
      res.send(Buffer.from(participationSheet(table)));
      return SENT;
    }),
    defineRoute(api.participationDocx, async ({ res, params, query }) => {
      const table = await participationTable(deps.db, params.councilId, query);
      res
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .setHeader('Content-Disposition', fileName(query, 'docx'));
      res.send(Buffer.from(await participationDocx(table, deps.now())));
      return SENT;
    }),
    defineRoute(api.memberParticipation, ({ params, query }) =>
      participationRecord(deps.db, params.memberId, query),
    ),
    defineRoute(
      api.myParticipation,
      async ({ res, params, query }) => {
        const p = participantOf(res);
        if (!p.memberId) {
          throw forbidden(
            'Chỉ đại biểu xem được hồ sơ tham gia của mình.',
            'Only a delegate can see their own participation record.',
          );
        }
        await loadMeeting(deps.db, params.meetingId);
        return participationRecord(deps.db, p.memberId, query);
      },
      {
        refused: {
          vi: 'Chỉ đại biểu xem được hồ sơ tham gia của mình.',
          en: 'Only a delegate can see their own participation record.',
        },
      },
    ),
  ];
}

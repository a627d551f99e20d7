// Leave request routes: the delegate asks and reads the answer (Bearer session of their own
// invitation, so only for themself), the chair of the meeting or the secretariat (staff session +
// CSRF) decides. Every write is audited: the chair's and staff's by the usual hook, the delegate's
// request here (a delegate's other writes are not audited, but a request changes the minutes).
import { leaveRoutes as api } from '../../../shared/routes/leave';
import { participantActor, runAudited } from '../audit/audit';
import { participantOf } from '../auth/participant';
import { defineRoute, type RouteDef } from '../http/route';
import type { LiveDeps } from '../live/context';
import { staffOf, type StaffDeps } from '../staff/session';
import { decideLeave, listLeave, myLeave, requestLeave } from './service';

export function leaveRoutes(deps: StaffDeps & { live: LiveDeps }): RouteDef[] {
  const live = deps.live;
  return [
    defineRoute(
      api.requestLeave,
      ({ req, res, params: { meetingId }, body }) => {
        const p = participantOf(res);
        return runAudited(participantActor(p), req, p.mid, () =>
          requestLeave(live, meetingId, p.memberId, body),
        );
      },
      {
        refused: {
          vi: 'Chỉ đại biểu được mời dự họp mới xin vắng được.',
          en: 'Only an invited delegate can ask for leave.',
        },
      },
    ),
    defineRoute(api.myLeave, ({ res, params: { meetingId } }) =>
      myLeave(live.db, meetingId, participantOf(res).memberId),
    ),
    defineRoute(api.meetingLeaveRequests, ({ params: { meetingId } }) =>
      listLeave(live.db, meetingId),
    ),
    defineRoute(
      api.decideLeave,
      ({ res, params: { meetingId, requestId }, body }) =>
        decideLeave(live, requestId, meetingId, `${participantOf(res).name} (chủ tọa)`, body),
      {
        refused: {
          vi: 'Chỉ chủ tọa hoặc Văn phòng duyệt đơn xin vắng.',
          en: 'Only the chair or the secretariat decides leave requests.',
        },
      },
    ),
    defineRoute(api.adminLeaveRequests, ({ params: { meetingId } }) =>
      listLeave(live.db, meetingId),
    ),
    defineRoute(api.adminDecideLeave, ({ res, params: { requestId }, body }) =>
      decideLeave(live, requestId, null, staffOf(res).user.email, body),
    ),
  ];
}

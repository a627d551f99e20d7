// The in-meeting HTTP API (/api/meetings/:meetingId/…): state, floor control, votes, attendance.
// Each route checks the caller's role first (live/access.ts), so a forbidden request is answered
// 403 before its body is read and nothing changes; then it validates the body and calls a service.
import { Router, type Request, type Response } from 'express';
import {
  CastBallot,
  CheckIn,
  CreateMotion,
  ExtendFloor,
  GiveFloor,
  RaiseHand,
  ReorderQueue,
  SetCurrentAgendaItem,
  SetMeetingStatus,
} from '../../../shared/meeting';
import { participantOf, requireParticipant, type ParticipantClaims } from '../auth/participant';
import { checkIn, confirmRollCall, toggleRollCall } from '../attendance/service';
import {
  endFloor,
  extendFloor,
  giveFloor,
  lowerHand,
  raiseHand,
  reorderQueue,
} from '../floor/service';
import { badRequest, parse } from '../http/errors';
import { deviceKey } from '../http/rate-limits';
import {
  castBallot,
  closeMotion,
  createMotion,
  myBallot,
  openMotion,
  showMotion,
} from '../votes/service';
import { assertMay, type Action } from './access';
import { participantActor, runAudited } from '../audit/audit';
import type { LiveDeps } from './context';
import { mutate, readState } from './state';

type Handler = (req: Request, p: ParticipantClaims, meetingId: string) => Promise<unknown>;

export function meetingRoutes(deps: LiveDeps & { secret: string }): Router {
  const router = Router();
  const auth = requireParticipant(deps.secret, deps.now);
  const base = '/api/meetings/:meetingId';

  /** Registers a route: session check, role check, then the handler; answers its JSON. */
  const route = (
    method: 'get' | 'post' | 'delete',
    path: string,
    action: Action | null,
    handler: Handler,
  ) => {
    router[method](`${base}${path}`, auth, async (req: Request, res: Response, next) => {
      try {
        const p = participantOf(res);
        if (action) assertMay(action, p.role);
        // The chair's and secretary's actions are audited (never a ballot: secret votes stay so).
        const audited =
          method !== 'get' &&
          (p.role === 'chair' || p.role === 'secretary') &&
          action !== 'castBallot';
        const run = () => handler(req, p, p.mid);
        res.json(await (audited ? runAudited(participantActor(p), req, p.mid, run) : run()));
      } catch (err) {
        next(err);
      }
    });
  };
  const state = (meetingId: string) => readState(deps.db, meetingId);
  const speaker = (p: ParticipantClaims) => ({
    identity: p.sub,
    name: p.name,
    role: p.role,
    device: deviceKey(p),
  });
  const motionId = (req: Request) => String(req.params.motionId);

  route('get', '/state', null, (_req, _p, id) => state(id));

  route('post', '/hand', 'raiseHand', async (req, p, id) => {
    await raiseHand(deps, id, speaker(p), parse(RaiseHand, req.body).kind);
    return state(id);
  });
  route('delete', '/hand', 'raiseHand', async (_req, p, id) => {
    await lowerHand(deps, id, p.sub);
    return state(id);
  });
  route('post', '/queue/reorder', 'reorderQueue', async (req, _p, id) => {
    await reorderQueue(deps, id, parse(ReorderQueue, req.body).entryIds);
    return state(id);
  });
  route('post', '/floor', 'giveFloor', async (req, _p, id) => {
    const body = parse(GiveFloor, req.body);
    await giveFloor(deps, id, body.entryId, body.seconds);
    return state(id);
  });
  route('post', '/floor/extend', 'extendFloor', async (req, _p, id) => {
    await extendFloor(deps, id, parse(ExtendFloor, req.body).seconds);
    return state(id);
  });
  route('delete', '/floor', 'endFloor', async (_req, _p, id) => {
    await endFloor(deps, id);
    return state(id);
  });

  route('post', '/status', 'setStatus', async (req, _p, id) => {
    const { status } = parse(SetMeetingStatus, req.body);
    await mutate(deps, id, async (tx) => {
      const rows = await tx.query(
        'UPDATE meetings SET status = $2 WHERE id = $1 AND status <> $2 RETURNING id',
        [id, status],
      );
      return { value: undefined, changed: rows.length > 0 };
    });
    return state(id);
  });
  route('post', '/agenda/current', 'setAgendaItem', async (req, _p, id) => {
    const { agendaItemId } = parse(SetCurrentAgendaItem, req.body);
    await mutate(deps, id, async (tx) => {
      if (agendaItemId !== null) {
        const items = await tx.query(
          'SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2',
          [agendaItemId, id],
        );
        if (!items.length) {
          throw badRequest(
            'Mục chương trình không thuộc cuộc họp này.',
            'The agenda item does not belong to this meeting.',
          );
        }
      }
      await tx.query('UPDATE meeting_live SET current_agenda_item_id = $2 WHERE meeting_id = $1', [
        id,
        agendaItemId,
      ]);
      return { value: undefined, changed: true };
    });
    return state(id);
  });

  route('post', '/motions', 'createMotion', (req, _p, id) =>
    createMotion(deps, id, parse(CreateMotion, req.body)),
  );
  route('post', '/motions/:motionId/open', 'openMotion', async (req, _p, id) => {
    await openMotion(deps, id, motionId(req));
    return state(id);
  });
  route('post', '/motions/:motionId/close', 'closeMotion', async (req, _p, id) => {
    await closeMotion(deps, id, motionId(req));
    return state(id);
  });
  route('post', '/motions/:motionId/show', 'showMotion', async (req, _p, id) => {
    await showMotion(deps, id, motionId(req));
    return state(id);
  });
  route('post', '/motions/:motionId/ballots', 'castBallot', (req, p, id) =>
    castBallot(deps, id, motionId(req), { memberId: p.memberId }, parse(CastBallot, req.body)),
  );
  route('get', '/motions/:motionId/my-ballot', 'myBallot', (req, p, id) =>
    myBallot(deps, id, motionId(req), { memberId: p.memberId }),
  );

  route('post', '/attendance/check-in', 'checkIn', async (req, _p, id) => {
    const body = parse(CheckIn, req.body);
    await checkIn(deps, id, body.memberId, body.present);
    return state(id);
  });
  route('post', '/roll-call', 'rollCall', async (_req, _p, id) => {
    await toggleRollCall(deps, id);
    return state(id);
  });
  route('post', '/roll-call/confirm', 'confirmRollCall', async (_req, p, id) => {
    await confirmRollCall(deps, id, p.memberId);
    return state(id);
  });
  return router;
}

// The in-meeting HTTP API (/api/meetings/:meetingId/…): state, floor control, votes, attendance,
// each a contract of shared/routes/meeting.ts bound to its service. The role check (the contract's
// `roles`) runs before the body is read (http/mount.ts), so a refused request changes nothing.
import { meetingRoutes as api } from '../../../shared/routes/meeting';
import { secretBallotRoutes as sb } from '../../../shared/routes/secret-ballot';
import { participantOf, type ParticipantClaims } from '../auth/participant';
import { checkIn, confirmRollCall, toggleRollCall } from '../attendance/service';
import { webhookHandler } from '../attendance/webhook';
import {
  endFloor,
  extendFloor,
  giveFloor,
  lowerHand,
  muteMicrophones,
  raiseHand,
  reorderQueue,
  setFreeDiscussion,
} from '../floor/service';
import { deviceKey } from '../http/rate-limits';
import { defineRoute, type RouteDef } from '../http/route';
import {
  ballotBox,
  committeeState,
  myKeyShares,
  postDeal,
  postTransportKey,
  publicBoard,
  setCommittee,
} from '../votes/secret-board';
import {
  castBallot,
  closeMotion,
  createMotion,
  decryptionShare,
  myBallot,
  openMotion,
  showMotion,
} from '../votes/service';
import { setMeetingStatus } from '../votes/sitting';
import type { LiveDeps } from '../live/context';
import { setCurrentAgendaItem } from '../live/meeting';
import { readState } from '../live/state';

export function meetingRoutes(deps: LiveDeps): RouteDef[] {
  /** Runs a change, then answers the meeting's state. */
  const then = async (id: string, change: Promise<unknown>) => {
    await change;
    return readState(deps.db, id);
  };
  const speaker = (p: ParticipantClaims) => ({
    identity: p.sub,
    name: p.name,
    role: p.role,
    device: deviceKey(p),
  });
  const me = (res: Parameters<typeof participantOf>[0]) => participantOf(res);

  return [
    defineRoute(api.state, ({ params }) => readState(deps.db, params.meetingId)),
    defineRoute(api.raiseHand, ({ res, params: { meetingId }, body }) =>
      then(meetingId, raiseHand(deps, meetingId, speaker(me(res)), body.kind)),
    ),
    defineRoute(api.lowerHand, ({ res, params: { meetingId } }) =>
      then(meetingId, lowerHand(deps, meetingId, me(res).sub)),
    ),
    defineRoute(api.reorderQueue, ({ params: { meetingId }, body }) =>
      then(meetingId, reorderQueue(deps, meetingId, body.entryIds)),
    ),
    defineRoute(api.giveFloor, ({ params: { meetingId }, body }) =>
      then(meetingId, giveFloor(deps, meetingId, body.entryId, body.seconds)),
    ),
    defineRoute(api.extendFloor, ({ params: { meetingId }, body }) =>
      then(meetingId, extendFloor(deps, meetingId, body.seconds)),
    ),
    defineRoute(api.endFloor, ({ params: { meetingId } }) =>
      then(meetingId, endFloor(deps, meetingId)),
    ),
    defineRoute(api.setFreeDiscussion, ({ params: { meetingId }, body }) =>
      then(meetingId, setFreeDiscussion(deps, meetingId, body.open)),
    ),
    defineRoute(api.muteMicrophones, ({ res, params: { meetingId }, body }) =>
      then(meetingId, muteMicrophones(deps, meetingId, me(res).sub, body.identity)),
    ),
    defineRoute(api.setStatus, ({ params: { meetingId }, body }) =>
      then(meetingId, setMeetingStatus(deps, meetingId, body.status)),
    ),
    defineRoute(api.setAgendaItem, ({ params: { meetingId }, body }) =>
      then(meetingId, setCurrentAgendaItem(deps, meetingId, body.agendaItemId)),
    ),
    defineRoute(api.createMotion, ({ params: { meetingId }, body }) =>
      createMotion(deps, meetingId, body),
    ),
    defineRoute(api.openMotion, ({ params: { meetingId, motionId } }) =>
      then(meetingId, openMotion(deps, meetingId, motionId)),
    ),
    defineRoute(api.closeMotion, ({ params: { meetingId, motionId } }) =>
      then(meetingId, closeMotion(deps, meetingId, motionId)),
    ),
    defineRoute(api.showMotion, ({ params: { meetingId, motionId } }) =>
      then(meetingId, showMotion(deps, meetingId, motionId)),
    ),
    defineRoute(
      api.castBallot,
      ({ res, params: { meetingId, motionId }, body }) =>
        castBallot(deps, meetingId, motionId, { memberId: me(res).memberId }, body),
      // Ballots are never audited: a secret vote stays secret.
      { audit: false },
    ),
    defineRoute(api.myBallot, ({ res, params: { meetingId, motionId } }) =>
      myBallot(deps, meetingId, motionId, { memberId: me(res).memberId }),
    ),
    defineRoute(api.checkIn, ({ params: { meetingId }, body }) =>
      then(meetingId, checkIn(deps, meetingId, body.memberId, body.present)),
    ),
    defineRoute(api.rollCall, ({ params: { meetingId } }) =>
      then(meetingId, toggleRollCall(deps, meetingId)),
    ),
    defineRoute(api.confirmRollCall, ({ res, params: { meetingId } }) =>
      then(meetingId, confirmRollCall(deps, meetingId, me(res).memberId)),
    ),
    defineRoute(api.livekitWebhook, webhookHandler(deps)),
    // The secret ballot's committee and board (votes/secret-board.ts).
    defineRoute(sb.setCommittee, ({ res, params: { meetingId }, body }) =>
      setCommittee(deps, meetingId, body, me(res).memberId),
    ),
    defineRoute(sb.committee, ({ res, params: { meetingId } }) =>
      committeeState(deps.db, meetingId, me(res).memberId),
    ),
    defineRoute(sb.committeeTransportKey, ({ res, params: { meetingId }, body }) =>
      postTransportKey(deps, meetingId, me(res).memberId, body.transportKey),
    ),
    defineRoute(sb.committeeDeal, ({ res, params: { meetingId }, body }) =>
      postDeal(deps, meetingId, me(res).memberId, body),
    ),
    defineRoute(sb.committeeMyShares, ({ res, params: { meetingId } }) =>
      myKeyShares(deps.db, meetingId, me(res).memberId),
    ),
    defineRoute(sb.ballotBox, ({ res, params: { meetingId, motionId } }) =>
      ballotBox(deps.db, meetingId, motionId, me(res).memberId),
    ),
    defineRoute(
      sb.decryptionShare,
      ({ res, params: { meetingId, motionId }, body }) =>
        decryptionShare(deps, meetingId, motionId, { memberId: me(res).memberId }, body.share),
      { audit: false },
    ),
    defineRoute(sb.secretBoard, ({ params: { motionId } }) => publicBoard(deps.db, motionId)),
  ];
}

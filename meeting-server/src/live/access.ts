// Who may do what in a live meeting (pure): the role matrix of the in-meeting API. Every write is
// checked here first, before the body is read, so a forbidden request changes nothing.
import type { Role } from '../../../shared/domain';
import { forbidden } from '../http/errors';

export type Action =
  | 'raiseHand'
  | 'reorderQueue'
  | 'giveFloor'
  | 'extendFloor'
  | 'endFloor'
  | 'setStatus'
  | 'setAgendaItem'
  | 'createMotion'
  | 'openMotion'
  | 'closeMotion'
  | 'showMotion'
  | 'castBallot'
  | 'myBallot'
  | 'checkIn'
  | 'rollCall'
  | 'confirmRollCall';

const STAFF: Role[] = ['chair', 'secretary'];

export const ROLE_MATRIX: Record<Action, readonly Role[]> = {
  raiseHand: ['member', 'voter', 'guest'],
  reorderQueue: STAFF,
  giveFloor: ['chair'],
  extendFloor: ['chair'],
  endFloor: ['chair'],
  setStatus: ['chair'],
  setAgendaItem: STAFF,
  createMotion: STAFF,
  openMotion: ['chair'],
  closeMotion: ['chair'],
  showMotion: ['chair'],
  // Delegates vote; the chair is a delegate too. Eligibility (membership of the body, fixed when
  // the vote opens) is checked on top of this.
  castBallot: ['member', 'chair'],
  myBallot: ['member', 'chair'],
  checkIn: STAFF,
  rollCall: STAFF,
  confirmRollCall: ['member', 'chair'],
};

export function mayDo(action: Action, role: Role): boolean {
  return ROLE_MATRIX[action].includes(role);
}

export function assertMay(action: Action, role: Role): void {
  if (!mayDo(action, role)) {
    throw forbidden(
      'Vai trò của bạn trong cuộc họp không được làm việc này.',
      'Your role in this meeting does not allow this action.',
    );
  }
}

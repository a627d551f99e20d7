// LiveKit permissions for a participant (pure). RoomServiceClient.updateParticipant REPLACES the
// whole permission set, so every field is always sent: a field left out would silently be reset.
// What a participant may publish follows the hall's rules (`publishingOf`): the chair and the
// secretary always; a member of the body everything, except that where the chair controls the
// microphones (sittings and committee meetings by default) a member's microphone is live only while
// they hold the floor or the chair has opened free discussion; a voter or guest the microphone alone
// while holding the floor, nothing otherwise.
import { TrackSource, type ParticipantPermission } from 'livekit-server-sdk';
import type { Role } from '../../../shared/domain';
import type { MicrophoneControl } from '../../../shared/meeting';

export type FullPermission = Pick<
  ParticipantPermission,
  | 'canSubscribe'
  | 'canPublish'
  | 'canPublishData'
  | 'canPublishSources'
  | 'hidden'
  | 'recorder'
  | 'canUpdateMetadata'
  | 'agent'
  | 'canSubscribeMetrics'
  | 'canManageAgentSession'
>;

/**
 * What a participant may publish now: every source, every source but the microphone (camera and
 * screen), the microphone alone, or nothing.
 */
export type Publishing = 'all' | 'no_microphone' | 'microphone' | 'none';

export interface PublishingFacts {
  role: Role;
  /** A serving member of the meeting's body (the chair and secretary publish regardless). */
  bodyMember: boolean;
  control: MicrophoneControl;
  onFloor: boolean;
  freeDiscussion: boolean;
}

export function publishingOf(f: PublishingFacts): Publishing {
  if (f.role === 'chair' || f.role === 'secretary') return 'all';
  if (f.role === 'member' && f.bodyMember) {
    return f.control === 'free' || f.onFloor || f.freeDiscussion ? 'all' : 'no_microphone';
  }
  return f.onFloor ? 'microphone' : 'none';
}

/** The sources of each kind of publishing (empty = every source, as LiveKit reads it). */
const SOURCES: Record<Publishing, TrackSource[]> = {
  all: [],
  no_microphone: [TrackSource.CAMERA, TrackSource.SCREEN_SHARE],
  microphone: [TrackSource.MICROPHONE],
  none: [],
};

/**
 * The full permission set for `publishing`. The two-boolean form (by role, on the floor) is the
 * rule of a meeting where microphones are free: kept for callers that mint a token directly.
 */
export function permissionFor(publishing: Publishing): FullPermission;
export function permissionFor(byRole: boolean, onFloor: boolean): FullPermission;
export function permissionFor(a: Publishing | boolean, onFloor = false): FullPermission {
  const publishing: Publishing =
    typeof a === 'string' ? a : a ? 'all' : onFloor ? 'microphone' : 'none';
  return {
    canSubscribe: true,
    canPublish: publishing !== 'none',
    // Only the server sends data messages that clients act on.
    canPublishData: false,
    canPublishSources: SOURCES[publishing],
    hidden: false,
    recorder: false,
    canUpdateMetadata: false,
    agent: false,
    canSubscribeMetrics: false,
    canManageAgentSession: false,
  };
}

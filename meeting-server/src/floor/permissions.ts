// LiveKit permissions for a participant (pure). RoomServiceClient.updateParticipant REPLACES the
// whole permission set, so every field is always sent: a field left out would silently be reset.
import { TrackSource, type ParticipantPermission } from 'livekit-server-sdk';

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
 * @param byRole may publish because of who they are (members of the body, chair, secretary)
 * @param onFloor holds the floor now (voters and guests then publish their microphone only)
 */
export function permissionFor(byRole: boolean, onFloor: boolean): FullPermission {
  return {
    canSubscribe: true,
    canPublish: byRole || onFloor,
    // Only the server sends data messages that clients act on.
    canPublishData: false,
    // Empty = every source; a voter on the floor gets the microphone alone.
    canPublishSources: byRole ? [] : onFloor ? [TrackSource.MICROPHONE] : [],
    hidden: false,
    recorder: false,
    canUpdateMetadata: false,
    agent: false,
    canSubscribeMetrics: false,
    canManageAgentSession: false,
  };
}

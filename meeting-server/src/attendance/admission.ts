// Who joins the LiveKit room is checked again on LiveKit's `participant_joined` webhook, because
// LiveKit cannot take a token back: a token minted before its invitation was revoked (or expired,
// or the member's term ended) still connects until it expires, and a voter's floor token (the
// microphone) still connects after the chair ended the floor early, and a member's token from free
// discussion still carries the microphone after the chair closed it. So the participant's standing
// (auth/standing.ts, the rule every request follows) and grants (floor/permissions.ts, the rule
// every minted token follows) are read from the database at each join: someone whose session has
// ended is removed from the room, someone holding more than their state allows gets exactly that.
import type { WebhookEvent } from 'livekit-server-sdk';
import { sessionEnded } from '../auth/standing';
import { publishingNow } from '../floor/service';
import { permissionFor } from '../floor/permissions';
import type { LiveDeps } from '../live/context';
import { invitationOf } from '../livekit/livekit';
import { findInvitation, meetingInRoom } from '../meetings/store';

export type Admission = 'admitted' | 'removed' | 'restricted';

const gone = (err: unknown) => /not found|does not exist|not_found/i.test(String(err));

/** Same publishing rights: may publish, and from the same sources (empty = every source). */
function samePublishing(
  a: { canPublish: boolean; canPublishSources: readonly number[] },
  b: { canPublish: boolean; canPublishSources: readonly number[] },
): boolean {
  const key = (s: readonly number[]) => [...s].sort().join(',');
  return a.canPublish === b.canPublish && key(a.canPublishSources) === key(b.canPublishSources);
}

/**
 * Checks a participant that has just joined `event.room` against the database; removes it or
 * replaces its permission when its token says more than its state now allows. A participant whose
 * token carries no invitation (none the server mints) is left alone, and so is one in a room that
 * is none of this server's meetings: a LiveKit shared by several deployments (or by test servers)
 * posts every room's webhooks to each, and only the server holding the meeting may judge it.
 */
export async function admitJoined(deps: LiveDeps, event: WebhookEvent): Promise<Admission> {
  const p = event.participant;
  const room = event.room?.name;
  const iid = invitationOf(p?.metadata);
  if (!p || !room || !iid) return 'admitted';
  const now = deps.now();
  const row = await findInvitation(deps.db, iid);
  if (!row && !(await meetingInRoom(deps.db, room))) return 'admitted';
  try {
    if (!row || row.room_name !== room || sessionEnded(row, now)) {
      await deps.livekit.rooms.removeParticipant(room, p.identity);
      return 'removed';
    }
    const { publishing } = await publishingNow(
      deps.db,
      row.meeting_id,
      { identity: p.identity, role: row.role, memberId: row.member_id },
      now,
    );
    const want = permissionFor(publishing);
    const have = p.permission ?? { canPublish: true, canPublishSources: [] };
    if (samePublishing(have, want)) return 'admitted';
    await deps.livekit.rooms.updateParticipant(room, p.identity, { permission: want });
    return 'restricted';
  } catch (err) {
    // Already gone (left again, or removed by the revocation itself): nothing more to do.
    if (gone(err)) return 'removed';
    throw err;
  }
}

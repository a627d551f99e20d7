// Extra meetings for the meeting-room specs (e2e/meeting-*.spec.ts), seeded by e2e/stack.ts: each
// scenario gets its own sitting of a test council (chair, two delegates, a secretary and a public
// voter link), so specs never share a speaker queue or an open vote. `vote` is a council sitting
// followed by a voter; `xss` is a constituent meeting (petitions are sent only there); `network`
// is the sitting whose delegate loses the network, and `refresh` the one whose links go to the
// stack's second server with short-lived tokens (both meeting-network.spec.ts); `elect` holds an
// election and a confidence rating (meeting-votes.spec.ts); `leave` is a sitting nobody is checked
// in to, where a delegate asks for leave (meeting-leave.spec.ts).
import type { Db } from '../meeting-server/src/db/database';
import { invitationToken } from '../meeting-server/src/invitations/service';
import {
  addMember,
  createBody,
  createCouncil,
  createInvitation,
  createMeeting,
} from '../meeting-server/src/meetings/store';

export const ROOMS = ['vote', 'xss', 'network', 'refresh', 'elect', 'leave'] as const;

/**
 * Lifetime of the LiveKit tokens of the stack's second server (E2E_PORT+1, the `refresh` room);
 * its participant sessions last half as long again (auth/participant.ts sessionTtlSeconds).
 */
export const SHORT_TOKEN_TTL_SECONDS = 6;
export type RoomName = (typeof ROOMS)[number];
/** The `xss` room's second agenda item: HTML that every page must show as text, never run. */
export const XSS_AGENDA_ITEM = 'Dự thảo nghị quyết <img src=x onerror="window.__xss=3"> về an ninh';
export const ROOM_ROLES = ['chair', 'delegate1', 'delegate2', 'secretary', 'voter'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

export const PEOPLE = {
  chair: 'Hoàng Văn Chính',
  delegate1: 'Phan Thị Hoa',
  delegate2: 'Vũ Văn Khoa',
  secretary: 'Đinh Thị Thư',
};

/** The label of a room link in the stack file: `room:<room>:<role>`. */
export const roomLabel = (room: RoomName, role: RoomRole) => `room:${room}:${role}`;

export async function seedRooms(
  db: Db,
  opts: { secret: string; publicUrl: string; now: number; rooms?: readonly RoomName[] },
): Promise<{ label: string; url: string }[]> {
  const links: { label: string; url: string }[] = [];
  await db.transaction(async (tx) => {
    const councilId = await createCouncil(tx, {
      name: 'HĐND phường Thử Nghiệm (e2e)',
      level: 'commune',
      totalMembers: 3,
    });
    const chair = await addMember(tx, { councilId, fullName: PEOPLE.chair });
    const d1 = await addMember(tx, { councilId, fullName: PEOPLE.delegate1 });
    const d2 = await addMember(tx, { councilId, fullName: PEOPLE.delegate2 });
    const bodyId = await createBody(tx, {
      councilId,
      kind: 'council',
      name: 'HĐND phường',
      memberIds: [chair, d1, d2],
    });
    const expiresAt = new Date(opts.now + 24 * 3600 * 1000);
    for (const room of opts.rooms ?? ROOMS) {
      const meetingId = await createMeeting(tx, {
        councilId,
        bodyId,
        kind: room === 'xss' ? 'voter' : 'session',
        title: `Phiên họp thử nghiệm (${room})`,
        startsAt: new Date(opts.now),
        agenda: [
          'Khai mạc',
          room === 'xss' ? XSS_AGENDA_ITEM : 'Dự thảo nghị quyết về chỉnh trang đô thị',
          'Bế mạc',
        ],
      });
      // The three members are checked in in the hall, as the secretary would before a vote: a
      // vote opens only with the quorum and only members present vote (docs/voting-rules.md),
      // and the specs do not wait for LiveKit's join webhooks.
      if (room !== 'xss' && room !== 'leave') {
        await tx.query(
          `INSERT INTO attendance (meeting_id, member_id, hall, hall_since)
           SELECT $1, unnest($2::text[]), true, $3`,
          [meetingId, [chair, d1, d2], new Date(opts.now)],
        );
      }
      const invitations: Record<RoomRole, string> = {
        chair: await createInvitation(tx, { meetingId, role: 'chair', memberId: chair, expiresAt }),
        delegate1: await createInvitation(tx, {
          meetingId,
          role: 'member',
          memberId: d1,
          expiresAt,
        }),
        delegate2: await createInvitation(tx, {
          meetingId,
          role: 'member',
          memberId: d2,
          expiresAt,
        }),
        secretary: await createInvitation(tx, {
          meetingId,
          role: 'secretary',
          displayName: PEOPLE.secretary,
          expiresAt,
        }),
        voter: await createInvitation(tx, { meetingId, role: 'voter', expiresAt }),
      };
      for (const role of ROOM_ROLES) {
        const token = invitationToken(opts.secret, { id: invitations[role], meetingId, expiresAt });
        links.push({ label: roomLabel(room, role), url: `${opts.publicUrl}/j/${token}` });
      }
    }
  });
  return links;
}

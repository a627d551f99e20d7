// Floor control: raised hands (the speaker queue), giving the floor with a speaking timer, extending
// and ending it; free discussion and the chair's mute. The database is the authority; LiveKit
// permissions follow it after each commit: a voter or guest may publish their microphone only while
// holding the floor, and so may a member where the chair controls the microphones, unless the chair
// has opened free discussion (floor/permissions.ts).
import { randomUUID } from 'node:crypto';
import { TrackSource } from 'livekit-server-sdk';
import { Role } from '../../../shared/domain';
import { microphoneControl, type HandKind } from '../../../shared/meeting';
import type { Queryable } from '../db/database';
import { notFound } from '../http/errors';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { enforce } from '../http/rate-limit';
import type { LiveDeps } from '../live/context';
import { defaultSpeakingSeconds } from '../live/settings';
import { conflict, ensureLiveRow, loadMeeting, meetingClosed, mutate } from '../live/state';
import { isBodyMember } from '../meetings/store';
import { permissionFor, publishingOf, type Publishing } from './permissions';

export interface Speaker {
  identity: string;
  name: string;
  role: Role;
}

const memberIdOf = (identity: string) =>
  identity.startsWith('member:') ? identity.slice('member:'.length) : null;

/** Is this participant a serving member of the body, publishing as one (same rule as at join)? */
export async function publishesByRole(
  db: Queryable,
  bodyId: string,
  p: { role: Role; memberId: string | null },
): Promise<boolean> {
  if (p.role === 'chair' || p.role === 'secretary') return true;
  if (p.role !== 'member' || !p.memberId) return false;
  return isBodyMember(db, bodyId, p.memberId);
}

/** When `identity`'s floor in the meeting ends, if they hold it right now (timer not run out). */
export async function floorEndsAt(
  db: Queryable,
  meetingId: string,
  identity: string,
  nowMs: number,
): Promise<Date | null> {
  const rows = await db.query<{ floor_ends_at: Date | string }>(
    `SELECT floor_ends_at FROM meeting_live
      WHERE meeting_id = $1 AND floor_identity = $2 AND floor_ends_at > $3`,
    [meetingId, identity, new Date(nowMs)],
  );
  return rows[0] ? new Date(rows[0].floor_ends_at) : null;
}

export interface Publisher {
  identity: string;
  role: Role;
  memberId: string | null;
}

/**
 * What `p` may publish in the meeting now (floor/permissions.ts `publishingOf`) and when their
 * floor ends if they hold it: the one rule behind every token minted, every join re-checked and
 * every permission update.
 */
export async function publishingNow(
  db: Queryable,
  meetingId: string,
  p: Publisher,
  nowMs: number,
): Promise<{ publishing: Publishing; floorEnds: Date | null }> {
  const meeting = await loadMeeting(db, meetingId);
  const bodyMember =
    p.role === 'member' && !!p.memberId && (await isBodyMember(db, meeting.body_id, p.memberId));
  const [live] = await db.query<{ free_discussion: boolean; floor_ends_at: Date | string | null }>(
    `SELECT free_discussion,
            CASE WHEN floor_identity = $2 AND floor_ends_at > $3 THEN floor_ends_at END AS floor_ends_at
       FROM meeting_live WHERE meeting_id = $1`,
    [meetingId, p.identity, new Date(nowMs)],
  );
  const floorEnds = live?.floor_ends_at ? new Date(live.floor_ends_at) : null;
  const publishing = publishingOf({
    role: p.role,
    bodyMember,
    control: microphoneControl(meeting.kind, meeting.live.microphones),
    onFloor: floorEnds !== null,
    freeDiscussion: live?.free_discussion ?? false,
  });
  return { publishing, floorEnds };
}

const notConnected = (err: unknown) => /not found|does not exist|not_found/i.test(String(err));

/** Sends the participant's full permission set, as the state now allows, to LiveKit; a participant not in the room is skipped. */
export async function applyPermission(
  deps: LiveDeps,
  meetingId: string,
  who: { identity: string; role: Role },
): Promise<void> {
  const meeting = await loadMeeting(deps.db, meetingId);
  const { publishing } = await publishingNow(
    deps.db,
    meetingId,
    { ...who, memberId: memberIdOf(who.identity) },
    deps.now(),
  );
  if (publishing === 'all' && (who.role === 'chair' || who.role === 'secretary')) return;
  try {
    await deps.livekit.rooms.updateParticipant(meeting.room_name, who.identity, {
      permission: permissionFor(publishing),
    });
  } catch (err) {
    // Not connected: their next join or token refresh gets the right grant.
    if (!notConnected(err)) deps.log(err);
  }
}

/**
 * Sends every connected member of the body their permission as the state now allows (after free
 * discussion opened or closed). Voters, guests and staff are not touched: free discussion is the
 * members' only.
 */
async function applyMembersPermissions(deps: LiveDeps, meetingId: string): Promise<void> {
  const meeting = await loadMeeting(deps.db, meetingId);
  let people;
  try {
    people = await deps.livekit.rooms.listParticipants(meeting.room_name);
  } catch (err) {
    if (notConnected(err)) return;
    throw err;
  }
  await Promise.all(
    people
      .filter((p) => p.identity.startsWith('member:'))
      .map(async (p) => {
        const role = roleOfMetadata(p.metadata);
        if (role !== 'member') return;
        await applyPermission(deps, meetingId, { identity: p.identity, role });
      }),
  );
}

function roleOfMetadata(metadata: string | undefined): Role | null {
  try {
    const parsed = Role.safeParse((JSON.parse(metadata ?? '{}') as { role?: unknown }).role);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The chair opens or closes free discussion; members' microphones follow at once. */
export async function setFreeDiscussion(
  deps: LiveDeps,
  meetingId: string,
  open: boolean,
): Promise<void> {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (meeting.status === 'closed') throw meetingClosed();
  const changed = await mutate(deps, meetingId, async (tx) => {
    const rows = await tx.query(
      `UPDATE meeting_live SET free_discussion = $2
        WHERE meeting_id = $1 AND free_discussion <> $2 RETURNING meeting_id`,
      [meetingId, open],
    );
    return { value: rows.length > 0, changed: rows.length > 0 };
  });
  if (changed) await applyMembersPermissions(deps, meetingId);
}

/**
 * The chair mutes one participant's microphone, or every microphone in the room but the chair's
 * own (no identity), at once: LiveKit mutes the published track on the server. Where the chair
 * controls the microphones, a member can turn it back on only while the state allows it (holding
 * the floor or in free discussion). Returns how many microphones were muted.
 */
export async function muteMicrophones(
  deps: LiveDeps,
  meetingId: string,
  chairIdentity: string,
  identity: string | undefined,
): Promise<number> {
  const meeting = await loadMeeting(deps.db, meetingId);
  let people;
  try {
    people = await deps.livekit.rooms.listParticipants(meeting.room_name);
  } catch (err) {
    if (notConnected(err)) return 0;
    throw err;
  }
  const targets = people.filter((p) =>
    identity ? p.identity === identity : p.identity !== chairIdentity,
  );
  if (identity && !targets.length) {
    throw notFound(
      'Người này không còn trong phòng họp.',
      'This participant is no longer in the meeting room.',
    );
  }
  let muted = 0;
  for (const p of targets) {
    for (const track of p.tracks) {
      if (track.source !== TrackSource.MICROPHONE || track.muted) continue;
      try {
        await deps.livekit.rooms.mutePublishedTrack(meeting.room_name, p.identity, track.sid, true);
        muted++;
      } catch (err) {
        if (!notConnected(err)) throw err;
      }
    }
  }
  return muted;
}

/**
 * Puts a hand up. A voter's raises are counted per session and per public link and device
 * (`device`, see http/rate-limits.ts `deviceKey`): rejoining gives a new session, not more hands.
 */
export async function raiseHand(
  deps: LiveDeps,
  meetingId: string,
  who: Speaker & { device?: string | null },
  kind: HandKind,
): Promise<void> {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (meeting.status === 'closed') throw meetingClosed();
  const now = deps.now();
  await mutate(deps, meetingId, async (tx) => {
    if (who.role === 'voter') {
      // Counted in the transaction: a refused raise (already queued) is not counted.
      const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
      await enforce(tx, `hand:${meetingId}:${who.identity}`, limits.hand, now);
      if (who.device) await enforce(tx, `hand-dev:${who.device}`, limits.handDevice, now);
    }
    const rows = await tx.query(
      `INSERT INTO hands (id, meeting_id, identity, name, role, kind, raised_at, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (meeting_id, identity) DO NOTHING RETURNING id`,
      [randomUUID(), meetingId, who.identity, who.name, who.role, kind, new Date(now), now],
    );
    if (!rows.length) {
      throw conflict(
        'already_queued',
        'Bạn đã đăng ký phát biểu rồi; hãy chờ chủ tọa mời.',
        'You have already asked for the floor; wait for the chair.',
      );
    }
    return { value: undefined, changed: true };
  });
}

export async function lowerHand(deps: LiveDeps, meetingId: string, identity: string) {
  await mutate(deps, meetingId, async (tx) => {
    const rows = await tx.query(
      'DELETE FROM hands WHERE meeting_id = $1 AND identity = $2 RETURNING id',
      [meetingId, identity],
    );
    if (!rows.length) {
      throw notFound('Bạn chưa đăng ký phát biểu.', 'You have not asked for the floor.');
    }
    return { value: undefined, changed: true };
  });
}

/** Listed entries first in the given order, any others after them in their current order. */
export async function reorderQueue(deps: LiveDeps, meetingId: string, entryIds: string[]) {
  await mutate(deps, meetingId, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      'SELECT id FROM hands WHERE meeting_id = $1 ORDER BY position, raised_at, id FOR UPDATE',
      [meetingId],
    );
    const current = rows.map((r) => r.id);
    const known = new Set(current);
    const listed = [...new Set(entryIds)].filter((id) => known.has(id));
    const listedSet = new Set(listed);
    const order = [...listed, ...current.filter((id) => !listedSet.has(id))];
    for (const [i, id] of order.entries()) {
      await tx.query('UPDATE hands SET position = $1 WHERE id = $2', [i + 1, id]);
    }
    return { value: undefined, changed: true };
  });
}

interface FloorRow {
  floor_identity: string | null;
  floor_role: Role | null;
}

async function lockFloor(tx: Queryable, meetingId: string): Promise<FloorRow> {
  const rows = await tx.query<FloorRow>(
    'SELECT floor_identity, floor_role FROM meeting_live WHERE meeting_id = $1 FOR UPDATE',
    [meetingId],
  );
  return rows[0]!;
}

const CLEAR_FLOOR = `floor_identity = NULL, floor_name = NULL, floor_role = NULL, floor_kind = NULL,
  floor_started_at = NULL, floor_ends_at = NULL`;

/** Gives the floor to a queued participant; whoever held it before loses it. */
export async function giveFloor(
  deps: LiveDeps,
  meetingId: string,
  entryId: string,
  seconds?: number,
): Promise<void> {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (meeting.status === 'closed') throw meetingClosed();
  await ensureLiveRow(deps.db, meetingId);
  const now = deps.now();
  const { previous, next } = await mutate(deps, meetingId, async (tx) => {
    const before = await lockFloor(tx, meetingId);
    const [hand] = await tx.query<Speaker & { kind: HandKind }>(
      'DELETE FROM hands WHERE id = $1 AND meeting_id = $2 RETURNING identity, name, role, kind',
      [entryId, meetingId],
    );
    if (!hand) {
      throw notFound(
        'Người này không còn trong danh sách đăng ký phát biểu.',
        'This entry is no longer in the speaker queue.',
      );
    }
    const secs = seconds ?? defaultSpeakingSeconds(meeting.live, hand.role);
    await tx.query(
      `UPDATE meeting_live SET floor_identity = $2, floor_name = $3, floor_role = $4,
         floor_kind = $5, floor_started_at = $6, floor_ends_at = $7 WHERE meeting_id = $1`,
      [
        meetingId,
        hand.identity,
        hand.name,
        hand.role,
        hand.kind,
        new Date(now),
        new Date(now + secs * 1000),
      ],
    );
    const previous =
      before.floor_identity && before.floor_identity !== hand.identity
        ? { identity: before.floor_identity, role: before.floor_role ?? 'voter' }
        : null;
    return { value: { previous, next: hand }, changed: true };
  });
  if (previous) await applyPermission(deps, meetingId, previous);
  await applyPermission(deps, meetingId, next);
}

export async function extendFloor(deps: LiveDeps, meetingId: string, seconds: number) {
  await mutate(deps, meetingId, async (tx) => {
    const rows = await tx.query(
      `UPDATE meeting_live SET floor_ends_at = floor_ends_at + make_interval(secs => $2)
        WHERE meeting_id = $1 AND floor_identity IS NOT NULL RETURNING meeting_id`,
      [meetingId, seconds],
    );
    if (!rows.length) throw noFloor();
    return { value: undefined, changed: true };
  });
}

const noFloor = () =>
  conflict('no_floor', 'Hiện không có ai đang phát biểu.', 'Nobody has the floor now.');

/** Ends the floor now (the chair) and takes publishing away from a voter or guest. */
export async function endFloor(deps: LiveDeps, meetingId: string): Promise<void> {
  await ensureLiveRow(deps.db, meetingId);
  const previous = await mutate(deps, meetingId, async (tx) => {
    const before = await lockFloor(tx, meetingId);
    if (!before.floor_identity) throw noFloor();
    await tx.query(`UPDATE meeting_live SET ${CLEAR_FLOOR} WHERE meeting_id = $1`, [meetingId]);
    return {
      value: { identity: before.floor_identity, role: before.floor_role ?? 'voter' },
      changed: true,
    };
  });
  await applyPermission(deps, meetingId, previous);
}

/**
 * Ends every floor whose timer has run out. Safe with several server instances: each floor is
 * cleared by a conditional UPDATE naming the exact holder and end time, so exactly one instance
 * wins, and only the winner revokes and announces. Returns how many floors this call ended.
 */
export async function sweepFloors(deps: LiveDeps): Promise<number> {
  const now = new Date(deps.now());
  const due = await deps.db.query<{
    meeting_id: string;
    floor_identity: string;
    floor_role: Role;
    floor_ends_at: Date;
  }>(
    `SELECT meeting_id, floor_identity, floor_role, floor_ends_at FROM meeting_live
      WHERE floor_identity IS NOT NULL AND floor_ends_at <= $1`,
    [now],
  );
  let ended = 0;
  for (const d of due) {
    const won = await deps.db.transaction(async (tx) => {
      const rows = await tx.query(
        `UPDATE meeting_live SET ${CLEAR_FLOOR}, version = version + 1
          WHERE meeting_id = $1 AND floor_identity = $2 AND floor_ends_at = $3
            AND floor_ends_at <= $4
          RETURNING meeting_id`,
        [d.meeting_id, d.floor_identity, d.floor_ends_at, now],
      );
      return rows.length > 0;
    });
    if (!won) continue;
    ended++;
    deps.changed(d.meeting_id);
    await applyPermission(deps, d.meeting_id, { identity: d.floor_identity, role: d.floor_role });
  }
  return ended;
}

// Floor control: raised hands (the speaker queue), giving the floor with a speaking timer, extending
// and ending it. The database is the authority; LiveKit permissions follow it after each commit:
// a voter or guest may publish their microphone only while holding the floor.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../shared/domain';
import type { HandKind } from '../../../shared/meeting';
import type { Queryable } from '../db/database';
import { notFound } from '../http/errors';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { enforce } from '../http/rate-limit';
import type { LiveDeps } from '../live/context';
import { defaultSpeakingSeconds } from '../live/settings';
import { conflict, ensureLiveRow, loadMeeting, meetingClosed, mutate } from '../live/state';
import { isBodyMember } from '../meetings/store';
import { permissionFor } from './permissions';

export interface Speaker {
  identity: string;
  name: string;
  role: Role;
}

const memberIdOf = (identity: string) =>
  identity.startsWith('member:') ? identity.slice('member:'.length) : null;

/** May this participant publish because of their role (same rule as at join)? */
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

/** Sends the participant's full permission set to LiveKit; a participant not in the room is skipped. */
export async function applyPermission(
  deps: LiveDeps,
  meetingId: string,
  speaker: { identity: string; role: Role },
  onFloor: boolean,
): Promise<void> {
  const meeting = await loadMeeting(deps.db, meetingId);
  const byRole = await publishesByRole(deps.db, meeting.body_id, {
    role: speaker.role,
    memberId: memberIdOf(speaker.identity),
  });
  if (byRole && !onFloor) return; // nothing to take away
  try {
    await deps.livekit.rooms.updateParticipant(meeting.room_name, speaker.identity, {
      permission: permissionFor(byRole, onFloor),
    });
  } catch (err) {
    // Not connected: their next join or token refresh gets the right grant.
    if (!/not found|does not exist|not_found/i.test(String(err))) deps.log(err);
  }
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
  if (previous) await applyPermission(deps, meetingId, previous, false);
  await applyPermission(deps, meetingId, next, true);
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
  await applyPermission(deps, meetingId, previous, false);
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
    await applyPermission(
      deps,
      d.meeting_id,
      { identity: d.floor_identity, role: d.floor_role },
      false,
    );
  }
  return ended;
}

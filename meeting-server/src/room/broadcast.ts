// Tells clients about committed changes: a reliable LiveKit data message on topic `state` carrying
// the new version and, when it fits, what changed since this server's previous announcement (the
// queue for a raised hand, one motion for a closed vote) or, the first time, the full state.
// Small messages matter: a 13 KB state sent to every client after each change costs hundreds of
// milliseconds to fan out; a change is usually well under 1 KB. Clients holding another version
// than the changes start from fetch the state (shared/meeting-state.ts).
// Announcements for one meeting are coalesced: while one is being sent, further changes only mark
// it dirty and one more message follows. Ballots ask for a `soon` announcement: at most one per
// COALESCE_MS per meeting, however many arrive (any other change is announced at once and carries
// the latest count with it).
import { DataPacket_Kind } from 'livekit-server-sdk';
import { diffState } from '../../../shared/meeting-state';
import { STATE_TOPIC, type MeetingState, type StateMessage } from '../../../shared/meeting';
import type { Db } from '../db/database';
import type { LiveKit } from '../livekit/livekit';
import { readState } from '../live/state';

/** Messages above this size carry only the version; clients then GET /state. */
export const MAX_INLINE_STATE_BYTES = 14 * 1024;

/** Ballots of one meeting are announced at most this often (the count of ballots cast). */
export const COALESCE_MS = 150;

/** Meetings whose last announced state is kept to compute the next changes (least recent out). */
const REMEMBERED_MEETINGS = 200;

/** How long a room seen in LiveKit is taken to exist before asking again. */
const ROOM_RECHECK_MS = 30_000;

export interface Broadcaster {
  changed(meetingId: string, opts?: { soon?: boolean }): void;
  /** Resolves when no announcement is pending (tests, shutdown). */
  idle(): Promise<void>;
}

/** The message for `state`: changes since `prev` or the full state if they fit, else the version. */
export function announcement(prev: MeetingState | undefined, state: MeetingState): string {
  const version = state.version;
  const rich: StateMessage = prev
    ? { version, changes: diffState(prev, state) }
    : { version, state };
  const json = JSON.stringify(rich);
  return Buffer.byteLength(json) < MAX_INLINE_STATE_BYTES
    ? json
    : JSON.stringify({ version } satisfies StateMessage);
}

export function createBroadcaster(deps: {
  db: Db;
  livekit: LiveKit;
  log: (err: unknown) => void;
}): Broadcaster {
  interface Entry {
    dirty: boolean;
    /** A change that must not wait for the coalescing window. */
    urgent: boolean;
    done: Promise<void>;
    /** Ends the coalescing wait early (an urgent change arrived). */
    wake: (() => void) | null;
  }
  const pending = new Map<string, Entry>();
  /** When each meeting's last announcement started (kept only while it can still matter). */
  const lastSent = new Map<string, number>();
  /** Room names never change; read once per meeting. */
  const roomNames = new Map<string, string>();
  /** When each room was last seen to exist in LiveKit. */
  const roomSeen = new Map<string, number>();
  /** The state each meeting's last announcement carried (insertion order = least recent first). */
  const announced = new Map<string, MeetingState>();

  async function roomOf(meetingId: string): Promise<string> {
    let room = roomNames.get(meetingId);
    if (room === undefined) {
      const rows = await deps.db.query<{ room_name: string }>(
        'SELECT room_name FROM meetings WHERE id = $1',
        [meetingId],
      );
      room = rows[0]!.room_name;
      if (roomNames.size >= REMEMBERED_MEETINGS) {
        roomNames.clear();
        roomSeen.clear();
      }
      roomNames.set(meetingId, room);
    }
    return room;
  }

  async function send(meetingId: string): Promise<void> {
    const room = await roomOf(meetingId);
    // Nobody has joined yet, so there is no room: clients fetch the state when they join. (Sending
    // to a missing room fails only after livekit-server's 3 s timeout, so ask first, now and then.)
    const seen = roomSeen.get(room);
    if (seen === undefined || Date.now() - seen > ROOM_RECHECK_MS) {
      if (!(await deps.livekit.rooms.listRooms([room])).length) {
        roomSeen.delete(room);
        return;
      }
      roomSeen.set(room, Date.now());
    }
    const state = await readState(deps.db, meetingId);
    const prev = announced.get(meetingId);
    const payload = announcement(prev, state);
    try {
      await deps.livekit.rooms.sendData(
        room,
        new TextEncoder().encode(payload),
        DataPacket_Kind.RELIABLE,
        { topic: STATE_TOPIC },
      );
    } catch (err) {
      roomSeen.delete(room);
      throw err;
    }
    announced.delete(meetingId);
    announced.set(meetingId, state);
    if (announced.size > REMEMBERED_MEETINGS) announced.delete(announced.keys().next().value!);
  }

  async function loop(meetingId: string, entry: Entry) {
    try {
      while (entry.dirty) {
        const wait = entry.urgent ? 0 : (lastSent.get(meetingId) ?? 0) + COALESCE_MS - Date.now();
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, wait);
            entry.wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          entry.wake = null;
        }
        entry.dirty = false;
        entry.urgent = false;
        lastSent.set(meetingId, Date.now());
        try {
          await send(meetingId);
        } catch (err) {
          deps.log(err);
        }
      }
    } finally {
      pending.delete(meetingId);
    }
  }

  return {
    changed(meetingId, opts = {}) {
      const urgent = !opts.soon;
      const existing = pending.get(meetingId);
      if (existing) {
        existing.dirty = true;
        if (urgent) {
          existing.urgent = true;
          existing.wake?.();
        }
        return;
      }
      for (const [id, at] of lastSent) if (Date.now() - at > COALESCE_MS) lastSent.delete(id);
      const entry: Entry = { dirty: true, urgent, done: Promise.resolve(), wake: null };
      pending.set(meetingId, entry);
      entry.done = loop(meetingId, entry);
    },
    async idle() {
      while (pending.size) await Promise.all([...pending.values()].map((p) => p.done));
    },
  };
}

// Tells clients about committed changes: a reliable LiveKit data message on topic `state` carrying
// the new version, and the full state when it fits. Announcements for one meeting are coalesced:
// while one is being sent, further changes only mark it dirty and one more message follows.
import { DataPacket_Kind } from 'livekit-server-sdk';
import { STATE_TOPIC, type StateMessage } from '../../../shared/meeting';
import type { Db } from '../db/database';
import type { LiveKit } from '../livekit/livekit';
import { readState } from './state';

/** Messages above this size carry only the version; clients then GET /state. */
export const MAX_INLINE_STATE_BYTES = 14 * 1024;

export interface Broadcaster {
  changed(meetingId: string): void;
  /** Resolves when no announcement is pending (tests, shutdown). */
  idle(): Promise<void>;
}

export function createBroadcaster(deps: {
  db: Db;
  livekit: LiveKit;
  log: (err: unknown) => void;
}): Broadcaster {
  const pending = new Map<string, { dirty: boolean; done: Promise<void> }>();

  async function send(meetingId: string): Promise<void> {
    const rooms = await deps.db.query<{ room_name: string }>(
      'SELECT room_name FROM meetings WHERE id = $1',
      [meetingId],
    );
    const room = rooms[0]!.room_name;
    // Nobody has joined yet: there is no room to send to; clients fetch the state when they join.
    if (!(await deps.livekit.rooms.listRooms([room])).length) return;
    const state = await readState(deps.db, meetingId);
    const full = JSON.stringify({ version: state.version, state } satisfies StateMessage);
    const payload =
      Buffer.byteLength(full) < MAX_INLINE_STATE_BYTES
        ? full
        : JSON.stringify({ version: state.version } satisfies StateMessage);
    await deps.livekit.rooms.sendData(
      room,
      new TextEncoder().encode(payload),
      DataPacket_Kind.RELIABLE,
      { topic: STATE_TOPIC },
    );
  }

  async function loop(meetingId: string, entry: { dirty: boolean }) {
    try {
      do {
        entry.dirty = false;
        try {
          await send(meetingId);
        } catch (err) {
          deps.log(err);
        }
      } while (entry.dirty);
    } finally {
      pending.delete(meetingId);
    }
  }

  return {
    changed(meetingId) {
      const existing = pending.get(meetingId);
      if (existing) {
        existing.dirty = true;
        return;
      }
      const entry = { dirty: false, done: Promise.resolve() };
      pending.set(meetingId, entry);
      entry.done = loop(meetingId, entry);
    },
    async idle() {
      while (pending.size) await Promise.all([...pending.values()].map((p) => p.done));
    },
  };
}

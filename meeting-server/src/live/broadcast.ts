// Tells clients about committed changes: a reliable LiveKit data message on topic `state` carrying
// the new version, and the full state when it fits. Announcements for one meeting are coalesced:
// while one is being sent, further changes only mark it dirty and one more message follows.
// Ballots ask for a `soon` announcement: at most one per COALESCE_MS per meeting, however many
// arrive (any other change is announced at once and carries the latest count with it).
import { DataPacket_Kind } from 'livekit-server-sdk';
import { STATE_TOPIC, type StateMessage } from '../../../shared/meeting';
import type { Db } from '../db/database';
import type { LiveKit } from '../livekit/livekit';
import { readState } from './state';

/** Messages above this size carry only the version; clients then GET /state. */
export const MAX_INLINE_STATE_BYTES = 14 * 1024;

/** Ballots of one meeting are announced at most this often (the count of ballots cast). */
export const COALESCE_MS = 150;

export interface Broadcaster {
  changed(meetingId: string, opts?: { soon?: boolean }): void;
  /** Resolves when no announcement is pending (tests, shutdown). */
  idle(): Promise<void>;
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

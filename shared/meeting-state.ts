// Pure meeting-state logic of every meeting client (the web client and the extension's side
// panel): which state version wins, what a `state` data message asks the client to do, and the
// small derivations the views share (my queue entry, the open motion, the shown result, timers,
// queue reordering). No DOM, no network: unit-tested.
import type { MeetingState } from './meeting';
import { StateMessage, type Motion, type QueueEntry, type StateChanges } from './meeting';
import type { Role } from './domain';

/** Keeps whichever state is newer; an older or equal incoming version never replaces what is held. */
export function newestState(current: MeetingState | null, incoming: MeetingState): MeetingState {
  if (!current || incoming.version > current.version) return incoming;
  return current;
}

export type MessageAction =
  { kind: 'apply'; state: MeetingState } | { kind: 'fetch' } | { kind: 'ignore' };

/** Every part of the state but version and motions (a type error when a new part is left out). */
const SECTION_KEYS: Record<keyof StateChanges['set'], true> = {
  meeting: true,
  agenda: true,
  currentAgendaItemId: true,
  queue: true,
  floor: true,
  microphones: true,
  shownResultMotionId: true,
  attendance: true,
  rollCall: true,
};
const SECTIONS = Object.keys(SECTION_KEYS) as (keyof StateChanges['set'])[];

/** What changed from `prev` to `next` (the server's announcement); `applyChanges` inverts it. */
export function diffState(prev: MeetingState, next: MeetingState): StateChanges {
  const set: Record<string, unknown> = {};
  for (const key of SECTIONS) {
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) set[key] = next[key];
  }
  // The server hands out the same object for a closed motion on every read: no need to compare.
  const before = new Map(prev.motions.map((m) => [m.id, m]));
  const motions = next.motions.filter((m) => {
    const old = before.get(m.id);
    return old !== m && JSON.stringify(old) !== JSON.stringify(m);
  });
  return {
    base: prev.version,
    set: set as StateChanges['set'],
    ...(motions.length ? { motions } : {}),
  };
}

/** The state at `version`: `changes` applied to the state they were computed from. */
export function applyChanges(
  held: MeetingState,
  version: number,
  changes: StateChanges,
): MeetingState {
  let motions = held.motions;
  if (changes.motions?.length) {
    motions = [...held.motions];
    for (const m of changes.motions) {
      const i = motions.findIndex((x) => x.id === m.id);
      if (i >= 0) motions[i] = m;
      else motions.push(m);
    }
  }
  return { ...held, ...changes.set, motions, version };
}

/**
 * What to do with a `state` data message: apply the embedded state if it is newer, apply the
 * changes when they start from the version held, fetch the state when the message only announces
 * a newer version (or changes from another version), ignore anything not newer or malformed.
 */
export function actionForMessage(current: MeetingState | null, payload: unknown): MessageAction {
  const parsed = StateMessage.safeParse(payload);
  if (!parsed.success) return { kind: 'ignore' };
  const { version, state, changes } = parsed.data;
  const held = current?.version ?? -1;
  if (version <= held) return { kind: 'ignore' };
  if (state && state.version > held) return { kind: 'apply', state };
  if (current && changes && changes.base === held) {
    return { kind: 'apply', state: applyChanges(current, version, changes) };
  }
  return { kind: 'fetch' };
}

/** Decodes a LiveKit data payload (UTF-8 JSON); null when it is not JSON. */
export function decodePayload(payload: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(payload)) as unknown;
  } catch {
    return null;
  }
}

export const myQueueEntry = (state: MeetingState, identity: string): QueueEntry | undefined =>
  state.queue.find((e) => e.identity === identity);

/** 1-based position in the speaker queue, or 0 when not queued. */
export const queuePosition = (state: MeetingState, identity: string): number =>
  state.queue.findIndex((e) => e.identity === identity) + 1;

export const openMotion = (state: MeetingState): Motion | undefined =>
  state.motions.find((m) => m.status === 'open');

/** The motion whose result the chair is showing to everyone, once it has a result. */
export function shownResult(state: MeetingState): Motion | undefined {
  if (!state.shownResultMotionId) return undefined;
  const m = state.motions.find((x) => x.id === state.shownResultMotionId);
  return m?.result ? m : undefined;
}

/** The most recently closed motion with a result (for the hall display when nothing is shown). */
export function lastClosedMotion(state: MeetingState): Motion | undefined {
  const closed = state.motions.filter((m) => m.status === 'closed' && m.result);
  closed.sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''));
  return closed.at(-1);
}

export const currentAgendaItem = (state: MeetingState) =>
  state.agenda.find((a) => a.id === state.currentAgendaItemId);

/** Whole seconds left until `endsAt` (never negative); `now` is the server-corrected clock. */
export function secondsLeft(endsAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

/** m:ss, or h:mm:ss from an hour. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The queue order after moving one entry up (-1) or down (+1); unchanged at the ends. */
export function moveEntry(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const out = [...ids];
  const i = out.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The member id behind a LiveKit identity (`member:<id>`), or null for voters, guests, staff. */
export function memberIdOf(identity: string): string | null {
  return identity.startsWith('member:') ? identity.slice('member:'.length) : null;
}

/** Only chair and members of the body may vote; voters, guests and the secretariat never see ballots. */
export function mayVote(role: Role, identity: string, state: MeetingState): boolean {
  if (role !== 'member' && role !== 'chair') return false;
  const memberId = memberIdOf(identity);
  return memberId !== null && state.attendance.members.some((m) => m.memberId === memberId);
}

export const isStaff = (role: Role) => role === 'chair' || role === 'secretary';

/** Clock offset (server − client, ms) from an HTTP Date header; 0 when absent or unreadable. */
export function clockOffset(dateHeader: string | null, clientNow: number): number {
  if (!dateHeader) return 0;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return 0;
  const offset = server - clientNow;
  // The header has one-second resolution: ignore differences below that.
  return Math.abs(offset) < 1500 ? 0 : offset;
}

/** What this participant may publish now: the sources LiveKit's permission allows. */
export interface AllowedSources {
  microphone: boolean;
  camera: boolean;
}

// LiveKit's TrackSource numbers (livekit protocol): the values canPublishSources lists.
const SOURCE_CAMERA = 1;
const SOURCE_MICROPHONE = 2;

/**
 * The sources a LiveKit permission allows (an empty list means every source), so a client offers
 * only what the server allows: a voter holding the floor gets the microphone alone, a member in a
 * sitting whose microphones the chair controls gets the camera until given the floor.
 */
export function allowedSources(
  p: { canPublish: boolean; canPublishSources: readonly number[] } | undefined,
): AllowedSources {
  if (!p?.canPublish) return { microphone: false, camera: false };
  const all = p.canPublishSources.length === 0;
  return {
    microphone: all || p.canPublishSources.includes(SOURCE_MICROPHONE),
    camera: all || p.canPublishSources.includes(SOURCE_CAMERA),
  };
}

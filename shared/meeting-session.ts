// A meeting client's participant session: the web client keeps the join response in
// sessionStorage under the invitation, so a reload (or a dropped network) rejoins without the
// lobby; every client (the extension's side panel too) refreshes the tokens before they expire.
// Storage is passed in so the logic is unit-tested without a browser.
import { JoinResponse } from './api';

/** Sessions last 15 minutes on the server; refresh well before. */
export const SESSION_REFRESH_MS = 10 * 60 * 1000;
const MARGIN_MS = 60 * 1000;
const MIN_DELAY_MS = 5 * 1000;

export interface StoredSession {
  session: JoinResponse;
  /** When the server issued it (client clock, ms). */
  issuedAt: number;
}

/** The part of the Web Storage interface used here (sessionStorage in the web client). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const key = (invitation: string) => `hdnd.session.${invitation}`;

export function saveSession(
  storage: Pick<KeyValueStorage, 'setItem'>,
  invitation: string,
  s: StoredSession,
): void {
  storage.setItem(key(invitation), JSON.stringify(s));
}

export function loadSession(
  storage: Pick<KeyValueStorage, 'getItem'>,
  invitation: string,
): StoredSession | null {
  try {
    const raw = storage.getItem(key(invitation));
    if (!raw) return null;
    const v = JSON.parse(raw) as { session?: unknown; issuedAt?: unknown };
    const session = JoinResponse.safeParse(v.session);
    if (!session.success || typeof v.issuedAt !== 'number') return null;
    return { session: session.data, issuedAt: v.issuedAt };
  } catch {
    return null;
  }
}

export function clearSession(
  storage: Pick<KeyValueStorage, 'removeItem'>,
  invitation: string,
): void {
  storage.removeItem(key(invitation));
}

/**
 * Milliseconds until the next refresh: a minute before the LiveKit token expires, and no later
 * than SESSION_REFRESH_MS after the session was issued; at least a few seconds.
 */
export function refreshDelay(s: StoredSession, now: number): number {
  const byToken = Date.parse(s.session.expiresAt) - MARGIN_MS;
  const bySession = s.issuedAt + SESSION_REFRESH_MS;
  const at = Number.isNaN(byToken) ? bySession : Math.min(byToken, bySession);
  return Math.max(MIN_DELAY_MS, at - now);
}

/** A stored session is worth refreshing (rather than going back to the lobby) until 15 minutes. */
export const stillValid = (s: StoredSession, now: number) => now - s.issuedAt < 15 * 60 * 1000;

// The participant session in this browser tab: the join response is kept in sessionStorage under
// the invitation, so a reload (or a dropped network) rejoins without the lobby, and the tokens are
// refreshed before they expire. Storage is passed in so the logic is unit-tested without a browser.
import { JoinResponse } from '../../../shared/api';

/** Sessions last 15 minutes on the server; refresh well before. */
export const SESSION_REFRESH_MS = 10 * 60 * 1000;
const MARGIN_MS = 60 * 1000;
const MIN_DELAY_MS = 5 * 1000;

export interface StoredSession {
  session: JoinResponse;
  /** When the server issued it (client clock, ms). */
  issuedAt: number;
}

const key = (invitation: string) => `hdnd.session.${invitation}`;

export function saveSession(
  storage: Pick<Storage, 'setItem'>,
  invitation: string,
  s: StoredSession,
): void {
  storage.setItem(key(invitation), JSON.stringify(s));
}

export function loadSession(
  storage: Pick<Storage, 'getItem'>,
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

export function clearSession(storage: Pick<Storage, 'removeItem'>, invitation: string): void {
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

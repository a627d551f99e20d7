// Which requests are rate-limited, how much by default, and how the limits are written in the
// environment (`RATE_LIMIT_JOIN_IP=1000/10m`, `off`). Counting is in http/rate-limit.ts (database
// counters, shared by every instance). Defaults are generous where many honest people share one
// address (a commune hall's Wi-Fi, a mobile operator's NAT) and tight where one person acts.
import type { Limit } from './rate-limit';

export interface RateLimits {
  /** Failed staff sign-ins per IP and e-mail. */
  login: Limit | null;
  /** Failed staff sign-ins per IP, any e-mail. */
  loginIp: Limit | null;
  /** Invitation exchanges (join, package subscription) per IP. */
  joinIp: Limit | null;
  /** Joins per personal invitation (the public voter link is shared, so it is not counted). */
  joinInvitation: Limit | null;
  /** Session refreshes per participant session. */
  refresh: Limit | null;
  /** Session refreshes per IP. */
  refreshIp: Limit | null;
  /** Petitions per voter session. */
  petition: Limit | null;
  /** Petitions per public voter link and device (the device id the voter's browser keeps). */
  petitionDevice: Limit | null;
  /** Petitions per IP. */
  petitionIp: Limit | null;
  /** Raised hands per voter session. */
  hand: Limit | null;
  /** Raised hands per public voter link and device, across rejoins. */
  handDevice: Limit | null;
}

const m = (max: number, minutes: number): Limit => ({ max, windowSeconds: minutes * 60 });

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  login: m(5, 15),
  loginIp: m(30, 15),
  joinIp: m(1000, 10),
  joinInvitation: m(30, 10),
  refresh: m(30, 10),
  refreshIp: m(3000, 10),
  petition: m(5, 60),
  petitionDevice: m(5, 60),
  petitionIp: m(300, 60),
  hand: m(10, 60),
  handDevice: m(10, 60),
});

/** The environment variable of each limit. */
export const RATE_LIMIT_ENV: Readonly<Record<keyof RateLimits, string>> = Object.freeze({
  login: 'RATE_LIMIT_LOGIN',
  loginIp: 'RATE_LIMIT_LOGIN_IP',
  joinIp: 'RATE_LIMIT_JOIN_IP',
  joinInvitation: 'RATE_LIMIT_JOIN_INVITATION',
  refresh: 'RATE_LIMIT_REFRESH',
  refreshIp: 'RATE_LIMIT_REFRESH_IP',
  petition: 'RATE_LIMIT_PETITION',
  petitionDevice: 'RATE_LIMIT_PETITION_DEVICE',
  petitionIp: 'RATE_LIMIT_PETITION_IP',
  hand: 'RATE_LIMIT_HAND',
  handDevice: 'RATE_LIMIT_HAND_DEVICE',
});

/**
 * The key a participant's per-device counts are kept under: invitation and device id, or null when
 * the client sent no device id (then only the per-session and per-IP limits count).
 */
export const deviceKey = (p: { iid: string; dev?: string | undefined }): string | null =>
  p.dev ? `${p.iid}:${p.dev}` : null;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `5/15m` → 5 per 900 s; `off` → null; anything else → undefined (invalid). */
export function parseLimit(text: string): Limit | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off') return null;
  const match = /^(\d{1,9})\/(\d{1,6})([smhd])$/.exec(t);
  if (!match) return undefined;
  const max = Number(match[1]);
  const windowSeconds = Number(match[2]) * UNIT_SECONDS[match[3]!]!;
  if (max < 1 || windowSeconds < 1) return undefined;
  return { max, windowSeconds };
}

export const formatLimit = (l: Limit | null): string =>
  l === null
    ? 'off'
    : l.windowSeconds % 3600 === 0
      ? `${l.max}/${l.windowSeconds / 3600}h`
      : l.windowSeconds % 60 === 0
        ? `${l.max}/${l.windowSeconds / 60}m`
        : `${l.max}/${l.windowSeconds}s`;

export const withDefaults = (given: Partial<RateLimits> = {}): RateLimits => ({
  ...DEFAULT_RATE_LIMITS,
  ...given,
});

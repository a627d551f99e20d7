// Unit tests of the participant session: kept across a reload, refreshed before expiry.
import { describe, expect, it } from 'vitest';
import type { JoinResponse } from './api';
import {
  clearSession,
  loadSession,
  refreshDelay,
  saveSession,
  stillValid,
} from './meeting-session';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

const T0 = Date.parse('2026-01-01T08:00:00.000Z');
const session = (expiresAt: string): JoinResponse => ({
  livekitUrl: 'ws://127.0.0.1:7880',
  token: 'lk',
  identity: 'member:a',
  room: 'meeting-1',
  role: 'member',
  name: 'An',
  expiresAt,
  canPublish: true,
  sessionToken: 'signed.token',
  meetingId: 'm1',
});

describe('session storage', () => {
  it('keeps a session per invitation and forgets it on leave', () => {
    const s = new MemoryStorage();
    const stored = { session: session('2026-01-01T09:00:00.000Z'), issuedAt: T0 };
    saveSession(s, 'inv1', stored);
    expect(loadSession(s, 'inv1')).toEqual(stored);
    expect(loadSession(s, 'inv2')).toBeNull();
    clearSession(s, 'inv1');
    expect(loadSession(s, 'inv1')).toBeNull();
  });
  it('ignores damaged entries', () => {
    const s = new MemoryStorage();
    s.setItem('hdnd.session.inv1', '{"session":{"token":1},"issuedAt":1}');
    expect(loadSession(s, 'inv1')).toBeNull();
    s.setItem('hdnd.session.inv1', 'not json');
    expect(loadSession(s, 'inv1')).toBeNull();
  });
});

describe('refreshDelay', () => {
  it('refreshes ten minutes after issue when the LiveKit token lasts longer', () => {
    const stored = { session: session('2026-01-01T14:00:00.000Z'), issuedAt: T0 };
    expect(refreshDelay(stored, T0)).toBe(10 * 60 * 1000);
  });
  it('refreshes a minute before a short LiveKit token expires', () => {
    const stored = { session: session('2026-01-01T08:05:00.000Z'), issuedAt: T0 };
    expect(refreshDelay(stored, T0)).toBe(4 * 60 * 1000);
  });
  it('waits a few seconds at least, even when overdue', () => {
    const stored = { session: session('2026-01-01T08:00:30.000Z'), issuedAt: T0 };
    expect(refreshDelay(stored, T0 + 3600_000)).toBe(5000);
  });
  it('treats a session older than its 15-minute life as gone', () => {
    const stored = { session: session('2026-01-01T09:00:00.000Z'), issuedAt: T0 };
    expect(stillValid(stored, T0 + 14 * 60 * 1000)).toBe(true);
    expect(stillValid(stored, T0 + 15 * 60 * 1000)).toBe(false);
  });
});

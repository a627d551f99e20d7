// The device id a meeting client keeps in its own storage and sends when joining, so the server
// can count hands and petitions per invitation and device: a hall shares one address and the
// public voter link, but each phone keeps its id across rejoins. It identifies a browser, not a
// person, and is never shown to anyone.
import { z } from './zod';

/** 16 random bytes in base64url (22 characters); the server accepts 16–64 such characters. */
export const DeviceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'device id: 16–64 characters A–Z, a–z, 0–9, _ or -');
export type DeviceId = z.infer<typeof DeviceId>;

export const DEVICE_KEY = 'hdnd-device';

/** The storage a device id lives in (localStorage in a page). */
export interface DeviceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * This browser's device id: the stored one, or a new random one, stored. `random` fills the
 * array (crypto.getRandomValues, which works on plain-http hall networks where randomUUID does
 * not). When storage refuses (private mode, full), the id lasts as long as the page.
 */
export function deviceId(
  storage: DeviceStorage | null,
  random: (bytes: Uint8Array) => Uint8Array,
): DeviceId {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(DEVICE_KEY) ?? null;
  } catch {
    // unreadable storage: a fresh id below
  }
  if (stored && DeviceId.safeParse(stored).success) return stored;
  const id = base64url(random(new Uint8Array(16)));
  try {
    storage?.setItem(DEVICE_KEY, id);
  } catch {
    // the id still serves this page
  }
  return id;
}

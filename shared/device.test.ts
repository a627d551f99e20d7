// The device id a meeting client keeps: created once, kept across rejoins, replaced when damaged.
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEVICE_KEY, DeviceId, deviceId, type DeviceStorage } from './device';

const memory = (): DeviceStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
};
const random = (b: Uint8Array) => webcrypto.getRandomValues(b);

describe('deviceId', () => {
  it('creates a random id once and returns the same one on every later join', () => {
    const storage = memory();
    const first = deviceId(storage, random);
    expect(DeviceId.safeParse(first).success).toBe(true);
    expect(first).toHaveLength(22);
    expect(deviceId(storage, random)).toBe(first);
    expect(storage.data.get(DEVICE_KEY)).toBe(first);
    // Another browser gets another id.
    expect(deviceId(memory(), random)).not.toBe(first);
  });

  it('replaces a damaged stored value, and still answers when storage throws', () => {
    const storage = memory();
    storage.data.set(DEVICE_KEY, 'x<script>');
    const id = deviceId(storage, random);
    expect(id).not.toBe('x<script>');
    expect(storage.data.get(DEVICE_KEY)).toBe(id);
    const broken: DeviceStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(DeviceId.safeParse(deviceId(broken, random)).success).toBe(true);
    expect(DeviceId.safeParse(deviceId(null, random)).success).toBe(true);
  });
});

// The permission sets sent to LiveKit: always complete, data publishing never allowed.
import { TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { permissionFor } from './permissions';

describe('permissionFor', () => {
  it('gives a voter on the floor the microphone only', () => {
    const p = permissionFor(false, true);
    expect(p.canPublish).toBe(true);
    expect(p.canPublishSources).toEqual([TrackSource.MICROPHONE]);
    expect(p.canPublishData).toBe(false);
  });

  it('takes publishing away from a voter when the floor ends, keeping listening', () => {
    const p = permissionFor(false, false);
    expect(p.canPublish).toBe(false);
    expect(p.canSubscribe).toBe(true);
  });

  it('always sends every field so an update never resets one silently', () => {
    for (const [byRole, onFloor] of [
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      const p = permissionFor(byRole, onFloor);
      expect(Object.keys(p).sort()).toEqual(
        [
          'agent',
          'canManageAgentSession',
          'canPublish',
          'canPublishData',
          'canPublishSources',
          'canSubscribe',
          'canSubscribeMetrics',
          'canUpdateMetadata',
          'hidden',
          'recorder',
        ].sort(),
      );
      expect(p.canUpdateMetadata).toBe(false);
      expect(p.hidden).toBe(false);
    }
  });
});

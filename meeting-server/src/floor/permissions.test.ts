// The permission sets sent to LiveKit: always complete, data publishing never allowed; and the
// hall's rule of who may publish what (the chair's microphones).
import { TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { permissionFor, publishingOf, type PublishingFacts } from './permissions';

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

describe('publishingOf: the microphones belong to the chair where it controls them', () => {
  const member: PublishingFacts = {
    role: 'member',
    bodyMember: true,
    control: 'chair',
    onFloor: false,
    freeDiscussion: false,
  };

  it('gives a member of the body the camera but not the microphone without the floor', () => {
    expect(publishingOf(member)).toBe('no_microphone');
    expect(permissionFor('no_microphone').canPublishSources).toEqual([
      TrackSource.CAMERA,
      TrackSource.SCREEN_SHARE,
    ]);
  });

  it('opens every source to a member holding the floor or in free discussion', () => {
    expect(publishingOf({ ...member, onFloor: true })).toBe('all');
    expect(publishingOf({ ...member, freeDiscussion: true })).toBe('all');
    expect(publishingOf({ ...member, control: 'free' })).toBe('all');
  });

  it('never opens free discussion to voters, guests or members of another body', () => {
    for (const who of [
      { ...member, role: 'voter' as const, bodyMember: false },
      { ...member, role: 'guest' as const, bodyMember: false },
      { ...member, bodyMember: false },
    ]) {
      expect(publishingOf({ ...who, freeDiscussion: true })).toBe('none');
      expect(publishingOf({ ...who, onFloor: true })).toBe('microphone');
    }
  });

  it('lets the chair and the secretary always publish', () => {
    expect(publishingOf({ ...member, role: 'chair' })).toBe('all');
    expect(publishingOf({ ...member, role: 'secretary', bodyMember: false })).toBe('all');
  });
});

import { describe, expect, it } from 'vitest';
import { signInvitation } from '../invitations/token';
import { signParticipant, verifyParticipant, type ParticipantClaims } from './participant';

const SECRET = 's'.repeat(40);
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const claims: ParticipantClaims = {
  mid: 'm1',
  sub: 'member:abc',
  role: 'member',
  memberId: 'abc',
  name: 'Trần Thị Bình',
  iid: 'i1',
  exp: NOW / 1000 + 900,
};

describe('participant session tokens', () => {
  it('round-trips', () => {
    expect(verifyParticipant(SECRET, signParticipant(SECRET, claims), NOW)).toEqual({
      ok: true,
      claims,
    });
  });

  it('refuses a session whose role was edited to chair', () => {
    const token = signParticipant(SECRET, claims);
    const payload = Buffer.from(JSON.stringify({ ...claims, role: 'chair' })).toString('base64url');
    expect(verifyParticipant(SECRET, `${payload}.${token.split('.')[1]}`, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses an invitation token presented as a session (other purpose)', () => {
    const invitation = signInvitation(SECRET, { iid: 'i1', mid: 'm1', exp: NOW / 1000 + 60 });
    expect(verifyParticipant(SECRET, invitation, NOW).ok).toBe(false);
  });

  it('refuses an expired session', () => {
    expect(
      verifyParticipant(SECRET, signParticipant(SECRET, { ...claims, exp: NOW / 1000 }), NOW),
    ).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { signInvitation, verifyInvitation } from './token';

const SECRET = 'a'.repeat(40);
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const claims = { iid: 'inv-1', mid: 'meeting-1', exp: NOW / 1000 + 3600 };

describe('invitation tokens', () => {
  it('round-trips the claims of a valid token', () => {
    const token = signInvitation(SECRET, claims);
    expect(verifyInvitation(SECRET, token, NOW)).toEqual({ ok: true, claims });
  });

  it('refuses a token signed with another secret (forged)', () => {
    const token = signInvitation('b'.repeat(40), claims);
    expect(verifyInvitation(SECRET, token, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a token whose payload was edited to point at another meeting', () => {
    const token = signInvitation(SECRET, claims);
    const forgedPayload = Buffer.from(JSON.stringify(['inv-1', 'meeting-2', claims.exp])).toString(
      'base64url',
    );
    const forged = `${forgedPayload}.${token.split('.')[1]}`;
    expect(verifyInvitation(SECRET, forged, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses an expired token', () => {
    const token = signInvitation(SECRET, { ...claims, exp: NOW / 1000 - 1 });
    expect(verifyInvitation(SECRET, token, NOW)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses garbage', () => {
    expect(verifyInvitation(SECRET, 'not-a-token', NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyInvitation(SECRET, 'a.b.c', NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});

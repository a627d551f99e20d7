// Compact signed tokens: `<base64url JSON payload>.<base64url HMAC-SHA256>`. The purpose string is
// part of what is signed, so a token minted for one use (an invitation) is refused for another
// (a participant session). Pure: the caller passes the secret.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (buf: Buffer) => buf.toString('base64url');

function mac(secret: string, purpose: string, payload: string): string {
  return b64(createHmac('sha256', secret).update(`${purpose}.${payload}`).digest());
}

export function signPayload(secret: string, purpose: string, payload: unknown): string {
  const encoded = b64(Buffer.from(JSON.stringify(payload)));
  return `${encoded}.${mac(secret, purpose, encoded)}`;
}

export type Unsigned =
  { ok: true; payload: unknown } | { ok: false; reason: 'malformed' | 'bad_signature' };

export function verifyPayload(secret: string, purpose: string, token: string): Unsigned {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(mac(secret, purpose, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad_signature' };
  }
  try {
    return { ok: true, payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

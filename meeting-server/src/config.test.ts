import { createHash } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_LIVEKIT, loadConfig } from './config';
import { createLiveKit } from './livekit/livekit';

/** A fresh data folder (the local LiveKit secret is kept in it). */
const dataDir = () => mkdtempSync(join(tmpdir(), 'hdnd-config-'));

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const c = loadConfig({ DATA_DIR: dataDir() });
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.livekit).toMatchObject({ url: LOCAL_LIVEKIT.url, apiKey: LOCAL_LIVEKIT.apiKey });
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('gives a local LiveKit a random secret per data folder, so a webhook signed with a built-in one is refused', async () => {
    const folder = dataDir();
    const c = loadConfig({ DATA_DIR: folder });
    expect(c.livekit.apiSecret).not.toBe(LOCAL_LIVEKIT.apiSecret);
    expect(c.livekit.apiSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: folder }).livekit.apiSecret).toBe(c.livekit.apiSecret);
    expect(loadConfig({ DATA_DIR: dataDir() }).livekit.apiSecret).not.toBe(c.livekit.apiSecret);
    expect(statSync(join(folder, 'livekit-secret')).mode & 0o077).toBe(0);
    // The review's attack: a participant_joined signed with the secret printed in the source.
    const body = JSON.stringify({ event: 'participant_joined', id: 'EV_forged', createdAt: '1' });
    const forged = new AccessToken(LOCAL_LIVEKIT.apiKey, LOCAL_LIVEKIT.apiSecret);
    forged.sha256 = createHash('sha256').update(body).digest('base64');
    const receiver = createLiveKit(c.livekit).webhooks;
    await expect(receiver.receive(body, await forged.toJwt())).rejects.toThrow();
    // LIVEKIT_API_SECRET, when given, is used as it is.
    const given = 'g'.repeat(40);
    expect(loadConfig({ DATA_DIR: folder, LIVEKIT_API_SECRET: given }).livekit.apiSecret).toBe(
      given,
    );
  });

  it.each([
    ['PORT', 'abc', /PORT must be a port number/],
    ['PORT', '70000', /PORT must be a port number/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a PostgreSQL URL/],
    ['LIVEKIT_URL', 'http://lk.example.vn', /LIVEKIT_URL must be a ws:\/\/ or wss:\/\/ URL/],
    ['PUBLIC_URL', 'not a url', /PUBLIC_URL must be the http\(s\) URL/],
    ['LIVEKIT_TOKEN_TTL_SECONDS', '5', /LIVEKIT_TOKEN_TTL_SECONDS must be a whole number/],
    ['LIVEKIT_TOKEN_TTL_SECONDS', '2.5m', /LIVEKIT_TOKEN_TTL_SECONDS must be a whole number/],
  ])('stops on a malformed %s with one line naming it', (name, value, message) => {
    const env = { DATA_DIR: dataDir(), [name]: value };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes the LiveKit token lifetime from LIVEKIT_TOKEN_TTL_SECONDS', () => {
    const DATA_DIR = dataDir();
    expect(loadConfig({ DATA_DIR, LIVEKIT_TOKEN_TTL_SECONDS: '120' }).livekit.tokenTtlSeconds).toBe(
      120,
    );
    expect(loadConfig({ DATA_DIR }).livekit.tokenTtlSeconds).toBeUndefined();
  });

  it('requires the API key and secret for a remote LiveKit', () => {
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://council.livekit.cloud' })).toThrow(
      /LIVEKIT_API_KEY is required/,
    );
    const c = loadConfig({
      LIVEKIT_URL: 'wss://council.livekit.cloud',
      LIVEKIT_API_KEY: 'APIkey',
      LIVEKIT_API_SECRET: 's'.repeat(40),
    });
    expect(c.livekit.url).toBe('wss://council.livekit.cloud');
  });
});

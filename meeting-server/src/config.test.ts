import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_LIVEKIT, loadConfig } from './config';

describe('configuration', () => {
  it('starts on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.livekit).toEqual(LOCAL_LIVEKIT);
    expect(c.publicUrl).toBe('http://localhost:3000');
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
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('takes the LiveKit token lifetime from LIVEKIT_TOKEN_TTL_SECONDS', () => {
    expect(loadConfig({ LIVEKIT_TOKEN_TTL_SECONDS: '120' }).livekit.tokenTtlSeconds).toBe(120);
    expect(loadConfig({}).livekit.tokenTtlSeconds).toBeUndefined();
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

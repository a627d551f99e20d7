// Meeting-server configuration: read once from the environment, validated, and frozen.
// A bad value stops start-up with one line naming the variable and what is expected.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from '../../shared/zod';
import { RATE_LIMIT_ENV, parseLimit, type RateLimits } from './http/rate-limits';

/**
 * Local `livekit-server --dev` defaults, used only when LIVEKIT_URL points at loopback. The
 * `apiSecret` here is only the tests' own livekit-server's (startLocalLiveKit's default): a
 * configured server never uses it (localLiveKitSecret), since a secret printed in the source
 * would let anyone sign webhooks.
 */
export const LOCAL_LIVEKIT = {
  url: 'ws://127.0.0.1:7880',
  apiKey: 'devkey',
  apiSecret: 'hdnd-local-development-secret-0000000000',
} as const;

/**
 * The local livekit-server's API secret when LIVEKIT_API_SECRET is not set: random, made once per
 * data folder (DATA_DIR/livekit-secret, readable by the owner only), shared by `npm start`'s
 * livekit-server and the meeting server it starts.
 */
export function localLiveKitSecret(dataDir: string): string {
  const file = join(dataDir, 'livekit-secret');
  const stored = () => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return '';
    }
  };
  const found = stored();
  if (found.length >= 32) return found;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // A file too short (edited by hand) is replaced; else only created, never overwritten.
    writeFileSync(file, secret, { mode: 0o600, flag: existsSync(file) ? 'w' : 'wx' });
  } catch (err) {
    // Another process made it at the same moment: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && stored().length >= 32) return stored();
    throw err;
  }
  return secret;
}

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** tokenTtlSeconds only when LIVEKIT_TOKEN_TTL_SECONDS is set (else the default, 600). */
  livekit: { url: string; apiKey: string; apiSecret: string; tokenTtlSeconds?: number };
  /** Secret used to sign invitation links; generated into DATA_DIR when not given. */
  appSecret: string | undefined;
  /** Seed the demo council and print its invitation links. */
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Rate limits given in the environment (RATE_LIMIT_*); the others keep their defaults. */
  rateLimits: Partial<RateLimits>;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(
      `Cấu hình không hợp lệ / Invalid configuration: ${variable} ${expected}` +
        (received === undefined ? ' (not set)' : ` (got ${JSON.stringify(received)})`),
    );
    this.name = 'ConfigError';
  }
}

const isLoopback = (url: string) =>
  /^wss?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/.test(url);

const fields = {
  PORT: {
    schema: z.coerce.number().int().min(1).max(65535),
    expected: 'must be a port number from 1 to 65535',
  },
  HOST: { schema: z.string().min(1), expected: 'must be a host name or IP address to listen on' },
  PUBLIC_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    expected: 'must be the http(s) URL people open, e.g. https://hop.hdnd.example.vn',
  },
  DATABASE_URL: {
    schema: z.string().regex(/^postgres(ql)?:\/\/.+/),
    expected:
      'must be a PostgreSQL URL, e.g. postgres://user:pass@host:5432/db (unset = embedded PGlite)',
  },
  DATA_DIR: { schema: z.string().min(1), expected: 'must be a folder path' },
  LIVEKIT_URL: {
    schema: z.string().regex(/^wss?:\/\/[^\s/]+(\/.*)?$/),
    expected: 'must be a ws:// or wss:// URL of the LiveKit server',
  },
  LIVEKIT_API_KEY: { schema: z.string().min(3), expected: 'must be the LiveKit API key' },
  LIVEKIT_API_SECRET: {
    schema: z.string().min(32),
    expected: 'must be the LiveKit API secret (at least 32 characters)',
  },
  LIVEKIT_TOKEN_TTL_SECONDS: {
    schema: z.coerce.number().int().min(10).max(86_400),
    expected: 'must be a whole number of seconds from 10 to 86400 (default 600)',
  },
  APP_SECRET: {
    schema: z.string().min(32),
    expected: 'must be a random secret of at least 32 characters',
  },
  DEMO: { schema: z.enum(['0', '1']), expected: 'must be 0 or 1' },
  ADMIN_EMAIL: { schema: z.email(), expected: 'must be an e-mail address' },
  ADMIN_PASSWORD: { schema: z.string().min(12), expected: 'must be at least 12 characters' },
} as const;

type Field = keyof typeof fields;

function read<F extends Field>(
  env: NodeJS.ProcessEnv,
  name: F,
): z.output<(typeof fields)[F]['schema']> | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const parsed = fields[name].schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, fields[name].expected, raw);
  return parsed.data as z.output<(typeof fields)[F]['schema']>;
}

/** Reads and validates the configuration; throws ConfigError on the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = read(env, 'PORT') ?? 3000;
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const publicUrl = (read(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const livekitUrl = read(env, 'LIVEKIT_URL') ?? LOCAL_LIVEKIT.url;
  const local = isLoopback(livekitUrl);
  const apiKey = read(env, 'LIVEKIT_API_KEY') ?? (local ? LOCAL_LIVEKIT.apiKey : undefined);
  const dataDir = read(env, 'DATA_DIR') ?? '.data';
  const apiSecret =
    read(env, 'LIVEKIT_API_SECRET') ?? (local ? localLiveKitSecret(dataDir) : undefined);
  if (!apiKey)
    throw new ConfigError(
      'LIVEKIT_API_KEY',
      'is required when LIVEKIT_URL is not local',
      undefined,
    );
  if (!apiSecret) {
    throw new ConfigError(
      'LIVEKIT_API_SECRET',
      'is required when LIVEKIT_URL is not local',
      undefined,
    );
  }
  const tokenTtlSeconds = read(env, 'LIVEKIT_TOKEN_TTL_SECONDS');
  const adminEmail = read(env, 'ADMIN_EMAIL');
  const adminPassword = read(env, 'ADMIN_PASSWORD');
  if (adminEmail && !adminPassword) {
    throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set', undefined);
  }
  return Object.freeze({
    port,
    host,
    publicUrl,
    databaseUrl: read(env, 'DATABASE_URL'),
    dataDir,
    livekit: {
      url: livekitUrl,
      apiKey,
      apiSecret,
      ...(tokenTtlSeconds ? { tokenTtlSeconds } : {}),
    },
    appSecret: read(env, 'APP_SECRET'),
    demo: read(env, 'DEMO') === '1',
    adminEmail,
    adminPassword,
    rateLimits: readRateLimits(env),
  });
}

/** RATE_LIMIT_* variables: `<count>/<window>` with a window in s, m, h or d (`30/10m`), or `off`. */
function readRateLimits(env: NodeJS.ProcessEnv): Partial<RateLimits> {
  const out: Partial<RateLimits> = {};
  for (const [key, name] of Object.entries(RATE_LIMIT_ENV) as [keyof RateLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const limit = parseLimit(raw);
    if (limit === undefined) {
      throw new ConfigError(
        name,
        'must be <count>/<window> with the window in s, m, h or d (e.g. 30/10m), or off',
        raw,
      );
    }
    out[key] = limit;
  }
  return out;
}

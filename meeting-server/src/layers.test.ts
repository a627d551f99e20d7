// The server's layers, bottom to top; every import must point down (or stay within its layer).
// A module that imports one above it fails here: move the shared part down instead.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Layer of each folder (or file) of src/, bottom first; the longest matching prefix wins. */
const LAYERS: Record<string, number> = {
  // Infrastructure: the database, HTTP plumbing (errors, input, rate limits, mountRoutes), config.
  'db/': 0,
  'http/': 0,
  'config.ts': 0,
  // PDF writing shared by the minutes and the invitation letters (fonts, test readers).
  'pdf/': 0,
  // Pure rules with no server dependency (the vote rules are in shared/vote-rules.ts).
  'floor/permissions.ts': 0,
  // Who is calling, LiveKit, the audit log.
  'auth/': 1,
  'livekit/': 1,
  'audit/': 1,
  // Stores of councils, members, bodies, meetings and invitations; staff accounts and sessions.
  'meetings/': 2,
  'staff/': 2,
  // The live meeting's state core: state, context, settings, the meeting's own changes.
  'live/': 3,
  // Domain services built on it, each with its routes file.
  'floor/': 4,
  'votes/': 4,
  'attendance/': 4,
  'invitations/': 4,
  'petitions/': 4,
  'leave/': 4,
  'packages/': 4,
  'minutes/': 4,
  'participation/': 4,
  'admin/': 4,
  'portal/': 4,
  // The live meeting assembled: in-meeting routes, broadcaster, sweeper.
  'room/': 5,
  // The application and what starts or describes it.
  'app.ts': 6,
  'main.ts': 6,
  'demo.ts': 6,
  'apidocs/': 6,
  // Test support, above everything it sets up.
  'testing/': 7,
  'hostile/': 7,
  'faults/': 7,
};

function layerOf(file: string): number {
  // A domain's `testing.ts` is test support (fixtures for its tests), above what it sets up.
  if (file.endsWith('/testing.ts')) return LAYERS['testing/']!;
  const key = Object.keys(LAYERS)
    .filter((k) => file === k || file.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined) throw new Error(`${file}: not in LAYERS (add it where it belongs)`);
  return LAYERS[key]!;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Relative imports of a module, resolved to paths under src/ (type-only imports too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)]
    .map((m) => relative(SRC, resolve(dirname(file), m[1]!)))
    .filter((p) => !p.startsWith('..'))
    .map((p) => (p.endsWith('.ts') ? p : `${p}.ts`));
}

describe('server layers', () => {
  it('every import points down or stays within its layer', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const upward: string[] = [];
    for (const file of files) {
      const from = relative(SRC, file);
      for (const target of importsOf(file)) {
        if (layerOf(target) > layerOf(from)) {
          upward.push(`${from} (${layerOf(from)}) → ${target} (${layerOf(target)})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('finds an upward import (the check can fail)', () => {
    expect(layerOf('live/state.ts')).toBeLessThan(layerOf('votes/service.ts'));
    expect(layerOf('room/routes.ts')).toBeGreaterThan(layerOf('votes/service.ts'));
    expect(() => layerOf('nowhere.ts')).toThrow(/not in LAYERS/);
  });
});

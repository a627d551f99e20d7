// The Go load generator (bench/joins-go: pion WebRTC clients) as the benchmarks use it: built into
// tools/bin/joins-go on demand, and stopped like the rtc-node clients — both speak one line protocol
// on stdin/stdout (`stop` to leave, then exit). Used by the joins bench (voters) and the livekit
// bench (vote-result receivers, bench/listen-go.ts).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const GO_SOURCES = join(REPO, 'bench/joins-go');
export const GO_CLIENT = join(REPO, 'tools/bin/joins-go');

/** Newest modification time of the Go client's sources (go.mod, go.sum, *.go), ms. */
function goSourcesMtime(): number {
  return Math.max(
    ...readdirSync(GO_SOURCES)
      .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
      .map((f) => statSync(join(GO_SOURCES, f)).mtimeMs),
  );
}

/**
 * Builds tools/bin/joins-go when it is missing or older than its sources (livekit.bench.ts's
 * vote-result receivers use it too); `fallback` is the command that needs no Go.
 */
export function ensureGoClient(fallback = 'BENCH_JOIN_CLIENT=node npx tsx bench/run.ts joins') {
  let built = 0;
  try {
    built = statSync(GO_CLIENT).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= goSourcesMtime()) return;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error(
      'The joins benchmark builds its load generator (bench/joins-go) with Go, and `go` was not ' +
        'found. Install Go 1.26 or newer (scripts/ensure.sh needs it for livekit-server too), or ' +
        `run the rtc-node clients instead: ${fallback}`,
    );
  }
  process.stderr.write(`  building ${GO_CLIENT} (${go.stdout.trim()})…\n`);
  const t0 = Date.now();
  // bench/joins-go is its own Go module, so the build runs inside it.
  const build = spawnSync('go', ['build', '-o', GO_CLIENT, '.'], {
    cwd: GO_SOURCES,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) {
    throw new Error(
      `go build of bench/joins-go failed (exit ${build.status}): see the output above; the Go ` +
        `module proxy must be reachable the first time, or use ${fallback}`,
    );
  }
  process.stderr.write(`  built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** A deadline for Promise.race that does not keep the process alive once the race is over. */
const deadline = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/** Asks a line-protocol client to leave (`stop`), waits up to 10 s, then kills it. */
export async function stopLineClient(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.stdin!.end('stop\n');
  await Promise.race([exited, deadline(10_000)]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await Promise.race([exited, deadline(2000)]);
  }
}

// `npm run bench`: runs every benchmark with its same-run baseline and prints one table.
import { benchBallots } from './ballots.bench';
import { benchBrowser } from './browser.bench';
import { benchImport } from './import.bench';
import { benchJoins } from './joins.bench';
import { benchLiveKitPaths } from './livekit.bench';
import { benchSecretBallot } from './secret-ballot.bench';
import { benchUploads } from './uploads.bench';
import { stopBenchLiveKit } from './stack';
import { printTable } from './harness';

const only = process.argv.slice(2);
const all: [string, () => Promise<void>][] = [
  ['ballots', benchBallots],
  ['livekit', benchLiveKitPaths],
  ['joins', benchJoins],
  ['browser', benchBrowser],
  ['import', benchImport],
  ['secret-ballot', benchSecretBallot],
  ['uploads', benchUploads],
];
const benches = only.length ? all.filter(([name]) => only.includes(name)) : all;

for (const [name, run] of benches) {
  process.stdout.write(`→ ${name}… `);
  const t0 = Date.now();
  await run();
  console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
await stopBenchLiveKit();
console.log();
printTable();

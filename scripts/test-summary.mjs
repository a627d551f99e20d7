// Adds up the Vitest and Playwright JSON reports into the closing "N passed, N failed" line, after
// the slowest files of each tier (where the suite's 25-minute budget goes).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** Prints the `n` longest [name, ms] pairs under a title. */
function slowest(title, pairs, n = 8) {
  const top = pairs.sort((a, b) => b[1] - a[1]).slice(0, n);
  if (top.length === 0) return;
  console.log(`  slowest ${title}:`);
  for (const [name, ms] of top) console.log(`    ${(ms / 1000).toFixed(0).padStart(4)} s  ${name}`);
}

const failedTiers = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(readFileSync('test-reports/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  slowest(
    'Vitest files',
    v.testResults.map((f) => [relative(process.cwd(), f.name), f.endTime - f.startTime]),
  );
} catch {
  failed += 1; // no report means the tier did not run
}
try {
  const p = JSON.parse(readFileSync('test-reports/playwright.json', 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
  const specs = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        for (const r of t.results)
          specs.set(spec.file, (specs.get(spec.file) ?? 0) + (r.duration ?? 0));
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of p.suites ?? []) walk(suite);
  slowest('Playwright specs', [...specs]);
} catch {
  failed += 1;
}
// lint, typecheck and build have no test counts: a failed tier counts as one failure.
failed += failedTiers > 0 && failed === 0 ? failedTiers : 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

// Adds up the Vitest and Playwright JSON reports into the closing "N passed, N failed" line.
import { readFileSync } from 'node:fs';

const failedTiers = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(readFileSync('test-reports/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} catch {
  failed += 1; // no report means the tier did not run
}
try {
  const p = JSON.parse(readFileSync('test-reports/playwright.json', 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + p.stats.flaky;
  skipped += p.stats.skipped;
} catch {
  failed += 1;
}
// lint, typecheck and build have no test counts: a failed tier counts as one failure.
failed += failedTiers > 0 && failed === 0 ? failedTiers : 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);

#!/usr/bin/env bash
# `npm test`: installs what is missing (Chromium included), then runs every tier — lint,
# typecheck, Vitest unit + integration (PGlite and PostgreSQL, real livekit-server), build, and
# Playwright end-to-end in Chromium — and closes with one "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure.sh --browser || exit 1
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p test-reports
total_start=$(date +%s)
failed_tiers=()
declare -A seconds

tier() {
  local name=$1; shift
  local start; start=$(date +%s)
  printf '\n\033[1m━━ %s\033[0m\n' "$name"
  if "$@"; then :; else failed_tiers+=("$name"); fi
  seconds[$name]=$(( $(date +%s) - start ))
}

# Lint and typecheck are single-threaded, so they run side by side; lint's output is printed
# when typecheck is done, and its time is what it took beyond typecheck. (`wxt prepare` writes
# only .wxt/, which ESLint and Prettier ignore.)
( npm run --silent lint > test-reports/lint.log 2>&1; echo $? > test-reports/lint.rc ) &
lint_pid=$!
lint_result() { wait "$lint_pid"; cat test-reports/lint.log; return "$(cat test-reports/lint.rc)"; }
tier typecheck npm run --silent typecheck
tier lint lint_result
tier vitest vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json
tier build npm run --silent build
PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/playwright.json \
  tier e2e playwright test --reporter=list,json

printf '\n\033[1m━━ summary\033[0m\n'
for t in lint typecheck vitest build e2e; do printf '  %-10s %4ss\n' "$t" "${seconds[$t]:-0}"; done
printf '  %-10s %4ss\n' total "$(( $(date +%s) - total_start ))"
node scripts/test-summary.mjs "${#failed_tiers[@]}" || true
if [ ${#failed_tiers[@]} -gt 0 ]; then
  echo "Failed tiers: ${failed_tiers[*]}"
  exit 1
fi

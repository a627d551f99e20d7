#!/usr/bin/env bash
# Installs whatever the project needs and is missing, and reuses what is already there:
# npm packages (from package-lock.json), the real LiveKit server (go install, into tools/bin),
# and with --browser (the tests), Debian's Chromium for the end-to-end tests and poppler-utils
# (pdfsig checks that an annotated copy keeps a signed document's signatures valid).
set -euo pipefail
cd "$(dirname "$0")/.."

LIVEKIT_VERSION=1.13.5

step() { printf '\033[1m→ %s\033[0m\n' "$*"; }
fail() { printf '\033[31m✗ %s\033[0m\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "Node.js 20.19+ is required (node not found). Install Node 20 and run again."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  fail "Node.js 20.19 or newer is required (found $(node --version))."

sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -d node_modules ]; then
  step "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund || fail "npm ci failed: check the network to the npm registry, then run again."
  echo "$sum" > node_modules/.install-stamp
elif [ "$(cat node_modules/.install-stamp 2>/dev/null)" != "$sum" ]; then
  # package-lock.json changed since the last install: bring node_modules in line without wiping it.
  step "Updating npm packages from package-lock.json"
  npm install --no-audit --no-fund || fail "npm install failed: check the network to the npm registry, then run again."
  echo "$sum" > node_modules/.install-stamp
fi

if [ -z "${LIVEKIT_BIN:-}" ] && ! tools/bin/livekit-server --version 2>/dev/null | grep -q "$LIVEKIT_VERSION"; then
  command -v go >/dev/null || fail "Go 1.23+ is required to install livekit-server (go not found). Install Go, or set LIVEKIT_URL to an existing LiveKit server."
  step "Installing livekit-server v$LIVEKIT_VERSION with go install (several minutes the first time)"
  start=$(date +%s)
  mkdir -p tools/bin
  GOBIN="$PWD/tools/bin" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
    go install "github.com/livekit/livekit-server/cmd/server@v$LIVEKIT_VERSION" ||
    fail "go install of livekit-server failed: check access to the Go module proxy, then run again."
  mv -f tools/bin/server tools/bin/livekit-server
  echo "  livekit-server installed in $(( $(date +%s) - start )) s"
fi

if [ "${1:-}" = "--browser" ] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's Chromium for the end-to-end tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ||
    fail "Installing chromium failed: run 'apt-get install chromium' by hand, or set CHROMIUM_PATH."
fi

if [ "${1:-}" = "--browser" ] && ! command -v pdfsig >/dev/null; then
  step "Installing Debian's poppler-utils (pdfsig) for the signature tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils ||
    fail "Installing poppler-utils failed: run 'apt-get install poppler-utils' by hand."
fi

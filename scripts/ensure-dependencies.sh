#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or was installed from another
# package-lock.json; else does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "dependencies: up to date"
  exit 0
fi
# npm ci refuses this lock file: npm leaves the other platforms' optional binaries (@swc/core-*) out of it
# (npm/cli#4828). npm install from the same lock file installs the same versions.
npm install --no-audit --no-fund --loglevel=error
sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
echo "dependencies: installed"

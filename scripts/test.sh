#!/usr/bin/env bash
# The whole test suite, on a machine that may be fresh: installs the npm dependencies when they
# are missing or stale, installs and starts PostgreSQL, Redis, Kafka and sshd on loopback (idempotent),
# builds, lints and typechecks (specs too), runs the unit, integration and end-to-end tiers, and checks the Helm chart.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
started=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - started ))"; }

step "dependencies"
bash scripts/ensure-dependencies.sh

# Jaeger (the tracing spec's trace backend) is built from the Go module proxy once per machine, which
# takes minutes: in the background, overlapping build, lint and unit tests; waited for before int/e2e.
mkdir -p .infra/logs
bash scripts/infra/jaeger.sh >.infra/logs/jaeger-build.log 2>&1 &
jaeger_build=$!

step "PostgreSQL, Redis, Kafka, sshd on loopback"
bash scripts/infra/up.sh all
# shellcheck source=infra/env.sh
source scripts/infra/env.sh

step "build"
npm run --silent build

step "lint and typecheck (specs included)"
npm run --silent lint
npx tsc -p tsconfig.json --noEmit

results=$(mktemp -d)
status=0
step "unit tests"
npx jest --selectProjects unit --ci --json --outputFile="$results/unit.json" || status=1
step "Jaeger build (started in the background)"
wait "$jaeger_build" || status=1
cat .infra/logs/jaeger-build.log
step "integration and end-to-end tests (real PostgreSQL, Redis, Kafka)"
# One such run at a time on a machine: two would share the servers' consumer groups and journals
# (another checkout's run waits here; the servers' own lock is up.sh's, held only while it starts them).
if command -v flock >/dev/null; then
  exec 8>/tmp/payments-tests.lock
  flock 8
fi
npx jest --selectProjects int e2e --ci --runInBand --json --outputFile="$results/int-e2e.json" || status=1

step "Helm chart"
bash scripts/infra/helm.sh || status=1

step "summary"
node scripts/jest-summary.js "$results"/*.json
exit $status

#!/usr/bin/env bash
# Builds Jaeger v2 (the cmd/jaeger program of github.com/jaegertracing/jaeger, the version pinned as
# a tool in tools/jaeger/go.mod) from the Go module proxy into .infra/bin/jaeger, the trace backend
# the tracing end-to-end spec exports to. Jaeger has no Debian package and its release binaries
# cannot be downloaded here. Idempotent: builds only when the binary is missing or tools/jaeger's
# go.mod/go.sum changed since it was built (a few minutes once per machine; see the README).
# Usage: scripts/infra/jaeger.sh        (prints one line; exit non-zero when the build fails)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$REPO_ROOT/tools/jaeger"
BIN="$REPO_ROOT/.infra/bin/jaeger" # .infra/: ignored by git and by the image build
PKG=github.com/jaegertracing/jaeger/cmd/jaeger

command -v go >/dev/null || { echo "jaeger: FAILED: go is needed to build $PKG" >&2; exit 1; }
mkdir -p "$(dirname "$BIN")"
# One build at a time for this checkout (test.sh may start it in the background while a developer runs it).
exec 7>"$BIN.lock"
flock 7

# Read from go.mod rather than asked of go: the up-to-date check needs neither the network nor the module cache.
version="$(awk '$1 == "github.com/jaegertracing/jaeger" { print $2 }' "$SRC/go.mod")"
sum="$(cat "$SRC/go.mod" "$SRC/go.sum" | sha256sum | cut -d' ' -f1)"
if [[ -x "$BIN" && "$(cat "$BIN.sum" 2>/dev/null)" == "$sum" ]]; then
  echo "jaeger: $version up to date"
  exit 0
fi
echo "jaeger: building $PKG@$version (once per machine)"
started=$(date +%s)
# -trimpath and no symbol tables: a smaller binary, a shorter link; the version ldflag is Jaeger's own.
(cd "$SRC" && go build -trimpath -ldflags "-s -w -X github.com/jaegertracing/jaeger/internal/version.latestVersion=$version" -o "$BIN.tmp" "$PKG")
mv "$BIN.tmp" "$BIN"
echo "$sum" >"$BIN.sum"
echo "jaeger: $version built in $(( $(date +%s) - started ))s"

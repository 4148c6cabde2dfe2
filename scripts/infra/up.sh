#!/usr/bin/env bash
# Installs (when missing) and starts (when not running) the real servers the distributed mode
# and the integration tests use, all on loopback:
#   postgres  PostgreSQL 15  127.0.0.1:5432  role/database payments, password payments
#   redis     Redis 7        127.0.0.1:6379  in memory only
#   kafka     Kafka 3.9      127.0.0.1:9092  KRaft single node (controller on 9093)
#   sshd      OpenSSH        127.0.0.1:2222  SFTP only, key login (.infra/sshd/client_ed25519)
# Usage: scripts/infra/up.sh [all|postgres|redis|kafka|sshd]...   (default: all)
# Idempotent; when everything already runs it only checks, in well under 2 s.
# Prints one line per component; on failure a reason, the log's last lines, and exit 1.
# Also installs socat, prometheus and chromium when missing (tools, not servers: the PIN pad specs
# make serial lines with socat; the dashboards e2e spec starts its own Prometheus, promtool checks
# the alerts; the console e2e spec drives chromium).
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=postgres.sh
source "$INFRA_SCRIPTS/postgres.sh"
# shellcheck source=redis.sh
source "$INFRA_SCRIPTS/redis.sh"
# shellcheck source=kafka.sh
source "$INFRA_SCRIPTS/kafka.sh"
# shellcheck source=sshd.sh
source "$INFRA_SCRIPTS/sshd.sh"

mapfile -t components < <(resolve_components "$@")
((${#components[@]})) || exit 2

mkdir -p "$INFRA_DIR"
# One runner at a time on this machine: PostgreSQL and Redis are machine-wide.
# Daemons are started with `9>&-` so they never inherit (and keep holding) this lock.
exec 9>"$INFRA_LOCK"
flock -w 300 9 || fail infra "another up.sh/down.sh holds $INFRA_LOCK for more than 300 s"

for component in "${components[@]}"; do
  "up_$component"
done

# Not a server: the PIN pad specs (libs/pinpad) make their serial lines with socat's pty pairs.
command -v socat >/dev/null || apt_install socat socat
# Not a server either (Debian's package starts nothing without systemd): test/e2e/dashboards.e2e-spec.ts
# runs /usr/bin/prometheus on a loopback port of its own, and scripts/infra/helm.sh uses its promtool.
command -v prometheus >/dev/null || apt_install prometheus prometheus
# A browser, not a server: test/e2e/console.e2e-spec.ts drives Debian's /usr/bin/chromium with
# playwright-core (which downloads no browser of its own).
command -v chromium >/dev/null || apt_install chromium chromium

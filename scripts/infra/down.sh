#!/usr/bin/env bash
# Stops what scripts/infra/up.sh started; idempotent (stopping a stopped server is fine).
# Usage: scripts/infra/down.sh [all|postgres|redis|kafka|sshd]...   (default: all)
# Data stays: Kafka's log directory under .infra/kafka/data, the PostgreSQL cluster, and the
# SFTP server's keys and delivered files under .infra/sshd.
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
exec 9>"$INFRA_LOCK"
flock -w 300 9 || fail infra "another up.sh/down.sh holds $INFRA_LOCK for more than 300 s"

# Reverse order: sshd and Kafka first, the database last.
for ((i = ${#components[@]} - 1; i >= 0; i--)); do
  "down_${components[i]}"
done

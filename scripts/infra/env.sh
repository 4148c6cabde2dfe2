# shellcheck shell=bash
# Source me: `source scripts/infra/env.sh`. Points the services and the integration tests at
# the servers scripts/infra/up.sh runs; a value already set in the environment wins.
export DATABASE_URL="${DATABASE_URL:-postgres://payments:payments@127.0.0.1:5432/payments}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
# The SFTP server (sshd.sh): its state is this checkout's .infra/sshd, wherever the checkout is.
_payments_sshd_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.infra/sshd"
export SFTP_HOST="${SFTP_HOST:-127.0.0.1}"
export SFTP_PORT="${SFTP_PORT:-2222}"
export SFTP_USER="${SFTP_USER:-$(id -un)}"
export SFTP_PRIVATE_KEY_PATH="${SFTP_PRIVATE_KEY_PATH:-$_payments_sshd_dir/client_ed25519}"
# The server's host key as a known_hosts line, for clients to pin it.
export SFTP_KNOWN_HOSTS_PATH="${SFTP_KNOWN_HOSTS_PATH:-$_payments_sshd_dir/known_hosts}"
# The folder the server writes into (every SFTP session starts there), for tests to check arrivals.
export SFTP_ROOT="${SFTP_ROOT:-$_payments_sshd_dir/root}"
unset _payments_sshd_dir

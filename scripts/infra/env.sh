# shellcheck shell=bash
# Source me: `source scripts/infra/env.sh`. Points the services and the integration tests at
# the servers scripts/infra/up.sh runs; a value already set in the environment wins.
export DATABASE_URL="${DATABASE_URL:-postgres://payments:payments@127.0.0.1:5432/payments}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"

# shellcheck shell=bash
# PostgreSQL 15 from Debian, cluster 15/main, listening on 127.0.0.1:5432 (sourced by up.sh/down.sh).

# Settings the platform needs; applied through a conf.d drop-in so Debian's own file stays untouched.
pg_dropin_content() {
  cat <<CONF
# Written by scripts/infra/up.sh: seven services, each with its pool, plus the test suites.
listen_addresses = '127.0.0.1'
port = $PG_PORT
max_connections = 300
# Statement counts for the purchase benchmark (statements per purchase).
shared_preload_libraries = 'pg_stat_statements'
CONF
}

# The fast check: password login over TCP as the platform's role, with the settings applied.
pg_payments_ready() {
  local got
  got="$(PGPASSWORD=payments PGCONNECT_TIMEOUT=3 psql -XqtA -h 127.0.0.1 -p "$PG_PORT" -U payments -d payments \
    -c "select current_setting('max_connections') || ' ' || rolsuper || ' ' || current_setting('shared_preload_libraries') from pg_roles where rolname = current_user" 2>/dev/null)" \
    || return 1
  [[ "$got" == "300 true pg_stat_statements" ]]
}

pg_cluster_online() {
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1
}

pg_as_superuser() {
  (cd /tmp && runuser -u postgres -- psql -XqtA -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

up_postgres() {
  if pg_running && pg_payments_ready; then
    echo "postgres: ready on 127.0.0.1:$PG_PORT"
    return
  fi
  if [[ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]]; then
    apt_install postgres "postgresql-$PG_VERSION" postgresql-client-"$PG_VERSION"
  fi
  if [[ ! -f "$PG_CONF_DIR/postgresql.conf" ]]; then
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >/dev/null 2>&1 || fail postgres "pg_createcluster failed" "$PG_LOG"
  fi

  local changed=0
  mkdir -p "$(dirname "$PG_DROPIN")"
  if ! cmp -s <(pg_dropin_content) "$PG_DROPIN"; then
    pg_dropin_content >"$PG_DROPIN"
    changed=1
  fi

  local ctl=(pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER")
  if pg_cluster_online; then
    # max_connections and listen_addresses only change on restart.
    if [[ "$changed" == 1 ]] || [[ "$(pg_as_superuser -c 'show max_connections' 2>/dev/null)" != 300 ]] \
      || [[ "$(pg_as_superuser -c 'show shared_preload_libraries' 2>/dev/null)" != pg_stat_statements ]]; then
      "${ctl[@]}" restart -m fast >/dev/null 2>&1 9>&- || fail postgres "restart failed" "$PG_LOG"
    fi
  else
    "${ctl[@]}" start >/dev/null 2>&1 9>&- || fail postgres "start failed" "$PG_LOG"
  fi
  wait_until 30 pg_running || fail postgres "not accepting connections on 127.0.0.1:$PG_PORT after 30 s" "$PG_LOG"

  # SUPERUSER: each service creates its own schema, and tests create and drop theirs.
  pg_as_superuser >/dev/null <<'SQL' || fail postgres "could not create role/database payments" "$PG_LOG"
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'payments') THEN
    ALTER ROLE payments WITH LOGIN SUPERUSER PASSWORD 'payments';
  ELSE
    CREATE ROLE payments WITH LOGIN SUPERUSER PASSWORD 'payments';
  END IF;
END
$$;
SELECT 'CREATE DATABASE payments OWNER payments'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'payments')\gexec
\c payments
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
SQL
  pg_payments_ready || fail postgres "password login payments@127.0.0.1:$PG_PORT/payments does not work" "$PG_LOG"
  echo "postgres: ready on 127.0.0.1:$PG_PORT"
}

down_postgres() {
  if command -v pg_ctlcluster >/dev/null && pg_cluster_online; then
    pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" stop -m fast >/dev/null 2>&1 \
      || fail postgres "stop failed" "$PG_LOG"
  fi
  echo "postgres: stopped"
}

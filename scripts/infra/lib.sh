# shellcheck shell=bash disable=SC2034 # the variables are read by the scripts that source this file
# Shared by up.sh and down.sh (sourced, not executed).
# Machine-wide servers (PostgreSQL, Redis) are Debian's; Kafka and all its state live under
# <repo>/.infra/ (gitignored), so nothing downloaded is ever committed.

INFRA_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_SCRIPTS/../.." && pwd)"
INFRA_DIR="$REPO_ROOT/.infra"
INFRA_LOCK="/tmp/payments-infra.lock"
ALL_COMPONENTS=(postgres redis kafka sshd)

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
PG_CONF_DIR="/etc/postgresql/$PG_VERSION/$PG_CLUSTER"
PG_LOG="/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
PG_DROPIN="$PG_CONF_DIR/conf.d/90-payments.conf"

REDIS_PORT=6379
REDIS_DIR="$INFRA_DIR/redis"

KAFKA_DIR="$INFRA_DIR/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"
KAFKA_PID="$KAFKA_DIR/kafka.pid"
KAFKA_LOG="$KAFKA_DIR/kafka.log"
KAFKA_PORT=9092

# The SFTP server the file-delivery tests deliver to (keys, config and its root under .infra/sshd).
SSHD_DIR="$INFRA_DIR/sshd"
SSHD_PORT=2222

# fail COMPONENT MESSAGE [LOGFILE]: explain, show the log's tail, exit non-zero.
fail() {
  local component="$1" message="$2" log="${3:-}"
  echo "$component: FAILED: $message" >&2
  if [[ -n "$log" && -r "$log" ]]; then
    echo "--- last lines of $log ---" >&2
    tail -n 40 "$log" >&2
  fi
  exit 1
}

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# resolve_components ARGS...: prints the components to act on (default: all), or exits 2.
resolve_components() {
  local arg out=()
  if [[ $# -eq 0 ]]; then set -- all; fi
  for arg in "$@"; do
    case "$arg" in
      all) out+=("${ALL_COMPONENTS[@]}") ;;
      postgres | redis | kafka | sshd) out+=("$arg") ;;
      *) echo "unknown component '$arg' (expected: all, postgres, redis, kafka, sshd)" >&2; exit 2 ;;
    esac
  done
  # De-duplicate, keeping the order given.
  printf '%s\n' "${out[@]}" | awk '!seen[$0]++'
}

# pid_file_alive PIDFILE TEXT: true when the pid in PIDFILE is alive and its command line holds TEXT
# (so a pid reused by another process does not count).
pid_file_alive() {
  local pid
  [[ -r "$1" ]] || return 1
  pid="$(cat "$1")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -qF -- "$2" "/proc/$pid/cmdline" 2>/dev/null
}

# pid_gone PID: true once the process has exited.
pid_gone() {
  ! kill -0 "$1" 2>/dev/null
}

# kafka_running: true when the broker we started is alive.
kafka_running() {
  pid_file_alive "$KAFKA_PID" kafka.Kafka
}

pg_running() {
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 1 2>/dev/null
}

redis_running() {
  [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]
}

APT_UPDATED=0
# apt_install COMPONENT PACKAGE...: Debian packages, with one `apt-get update` per run, only when needed.
apt_install() {
  local component="$1"; shift
  local log="$INFRA_DIR/apt.log"
  mkdir -p "$INFRA_DIR"
  if [[ "$APT_UPDATED" == 0 ]]; then
    apt-get update -qq >"$log" 2>&1 || fail "$component" "apt-get update failed" "$log"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$log" 2>&1 9>&- \
    || fail "$component" "apt-get install $* failed" "$log"
}

# wait_until SECONDS COMMAND...: polls COMMAND every 0.2 s; false when time runs out.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

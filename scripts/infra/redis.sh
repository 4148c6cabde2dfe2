# shellcheck shell=bash
# Redis 7 from Debian, in memory only, on 127.0.0.1:6379 (sourced by up.sh/down.sh).

up_redis() {
  if redis_running; then
    echo "redis: ready on 127.0.0.1:$REDIS_PORT"
    return
  fi
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis redis-server redis-tools
  fi
  # Debian's package may have started its own service meanwhile.
  if ! redis_running; then
    mkdir -p "$REDIS_DIR"
    # No persistence: caches and velocity counters are rebuilt; tests want a clean start.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" --pidfile "$REDIS_DIR/redis.pid" \
      >"$REDIS_DIR/start.log" 2>&1 9>&- || fail redis "redis-server did not start" "$REDIS_DIR/start.log"
    wait_until 15 redis_running || fail redis "no PONG from 127.0.0.1:$REDIS_PORT after 15 s" "$REDIS_DIR/redis.log"
  fi
  echo "redis: ready on 127.0.0.1:$REDIS_PORT"
}

down_redis() {
  if command -v redis-cli >/dev/null && redis_running; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    wait_until 10 port_closed_redis || fail redis "still answering on 127.0.0.1:$REDIS_PORT" "$REDIS_DIR/redis.log"
  fi
  echo "redis: stopped"
}

port_closed_redis() {
  ! port_open "$REDIS_PORT"
}

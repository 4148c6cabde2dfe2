# shellcheck shell=bash
# Apache Kafka 3.9 in KRaft mode, one process as broker + controller, on 127.0.0.1:9092
# (controller 127.0.0.1:9093). Jars come from Maven Central; everything lives in .infra/kafka.
# Sourced by up.sh/down.sh.

KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"

# Copies the broker's classpath once per version of kafka/pom.xml (the stamp is its hash).
kafka_ensure_libs() {
  local want stamp="$KAFKA_LIBS/.pom.sha256"
  want="$(sha256sum <"$INFRA_SCRIPTS/kafka/pom.xml" | cut -d' ' -f1)"
  [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && return 0

  command -v java >/dev/null || apt_install kafka openjdk-17-jre-headless
  command -v mvn >/dev/null || apt_install kafka maven
  mkdir -p "$KAFKA_DIR/build"
  cp "$INFRA_SCRIPTS/kafka/pom.xml" "$KAFKA_DIR/build/pom.xml"
  rm -rf "$KAFKA_LIBS.tmp"
  mvn -q -B -f "$KAFKA_DIR/build/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$KAFKA_LIBS.tmp" >"$KAFKA_DIR/mvn.log" 2>&1 \
    || fail kafka "mvn dependency:copy-dependencies failed" "$KAFKA_DIR/mvn.log"
  rm -rf "$KAFKA_LIBS"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  echo "$want" >"$stamp"
}

# Renders server.properties; returns 0 when its content changed.
kafka_render_config() {
  local target="$KAFKA_DIR/server.properties" rendered
  rendered="$(sed "s|@DATA_DIR@|$KAFKA_DIR/data|" "$INFRA_SCRIPTS/kafka/server.properties.in")"
  if [[ -f "$target" ]] && [[ "$(cat "$target")" == "$rendered" ]]; then
    return 1
  fi
  printf '%s\n' "$rendered" >"$target"
}

# kafka_cmd MAIN ARGS...: sets KAFKA_CMD to a java command line on the broker's classpath.
kafka_cmd() {
  local main="$1"; shift
  # shellcheck disable=SC2206 # KAFKA_HEAP_OPTS holds several JVM flags on purpose.
  KAFKA_CMD=(java $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    -Dlog4j.configuration="file:$INFRA_SCRIPTS/kafka/log4j.properties" -Dkafka.logs.dir="$KAFKA_DIR/logs"
    -cp "$KAFKA_LIBS/*" "$main" "$@")
}

# Formats the storage once (KRaft needs a cluster id written into the log directory).
kafka_ensure_formatted() {
  [[ -f "$KAFKA_DIR/data/meta.properties" ]] && return 0
  local id_file="$KAFKA_DIR/cluster-id"
  # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding. One that starts with "-"
  # reads as an option to the storage tool (Kafka's own generator avoids those too), so draw again.
  while [[ ! -s "$id_file" || "$(cat "$id_file")" == -* ]]; do
    head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$id_file"
  done
  kafka_cmd kafka.tools.StorageTool format --ignore-formatted --cluster-id="$(cat "$id_file")" \
    -c "$KAFKA_DIR/server.properties"
  "${KAFKA_CMD[@]}" >"$KAFKA_DIR/format.log" 2>&1 \
    || fail kafka "storage format failed" "$KAFKA_DIR/format.log"
}

# A broker started elsewhere (another checkout of the repo) is fine to use as is.
kafka_foreign_pid() {
  pgrep -f 'kafka\.Kafka .*server\.properties' | head -n 1 || true
}

# Readiness = the broker answers a metadata request (topic list), not just an open port.
kafka_answers() {
  timeout "$1" java -Xmx128m -Dlog4j.configuration="file:$INFRA_SCRIPTS/kafka/log4j-tools.properties" \
    -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list \
    >"$KAFKA_DIR/ready-check.log" 2>&1
}

kafka_port_open() {
  port_open "$KAFKA_PORT"
}

up_kafka() {
  mkdir -p "$KAFKA_DIR/logs"
  kafka_ensure_libs
  local config_changed=0
  kafka_render_config && config_changed=1

  if kafka_running; then
    if [[ "$config_changed" == 0 ]]; then
      # Running: ready at once, or still starting (an earlier run timed out), then wait for it.
      kafka_port_open || kafka_wait_ready
      echo "kafka: ready on 127.0.0.1:$KAFKA_PORT"
      return
    fi
    down_kafka >/dev/null
  elif kafka_port_open; then
    local other
    other="$(kafka_foreign_pid)"
    [[ -n "$other" ]] || fail kafka "127.0.0.1:$KAFKA_PORT is taken by a process that is not Kafka"
    echo "kafka: ready on 127.0.0.1:$KAFKA_PORT (pid $other, started outside this checkout)"
    return
  fi

  kafka_ensure_formatted
  [[ -f "$KAFKA_LOG" ]] && mv -f "$KAFKA_LOG" "$KAFKA_LOG.1"
  kafka_cmd kafka.Kafka "$KAFKA_DIR/server.properties"
  # setsid + nohup: the broker outlives the shell (and the job) that started it. Without job
  # control the child is no group leader, so setsid and nohup exec in place: $! is the JVM.
  (cd "$KAFKA_DIR" && exec setsid nohup "${KAFKA_CMD[@]}" >"$KAFKA_LOG" 2>&1 </dev/null 9>&-) &
  echo "$!" >"$KAFKA_PID"

  kafka_wait_ready
  echo "kafka: ready on 127.0.0.1:$KAFKA_PORT"
}

# Waits for the port, then for an answer to a metadata request; fails with the log's tail.
kafka_wait_ready() {
  local deadline=$((SECONDS + KAFKA_READY_TIMEOUT))
  until kafka_port_open; do
    kafka_running || fail kafka "the broker exited during start-up" "$KAFKA_LOG"
    ((SECONDS < deadline)) || fail kafka "port $KAFKA_PORT not open after ${KAFKA_READY_TIMEOUT} s" "$KAFKA_LOG"
    sleep 0.3
  done
  local left=$((deadline - SECONDS))
  ((left > 5)) || left=5
  kafka_answers "$left" \
    || fail kafka "no answer to a metadata request within ${KAFKA_READY_TIMEOUT} s (see $KAFKA_DIR/ready-check.log)" "$KAFKA_LOG"
}

down_kafka() {
  if kafka_running; then
    local pid
    pid="$(cat "$KAFKA_PID")"
    kill -TERM "$pid"
    # A controlled shutdown flushes the logs; give it 30 s before forcing.
    if ! wait_until 30 pid_gone "$pid"; then
      kill -KILL "$pid" 2>/dev/null || true
      wait_until 5 pid_gone "$pid" || fail kafka "pid $pid does not stop" "$KAFKA_LOG"
    fi
  fi
  rm -f "$KAFKA_PID"
  echo "kafka: stopped"
}

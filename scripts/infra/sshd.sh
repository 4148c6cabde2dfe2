# shellcheck shell=bash
# OpenSSH's sshd from Debian as an SFTP-only server on 127.0.0.1:2222: the "bank side" the
# file-delivery tests deliver to (sourced by up.sh/down.sh). Everything lives in .infra/sshd: a
# host key and a client key pair (ed25519, made once), the sshd_config written here, the pid file,
# the log, and root/, the folder every SFTP session starts in. Only the client key is accepted (no
# password), only for the user who ran up.sh, and only SFTP (no shell, no forwarding).
# No ChrootDirectory: sshd wants the chroot and every folder above it owned by root and writable by
# nobody else, and chroot itself needs root; a plain start folder works for root and for any user.

SSHD_BIN=/usr/sbin/sshd
SSHD_CONFIG="$SSHD_DIR/sshd_config"
SSHD_PID="$SSHD_DIR/sshd.pid"
SSHD_LOG="$SSHD_DIR/sshd.log"
SSHD_ROOT="$SSHD_DIR/root"
SSHD_CLIENT_KEY="$SSHD_DIR/client_ed25519"
SSHD_READY_TIMEOUT="${SSHD_READY_TIMEOUT:-15}"

# Both key pairs once; the client's public key is the only authorized one.
sshd_ensure_keys() {
  local name
  for name in host_ed25519 client_ed25519; do
    [[ -s "$SSHD_DIR/$name" && -s "$SSHD_DIR/$name.pub" ]] && continue
    rm -f "$SSHD_DIR/$name" "$SSHD_DIR/$name.pub"
    ssh-keygen -q -t ed25519 -N '' -C "payments-sftp-${name%_ed25519}" -f "$SSHD_DIR/$name" >"$SSHD_DIR/keygen.log" 2>&1 \
      || fail sshd "ssh-keygen could not make $name" "$SSHD_DIR/keygen.log"
  done
  grep -qxF "$(cat "$SSHD_CLIENT_KEY.pub")" "$SSHD_DIR/authorized_keys" 2>/dev/null \
    || cat "$SSHD_CLIENT_KEY.pub" >>"$SSHD_DIR/authorized_keys"
  chmod 600 "$SSHD_DIR/authorized_keys"
}

sshd_config_content() {
  cat <<CONF
# Written by scripts/infra/up.sh (sshd.sh); edits are overwritten.
ListenAddress 127.0.0.1
Port $SSHD_PORT
HostKey $SSHD_DIR/host_ed25519
PidFile $SSHD_PID
AuthorizedKeysFile $SSHD_DIR/authorized_keys
AllowUsers $(id -un)
AuthenticationMethods publickey
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
# Debian's default. Without PAM sshd judges the account itself from /etc/shadow: it refuses every
# user when it runs unprivileged (it cannot read the file) and a user whose password is locked
# (Ubuntu's root, a CI user made by useradd), though only a key is asked for here.
UsePAM yes
# A checkout may sit under group-writable folders (umask 002); the key file itself is 0600.
StrictModes no
ForceCommand internal-sftp -d $SSHD_ROOT
Subsystem sftp internal-sftp -d $SSHD_ROOT
DisableForwarding yes
PermitTTY no
PermitUserRC no
LoginGraceTime 10
LogLevel VERBOSE
CONF
}

# Writes sshd_config; returns 0 when its content changed.
sshd_render_config() {
  if cmp -s <(sshd_config_content) "$SSHD_CONFIG"; then
    return 1
  fi
  sshd_config_content >"$SSHD_CONFIG"
}

# sshd_known_hosts DIR: pins the host key of the server whose state is in DIR.
sshd_known_hosts() {
  echo "[127.0.0.1]:$SSHD_PORT $(cut -d' ' -f1,2 "$1/host_ed25519.pub")" >"$SSHD_DIR/known_hosts"
}

# sshd_running: true when the server this checkout started is alive.
sshd_running() {
  pid_file_alive "$SSHD_PID" "$SSHD_CONFIG"
}

# Readiness = a real SFTP login with the client key against the pinned host key, not just a port.
sshd_answers() {
  sftp -q -b - -i "$SSHD_CLIENT_KEY" -P "$SSHD_PORT" -o BatchMode=yes -o IdentitiesOnly=yes \
    -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$SSHD_DIR/known_hosts" -o ConnectTimeout=3 \
    "$(id -un)@127.0.0.1" <<<'pwd' >"$SSHD_DIR/ready-check.log" 2>&1
}

# A server on the port started from another checkout (found by its command line, which names its
# sshd_config): use it, authorizing this checkout's key there and pointing root/ at its root.
sshd_use_foreign() {
  local config dir
  config="$(pgrep -af "sshd.* -f [^ ]*/\.infra/sshd/sshd_config" | grep -o -- "-f [^ ]*/\.infra/sshd/sshd_config" | head -n 1 || true)"
  config="${config#-f }"
  [[ -n "$config" && "$config" != "$SSHD_CONFIG" ]] \
    || fail sshd "127.0.0.1:$SSHD_PORT is taken by a process that is not this project's sshd"
  dir="$(dirname "$config")"
  grep -qx "AllowUsers $(id -un)" "$config" \
    || fail sshd "127.0.0.1:$SSHD_PORT is another checkout's sshd ($config), for another user"
  grep -qxF "$(cat "$SSHD_CLIENT_KEY.pub")" "$dir/authorized_keys" || cat "$SSHD_CLIENT_KEY.pub" >>"$dir/authorized_keys"
  # root/ only ever holds test deliveries; it becomes a link to the other server's folder.
  [[ -L "$SSHD_ROOT" ]] || rm -rf "$SSHD_ROOT"
  ln -sfn "$dir/root" "$SSHD_ROOT"
  sshd_known_hosts "$dir"
  sshd_answers || fail sshd "no SFTP login with this checkout's key on $config's server" "$SSHD_DIR/ready-check.log"
  echo "sshd: ready on 127.0.0.1:$SSHD_PORT (started outside this checkout, from $dir)"
}

up_sshd() {
  [[ "$SSHD_DIR" != *[[:space:]]* ]] || fail sshd "the checkout's path has a space, which sshd_config cannot carry: $REPO_ROOT"
  [[ -x "$SSHD_BIN" ]] || apt_install sshd openssh-server
  mkdir -p "$SSHD_DIR"
  chmod 700 "$SSHD_DIR"
  sshd_ensure_keys
  local config_changed=0
  sshd_render_config && config_changed=1

  if sshd_running; then
    if [[ "$config_changed" == 0 ]]; then
      sshd_wait_ready
      echo "sshd: ready on 127.0.0.1:$SSHD_PORT (SFTP only)"
      return
    fi
    down_sshd >/dev/null
  elif port_open "$SSHD_PORT"; then
    sshd_use_foreign
    return
  fi

  [[ -L "$SSHD_ROOT" ]] && rm -f "$SSHD_ROOT"
  mkdir -p "$SSHD_ROOT"
  sshd_known_hosts "$SSHD_DIR"
  # Run as root, sshd separates privileges into this (Debian's) folder, which tmpfiles makes on boot.
  if [[ "$EUID" == 0 ]]; then mkdir -p -m 0755 /run/sshd; fi
  "$SSHD_BIN" -t -f "$SSHD_CONFIG" >"$SSHD_DIR/config-check.log" 2>&1 \
    || fail sshd "sshd -t rejects $SSHD_CONFIG" "$SSHD_DIR/config-check.log"
  [[ -f "$SSHD_LOG" ]] && mv -f "$SSHD_LOG" "$SSHD_LOG.1"
  # -D: stays in the foreground, so $! is sshd itself (setsid + nohup as for Kafka); -E: its log.
  (exec setsid nohup "$SSHD_BIN" -D -f "$SSHD_CONFIG" -E "$SSHD_LOG" >>"$SSHD_LOG" 2>&1 </dev/null 9>&-) &
  echo "$!" >"$SSHD_PID"
  sshd_wait_ready
  echo "sshd: ready on 127.0.0.1:$SSHD_PORT (SFTP only)"
}

sshd_wait_ready() {
  local deadline=$((SECONDS + SSHD_READY_TIMEOUT))
  until sshd_answers; do
    sshd_running || fail sshd "sshd exited during start-up" "$SSHD_LOG"
    ((SECONDS < deadline)) || fail sshd "no SFTP login on 127.0.0.1:$SSHD_PORT after ${SSHD_READY_TIMEOUT} s (see $SSHD_DIR/ready-check.log)" "$SSHD_LOG"
    sleep 0.2
  done
}

down_sshd() {
  if sshd_running; then
    local pid
    pid="$(cat "$SSHD_PID")"
    kill -TERM "$pid"
    wait_until 10 pid_gone "$pid" || fail sshd "pid $pid does not stop" "$SSHD_LOG"
  fi
  rm -f "$SSHD_PID"
  echo "sshd: stopped"
}

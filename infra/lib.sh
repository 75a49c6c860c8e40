# shellcheck shell=bash
# Shared by infra/up.sh, run.sh, stop.sh and test.sh. Source it; it only defines things.

WAAS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WAAS_ROOT

export WAAS_PG_HOST="${WAAS_PG_HOST:-localhost}"
export WAAS_PG_PORT="${WAAS_PG_PORT:-5432}"
export WAAS_PG_USER="${WAAS_PG_USER:-waas}"
export WAAS_PG_PASSWORD="${WAAS_PG_PASSWORD:-waas}"
export WAAS_PG_DATABASE="${WAAS_PG_DATABASE:-waas}"
export WAAS_RABBIT_HOST="${WAAS_RABBIT_HOST:-localhost}"
export WAAS_RABBIT_PORT="${WAAS_RABBIT_PORT:-5672}"
export WAAS_RABBIT_USER="${WAAS_RABBIT_USER:-waas}"
export WAAS_RABBIT_PASSWORD="${WAAS_RABBIT_PASSWORD:-waas}"
export WAAS_RABBIT_VHOST="${WAAS_RABBIT_VHOST:-waas}"

# The test suite runs against these; infra/up.sh provisions both the app and the test ones.
# shellcheck disable=SC2034
WAAS_TEST_DATABASE=waas_test WAAS_TEST_VHOST=waas_test
# The end-to-end test with two instances of every service runs a second system beside the first: its own database and
# vhost (the test database's name + _scaled, as tests/WaaS.EndToEnd.Tests/WaaSSystem.cs derives it).
# shellcheck disable=SC2034
WAAS_TEST_SCALED_DATABASE=waas_test_scaled WAAS_TEST_SCALED_VHOST=waas_test_scaled
# In-process API tests (WebApplicationFactory) get a vhost of their own, so their consumers never
# compete with the end-to-end system's for the same queues.
WAAS_API_TEST_VHOST=waas_api

WAAS_RUN_DIR="$WAAS_ROOT/.run"

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}" DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

log() { printf '[%s] %s\n' "${WAAS_LOG_TAG:-waas}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${WAAS_LOG_TAG:-waas}" "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# tcp_open HOST PORT: true when something accepts TCP connections there (no nc needed).
tcp_open() {
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1
}

is_local_host() {
  case "$1" in
    localhost | 127.* | ::1 | "$(hostname)") return 0 ;;
    *) return 1 ;;
  esac
}

# wait_until SECONDS WHAT CMD...: polls CMD once a second until it succeeds; false on timeout.
wait_until() {
  local limit=$1 what=$2 deadline
  shift 2
  deadline=$((SECONDS + limit))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${limit}s waiting for $what"
      return 1
    fi
    sleep 1
  done
}

# Loads infra/services.tsv into parallel arrays SVC_NAME, SVC_PORT, SVC_DIR, SVC_ASM.
load_services() {
  SVC_NAME=() SVC_PORT=() SVC_DIR=() SVC_ASM=()
  local name port dir asm
  while IFS=$'\t' read -r name port dir asm; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    SVC_NAME+=("$name") SVC_PORT+=("$port") SVC_DIR+=("$dir") SVC_ASM+=("$asm")
  done <"$WAAS_ROOT/infra/services.tsv"
}

# svc_dll INDEX: path of the Release build output of service INDEX.
svc_dll() {
  printf '%s/%s/bin/Release/net10.0/%s.dll' "$WAAS_ROOT" "${SVC_DIR[$1]}" "${SVC_ASM[$1]}"
}

# pid_is_ours PIDFILE DLLNAME: the pid in PIDFILE is alive and still runs DLLNAME (guards against reused pids).
pid_is_ours() {
  local pid
  [[ -f "$1" ]] || return 1
  pid=$(<"$1")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$2"
}

# stop_services: stops every process run.sh started (SIGTERM, then SIGKILL after 15 s).
stop_services() {
  load_services
  local i pidfile pid stopped=() waited
  for i in "${!SVC_NAME[@]}"; do
    pidfile="$WAAS_RUN_DIR/pids/${SVC_NAME[$i]}.pid"
    if pid_is_ours "$pidfile" "${SVC_ASM[$i]}.dll"; then
      pid=$(<"$pidfile")
      kill -TERM "$pid" 2>/dev/null || true
      stopped+=("$i:$pid")
    fi
  done
  for entry in "${stopped[@]}"; do
    i=${entry%%:*} pid=${entry#*:}
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < 150)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "${SVC_NAME[$i]} (pid $pid) ignored SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped ${SVC_NAME[$i]} (pid $pid)"
  done
  stop_smtp4dev
  rm -f "$WAAS_RUN_DIR"/pids/*.pid 2>/dev/null || true
  ((${#stopped[@]} > 0)) || log "nothing was running"
}

# The local mail server with a web UI that ./run.sh starts for development (the Notifications service sends to it;
# Development's default Smtp settings point at its SMTP port). A local .NET tool (.config/dotnet-tools.json).
SMTP4DEV_SMTP_PORT="${WAAS_SMTP4DEV_SMTP_PORT:-2525}"
SMTP4DEV_WEB_PORT="${WAAS_SMTP4DEV_WEB_PORT:-5025}"

start_smtp4dev() {
  (cd "$WAAS_ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore failed (smtp4dev, .config/dotnet-tools.json)"
  ! tcp_open 127.0.0.1 "$SMTP4DEV_SMTP_PORT" ||
    die "port $SMTP4DEV_SMTP_PORT (smtp4dev's SMTP) is already in use by a process run.sh did not start"
  mkdir -p "$WAAS_RUN_DIR/logs" "$WAAS_RUN_DIR/pids"
  (
    cd "$WAAS_ROOT"
    # In-memory store, no IMAP/POP3 (their default ports are privileged or taken); setsid: its own process group.
    exec setsid dotnet tool run smtp4dev -- --smtpport="$SMTP4DEV_SMTP_PORT" --urls="http://127.0.0.1:$SMTP4DEV_WEB_PORT" \
      --imapport="" --pop3port="" --db=""
  ) </dev/null >"$WAAS_RUN_DIR/logs/smtp4dev.log" 2>&1 &
  echo $! >"$WAAS_RUN_DIR/pids/smtp4dev.pid"
}

stop_smtp4dev() {
  local pidfile="$WAAS_RUN_DIR/pids/smtp4dev.pid" pid
  pid_is_ours "$pidfile" smtp4dev || return 0
  pid=$(<"$pidfile")
  # The tool runner starts the server as a child: stop the whole group it leads.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  log "stopped smtp4dev (pid $pid)"
}

#!/usr/bin/env bash
# Brings up PostgreSQL + RabbitMQ, builds the solution and starts the gateway and the eleven services in the
# background (list: infra/services.tsv). Logs: .run/logs/<name>.log, pids: .run/pids/<name>.pid. Stop: ./stop.sh
# Running it again restarts everything cleanly.
set -euo pipefail
WAAS_LOG_TAG=run
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/infra/lib.sh"
cd "$WAAS_ROOT"

BIND_HOST="${WAAS_BIND_HOST:-127.0.0.1}" # 0.0.0.0 to reach the services from containers (Prometheus)
ALIVE_TIMEOUT="${WAAS_ALIVE_TIMEOUT:-90}"

have dotnet || die "the .NET SDK (dotnet) is not on PATH"

./infra/up.sh
./infra/tools.sh # chromium (PDFs) and pdftotext
stop_services # a previous run's processes, if any: restart cleanly

log "building WaaS.sln (Release)"
dotnet build WaaS.sln -c Release -nologo || die "build failed"

load_services
mkdir -p "$WAAS_RUN_DIR/logs" "$WAAS_RUN_DIR/pids"
for i in "${!SVC_NAME[@]}"; do
  [[ -f "$(svc_dll "$i")" ]] || die "${SVC_NAME[$i]}: $(svc_dll "$i") is missing after the build"
  ! tcp_open 127.0.0.1 "${SVC_PORT[$i]}" ||
    die "port ${SVC_PORT[$i]} (${SVC_NAME[$i]}) is already in use by a process run.sh did not start"
done

pids=()
trap 'log "interrupted"; stop_services; exit 130' INT TERM
start_smtp4dev
for i in "${!SVC_NAME[@]}"; do
  dll=$(svc_dll "$i")
  logfile="$WAAS_RUN_DIR/logs/${SVC_NAME[$i]}.log"
  # From the output folder, so appsettings*.json are found; setsid detaches it from this terminal.
  (
    cd "$(dirname "$dll")"
    # The gateway's own /metrics and detailed /health answer only on its management port (gateway/README.md).
    [[ ${SVC_NAME[$i]} != gateway ]] || export WAAS_MANAGEMENT_PORT="${WAAS_GATEWAY_MANAGEMENT_PORT:-5090}"
    ASPNETCORE_URLS="http://$BIND_HOST:${SVC_PORT[$i]}" ASPNETCORE_ENVIRONMENT=Development \
      exec setsid dotnet "$dll"
  ) </dev/null >"$logfile" 2>&1 &
  pids[i]=$!
  echo "${pids[i]}" >"$WAAS_RUN_DIR/pids/${SVC_NAME[$i]}.pid"
done
log "started ${#SVC_NAME[@]} processes; waiting for /alive (up to ${ALIVE_TIMEOUT}s)"

alive() {
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$1/alive" 2>/dev/null
}

fail() {
  local i=$1 why=$2
  log "${SVC_NAME[$i]} $why; last lines of $WAAS_RUN_DIR/logs/${SVC_NAME[$i]}.log:"
  tail -n 40 "$WAAS_RUN_DIR/logs/${SVC_NAME[$i]}.log" >&2 || true
}

pending=("${!SVC_NAME[@]}")
deadline=$((SECONDS + ALIVE_TIMEOUT))
while ((${#pending[@]} > 0)); do
  still=()
  for i in "${pending[@]}"; do
    if ! kill -0 "${pids[i]}" 2>/dev/null; then
      fail "$i" "exited during startup"
      stop_services
      die "${SVC_NAME[$i]} did not start"
    elif alive "${SVC_PORT[$i]}"; then
      log "${SVC_NAME[$i]} is up on port ${SVC_PORT[$i]}"
    else
      still+=("$i")
    fi
  done
  pending=("${still[@]}")
  ((${#pending[@]} > 0)) || break
  if ((SECONDS >= deadline)); then
    for i in "${pending[@]}"; do fail "$i" "did not answer /alive within ${ALIVE_TIMEOUT}s"; done
    stop_services
    die "startup timed out"
  fi
  sleep 1
done

trap - INT TERM

cat <<MSG

Gateway: http://localhost:5080 (its metrics and health details: http://localhost:${WAAS_GATEWAY_MANAGEMENT_PORT:-5090})
Services: $(for i in "${!SVC_NAME[@]}"; do printf '%s=%s ' "${SVC_NAME[$i]}" "${SVC_PORT[$i]}"; done)
Mail:     http://localhost:$SMTP4DEV_WEB_PORT (smtp4dev: every e-mail the services send; SMTP on port $SMTP4DEV_SMTP_PORT)
Logs:     .run/logs/<name>.log
Stop:     ./stop.sh
MSG

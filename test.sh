#!/usr/bin/env bash
# The test command: brings up PostgreSQL + RabbitMQ, then runs every test in the solution against the
# waas_test database and vhost. Extra arguments go to `dotnet test` (e.g. --filter Category!=E2E).
set -euo pipefail
WAAS_LOG_TAG="test"
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/infra/lib.sh"
cd "$WAAS_ROOT"

# shellcheck disable=SC2034 # read by the EXIT trap
started=$SECONDS
trap 'log "total elapsed: $(((SECONDS - started) / 60))m $(((SECONDS - started) % 60))s"' EXIT

have dotnet || die "the .NET SDK (dotnet) is not on PATH"
./infra/up.sh

export WAAS_PG_DATABASE="$WAAS_TEST_DATABASE" WAAS_RABBIT_VHOST="$WAAS_TEST_VHOST"
rc=0
dotnet test WaaS.sln -c Release "$@" || rc=$?
log "dotnet test exited with $rc"
exit "$rc"

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
./infra/tools.sh # chromium renders the PDFs the tests read back with pdftotext

# The packaging tests validate Kubernetes objects with an npm package (node) and render overlays with kubectl.
if ! have node || ! have npm; then
  if [[ $(id -u) == 0 ]] && have apt-get; then
    log "installing nodejs and npm for the packaging tests"
    DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 install -y nodejs npm >/tmp/waas-apt-node.log 2>&1 ||
      { tail -n 20 /tmp/waas-apt-node.log >&2; die "apt-get install nodejs npm failed"; }
  else
    die "node and npm are needed by tests/WaaS.Packaging.Tests: install them (Debian: apt-get install nodejs npm)"
  fi
fi
have kubectl || die "kubectl is needed by tests/WaaS.Packaging.Tests (kustomize renders the overlays offline)"

export WAAS_PG_DATABASE="$WAAS_TEST_DATABASE" WAAS_RABBIT_VHOST="$WAAS_TEST_VHOST"
rc=0
dotnet test WaaS.sln -c Release "$@" || rc=$?
log "dotnet test exited with $rc"
exit "$rc"

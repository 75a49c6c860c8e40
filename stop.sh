#!/usr/bin/env bash
# Stops the processes ./run.sh started (PostgreSQL and RabbitMQ stay up).
set -euo pipefail
WAAS_LOG_TAG=stop
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/infra/lib.sh"
stop_services

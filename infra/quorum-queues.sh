#!/usr/bin/env bash
# Makes room for quorum queues: deletes the classic queues a vhost still holds from before quorum queues were the
# default, so the WaaS processes can declare them again as quorum queues (RabbitMQ refuses to change a queue's type:
# PRECONDITION_FAILED "inequivalent arg 'x-queue-type'"). Only durable, non-auto-delete classic queues are touched;
# temporary ones (auto-deleted, exclusive) stay classic by design. Needs rabbitmqctl on the broker's machine.
#
#   infra/quorum-queues.sh [--test] VHOST...
#
# A classic queue that is empty and unused is deleted. One that still holds messages is deleted only with --test (the
# test vhosts hold nothing but what earlier test runs left) or WAAS_RABBIT_DROP_CLASSIC=1 (you accept losing those
# messages); otherwise this stops and names it: let the previous version drain it first (./run.sh from the old
# commit, or replay/move the messages in the management UI), then run again. A queue a process still consumes from
# (an old process still running) is never deleted: stop it first (./stop.sh). Runs in a second when there is nothing
# to do; infra/up.sh runs it on every vhost it provisions.
set -euo pipefail
WAAS_LOG_TAG=quorum
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PATH="$PATH:/usr/sbin:/sbin"

drop_messages=${WAAS_RABBIT_DROP_CLASSIC:-0}
if [[ "${1:-}" == --test ]]; then
  drop_messages=1
  shift
fi

# stdin from /dev/null: rabbitmqctl reads its input and would swallow the queue list the loop below reads.
rabbitctl() {
  if [[ $(id -u) == 0 || $(id -un) == rabbitmq ]]; then rabbitmqctl "$@" </dev/null
  elif have sudo && sudo -n true 2>/dev/null; then sudo -n rabbitmqctl "$@" </dev/null
  else die "rabbitmqctl needs root (or password-less sudo) here"
  fi
}

blocked=()
vhosts=$(rabbitctl -q list_vhosts --no-table-headers)
for vhost in "$@"; do
  grep -qxF "$vhost" <<<"$vhosts" || continue
  # name, type, durable, auto_delete, exclusive, messages, consumers: tab-separated, one queue a line.
  while IFS=$'\t' read -r name type durable auto_delete exclusive messages consumers; do
    [[ "$type" == classic && "$durable" == true && "$auto_delete" == false && "$exclusive" == false ]] || continue
    if [[ "$consumers" != 0 ]]; then
      blocked+=("$vhost/$name: $consumers consumer(s) still attached (a process of the previous version is running: stop it)")
    elif [[ "$messages" != 0 && "$drop_messages" != 1 ]]; then
      blocked+=("$vhost/$name: holds $messages message(s)")
    else
      # --if-unused (and --if-empty unless dropping) guard against a process attaching or a message arriving meanwhile.
      if rabbitctl -q delete_queue -p "$vhost" --if-unused $([[ "$drop_messages" == 1 ]] || echo --if-empty) "$name" >/dev/null 2>&1; then
        log "deleted classic queue $vhost/$name ($messages message(s)); the service declares it again as a quorum queue"
      else
        blocked+=("$vhost/$name: could not be deleted (in use or not empty any more)")
      fi
    fi
  done < <(rabbitctl -q list_queues -p "$vhost" --no-table-headers name type durable auto_delete exclusive messages consumers)
done

if ((${#blocked[@]} > 0)); then
  printf '[%s] %s\n' "$WAAS_LOG_TAG" "classic queues the services cannot redeclare as quorum queues:" >&2
  printf '[%s]   %s\n' "$WAAS_LOG_TAG" "${blocked[@]}" >&2
  die "drain or stop what is named above and run again; or WAAS_RABBIT_DROP_CLASSIC=1 $0 $* to delete those queues with their messages (or WAAS_RABBIT_QUORUM=false to keep classic queues)"
fi

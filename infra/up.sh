#!/usr/bin/env bash
# Makes PostgreSQL and RabbitMQ available at the WAAS_* addresses and provisions what WaaS needs:
# user waas owning databases waas + waas_test + waas_test_scaled, RabbitMQ user waas with full rights on vhosts
# waas + waas_test + waas_test_scaled + waas_api. Then every classic queue those vhosts still hold from before quorum
# queues became the default is deleted, so the processes can declare it again as a quorum queue
# (infra/quorum-queues.sh says which and why it may stop).
#
# For each server, in this order:
#   1. something already answers at the configured address  -> use it (still provisions it when local admin
#      rights exist: root, the postgres/rabbitmq user, or password-less sudo);
#   2. a Docker engine answers                              -> docker compose up (docker-compose.yml);
#   3. Debian/Ubuntu as root                                -> apt-get install if missing, start, provision.
# Idempotent: a second run only checks, and takes a second or two.
set -euo pipefail
WAAS_LOG_TAG=up
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PATH="$PATH:/usr/sbin:/sbin" # rabbitmqctl, rabbitmq-server, runuser

# Databases and vhosts to provision: the configured ones plus the app and test defaults, without repeats.
mapfile -t PG_DATABASES < <(printf '%s\n' "$WAAS_PG_DATABASE" waas "$WAAS_TEST_DATABASE" "$WAAS_TEST_SCALED_DATABASE" | awk '!seen[$0]++')
mapfile -t RABBIT_VHOSTS < <(printf '%s\n' "$WAAS_RABBIT_VHOST" waas "$WAAS_TEST_VHOST" "$WAAS_TEST_SCALED_VHOST" "$WAAS_API_TEST_VHOST" | awk '!seen[$0]++')
# Their queues hold nothing but what earlier test runs left behind.
TEST_VHOSTS=("$WAAS_TEST_VHOST" "$WAAS_TEST_SCALED_VHOST" "$WAAS_API_TEST_VHOST")

# ---------------------------------------------------------------------------------------------- helpers

is_root() { [[ $(id -u) == 0 ]]; }

# as_user USER CMD...: runs CMD as USER when we are allowed to without a password.
as_user() {
  local user=$1
  shift
  if [[ $(id -un) == "$user" ]]; then "$@"
  elif is_root; then runuser -u "$user" -- "$@"
  elif have sudo && sudo -n true 2>/dev/null; then sudo -n -u "$user" -- "$@"
  else return 1
  fi
}

docker_ok() {
  [[ "${WAAS_NO_DOCKER:-}" != 1 ]] && have docker && timeout 10 docker info >/dev/null 2>&1 || return 1
  docker compose version >/dev/null 2>&1 || have docker-compose
}

compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose -f "$WAAS_ROOT/docker-compose.yml" "$@"
  else
    docker-compose -f "$WAAS_ROOT/docker-compose.yml" "$@"
  fi
}

# compose_up SERVICE: starts one compose service and waits for its healthcheck.
compose_up() {
  log "starting $1 with docker compose"
  compose up -d --wait "$1" || compose up -d "$1" || die "docker compose up $1 failed"
}

APT_UPDATED=
apt_install() {
  is_root || die "cannot install $* without root; install it yourself or point the WAAS_* variables at running servers"
  have apt-get || die "no apt-get here: install $* yourself, run a Docker engine, or point the WAAS_* variables at running servers"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (e.g. started by someone else on this machine) holds the lock: wait for it, don't fight it.
  if pgrep -x 'apt-get|apt|dpkg|unattended-upgr' >/dev/null; then
    log "another apt/dpkg run is in progress; waiting for it (up to 10 min)"
    wait_until 600 "apt/dpkg to finish" bash -c '! pgrep -x "apt-get|apt|dpkg|unattended-upgr" >/dev/null' ||
      die "apt/dpkg is still busy"
  fi
  local apt=(apt-get -q -o DPkg::Lock::Timeout=600)
  if [[ -z "$APT_UPDATED" ]]; then
    log "apt-get update"
    "${apt[@]}" update >/dev/null || die "apt-get update failed"
    APT_UPDATED=1
  fi
  log "apt-get install $* (this takes a minute)"
  "${apt[@]}" install -y "$@" >/tmp/waas-apt-install.log 2>&1 ||
    { tail -n 30 /tmp/waas-apt-install.log >&2; die "apt-get install $* failed (log: /tmp/waas-apt-install.log)"; }
}

# ------------------------------------------------------------------------------------------- PostgreSQL

pg_reachable() {
  if have pg_isready; then
    pg_isready -q -t 3 -h "$WAAS_PG_HOST" -p "$WAAS_PG_PORT"
  else
    tcp_open "$WAAS_PG_HOST" "$WAAS_PG_PORT"
  fi
}

# pg_user_ok DB: user waas logs in with its password over TCP and owns DB (so it may create schemas there).
pg_user_ok() {
  local out
  out=$(PGPASSWORD="$WAAS_PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -At -w -h "$WAAS_PG_HOST" -p "$WAAS_PG_PORT" \
    -U "$WAAS_PG_USER" -d "$1" -c \
    "select pg_get_userbyid(datdba) = current_user and has_database_privilege(datname, 'CREATE')
       from pg_database where datname = current_database()" 2>&1) || { PG_LAST_ERROR=$out; return 1; }
  [[ "$out" == t ]] || { PG_LAST_ERROR="$WAAS_PG_USER does not own database $1"; return 1; }
}

pg_all_ok() {
  local db
  for db in "${PG_DATABASES[@]}"; do pg_user_ok "$db" || return 1; done
}

# Superuser psql over the local socket of the cluster on WAAS_PG_PORT.
pg_admin() { as_user postgres psql -X -q -v ON_ERROR_STOP=1 -p "$WAAS_PG_PORT" -d postgres "$@"; }

pg_can_admin() {
  is_local_host "$WAAS_PG_HOST" && have psql && pg_admin -Atc 'select 1' >/dev/null 2>&1
}

pg_provision() {
  log "provisioning PostgreSQL: role $WAAS_PG_USER, databases ${PG_DATABASES[*]}"
  # psql variables (:'x' literal, :"x" identifier) keep names and the password safely quoted.
  local sql args=(-v "user=$WAAS_PG_USER" -v "pass=$WAAS_PG_PASSWORD") i=0 db
  sql="select format('create role %I login', :'user')
         where not exists (select 1 from pg_roles where rolname = :'user') \\gexec
       alter role :\"user\" with login password :'pass';
"
  for db in "${PG_DATABASES[@]}"; do
    args+=(-v "db$i=$db")
    sql+="select format('create database %I owner %I', :'db$i', :'user')
            where not exists (select 1 from pg_database where datname = :'db$i') \\gexec
          alter database :\"db$i\" owner to :\"user\";
          grant all privileges on database :\"db$i\" to :\"user\";
"
    i=$((i + 1))
  done
  pg_admin "${args[@]}" <<<"$sql" >/dev/null || die "provisioning PostgreSQL failed"
}

pg_start_local() {
  if ! have pg_lsclusters || ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    apt_install postgresql
  fi
  is_root || as_user postgres true || die "need root (or the postgres user) to start a local PostgreSQL"
  local ver name status
  read -r ver name status < <(pg_lsclusters -h | awk -v p="$WAAS_PG_PORT" '$3 == p { print $1, $2, $4; exit }') || true
  if [[ -z "${ver:-}" ]]; then
    ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
    name=main
    pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main" { found = 1 } END { exit !found }' && name=waas
    log "creating PostgreSQL $ver cluster '$name' on port $WAAS_PG_PORT"
    pg_createcluster "$ver" "$name" -p "$WAAS_PG_PORT" >/dev/null || die "pg_createcluster failed"
    status=down
  fi
  if [[ "$status" != online* ]]; then
    # ./run.sh and ./test.sh (eight services each, with their connection pools) share this server.
    local max
    max=$(pg_conftool -s "$ver" "$name" show max_connections 2>/dev/null || echo 100)
    if [[ "$max" =~ ^[0-9]+$ ]] && ((max < 300)); then
      pg_conftool "$ver" "$name" set max_connections 300 || log "could not raise max_connections (stays $max)"
    fi
    log "starting PostgreSQL $ver/$name"
    pg_ctlcluster "$ver" "$name" start ||
      { tail -n 20 "/var/log/postgresql/postgresql-$ver-$name.log" >&2 2>/dev/null; die "PostgreSQL $ver/$name did not start"; }
  fi
  wait_until 60 "PostgreSQL on $WAAS_PG_HOST:$WAAS_PG_PORT" pg_reachable || die "PostgreSQL does not answer"
}

ensure_postgres() {
  local where="$WAAS_PG_HOST:$WAAS_PG_PORT"
  if pg_reachable; then
    log "PostgreSQL answers at $where"
  elif ! is_local_host "$WAAS_PG_HOST"; then
    die "PostgreSQL at $where does not answer; it is not local, so start it there or change WAAS_PG_HOST/WAAS_PG_PORT"
  elif docker_ok; then
    compose_up postgres
    wait_until 60 "PostgreSQL on $where" pg_reachable || die "PostgreSQL container does not answer on $where"
  else
    pg_start_local
  fi

  if ! have psql; then
    log "no psql client here: cannot check the login for $WAAS_PG_USER (assuming the server was provisioned)"
    return
  fi
  PG_LAST_ERROR=
  if pg_all_ok; then return; fi
  if pg_can_admin; then
    pg_provision
    pg_all_ok || die "after provisioning, $WAAS_PG_USER still cannot log in over TCP at $where: $PG_LAST_ERROR
(check pg_hba.conf allows scram-sha-256/md5 for host connections from 127.0.0.1/::1)"
  else
    die "PostgreSQL at $where: $WAAS_PG_USER cannot use ${PG_DATABASES[*]} ($PG_LAST_ERROR), and there are no local admin rights to fix it.
Create role $WAAS_PG_USER (password from WAAS_PG_PASSWORD) owning databases ${PG_DATABASES[*]}."
  fi
}

# --------------------------------------------------------------------------------------------- RabbitMQ

rabbit_reachable() { tcp_open "$WAAS_RABBIT_HOST" "$WAAS_RABBIT_PORT"; }

# rabbitmqctl (and rabbitmq-plugins) switch to the rabbitmq user themselves when run as root.
rabbitctl() {
  if is_root || [[ $(id -un) == rabbitmq ]]; then rabbitmqctl "$@"
  elif have sudo && sudo -n true 2>/dev/null; then sudo -n rabbitmqctl "$@"
  else return 1
  fi
}

# Local admin rights: rabbitmqctl can talk to the node (it may be absent, or the port may be a container's).
rabbit_can_admin() {
  is_local_host "$WAAS_RABBIT_HOST" && have rabbitmqctl && rabbitctl -q ping >/dev/null 2>&1
}

# True when the user authenticates and has configure/write/read ".*" on every vhost.
rabbit_all_ok() {
  rabbitctl -q authenticate_user "$WAAS_RABBIT_USER" "$WAAS_RABBIT_PASSWORD" >/dev/null 2>&1 || return 1
  local perms v
  perms=$(rabbitctl -q list_user_permissions --no-table-headers "$WAAS_RABBIT_USER" 2>/dev/null) || return 1
  for v in "${RABBIT_VHOSTS[@]}"; do
    awk -F'\t' -v v="$v" '$1 == v && $2 == ".*" && $3 == ".*" && $4 == ".*" { ok = 1 } END { exit !ok }' <<<"$perms" || return 1
  done
}

rabbit_provision() {
  log "provisioning RabbitMQ: user $WAAS_RABBIT_USER, vhosts ${RABBIT_VHOSTS[*]}"
  local users vhosts v
  users=$(rabbitctl -q list_users --no-table-headers | cut -f1)
  if grep -qxF "$WAAS_RABBIT_USER" <<<"$users"; then
    rabbitctl -q change_password "$WAAS_RABBIT_USER" "$WAAS_RABBIT_PASSWORD" >/dev/null
  else
    rabbitctl -q add_user "$WAAS_RABBIT_USER" "$WAAS_RABBIT_PASSWORD" >/dev/null
  fi
  # administrator: lets the same login use the management UI to inspect and replay error queues.
  rabbitctl -q set_user_tags "$WAAS_RABBIT_USER" administrator >/dev/null
  vhosts=$(rabbitctl -q list_vhosts --no-table-headers | cut -f1)
  for v in "${RABBIT_VHOSTS[@]}"; do
    grep -qxF "$v" <<<"$vhosts" || rabbitctl -q add_vhost "$v" >/dev/null
    rabbitctl -q set_permissions -p "$v" "$WAAS_RABBIT_USER" '.*' '.*' '.*' >/dev/null
  done
}

rabbit_enable_management() {
  [[ "${WAAS_RABBIT_MANAGEMENT:-1}" == 1 ]] || return 0
  grep -qs rabbitmq_management /etc/rabbitmq/enabled_plugins && return 0
  log "enabling the rabbitmq_management plugin (UI on http://localhost:15672)"
  if [[ "${1:-}" == offline ]]; then
    rabbitmq-plugins -q enable --offline rabbitmq_management >/dev/null
  else
    rabbitmq-plugins -q enable rabbitmq_management >/dev/null
  fi || log "could not enable rabbitmq_management (optional, carrying on)"
}

rabbit_start_local() {
  have rabbitmq-server || apt_install rabbitmq-server
  is_root || die "need root to start a local RabbitMQ"
  [[ "$WAAS_RABBIT_PORT" == 5672 ]] ||
    die "a local RabbitMQ listens on 5672, but WAAS_RABBIT_PORT=$WAAS_RABBIT_PORT; start one on that port yourself"
  # The node is named rabbit@<hostname>; an unresolvable hostname makes it fail to boot.
  if ! getent hosts "$(hostname)" >/dev/null; then
    log "hostname $(hostname) does not resolve; adding it to /etc/hosts for RabbitMQ"
    echo "127.0.1.1 $(hostname)" >>/etc/hosts
  fi
  rabbit_enable_management offline
  log "starting RabbitMQ (10-30 s)"
  if ! { have service && service rabbitmq-server start >/dev/null 2>&1; }; then
    log "'service rabbitmq-server start' did not work; starting it detached"
    rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  wait_until 90 "RabbitMQ on $WAAS_RABBIT_HOST:$WAAS_RABBIT_PORT" rabbit_reachable ||
    { tail -n 30 /var/log/rabbitmq/*.log >&2 2>/dev/null; die "RabbitMQ did not start"; }
  rabbitctl -q await_startup --timeout 60 >/dev/null 2>&1 || true
}

ensure_rabbit() {
  local where="$WAAS_RABBIT_HOST:$WAAS_RABBIT_PORT"
  if rabbit_reachable; then
    log "RabbitMQ answers at $where"
  elif ! is_local_host "$WAAS_RABBIT_HOST"; then
    die "RabbitMQ at $where does not answer; it is not local, so start it there or change WAAS_RABBIT_HOST/WAAS_RABBIT_PORT"
  elif docker_ok; then
    compose_up rabbitmq
    wait_until 90 "RabbitMQ on $where" rabbit_reachable || die "RabbitMQ container does not answer on $where"
    return # docker-compose.yml provisions user and vhosts itself
  else
    rabbit_start_local
  fi

  if is_local_host "$WAAS_RABBIT_HOST" && have rabbitmqctl && rabbit_all_ok; then
    rabbit_enable_management
  elif rabbit_can_admin; then
    rabbit_provision
    rabbit_all_ok || die "after provisioning, RabbitMQ user $WAAS_RABBIT_USER still lacks access to ${RABBIT_VHOSTS[*]}"
    rabbit_enable_management
  else
    log "no local admin rights on RabbitMQ at $where: assuming user $WAAS_RABBIT_USER and vhosts ${RABBIT_VHOSTS[*]} exist"
  fi
}

# ------------------------------------------------------------------------------------------------- main

# Classic queues left from before quorum queues were the default (WAAS_RABBIT_QUORUM): RabbitMQ refuses to redeclare them.
migrate_queues() {
  [[ "${WAAS_RABBIT_QUORUM:-true}" != false ]] || return 0
  if ! { is_local_host "$WAAS_RABBIT_HOST" && rabbit_can_admin; }; then
    log "no rabbitmqctl for RabbitMQ at $WAAS_RABBIT_HOST:$WAAS_RABBIT_PORT: not checking for classic queues (a process that" \
      "fails with PRECONDITION_FAILED \"inequivalent arg 'x-queue-type'\" names one to delete: infra/quorum-queues.sh)"
    return 0
  fi
  local app=() v
  for v in "${RABBIT_VHOSTS[@]}"; do
    [[ " ${TEST_VHOSTS[*]} " == *" $v "* ]] || app+=("$v")
  done
  "$WAAS_ROOT/infra/quorum-queues.sh" --test "${TEST_VHOSTS[@]}"
  "$WAAS_ROOT/infra/quorum-queues.sh" "${app[@]}"
}

started=$SECONDS
ensure_postgres
ensure_rabbit
migrate_queues
log "ready in $((SECONDS - started))s"
echo "PostgreSQL: $WAAS_PG_HOST:$WAAS_PG_PORT (user $WAAS_PG_USER, databases ${PG_DATABASES[*]})"
echo "RabbitMQ:   $WAAS_RABBIT_HOST:$WAAS_RABBIT_PORT (user $WAAS_RABBIT_USER, vhosts ${RABBIT_VHOSTS[*]})"

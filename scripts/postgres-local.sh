#!/usr/bin/env bash
# A local PostgreSQL for the scale-out profile: installs the OS package if missing, creates a cluster under
# ${PGDATA:-./data/postgres} on 127.0.0.1:${PGPORT:-5433}, user clipflow/clipflow, databases camunda, clipflow_ds0,
# clipflow_ds1. Idempotent. Stop it with: scripts/postgres-local.sh stop (the same PGPORT and PGDATA)
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-5433}
PGDATA=$(realpath -m "${PGDATA:-$PWD/data/postgres}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  source scripts/lib.sh
  ensure_postgresql
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ "${1:-}" = "stop" ]; then
  as_pg "$bin/pg_ctl -D '$PGDATA' stop -m fast"
  exit 0
fi
mkdir -p "$PGDATA"
[ "$(id -u)" -eq 0 ] && chown -R postgres "$PGDATA" && chmod 700 "$PGDATA"
[ -f "$PGDATA/PG_VERSION" ] || as_pg "$bin/initdb -D '$PGDATA' -U postgres -A trust >/dev/null"
if ! as_pg "$bin/pg_ctl -D '$PGDATA' status" >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl -D '$PGDATA' -l '$PGDATA/server.log' -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1' -w start" >/dev/null
fi
psql() { command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
[ "$(psql -c "SELECT 1 FROM pg_roles WHERE rolname='clipflow'")" = 1 ] \
  || psql -c "CREATE ROLE clipflow LOGIN PASSWORD 'clipflow'"
for db in camunda clipflow_ds0 clipflow_ds1; do
  [ "$(psql -c "SELECT 1 FROM pg_database WHERE datname='$db'")" = 1 ] || psql -c "CREATE DATABASE $db OWNER clipflow"
done
echo "PostgreSQL on 127.0.0.1:$PGPORT: databases camunda, clipflow_ds0, clipflow_ds1 (user clipflow)"

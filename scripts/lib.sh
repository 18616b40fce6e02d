# Shared by ./run, ./test and the scripts.
ensure_redis_server() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server is missing: installing it from the OS packages..."
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
  fi
}

# PostgreSQL's server binaries (initdb, pg_ctl) for the cluster harness and scripts/postgres-local.sh
ensure_postgresql() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "PostgreSQL is missing: installing it from the OS packages..."
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
}

# Shared by ./run, ./test and the scripts.
apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_redis_server() {
  # redis-cli (package redis-tools, a dependency of redis-server) joins the test suite's Redis Cluster
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    echo "redis-server is missing: installing it from the OS packages..."
    apt_install redis-server redis-tools
  fi
}

# The browser tests drive Debian's chromium through its chromium-driver (nothing is downloaded by the tests).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "chromium or chromium-driver is missing: installing them from the OS packages..."
    apt_install chromium chromium-driver
  fi
}

# PostgreSQL's server binaries (initdb, pg_ctl) for the cluster harness and scripts/postgres-local.sh
ensure_postgresql() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "PostgreSQL is missing: installing it from the OS packages..."
    apt_install postgresql
  fi
}

# Shared by ./run and ./test.
ensure_redis_server() {
  # redis-cli (package redis-tools, a dependency of redis-server) joins the test suite's Redis Cluster
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    echo "redis-server is missing: installing it from the OS packages..."
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server redis-tools >/dev/null
  fi
}

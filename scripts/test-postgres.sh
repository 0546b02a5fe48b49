#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store conformance tests: a new cluster in a temporary
# directory, owned by the `postgres` system user when run as root, listening on 127.0.0.1 on a
# free port (its unix socket in that directory), with one database, `watchfloor`, that the tests
# use to create a fresh database each. Durability is off (fsync, synchronous_commit): nothing
# here outlives the test run. `start --durable` leaves them at the server's defaults (on), for
# benchmarks whose figures must be those of a real server.
#
#   scripts/test-postgres.sh start [--durable]
#                                          start one; prints `export WATCHFLOOR_TEST_POSTGRES=...`
#                                          and `export WATCHFLOOR_TEST_POSTGRES_DIR=...` for eval
#   scripts/test-postgres.sh url [DIR]     print the server's URL
#   scripts/test-postgres.sh stop [DIR]    stop it and remove its directory
#   scripts/test-postgres.sh restart [DIR] restart it (fast: clients are disconnected) on the same
#                                          port and data directory, as an operator's restart would
#   scripts/test-postgres.sh run CMD...    start one, run CMD with the variables set, stop it
#                                          (also when CMD fails or is interrupted); CMD's status
#
# DIR defaults to $WATCHFLOOR_TEST_POSTGRES_DIR. Installs the `postgresql` package when no
# server binaries are found (needs root or sudo).
set -euo pipefail

say() { echo "test-postgres: $*" >&2; }

# The newest installed server's binaries.
server_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

install_server() {
  say "installing postgresql"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port the kernel says is free; without python3 (a bare machine), a random high one: a port
# already taken only makes that start attempt fail, and start tries again.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 40000))
  fi
}

start() {
  local bin dir port password url
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off" durable="not durable: fsync and synchronous_commit off"
  case "${1:-}" in
    --durable) durability="" durable="durable: fsync and synchronous_commit on" ;;
    "") ;;
    *) say "start takes only --durable"; exit 2 ;;
  esac
  bin=$(server_bin) || { install_server; bin=$(server_bin) || { say "no initdb under /usr/lib/postgresql after installing postgresql"; exit 1; }; }
  # As root the server runs as `postgres`, who must reach the directory: /tmp, not $TMPDIR.
  local parent=${TMPDIR:-/tmp}
  [ "$(id -u)" = 0 ] && parent=/tmp
  dir=$(mktemp -d "$parent/watchfloor-pg.XXXXXX")
  touch "$dir/.watchfloor-test-postgres"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" > "$dir/pwfile"
  chmod 700 "$dir"
  chmod 600 "$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"

  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --no-sync \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir/pwfile" >"$dir/initdb.log" 2>&1; then
    say "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1
  fi
  rm -f "$dir/pwfile"

  # A port found free can be taken before the server binds it: try a few.
  local attempt started=""
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=200" \
        start >/dev/null; then
      started=yes; break
    fi
  done
  if [ -z "$started" ]; then
    say "the server did not start; its log:"; tail -n 20 "$dir/server.log" >&2; rm -rf "$dir"; exit 1
  fi
  as_owner "$bin/createdb" -h "$dir" -p "$port" -U postgres watchfloor

  url="postgres://postgres:$password@127.0.0.1:$port/watchfloor"
  printf '%s\n' "$url" > "$dir/url"
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port in $dir ($durable)"
  printf "export WATCHFLOOR_TEST_POSTGRES='%s'\n" "$url"
  printf "export WATCHFLOOR_TEST_POSTGRES_DIR='%s'\n" "$dir"
}

# The directory given, or the one in the environment; only one this script made.
cluster_dir() {
  local dir=${1:-${WATCHFLOOR_TEST_POSTGRES_DIR:-}}
  [ -n "$dir" ] || { say "which server? pass its directory or set WATCHFLOOR_TEST_POSTGRES_DIR"; exit 2; }
  [ -f "$dir/.watchfloor-test-postgres" ] || { say "$dir is not a server this script started"; exit 2; }
  echo "$dir"
}

stop() {
  local dir bin
  dir=$(cluster_dir "${1:-}")
  bin=$(server_bin || true)
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bin" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || say "pg_ctl stop failed; removing $dir anyway"
  fi
  rm -rf "$dir"
  say "stopped and removed $dir"
}

restart() {
  local dir bin
  dir=$(cluster_dir "${1:-}")
  bin=$(server_bin) || { say "no PostgreSQL server binaries found"; exit 1; }
  # pg_ctl restart starts the server again with the options it was started with (postmaster.opts).
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >/dev/null \
    || { say "pg_ctl restart failed; its log:"; tail -n 20 "$dir/server.log" >&2; exit 1; }
  say "restarted the server in $dir"
}

run() {
  [ $# -gt 0 ] || { say "run what? scripts/test-postgres.sh run COMMAND..."; exit 2; }
  # Not `eval "$(start)"`: eval would succeed on the empty output of a start that failed.
  local exports
  exports=$(start) || { say "no server, so not running: $*"; exit 1; }
  eval "$exports"
  trap 'stop "$WATCHFLOOR_TEST_POSTGRES_DIR"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  local status=0
  "$@" || status=$?
  exit "$status"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  restart) restart "${2:-}" ;;
  url) cat "$(cluster_dir "${2:-}")/url" ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 start | stop [DIR] | restart [DIR] | url [DIR] | run COMMAND..." >&2; exit 2 ;;
esac

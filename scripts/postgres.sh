#!/usr/bin/env bash
# A throwaway PostgreSQL server for the ledger's tests (Debian's `postgresql` package, any major version installed):
#
#   scripts/postgres.sh start    initdb in a new temporary folder, start the server on 127.0.0.1 and a free port, create
#                                the database `ponder`; prints `DATABASE_URL=postgres://…` and `POSTGRES_DIR=<folder>`
#   scripts/postgres.sh stop DIR stop the server started in DIR and remove DIR
#
# Run as root (CI), the server runs as the `postgres` user, which must own its folder; run as anyone else, as that user.
# Exits non-zero with the server's log when it cannot start: a test that needs PostgreSQL fails, it never skips.
set -euo pipefail

pgbin() {
  if [ -n "${PGBIN:-}" ]; then
    echo "$PGBIN"
    return
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "$dir"
}

# Runs a server binary as the user who owns the data folder.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin dir port
  bin="$(pgbin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/commonweal-postgres.XXXXXX")"
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    echo "postgres.sh: initdb failed in $dir" >&2
    exit 1
  }
  # A free port: nothing answers on it now. Another process may take it first; pg_ctl then fails and we try the next.
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "create database ponder" >/dev/null
      echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/ponder"
      echo "POSTGRES_DIR=$dir"
      return
    fi
  done
  cat "$dir/log" >&2 || true
  echo "postgres.sh: the server in $dir did not start" >&2
  exit 1
}

stop() {
  local dir="${1:?usage: scripts/postgres.sh stop <POSTGRES_DIR>}"
  if [ ! -d "$dir/data" ]; then
    echo "postgres.sh: $dir holds no server" >&2
    exit 1
  fi
  as_owner "$(pgbin)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: scripts/postgres.sh start | stop <POSTGRES_DIR>" >&2
    exit 2
    ;;
esac

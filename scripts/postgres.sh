#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 (+PostGIS) cluster for the tests, on 127.0.0.1 only.
#   scripts/postgres.sh start   -> prints the connection string on stdout
#   scripts/postgres.sh stop
#   scripts/postgres.sh status  -> exit 0 when the cluster is running
# The tests' cluster runs with fsync=off (throwaway data, faster tests). Benchmarks that claim "durably stored" need
# JSMS_PG_DURABLE=1: fsync on, as a production server (bench/ prints what the server it measured had).
# Installs the Debian packages when missing. No systemd here: pg_ctl runs as user postgres.
set -euo pipefail
PGPORT=${JSMS_PG_PORT:-55432}
PGDIR=${JSMS_PG_DIR:-/tmp/jsms-pg}
FSYNC=$([ "${JSMS_PG_DURABLE:-0}" = 1 ] && echo on || echo off)
BIN=/usr/lib/postgresql/15/bin
cmd=${1:-start}

install() {
  if [ ! -x "$BIN/pg_ctl" ] || [ ! -d /usr/share/postgresql/15/extension ] || ! ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1; then
    echo "installing PostgreSQL 15 and PostGIS..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-15-postgis-3) >&2
  fi
}

# The first port from $1 on which nothing listens on 127.0.0.1.
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do
    echo "port $p is taken, trying $((p + 1))" >&2
    p=$((p + 1))
  done
  echo "$p"
}

case "$cmd" in
  start)
    install
    if runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
      echo "Host=127.0.0.1;Port=$(cat "$PGDIR/port" 2>/dev/null || echo "$PGPORT");Username=jsms;Password=jsms;Database=postgres"
      exit 0
    fi
    # Two attempts. The second takes the next free port and keeps dynamic shared memory in the data folder rather
    # than /dev/shm: a CI machine may already have something on the port or a small or read-only /dev/shm.
    for attempt in 1 2; do
      port=$(free_port "$PGPORT")
      extra=""
      [ "$attempt" = 2 ] && extra="-c dynamic_shared_memory_type=mmap -c shared_buffers=32MB"
      rm -rf "$PGDIR"
      mkdir -p "$PGDIR/data" "$PGDIR/sock"
      chown -R postgres:postgres "$PGDIR"
      runuser -u postgres -- "$BIN/initdb" -D "$PGDIR/data" -A trust -U postgres >/dev/null
      if runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 180 \
          -o "-p $port -c listen_addresses=127.0.0.1 -k $PGDIR/sock -c fsync=$FSYNC -c max_connections=200 $extra" \
          start >/dev/null; then
        echo "$port" > "$PGDIR/port"
        runuser -u postgres -- psql -h "$PGDIR/sock" -p "$port" -U postgres -qc \
          "CREATE ROLE jsms LOGIN SUPERUSER PASSWORD 'jsms';" >/dev/null
        echo "Host=127.0.0.1;Port=$port;Username=jsms;Password=jsms;Database=postgres"
        exit 0
      fi
      echo "PostgreSQL did not start on port $port (attempt $attempt); its log:" >&2
      tail -n 30 "$PGDIR/log" >&2 || true
      runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
    done
    exit 1
    ;;
  stop)
    if [ -d "$PGDIR/data" ]; then
      runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    ;;
  status)
    [ -x "$BIN/pg_ctl" ] && [ -d "$PGDIR/data" ] && runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|status" >&2
    exit 2
    ;;
esac

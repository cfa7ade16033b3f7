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

case "$cmd" in
  start)
    install
    if runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
      echo "Host=127.0.0.1;Port=$PGPORT;Username=jsms;Password=jsms;Database=postgres"
      exit 0
    fi
    rm -rf "$PGDIR"
    mkdir -p "$PGDIR/data" "$PGDIR/sock"
    chown -R postgres:postgres "$PGDIR"
    runuser -u postgres -- "$BIN/initdb" -D "$PGDIR/data" -A trust -U postgres >/dev/null
    runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
      -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDIR/sock -c fsync=$FSYNC -c max_connections=200" start >/dev/null
    runuser -u postgres -- psql -h "$PGDIR/sock" -p "$PGPORT" -U postgres -qc \
      "CREATE ROLE jsms LOGIN SUPERUSER PASSWORD 'jsms';" >/dev/null
    echo "Host=127.0.0.1;Port=$PGPORT;Username=jsms;Password=jsms;Database=postgres"
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

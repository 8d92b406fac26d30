#!/usr/bin/env bash
# Source this file: starts a throw-away PostgreSQL on 127.0.0.1 for the store tests and
# exports CIRCULARS_TEST_PG_URL (the tests skip PostgreSQL, with a message, when it is unset).
# Needs root and Debian's postgresql package (scripts/bootstrap.sh installs it).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "${CIRCULARS_TEST_PG_URL:-}" ] && [ -n "$pg_bin" ] && [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
  pg_dir=$(mktemp -d /tmp/circulars-pg.XXXXXX)
  chown postgres "$pg_dir"
  # the first free port from 54329 (several test runs may share the machine)
  pg_port=54329
  while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  if su postgres -s /bin/sh -c "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 >'$pg_dir/initdb.log' 2>&1 \
      && '$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 60 \
         -o \"-c listen_addresses=127.0.0.1 -p $pg_port -k '$pg_dir' -c fsync=off\" start >/dev/null"; then
    export CIRCULARS_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/postgres"
    trap "su postgres -s /bin/sh -c \"'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop\" >/dev/null 2>&1 || true; rm -rf '$pg_dir'" EXIT
  else
    echo "test: PostgreSQL did not start; the PostgreSQL store tests will be skipped" >&2
    tail -n 20 "$pg_dir"/*.log >&2 || true
  fi
fi

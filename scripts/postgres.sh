#!/usr/bin/env bash
# Sourced by scripts/test.sh: a throwaway PostgreSQL for the test suite on the machine's own
# PostgreSQL server (Debian's cluster, started here if it is down). Makes a role that may create
# databases and exports DIANCA_TEST_POSTGRES (each test makes its own database with it);
# `pg_test_stop` drops those databases and the role, and stops the cluster if it started it.

pg_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

pg_test_start() {
  if ! command -v pg_lsclusters >/dev/null || ! command -v psql >/dev/null; then
    printf '\n!! PostgreSQL is not installed: the PostgreSQL run of the suite is SKIPPED !!\n\n'
    return 1
  fi
  # The newest cluster: version, name, port, status.
  read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ < <(pg_lsclusters -h | sort -V | tail -1)
  if [ -z "${PG_CLUSTER:-}" ]; then
    printf '\n!! No PostgreSQL cluster on this machine: the PostgreSQL run is SKIPPED !!\n\n'
    return 1
  fi
  PG_STARTED_HERE=0
  if [ "$PG_STATUS" != online ]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
    PG_STARTED_HERE=1
  fi
  for _ in $(seq 1 50); do
    pg_as_postgres psql -p "$PG_PORT" -qAtc 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.2
  done
  PG_ROLE="dianca_test_$$"
  local password
  password="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  pg_as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -q <<SQL
CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $PG_ROLE OWNER $PG_ROLE;
SQL
  export DIANCA_TEST_POSTGRES="postgres://$PG_ROLE:$password@127.0.0.1:$PG_PORT/$PG_ROLE"
  echo "PostgreSQL $(pg_as_postgres psql -p "$PG_PORT" -qAtc 'SHOW server_version') (cluster $PG_VERSION/$PG_CLUSTER, port $PG_PORT), throwaway role $PG_ROLE"
}

pg_test_stop() {
  [ -n "${PG_ROLE:-}" ] || return 0
  local dbs
  dbs="$(pg_as_postgres psql -p "$PG_PORT" -qAtc \
    "SELECT datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '$PG_ROLE')")"
  for db in $dbs; do
    pg_as_postgres psql -p "$PG_PORT" -qc "DROP DATABASE \"$db\" WITH (FORCE)" >/dev/null
  done
  pg_as_postgres psql -p "$PG_PORT" -qc "DROP ROLE $PG_ROLE" >/dev/null
  echo "dropped $(echo "$dbs" | grep -c . || true) throwaway PostgreSQL databases and role $PG_ROLE"
  unset DIANCA_TEST_POSTGRES PG_ROLE
  if [ "${PG_STARTED_HERE:-0}" = 1 ]; then pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop; fi
}

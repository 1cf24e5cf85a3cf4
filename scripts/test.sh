#!/usr/bin/env bash
# Every test: formatting and lints, the wasm dependency check, unit and integration tests over
# real HTTP, the release build, and the browser tests (Chromium) against the release server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
step() { printf '\n== test: %s\n' "$*"; }

step "formatting (cargo fmt --check)"
cargo fmt --all --check

step "the browser build has no server-only crates"
scripts/check-wasm-deps.sh

step "lints (clippy -D warnings) for the server and the wasm build"
cargo clippy -p app -p server --all-targets --features app/ssr -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "unit and integration tests on SQLite (real database files, real HTTP)"
cargo test -p app -p server --features app/ssr

step "the store suite and the HTTP tests again on PostgreSQL (a throwaway role and databases)"
source scripts/postgres.sh
if pg_test_start; then
  trap 'pg_test_stop' EXIT
  cargo test -p server --features app/ssr
  pg_test_stop
  trap - EXIT
  echo "store suite and HTTP tests passed on SQLite and on PostgreSQL"
fi

step "release build (cargo leptos, wasm-opt)"
cargo leptos build --release

step "start the release server on a throwaway database"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite://$work/portal.db"
# Throwaway staff accounts for the browser tests, in the throwaway database only.
export E2E_PASSWORD="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
target/release/server demo-load >/dev/null
DIANCA_NEW_PASSWORD="$E2E_PASSWORD" target/release/server staff-add --username housing \
  --role department --department 市住房城乡建设委 >/dev/null
DIANCA_NEW_PASSWORD="$E2E_PASSWORD" target/release/server staff-add --username editor --role editor >/dev/null
DIANCA_NEW_PASSWORD="$E2E_PASSWORD" target/release/server staff-add --username admin --role admin >/dev/null
DIANCA_NEW_PASSWORD="$E2E_PASSWORD" target/release/server staff-add --username moderator --role moderator >/dev/null
# One paper voting code for the browser test of verified ballots.
export E2E_VOTING_CODE="$(target/release/server voting-codes --cycle 2027-annual --district 朝阳区 --count 1 2>/dev/null)"
# Every browser test votes from 127.0.0.1, one network: the suites cast ballots from 8 devices in
# 2027-annual (vote, resident, journeys) and expect them counted, beyond the default allowance of
# 5 devices per network per day (held for review after that). The browser server allows 30; the
# HTTP tests (server/tests/integration/hardening_ballots.rs) check the default.
# The same one network draws every chart the suites look at, in every width, theme and
# language, within minutes: beyond the default allowance of new drawings per network
# (server/tests/integration/hardening_charts.rs checks the default mechanism).
DIANCA_PER_NETWORK_DAY=30 DIANCA_CHART_RENDERS_PER_MINUTE=100000 LEPTOS_SITE_ROOT=target/site \
  target/release/server serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }
step "the OpenAPI document validates (openapi-spec-validator)"
curl -fsS "http://127.0.0.1:$port/api/openapi.json" -o "$work/openapi.json"
python3 -c 'import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print("OpenAPI 3 document is valid")' "$work/openapi.json"

# Generated cases from that document (a bounded number per operation): no 5xx, every answer
# documented (status, content type, schema). The read operations run now; the ballot endpoint
# casts ballots, so it runs after the browser tests, which count theirs.
schemathesis_run() {
  (cd scripts && schemathesis --config-file schemathesis.toml run "http://127.0.0.1:$port/api/openapi.json" \
    --checks all --max-examples 25 --seed 14 --generation-database none --workers 2 --no-color "$@")
}
step "API cases from the OpenAPI document (schemathesis), read operations"
schemathesis_run --exclude-method POST

step "browser tests (Playwright + Debian Chromium, 360 px and 1280 px)"
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test) || { echo "-- server log:"; tail -50 "$work/server.log"; exit 1; }

step "API cases from the OpenAPI document (schemathesis), the ballot endpoint"
schemathesis_run --include-method POST

printf '\n== test: all suites passed\n'

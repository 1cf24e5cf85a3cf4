#!/usr/bin/env bash
# Every test: formatting and lints, the wasm dependency check, unit and integration tests over
# real HTTP on SQLite and PostgreSQL, the release wasm, and the browser tests (Chromium) and
# API cases against a server on a throwaway database. Each step's time is printed at the end.
#
# The browser tests' server is the debug binary the Rust tests already compiled, serving the
# release wasm and CSS: the server is compiled twice (clippy's check, the test build), not three
# times. DIANCA_E2E_BUILD=release builds and uses the release server instead (as `make run`
# serves), the way the two were compared in docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh
source scripts/target-dir.sh
source scripts/postgres.sh
source scripts/e2e-server.sh
source scripts/lints.sh

step "setup (scripts/setup.sh: what is missing) and the build folder"
source scripts/setup.sh
target_dir_guard

steps_format

step "the browser build has no server-only crates"
scripts/check-wasm-deps.sh

steps_clippy

step "unit and integration tests on SQLite (real database files, real HTTP)"
cargo test -p app -p server --features app/ssr

step "the store suite and the HTTP tests again on PostgreSQL (a throwaway role and databases)"
if pg_test_start; then
  on_exit 'pg_test_stop'
  cargo test -p server --features app/ssr
  pg_test_stop
  echo "store suite and HTTP tests passed on SQLite and on PostgreSQL"
fi

if [ "${DIANCA_E2E_BUILD:-debug}" = release ]; then
  step "release build (cargo leptos, wasm-opt), server and wasm"
  cargo leptos build --release
  server_bin="$(target_dir)/release/server"
else
  step "release wasm and CSS (cargo leptos --frontend-only, wasm-opt)"
  cargo leptos build --release --frontend-only
  # The debug server `cargo test` built for the integration tests. (`cargo build -p server`
  # would compile sqlx, app and server again: without the dev-dependencies, cargo unifies
  # other features.)
  server_bin="$(target_dir)/debug/server"
fi

step "start the browser tests' server on a throwaway database ($server_bin)"
e2e_server_start "$server_bin"

step "the OpenAPI document validates (openapi-spec-validator)"
curl -fsS "$E2E_BASE_URL/api/openapi.json" -o "$E2E_WORK/openapi.json"
python3 -c 'import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print("OpenAPI 3 document is valid")' "$E2E_WORK/openapi.json"

# Generated cases from that document (a bounded number per operation): no 5xx, every answer
# documented (status, content type, schema). The read operations run now; the ballot endpoint
# casts ballots, so it runs after the browser tests, which count theirs.
schemathesis_run() {
  (cd scripts && schemathesis --config-file schemathesis.toml run "$E2E_BASE_URL/api/openapi.json" \
    --checks all --max-examples 25 --seed 14 --generation-database none --workers 2 --no-color "$@")
}
step "API cases from the OpenAPI document (schemathesis), read operations"
schemathesis_run --exclude-method POST

step "browser tests (Playwright + Debian Chromium, 360 px and 1280 px)"
e2e_run

step "API cases from the OpenAPI document (schemathesis), the ballot endpoint"
schemathesis_run --include-method POST

printf '\n== test: all suites passed\n'

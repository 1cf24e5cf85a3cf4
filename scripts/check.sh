#!/usr/bin/env bash
# The developer's quick loop (`make check`, `make check SPEC=vote`): formatting, both lints and
# the Rust tests on SQLite; with SPEC, also the browser specs it names (Playwright's file filter:
# `SPEC=vote`, `SPEC="vote staff"`), against the debug server and the release wasm, as in
# `make test`. What it leaves out — PostgreSQL, the other specs, schemathesis — `make test` runs,
# and CI runs that. docs/testing.md says when to use which.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >/dev/null
source scripts/target-dir.sh
STEP_PREFIX=check
source scripts/steps.sh
source scripts/e2e-server.sh
source scripts/lints.sh
target_dir_guard

steps_format

steps_clippy

step "unit and integration tests on SQLite"
cargo test -p app -p server --features app/ssr

if [ -n "${SPEC:-}" ]; then
  step "release wasm and CSS (cargo leptos --frontend-only)"
  cargo leptos build --release --frontend-only
  step "start the browser tests' server on a throwaway database"
  e2e_server_start "$(target_dir)/debug/server"
  step "browser specs: $SPEC"
  # shellcheck disable=SC2086 # several names are several filters
  e2e_run $SPEC
fi
printf '\n== check: passed (PostgreSQL, the other browser specs and the API cases run in make test)\n'

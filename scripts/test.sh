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

step "unit and integration tests (real SQLite, real HTTP)"
cargo test -p app -p server --features app/ssr

step "release build (cargo leptos, wasm-opt)"
cargo leptos build --release

step "browser tests (Playwright + Debian Chromium, 360 px and 1280 px)"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATABASE_URL="sqlite://$work/portal.db" LEPTOS_SITE_ROOT=target/site \
  target/release/server serve --addr "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; exit 1; }
(cd end2end && BASE_URL="http://127.0.0.1:$port" npx playwright test) || { echo "-- server log:"; tail -50 "$work/server.log"; exit 1; }

printf '\n== test: all suites passed\n'

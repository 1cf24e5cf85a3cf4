#!/usr/bin/env bash
# The browser build must never compile server code (DESIGN §2): list its dependency tree for
# wasm32 and fail if a server-only crate appears.
set -euo pipefail
cd "$(dirname "$0")/.."
forbidden='^(sqlx|sqlx-core|sqlx-sqlite|tokio|mio|axum|hyper|tower|tower-http|leptos_axum|argon2|rquickjs|libsqlite3-sys|server)$'
tree=$(cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)
found=$(grep -E "$forbidden" <<<"$tree" || true)
if [ -n "$found" ]; then
  echo "server-only crates in the wasm build:"; echo "$found"; exit 1
fi
echo "wasm build: $(wc -l <<<"$tree") crates, none server-only"

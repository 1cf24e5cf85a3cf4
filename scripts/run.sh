#!/usr/bin/env bash
# Builds the portal (release) and serves it at http://127.0.0.1:3000 on the embedded SQLite
# database, loading the demo dataset on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
source scripts/target-dir.sh
target_dir_guard
cargo leptos build --release
exec "$(target_dir)/release/server" serve "$@"

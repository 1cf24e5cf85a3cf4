#!/usr/bin/env bash
# The Rust part of the test command at two revisions, side by side on this machine:
#   scripts/bench-tests.sh [BEFORE [AFTER]]     (defaults: 4b11f76, HEAD)
# For each revision, in a throwaway worktree sharing one target folder: a warm-up build (not
# timed), then the rebuild after our crates change (every source of app/ and server/ touched),
# the SQLite run and, when PostgreSQL is here, the PostgreSQL run — the same cargo commands as
# scripts/test.sh. Prints one table; docs/testing.md keeps the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
before=${1:-4b11f76}
after=${2:-HEAD}
export CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
source scripts/postgres.sh

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; echo "$(date +%s.%N) - $s" | bc; }

row() {
  local rev=$1 dir
  dir=$(mktemp -d /tmp/bench-tests.XXXXXX)
  git worktree add -q --detach "$dir" "$rev"
  (
    cd "$dir"
    cargo test -p app -p server --features app/ssr --no-run >/dev/null 2>&1
    find app/src server/src -name '*.rs' -exec touch {} +
    local build sqlite pg="-"
    build=$(seconds cargo test -p app -p server --features app/ssr --no-run)
    sqlite=$(seconds cargo test -p app -p server --features app/ssr)
    if pg_test_start >/dev/null 2>&1; then
      pg=$(printf "%.0f" "$(seconds cargo test -p server --features app/ssr)")
      pg_test_stop >/dev/null 2>&1
    fi
    printf '%s\t%.0f\t%.0f\t%s\n' "$(git rev-parse --short HEAD)" "$build" "$sqlite" "$pg"
  )
  git worktree remove --force "$dir"
}

printf 'revision\trebuild s\tSQLite run s\tPostgreSQL run s\n'
row "$before"
row "$after"

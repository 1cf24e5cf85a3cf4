#!/usr/bin/env bash
# The build folder, and its guard when it lives outside the clone (sourced).
#
# Cargo keys registry crates and the workspace's own crates by a hash that does not depend on
# where the clone is, so one folder shared by every clone on a machine compiles the ~520
# dependencies once: a fresh clone recompiles only `app`, `frontend` and `server`. Set
# CARGO_TARGET_DIR to use one (`.ci/run` does: $HOME/.cache/dianca/target); unset, builds go
# to `target/` in the clone, as a newcomer's `make run` expects.
#
# The guard starts the shared folder empty when keeping it would cost more than it saves:
#   - another compiler (`rustc -vV` differs from the stamp): nothing in it could be reused;
#   - less than DIANCA_TARGET_MIN_FREE_GB (25) free on its disk: a build that fills the disk
#     fails half-way (a CI run once did);
#   - the folder over DIANCA_TARGET_MAX_GB (40): old profiles and features pile up.
# And it makes our own crates compile again when the last build there came from another clone.
# `target` is the folder every script reads the binaries from: ${CARGO_TARGET_DIR:-target}.

target_dir() { printf '%s\n' "${CARGO_TARGET_DIR:-target}"; }

# Prints why the shared folder must start empty, or nothing when it can be kept.
target_dir_stale_reason() {
  local dir=$1 stamp free_gb size_gb
  stamp=$(rustc -vV)
  if [ ! -f "$dir/.dianca-rustc" ]; then
    [ -n "$(ls -A "$dir" 2>/dev/null)" ] && echo "no compiler stamp"
  elif [ "$(cat "$dir/.dianca-rustc")" != "$stamp" ]; then
    echo "another compiler than the one that filled it"
  fi
  free_gb=$(df -P -BG "$dir" | awk 'NR == 2 { sub("G", "", $4); print $4 }')
  if [ "$free_gb" -lt "${DIANCA_TARGET_MIN_FREE_GB:-25}" ]; then
    echo "only ${free_gb} GB free on its disk (under ${DIANCA_TARGET_MIN_FREE_GB:-25} GB)"
  fi
  size_gb=$(du -s -BG "$dir" 2>/dev/null | awk '{ sub("G", "", $1); print $1 }')
  if [ "${size_gb:-0}" -gt "${DIANCA_TARGET_MAX_GB:-40}" ]; then
    echo "it holds ${size_gb} GB (over ${DIANCA_TARGET_MAX_GB:-40} GB)"
  fi
}

# Creates the shared folder, or empties it when the guard says so, and stamps it.
target_dir_guard() {
  [ -n "${CARGO_TARGET_DIR:-}" ] || return 0
  local dir=$CARGO_TARGET_DIR reason
  mkdir -p "$dir"
  reason=$(target_dir_stale_reason "$dir" | paste -sd ';' -)
  if [ -n "$reason" ]; then
    printf '== build folder %s starts empty: %s\n' "$dir" "$reason"
    find "$dir" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
  else
    printf '== build folder %s: %s kept\n' "$dir" "$(du -sh "$dir" | cut -f1)"
  fi
  rustc -vV >"$dir/.dianca-rustc"
  # Cargo keys our crates by a hash that does not depend on the clone, and judges them fresh by
  # file times: a clone whose files are older than what another clone built there would reuse
  # that build, with the other clone's sources and paths compiled in (seen: app's tests looking
  # for their locale files in a deleted clone). So the first build from another clone than the
  # last one starts with the workspace's files touched, as a fresh clone's are: our crates
  # compile again, the dependencies stay.
  local here
  here=$(pwd -P)
  if [ "$(cat "$dir/.dianca-clone" 2>/dev/null)" != "$here" ]; then
    git ls-files -z app frontend server Cargo.toml Cargo.lock .cargo | xargs -0 touch
    printf '== build folder: last built from another clone; our crates will compile again\n'
  fi
  printf '%s\n' "$here" >"$dir/.dianca-clone"
}

#!/usr/bin/env bash
# The formatting and lint steps `make test` and `make check` share (sourced; needs steps.sh).

steps_format() {
  step "formatting (cargo fmt --check); scripts take binaries from CARGO_TARGET_DIR"
  cargo fmt --all --check
  # With a shared build folder, a script reading target/release or target/debug would run a
  # stale binary left by an earlier build, or none (scripts/target-dir.sh).
  if grep -nE '(^|[^{:-])\btarget/(release|debug)/' scripts/*.sh; then
    echo 'these scripts read target/ directly: use "${CARGO_TARGET_DIR:-target}"'; return 1
  fi
}

steps_clippy() {
  step "lints (clippy -D warnings), the server"
  cargo clippy -p app -p server --all-targets --features app/ssr -- -D warnings
  step "lints (clippy -D warnings), the wasm build"
  cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
}

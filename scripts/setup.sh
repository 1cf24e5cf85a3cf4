#!/usr/bin/env bash
# Installs whatever is missing on a fresh machine, and nothing when it is all there.
# Offline recipe of DESIGN §3: crates.io, npm and Debian only; no binary downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)

say() { printf '\n== setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The tools are built without their own release profile's fat LTO and single codegen unit, which
# cost minutes of one core for a tool that runs seconds; into cargo's own temporary folder, not
# a shared CARGO_TARGET_DIR (docs/testing.md has the figures).
install_tool() {
  env -u CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$@"
}

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 12 minutes on 2 cores, once)"
  install_tool cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (must match Cargo.lock)"
  install_tool wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || install_tool wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian packages: Chromium for the browser tests, a CJK font so Chinese renders in screenshots.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
# PostgreSQL (server and pg_dump/pg_restore) for the second half of the store suite.
command -v pg_ctlcluster >/dev/null && command -v pg_restore >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# npm packages: Playwright (driving Debian's Chromium, no browser download) and binaryen's wasm-opt.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -d end2end/node_modules/@playwright/test ] \
  || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "installing npm packages for end2end/"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

# PyPI: a validator for the OpenAPI document the portal serves.
if ! python3 -c 'import openapi_spec_validator' 2>/dev/null; then
  say "installing openapi-spec-validator from PyPI"
  python3 -m pip install --quiet 'openapi-spec-validator>=0.7,<1'
fi
# PyPI: schemathesis, which generates API cases from that document and checks the answers.
if ! python3 -c 'import schemathesis' 2>/dev/null; then
  say "installing schemathesis from PyPI"
  python3 -m pip install --quiet 'schemathesis>=4.32,<5'
fi

# PyPI: aiosmtpd, the real SMTP server the mail tests send to (scripts/test-smtp.py).
if ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  say "installing aiosmtpd from PyPI"
  python3 -m pip install --quiet 'aiosmtpd>=1.4,<2'
fi

say "tools ready: $(cargo leptos --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"

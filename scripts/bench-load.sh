#!/usr/bin/env bash
# Load measurements for docs/load.md: requests per second and latency percentiles, with wrk
# (Debian package), for the home page, a topic page, a problem page, /hotline, a cached chart
# embed and a static file of the home page's size served by the same server; each page kind's
# render time (the server's Server-Timing, the rendered-page cache bypassed); then ballots with the project's own load
# generator (server/examples/ballot_load.rs). Release server on a throwaway database with the
# demo data, on a free port: SQLite, or with ENGINE=postgres a throwaway database on the
# machine's PostgreSQL (scripts/postgres.sh starts it if needed). Builds nothing.
#
# Usage: scripts/bench-load.sh
#   after: cargo leptos build --release
#          cargo build --release --example ballot_load -p server
# Knobs (environment): ENGINE (sqlite | postgres), SECONDS_EACH (20), CONNECTIONS (32),
#   THREADS (2), BALLOT_SECONDS (20).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SECONDS_EACH:-20}
conns=${CONNECTIONS:-32}
threads=${THREADS:-2}
ballot_seconds=${BALLOT_SECONDS:-20}
# Browsers send more, but one fixed encoding makes the page and the static file comparable.
encoding='Accept-Encoding: br'

if ! command -v wrk >/dev/null; then
  echo "installing wrk from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
for f in ${CARGO_TARGET_DIR:-target}/release/server ${CARGO_TARGET_DIR:-target}/release/examples/ballot_load target/site/pkg; do
  [ -e "$f" ] || { echo "missing $f: build first (see the usage above)" >&2; exit 1; }
done

work=$(mktemp -d)
site=target/site
static="$site/bench-static.html"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
engine=${ENGINE:-sqlite}
case "$engine" in
  sqlite) export DATABASE_URL="sqlite://$work/portal.db" ;;
  postgres)
    source scripts/postgres.sh
    pg_test_start >/dev/null || { echo "PostgreSQL is not available" >&2; exit 1; }
    export DATABASE_URL="$DIANCA_TEST_POSTGRES"
    ;;
  *) echo "ENGINE must be sqlite or postgres" >&2; exit 1 ;;
esac
${CARGO_TARGET_DIR:-target}/release/server demo-load >/dev/null
RUST_LOG=warn LEPTOS_SITE_ROOT="$site" ${CARGO_TARGET_DIR:-target}/release/server serve --addr "127.0.0.1:$port" \
  --trusted-proxy-hops 1 --connections-per-client 0 >"$work/log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
  rm -f "$static"; rm -rf "$work"
  if [ "$engine" = postgres ]; then pg_test_stop >/dev/null; fi
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  commit: $(git rev-parse --short HEAD)"
echo "cpu: $(nproc) × $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)  kernel: $(uname -r)"
echo "wrk: $(wrk --version 2>&1 | head -1 | awk '{print $2}')  (load generator on the same machine)"
case "$engine" in
  sqlite) echo "database: SQLite bundled by libsqlite3-sys $(awk '/^name = "libsqlite3-sys"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock), WAL, synchronous=FULL, same process" ;;
  postgres) echo "database: $(psql "$DATABASE_URL" -qAtc 'SELECT version()' | cut -d, -f1), default settings (fsync, synchronous_commit on), same machine" ;;
esac

# The static file is the home page's own HTML: same bytes, same compressibility.
curl -fsS "$base/" -o "$static"
# The worked topic's first problem, found from the API so its id is never guessed.
problem="/problems/$(curl -fsS "$base/api/v1/topics/2026/11" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["problems"][0]["problem"]["id"])')"
echo
echo "== sizes (bytes: identity / brotli)"
for path in / /topics/2026/11 "$problem" /hotline /embed/charts/problems-per-year /bench-static.html; do
  raw=$(curl -fsS "$base$path" | wc -c)
  br=$(curl -fsS -H "$encoding" "$base$path" | wc -c)
  printf '%-34s %8s %8s\n' "$path" "$raw" "$br"
done

# One measurement: a warm-up (not kept, it also fills the chart cache), then the timed run.
# Prints requests/s and latency percentiles; fails on errors or non-2xx answers.
measure() {
  local name=$1 path=$2 out
  wrk -t"$threads" -c"$conns" -d2s -H "$encoding" "$base$path" >/dev/null
  out=$(wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency -H "$encoding" "$base$path")
  echo "$out" >"$work/wrk-$name.txt"
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
    echo "$out" >&2
    echo "FAILED: $path had errors or non-2xx answers" >&2
    exit 1
  fi
  local rps p50 p90 p99 total
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%-34s %10s %9s %9s %9s %9s\n' "$path" "$rps" "$p50" "$p90" "$p99" "$total"
  eval "rps_$name=$rps"
}

echo
echo "== wrk -t$threads -c$conns -d${seconds}s --latency -H '$encoding' URL  (after a 2 s warm-up)"
printf '%-34s %10s %9s %9s %9s %9s\n' path 'req/s' p50 p90 p99 requests
measure home /
measure topic /topics/2026/11
measure problem "$problem"
measure hotline /hotline
measure embed /embed/charts/problems-per-year
measure static /bench-static.html
for name in home topic problem hotline embed; do
  rps="rps_$name"
  python3 -c "import sys; print(f'{sys.argv[1]} / static throughput: {float(sys.argv[2]) / float(sys.argv[3]):.3f} (target >= 0.5)')" \
    "$name" "${!rps}" "$rps_static"
done

echo
echo "== render time per page kind: the server's own Server-Timing render;dur (ms), 30 requests one"
echo "   after another, each with a cookie of its own so it is rendered, not a kept copy"
printf '%-34s %8s %8s %8s\n' path median p90 max
for path in / /topics/2026/11 "$problem" /hotline /charts; do
  python3 - "$port" "$path" <<'PY'
import http.client, re, statistics, sys
port, path = int(sys.argv[1]), sys.argv[2]
conn = http.client.HTTPConnection("127.0.0.1", port)
durs = []
for _ in range(30):
    conn.request("GET", path, headers={"Cookie": "bench=render"})
    res = conn.getresponse()
    res.read()
    m = re.search(r"render;dur=([0-9.]+)", res.getheader("server-timing") or "")
    if res.status != 200 or not m:
        sys.exit(f"FAILED: {path} answered {res.status} without a render time")
    durs.append(float(m.group(1)))
durs.sort()
print(f"{path:<34} {statistics.median(durs):8.1f} {durs[int(len(durs) * 0.9)]:8.1f} {durs[-1]:8.1f}")
PY
done

echo
echo "== ballots (server/examples/ballot_load.rs; each a distinct voter, answered after commit)"
echo "${CARGO_TARGET_DIR:-target}/release/examples/ballot_load --url $base --rate 200 --seconds $ballot_seconds"
${CARGO_TARGET_DIR:-target}/release/examples/ballot_load --url "$base" --rate 200 --seconds "$ballot_seconds"
echo "${CARGO_TARGET_DIR:-target}/release/examples/ballot_load --url $base --concurrency 64 --seconds $ballot_seconds"
${CARGO_TARGET_DIR:-target}/release/examples/ballot_load --url "$base" --concurrency 64 --seconds "$ballot_seconds"
curl -fsS "$base/api/v1/cycles/2027-annual/integrity" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("integrity: cast", r["cast"], "recomputed_matches", r["recomputed_matches"])'

#!/usr/bin/env bash
# Chart measurements for docs/performance.md: embed page transfer (compressed), SVG render time
# cold (first render of a chart at a new width, data query included) and cached, over real HTTP
# against the release server on a throwaway database with the demo data.
# Usage: scripts/bench-charts.sh   (after `cargo leptos build --release`)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite://$work/portal.db"
${CARGO_TARGET_DIR:-target}/release/server demo-load >/dev/null
LEPTOS_SITE_ROOT=target/site ${CARGO_TARGET_DIR:-target}/release/server serve --addr "127.0.0.1:$port" >"$work/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
ids=$(curl -fsS "$base/api/v1/charts" | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)))')
# Warm the engine (its one-off load is logged) and the data versions.
curl -fsS "$base/charts/problems-per-year.svg" -o /dev/null
sleep 0.5
grep -o 'chart engine loaded.*' "$work/log" | head -1 | sed 's/^/engine: /'

python3 - "$base" $ids <<'PY'
import sys, time, urllib.request, statistics, gzip
base, ids = sys.argv[1], sys.argv[2:]
def fetch(path, enc=None):
    req = urllib.request.Request(base + path, headers={"Accept-Encoding": enc} if enc else {})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = r.read()
    return (time.perf_counter() - t) * 1000, body
cold, warm, embeds = [], [], []
for i, cid in enumerate(ids):
    width = 500 + i  # a width no one asked for yet: a real render
    c, _ = fetch(f"/charts/{cid}.svg?width={width}")
    w = min(fetch(f"/charts/{cid}.svg?width={width}")[0] for _ in range(5))
    cold.append(c); warm.append(w)
    _, br = fetch(f"/embed/charts/{cid}", "br")
    _, gz = fetch(f"/embed/charts/{cid}", "gzip")
    _, raw = fetch(f"/embed/charts/{cid}")
    embeds.append((cid, len(raw), len(gz), len(br)))
q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
print(f"charts: {len(ids)}")
print(f"SVG cold render over HTTP (ms): median {statistics.median(cold):.1f}, p95 {q(cold, .95):.1f}, max {max(cold):.1f}")
print(f"SVG cached over HTTP (ms):      median {statistics.median(warm):.1f}, p95 {q(warm, .95):.1f}, max {max(warm):.1f}")
print("embed page bytes (raw / gzip / brotli), largest first:")
for cid, raw, gz, br in sorted(embeds, key=lambda e: -e[1])[:5]:
    print(f"  {cid:32} {raw:7} {gz:6} {br:6}")
print(f"  max brotli {max(e[3] for e in embeds)}, max gzip {max(e[2] for e in embeds)}")
_, auto = fetch("/embed/charts/departments-on-time?theme=auto", "br")
print(f"  departments-on-time?theme=auto (two drawings): brotli {len(auto)}")
PY

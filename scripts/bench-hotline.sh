#!/usr/bin/env bash
# The hotline import benchmark (issue 6): N generated records (default 10 million) imported by
# `server hotline-import`, side by side with DuckDB (PyPI) running the same CSV → group-by per
# day × category × district, on the same machine in the same run. Prints records per second and
# peak memory (max RSS) of each. Usage: scripts/bench-hotline.sh [records]
# Needs the release binary (cargo leptos build --release, or cargo build --release -p server).
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-10000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install --quiet 'duckdb>=1.1'
bin=${CARGO_TARGET_DIR:-target}/release/server
export DATABASE_URL="sqlite://$work/bench.db" RUST_LOG=warn
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
# Other work on the machine skews both figures (the import uses every core): say how busy it was.
load() { echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "generating $records records…"
$bin hotline-generate --records "$records" --output "$work/records.csv" >/dev/null
echo "file: $(du -h "$work/records.csv" | cut -f1)"

measure() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r secs kb <"$work/time"
  python3 -c "import sys; r,s,k=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{sys.argv[4]:8} {s:7.2f} s  {r/s:12,.0f} records/s  peak {k/1024:7.1f} MB')" \
    "$records" "$secs" "$kb" "$label"
}

load
measure portal $bin hotline-import "$work/records.csv" --sample
grep -E "rows|cells" "$work/out" | sed 's/^/  /'
load
measure duckdb python3 - "$work/records.csv" <<'PY'
import sys, duckdb
con = duckdb.connect()
n = con.execute("""
  CREATE TABLE agg AS
  SELECT CAST(received_at AS DATE) AS day, category_l1, category_l2, category_l3, district,
         COUNT(*) AS requests,
         COUNT(*) FILTER (WHERE request_type = '投诉') AS complaints,
         COUNT(*) FILTER (WHERE status = 'closed') AS closed,
         COUNT(*) FILTER (WHERE resolved = 'yes') AS resolved,
         COUNT(*) FILTER (WHERE resolved = 'partly') AS partly_resolved,
         COUNT(*) FILTER (WHERE satisfaction IN ('satisfied','basically','dissatisfied')) AS rated,
         COUNT(*) FILTER (WHERE satisfaction = 'satisfied') AS satisfied,
         COUNT(*) FILTER (WHERE satisfaction = 'basically') AS basically_satisfied,
         COUNT(*) FILTER (WHERE satisfaction = 'dissatisfied') AS dissatisfied,
         COUNT(*) FILTER (WHERE reopen_count > 0) AS reopened,
         SUM(date_diff('second', received_at, closed_at)) / 3600.0 AS close_hours_sum
  FROM read_csv(?, header = true, timestampformat = '%Y-%m-%d %H:%M:%S',
                types = {'received_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP', 'reopen_count': 'INTEGER'})
  GROUP BY ALL
""", [sys.argv[1]])
print(con.execute("SELECT COUNT(*), SUM(requests) FROM agg").fetchone())
PY
sed 's/^/  cells, requests: /' "$work/out"

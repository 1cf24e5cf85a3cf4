#!/usr/bin/env bash
# Issue 33's mail benchmark, for docs/load.md: a round's "voting has ended" notice to FOLLOWERS
# (100,000) confirmed followers, delivered to the local test SMTP server (scripts/test-smtp.py,
# aiosmtpd, one JSON file per mail). Release server on a throwaway SQLite database with the
# demo data. Prints: the home page's latency as a reader feels it (scripts/probe-latency.py:
# 50 requests a second for 10 s, one kept-alive connection) idle, then again and again while
# the notices are written and sent; the server's resident memory every 5 s; the time from the
# server's start to the last notice queued and to the last mail received. The SMTP sink keeps
# only each mail's Message-ID (test-smtp.py --ids), so it is not what is measured.
# Builds nothing.
#
# Usage: scripts/bench-mail.sh     after: cargo leptos build --release
# Knobs (environment): FOLLOWERS (100000), ROUND (2026-winter, a closed sample round).
set -euo pipefail
cd "$(dirname "$0")/.."
followers=${FOLLOWERS:-100000}
round=${ROUND:-2026-winter}
bin=${CARGO_TARGET_DIR:-target}/release/server
site=target/site
for tool in sqlite3 bc curl python3; do
  command -v $tool >/dev/null || { echo "needs $tool (Debian package $tool)" >&2; exit 1; }
done
[ -x "$bin" ] || { echo "missing $bin: cargo leptos build --release" >&2; exit 1; }

work=$(mktemp -d)
export DATABASE_URL="sqlite://$work/portal.db"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" demo-load >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# serve ARGS…: starts the server, sets $server and $base.
serve() {
  local port; port=$(free_port)
  RUST_LOG=info LEPTOS_SITE_ROOT="$site" "$bin" serve --addr "127.0.0.1:$port" --no-demo \
    --connections-per-client 0 "$@" >>"$work/log" 2>&1 &
  server=$!; pids+=("$server")
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
}
# home_p99 LABEL FILE: the home page at 50 requests a second for 10 s: p50, p99, slowest (and
# every sample appended to FILE).
home_p99() {
  printf '%-30s %s\n' "$1" "$(python3 scripts/probe-latency.py "$base/" 10 50 "$2")"
}
# p99 FILE: the 99th percentile of every sample in FILE.
p99() { sort -n "$1" | awk '{a[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f ms over %d requests", a[i], NR}'; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server/status" 2>/dev/null || echo "?"; }

# Idle: the same server and database, no followers yet, no mail to send.
serve
curl -fsS "$base/" >/dev/null
home_p99 "home, idle" "$work/idle"
home_p99 "home, idle (again)" "$work/idle"
home_p99 "home, idle (a third time)" "$work/idle"
echo "server memory, idle: $(rss_mb) MB"
kill "$server"; wait "$server" 2>/dev/null || true

# The followers, confirmed, and the round not yet told.
sqlite3 "$work/portal.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $followers)
INSERT INTO follows (address, locale, kind, subject, created_at, confirmed_at)
SELECT 'f' || i || '@example.cn', CASE WHEN i % 5 = 0 THEN 'en' ELSE 'zh-CN' END, 'cycle', '$round', 0, 0
FROM n;
UPDATE cycles SET closing_told_at = NULL, closing_told_through = NULL WHERE slug = '$round';
SQL

mail="$work/mail"
python3 scripts/test-smtp.py --ids "$mail" >"$work/smtp.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do grep -q '^listening on' "$work/smtp.log" && break; sleep 0.1; done
smtp_url="smtp://$(sed -n 's/^listening on //p' "$work/smtp.log")"

started=$(date +%s.%N)
serve --smtp-url "$smtp_url"
arrived() { wc -l <"$mail/ids.txt" 2>/dev/null || echo 0; }
(
  while kill -0 "$server" 2>/dev/null; do
    echo "  $(printf '%6.0f' "$(echo "$(date +%s.%N) - $started" | bc)") s: memory $(rss_mb) MB, $(arrived) mails arrived"
    sleep 5
  done
) &
pids+=("$!")
while [ "$(arrived)" -lt "$followers" ]; do
  home_p99 "home, while $(arrived) sent" "$work/busy"
  if [ "$(echo "$(date +%s.%N) - $started > 900" | bc)" = 1 ]; then echo "not done in 15 minutes"; break; fi
done
done_at=$(echo "$(date +%s.%N) - $started" | bc)
echo "server memory, after: $(rss_mb) MB"
echo "home page p99, idle: $(p99 "$work/idle"); while the notices went out: $(p99 "$work/busy")"
told=$(sqlite3 "$work/portal.db" "SELECT closing_told_at FROM cycles WHERE slug = '$round'")
echo "all notices queued (the round marked told): $(echo "$told - ${started%.*}" | bc) s after the server started"
printf 'all %s mails received by the SMTP server: %.0f s after the server started\n' "$followers" "$done_at"
echo "distinct Message-IDs: $(sort -u "$mail/ids.txt" | wc -l); seen twice: $(sort "$mail/ids.txt" | uniq -d | wc -l)"

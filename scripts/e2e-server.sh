#!/usr/bin/env bash
# The server the browser tests run against, on a throwaway database (sourced; needs steps.sh).
#
#   e2e_server_start BINARY     exports E2E_BASE_URL, E2E_WORK, E2E_SERVER_LOG and E2E_MAIL_DIR
#
# The binary is whichever build the caller already has: the test command and `make check` use
# the debug server the Rust tests compiled, with the release wasm and CSS in target/site
# (docs/testing.md says why, with the figures).

e2e_server_start() {
  local bin=$1 port server
  E2E_WORK=$(mktemp -d)
  on_exit "rm -rf '$E2E_WORK'"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Not exported: a later cargo command must not see it.
  local DATABASE_URL="sqlite://$E2E_WORK/portal.db"
  export DATABASE_URL
  # Throwaway staff accounts for the browser tests, in the throwaway database only.
  export E2E_PASSWORD="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  "$bin" demo-load >/dev/null
  local account
  for account in "housing --role department --department 市住房城乡建设委" "editor --role editor" \
    "admin --role admin" "moderator --role moderator"; do
    # shellcheck disable=SC2086 # the account's words are separate arguments
    DIANCA_NEW_PASSWORD="$E2E_PASSWORD" "$bin" staff-add --username $account >/dev/null
  done
  # One paper voting code for the browser test of verified ballots.
  export E2E_VOTING_CODE="$("$bin" voting-codes --cycle 2027-annual --district 朝阳区 --count 1 2>/dev/null)"
  # Every browser test votes from 127.0.0.1, one network: the suites cast ballots from 8 devices
  # in 2027-annual (vote, resident, journeys) and expect them counted, beyond the default
  # allowance of 5 devices per network per day (held for review after that). The browser server
  # allows 30; the HTTP tests (server/tests/integration/hardening_ballots.rs) check the default.
  # The same one network draws every chart the suites look at, in every width, theme and
  # language, within minutes: beyond the default allowance of new drawings per network
  # (server/tests/integration/hardening_charts.rs checks the default mechanism).
  # A real SMTP server (scripts/test-smtp.py, aiosmtpd) the portal sends its mail to; each mail
  # it takes is one JSON file in E2E_MAIL_DIR, which the follow spec reads as a mailbox.
  E2E_MAIL_DIR="$E2E_WORK/mail"
  local smtp_log="$E2E_WORK/smtp.log" smtp smtp_addr=""
  python3 scripts/test-smtp.py "$E2E_MAIL_DIR" >"$smtp_log" 2>&1 &
  smtp=$!
  on_exit "kill $smtp 2>/dev/null; wait $smtp 2>/dev/null"
  for _ in $(seq 1 100); do
    smtp_addr=$(sed -n 's/^listening on //p' "$smtp_log")
    [ -n "$smtp_addr" ] && break
    sleep 0.1
  done
  [ -n "$smtp_addr" ] || { echo "the test SMTP server did not start:"; cat "$smtp_log"; return 1; }
  E2E_SERVER_LOG="$E2E_WORK/server.log"
  DIANCA_SMTP_URL="smtp://$smtp_addr" DIANCA_PER_NETWORK_DAY=30 DIANCA_CHART_RENDERS_PER_MINUTE=100000 LEPTOS_SITE_ROOT=target/site \
    "$bin" serve --addr "127.0.0.1:$port" >"$E2E_SERVER_LOG" 2>&1 &
  server=$!
  on_exit "kill $server 2>/dev/null; wait $server 2>/dev/null"
  E2E_BASE_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do
    curl -fsS "$E2E_BASE_URL/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fsS "$E2E_BASE_URL/healthz" >/dev/null || { cat "$E2E_SERVER_LOG"; return 1; }
  export E2E_BASE_URL E2E_WORK E2E_SERVER_LOG E2E_MAIL_DIR
}

# The browser tests (all, or those named), printing the server's last words when one fails.
e2e_run() {
  (cd end2end && BASE_URL="$E2E_BASE_URL" npx playwright test "$@") \
    || { echo "-- server log:"; tail -50 "$E2E_SERVER_LOG"; return 1; }
}

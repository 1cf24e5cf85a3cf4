#!/usr/bin/env bash
# Named steps with their durations, and a table of them at the end (sourced).
#
#   step "what it does"      starts a step (and ends the one before)
#   on_exit "command"        runs at exit, last registered first (servers, databases)
#
# At exit, whatever the outcome, the table says what each step cost and which one failed, so a
# slow or broken step is visible at the end of every CI log.

_steps=()
_step_name=""
_step_start=0
_steps_start=$(date +%s)
_on_exit=()
STEP_PREFIX=${STEP_PREFIX:-test}

_step_end() {
  [ -n "$_step_name" ] || return 0
  _steps+=("$(($(date +%s) - _step_start))"$'\t'"$_step_name")
  _step_name=""
}

step() {
  _step_end
  _step_name="$*"
  _step_start=$(date +%s)
  printf '\n== %s: %s\n' "$STEP_PREFIX" "$*"
}

on_exit() { _on_exit=("$*" "${_on_exit[@]}"); }

_fmt_duration() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

_steps_exit() {
  local status=$? failed="" entry
  [ "$status" -ne 0 ] && failed=$_step_name
  _step_end
  for entry in "${_on_exit[@]}"; do eval "$entry" || true; done
  printf '\n== %s: time per step (m:ss)\n' "$STEP_PREFIX"
  for entry in "${_steps[@]}"; do
    local secs=${entry%%$'\t'*} name=${entry#*$'\t'} mark=""
    [ -n "$failed" ] && [ "$name" = "$failed" ] && mark="   <- FAILED"
    printf '%8s  %s%s\n' "$(_fmt_duration "$secs")" "$name" "$mark"
  done
  printf '%8s  %s\n' "$(_fmt_duration $(($(date +%s) - _steps_start)))" "in all"
  exit "$status"
}
trap _steps_exit EXIT

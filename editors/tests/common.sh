# Shared by nvim-e2e.sh and emacs-e2e.sh (sourced, not run).
#
# e2e_prepare NAME SERVER   copies editors/sample-workspace to a temp folder and
#                           writes a wrapper that runs SERVER and records its exit status
# e2e_check_file            the document on disk names an unused number, nothing else changed
# e2e_check_exit            the server exited on its own with status 0
# e2e_finish NAME STATUS    prints PASS/FAIL (with logs on failure) and cleans up

E2E_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
E2E_EDITORS_DIR=$(dirname "$E2E_TESTS_DIR")
E2E_DOCUMENT_RELATIVE=filings/2026-new-sites.icp.json
# The number that ICP201 flags in that document (it backed a website of the
# cancelled F-2025-001), and the inventory's unused numbers the fixes may offer.
E2E_REUSED=5a3e8b71-c2d4-4f69-8e1a-7b90c3d2e581
E2E_UNUSED="e17a4c90-3b58-4d2f-b6e1-8c4a5f0d9723 92e5d7c3-a08b-4e16-b7f2-6d31c8e94a05"
# Outer limit for one editor run: a hang fails instead of blocking CI.
E2E_TIMEOUT=${ICPLS_E2E_TIMEOUT:-60}
# How long the editor waits for the first diagnostics (inside the outer limit).
export ICPLS_E2E_WAIT=${ICPLS_E2E_WAIT:-15}

e2e_failures=()

e2e_fail() {
  e2e_failures+=("$*")
  echo "  check failed: $*"
}

e2e_now() {
  date +%s.%N
}

e2e_seconds_since() {
  awk -v start="$1" -v now="$(e2e_now)" 'BEGIN { printf "%.1f", now - start }'
}

e2e_prepare() {
  local name=$1 server=$2
  if [ -z "$server" ]; then
    echo "usage: $0 PATH-TO-ICPLS" >&2
    exit 2
  fi
  if [ ! -x "$server" ]; then
    echo "FAIL $name: $server is not an executable" >&2
    exit 2
  fi
  server=$(cd "$(dirname "$server")" && pwd)/$(basename "$server")
  local number
  for number in $E2E_REUSED $E2E_UNUSED; do
    if ! grep -q "\"number\": \"$number\"" "$E2E_EDITORS_DIR/sample-workspace/inventory.icp.json"; then
      echo "FAIL $name: the sample workspace no longer declares $number; update editors/tests/common.sh" >&2
      exit 2
    fi
  done

  E2E_WORK=$(mktemp -d "${TMPDIR:-/tmp}/icpls-$name-e2e.XXXXXX")
  E2E_WORKSPACE=$E2E_WORK/workspace
  E2E_DOCUMENT=$E2E_WORKSPACE/$E2E_DOCUMENT_RELATIVE
  E2E_EXIT_FILE=$E2E_WORK/server-exit-status
  E2E_STDERR_FILE=$E2E_WORK/server-stderr.log
  E2E_LOG=$E2E_WORK/editor.log
  cp -R "$E2E_EDITORS_DIR/sample-workspace" "$E2E_WORKSPACE"
  cp "$E2E_DOCUMENT" "$E2E_WORK/original.icp.json"

  # The editor starts this instead of icpls: it runs the server with the same
  # arguments and standard streams, and writes the server's exit status.
  E2E_SERVER_CMD=$E2E_WORK/icpls
  cat >"$E2E_SERVER_CMD" <<WRAPPER
#!/bin/sh
'$server' "\$@" 2>>'$E2E_STDERR_FILE'
status=\$?
echo "\$status" >'$E2E_EXIT_FILE'
exit "\$status"
WRAPPER
  chmod +x "$E2E_SERVER_CMD"

  export ICPLS_E2E_EDITORS=$E2E_EDITORS_DIR
  export ICPLS_E2E_WORK=$E2E_WORK
  export ICPLS_E2E_WORKSPACE=$E2E_WORKSPACE
  export ICPLS_E2E_DOCUMENT=$E2E_DOCUMENT
  export ICPLS_E2E_SERVER_CMD=$E2E_SERVER_CMD
  export ICPLS_E2E_REUSED=$E2E_REUSED
  export ICPLS_E2E_UNUSED=$E2E_UNUSED
  E2E_START=$(e2e_now)
}

# Runs the editor command under the outer timeout, its output in editor.log.
e2e_run_editor() {
  E2E_EDITOR_STATUS=0
  timeout -k 5 "$E2E_TIMEOUT" "$@" </dev/null >"$E2E_LOG" 2>&1 || E2E_EDITOR_STATUS=$?
  E2E_EDITOR_SECONDS=$(e2e_seconds_since "$E2E_START")
}

# The editor's verdict: it prints "PREFIX: FAIL: why" or "PREFIX: summary: what".
e2e_check_editor() {
  local prefix=$1 reason
  reason=$(sed -n "s/^$prefix: FAIL: //p" "$E2E_LOG" | head -1)
  if [ "$E2E_EDITOR_STATUS" = 124 ] || [ "$E2E_EDITOR_STATUS" = 137 ]; then
    e2e_fail "the editor did not finish within ${E2E_TIMEOUT}s (timeout)${reason:+; $reason}"
  elif [ -n "$reason" ]; then
    e2e_fail "$reason"
  elif [ "$E2E_EDITOR_STATUS" != 0 ]; then
    e2e_fail "the editor exited with $E2E_EDITOR_STATUS"
  elif ! grep -q "^$prefix: summary:" "$E2E_LOG"; then
    e2e_fail "the editor exited without finishing the test"
  fi
  E2E_SUMMARY=$(sed -n "s/^$prefix: summary: //p" "$E2E_LOG" | head -1)
}

e2e_check_file() {
  local changes removed added number found=
  if cmp -s "$E2E_WORK/original.icp.json" "$E2E_DOCUMENT"; then
    e2e_fail "$E2E_DOCUMENT_RELATIVE is unchanged on disk"
    return
  fi
  if grep -q "$E2E_REUSED" "$E2E_DOCUMENT"; then
    e2e_fail "$E2E_DOCUMENT_RELATIVE still names the reused number $E2E_REUSED"
  fi
  for number in $E2E_UNUSED; do
    if grep -q "\"serviceNumber\": \"$number\"" "$E2E_DOCUMENT"; then
      found=$number
    fi
  done
  if [ -z "$found" ]; then
    e2e_fail "$E2E_DOCUMENT_RELATIVE names none of the unused numbers ($E2E_UNUSED)"
  else
    E2E_FIXED_NUMBER=$found
  fi
  # The quick fix replaces the number and touches nothing else.
  changes=$(diff "$E2E_WORK/original.icp.json" "$E2E_DOCUMENT" | grep -c '^[<>]' || true)
  removed=$(diff "$E2E_WORK/original.icp.json" "$E2E_DOCUMENT" | grep '^<' || true)
  added=$(diff "$E2E_WORK/original.icp.json" "$E2E_DOCUMENT" | grep '^>' || true)
  if [ "$changes" != 2 ] || [[ "$removed" != *"$E2E_REUSED"* ]] || [ "${removed/$E2E_REUSED/$found}" != "${added/>/<}" ]; then
    e2e_fail "the saved file differs from the original in more than the number:"
    diff "$E2E_WORK/original.icp.json" "$E2E_DOCUMENT" | sed 's/^/    /' | head -40
  fi
}

e2e_check_exit() {
  local waited=0 status limit=50
  # The wrapper writes the status when the server process ends; give it a
  # moment, unless the editor already failed.
  [ "${#e2e_failures[@]}" = 0 ] || limit=0
  while [ ! -s "$E2E_EXIT_FILE" ] && [ "$waited" -lt "$limit" ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  if [ ! -s "$E2E_EXIT_FILE" ]; then
    e2e_fail "no exit status recorded: the server was killed or never exited"
    return
  fi
  status=$(cat "$E2E_EXIT_FILE")
  if [ "$status" != 0 ]; then
    e2e_fail "the server exited with status $status (expected 0 after shutdown and exit)"
  fi
}

e2e_finish() {
  local name=$1 summary=$2
  local seconds=${E2E_EDITOR_SECONDS:-?}
  if [ "${#e2e_failures[@]}" = 0 ]; then
    echo "PASS $name (${seconds}s): $summary"
    [ -n "${ICPLS_E2E_KEEP:-}" ] || rm -rf "$E2E_WORK"
    exit 0
  fi
  echo "---- editor output ($E2E_LOG)"
  sed 's/^/  | /' "$E2E_LOG" | tail -60
  if [ -s "$E2E_STDERR_FILE" ]; then
    echo "---- server standard error ($E2E_STDERR_FILE)"
    sed 's/^/  | /' "$E2E_STDERR_FILE" | tail -30
  fi
  for extra in "${@:3}"; do
    if [ -s "$extra" ]; then
      echo "---- $extra"
      sed 's/^/  | /' "$extra" | tail -30
    fi
  done
  echo "FAIL $name (${seconds}s): ${e2e_failures[0]}${e2e_failures[1]:+ (and $((${#e2e_failures[@]} - 1)) more)}; files kept in $E2E_WORK"
  exit 1
}

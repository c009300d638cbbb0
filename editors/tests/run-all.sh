#!/usr/bin/env bash
# Runs the editor end-to-end tests. Against icpls each must PASS: headless
# Neovim with the shipped module and with the README's lines for its version,
# batch Emacs with icp-filing-mode.el and Eglot. Against silent-server.py, a
# server that answers initialize but publishes nothing, each must FAIL: so
# the tests do notice a misbehaving server.
#
#   editors/tests/run-all.sh PATH-TO-ICPLS
#
# Exits non-zero when any expectation is not met.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
server=${1:?usage: run-all.sh PATH-TO-ICPLS}
if ! command -v python3 >/dev/null 2>&1; then
  echo "FAIL: python3 is needed to run silent-server.py" >&2
  exit 1
fi

# The tests keep the temp folders of failing runs; put them all here, and
# remove them at the end unless something failed.
export TMPDIR
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/icpls-editor-tests.XXXXXX")
# Against the silent server, waiting 5 s is enough to be sure nothing comes.
silent_wait=${ICPLS_E2E_SILENT_WAIT:-5}
failed=()

expect_pass() { # DESCRIPTION COMMAND...
  local description=$1
  shift
  echo "== $description (expect PASS)"
  "$@" || failed+=("$description")
}

expect_silent_fail() { # TEST
  local test=$1 output status verdict
  echo "== $test against silent-server.py (expect FAIL)"
  output=$(ICPLS_E2E_WAIT=$silent_wait "$here/$test.sh" "$here/silent-server.py" 2>&1)
  status=$?
  verdict=$(printf '%s\n' "$output" | grep -E '^(PASS|FAIL) ' | tail -1)
  if [ "$status" != 0 ] && [[ "$verdict" == "FAIL $test"*"no diagnostics"* ]]; then
    verdict=${verdict#FAIL }
    echo "ok, it failed as it should: ${verdict%%; files kept in *}"
  else
    printf '%s\n' "$output" | sed 's/^/  | /'
    failed+=("$test against silent-server.py did not fail for lack of diagnostics (exit $status)")
  fi
}

expect_pass "nvim-e2e, require('icpls').setup()" "$here/nvim-e2e.sh" "$server"
expect_pass "nvim-e2e, the README's lines" env ICPLS_E2E_NVIM_CONFIG=readme "$here/nvim-e2e.sh" "$server"
expect_silent_fail nvim-e2e
expect_pass "emacs-e2e" "$here/emacs-e2e.sh" "$server"
expect_silent_fail emacs-e2e

if [ "${#failed[@]}" = 0 ]; then
  rm -rf "$TMPDIR"
  echo "PASS editor end-to-end tests"
  exit 0
fi
for failure in "${failed[@]}"; do
  echo "FAIL $failure"
done
echo "(temp folders in $TMPDIR)"
exit 1

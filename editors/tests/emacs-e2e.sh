#!/usr/bin/env bash
# Batch Emacs with Eglot against icpls: open a document of a copy of the
# sample workspace with the shipped configuration (editors/emacs/icp-filing-mode.el),
# receive the diagnostics in Flymake, apply the preferred quick fix for ICP201,
# save, check the file now names an unused number and the server exited with 0.
#
#   editors/tests/emacs-e2e.sh PATH-TO-ICPLS
#
# ICPLS_E2E_TIMEOUT (60) limits the whole editor run, ICPLS_E2E_WAIT (15) the
# wait for the first diagnostics; ICPLS_E2E_KEEP=1 keeps the temp folder.
set -uo pipefail
source "$(dirname "$0")/common.sh"

if ! command -v emacs >/dev/null 2>&1; then
  echo "FAIL emacs-e2e: emacs is not installed"
  exit 1
fi
e2e_prepare emacs "${1:-}"

# A home of its own: nothing is read from or written to the user's ~/.emacs.d.
mkdir -p "$E2E_WORK/home"
cd "$E2E_WORKSPACE"
e2e_run_editor env HOME="$E2E_WORK/home" \
  emacs --batch -Q -l "$E2E_TESTS_DIR/emacs-e2e.el"

e2e_check_editor emacs-e2e
e2e_check_file
e2e_check_exit
e2e_finish emacs-e2e "$E2E_SUMMARY; the server exited with 0" "$E2E_WORK/eglot-events.log"

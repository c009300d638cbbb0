#!/usr/bin/env bash
# Headless Neovim against icpls: open a document of a copy of the sample
# workspace with the shipped configuration (editors/neovim/lua/icpls.lua),
# receive the diagnostics, apply the preferred quick fix for ICP201, save,
# check the file now names an unused number and the server exited with 0.
#
#   editors/tests/nvim-e2e.sh PATH-TO-ICPLS
#
# ICPLS_E2E_TIMEOUT (60) limits the whole editor run, ICPLS_E2E_WAIT (15) the
# wait for the first diagnostics; ICPLS_E2E_KEEP=1 keeps the temp folder.
set -uo pipefail
source "$(dirname "$0")/common.sh"

if ! command -v nvim >/dev/null 2>&1; then
  echo "FAIL nvim-e2e: nvim is not installed"
  exit 1
fi
e2e_prepare nvim "${1:-}"

# Neovim 0.7 needs writable XDG folders (its log, shada and swap files).
for dir in config data state cache; do
  mkdir -p "$E2E_WORK/xdg/$dir"
done
cd "$E2E_WORKSPACE"
e2e_run_editor env \
  XDG_CONFIG_HOME="$E2E_WORK/xdg/config" XDG_DATA_HOME="$E2E_WORK/xdg/data" \
  XDG_STATE_HOME="$E2E_WORK/xdg/state" XDG_CACHE_HOME="$E2E_WORK/xdg/cache" \
  nvim --headless -n -i NONE -u "$E2E_TESTS_DIR/nvim-init.lua" "$E2E_DOCUMENT" \
  -c "luafile $E2E_TESTS_DIR/nvim-e2e.lua"

e2e_check_editor nvim-e2e
e2e_check_file
e2e_check_exit
e2e_finish nvim-e2e "$E2E_SUMMARY; the server exited with 0" \
  "$E2E_WORK/xdg/cache/nvim/lsp.log" "$E2E_WORK/xdg/state/nvim/lsp.log"

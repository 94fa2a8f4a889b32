#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# demo.sh DIR BIN - wufix's main job on a fresh sandbox: status, check, then restart
# (before/after), against Wine's real SCM and stand-in update services.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/sandbox.sh"
DIR=$(realpath -m "$1"); BIN=$(realpath -m "$2")
echo "== Preparing a throwaway Wine prefix with stand-in update services in $DIR ..."
sandbox_up
trap sandbox_down EXIT
run() { echo; echo "== wufix $*"; wine "$BIN/wufix.exe" "$@" | tr -d '\r'; echo "(exit code ${PIPESTATUS[0]})"; }
run status
run check
run restart
run restart --all --dry-run
echo
echo "== The stand-ins' own journal of what happened, in order:"
awk 'NR == 1 { t0 = $1 } { printf "  +%5d ms  %-9s %s\n", $1 - t0, $2, $3 }' "$DIR/journal.log"

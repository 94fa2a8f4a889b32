#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# run_in_sandbox.sh DIR BIN PROGRAM [ARGS...] - reset the sandbox, run BIN/PROGRAM under Wine in it.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/sandbox.sh"
DIR=$(realpath -m "$1"); BIN=$(realpath -m "$2"); shift 2
prog=$1; shift
sandbox_reset
wine "$BIN/$prog" "$@" | tr -d '\r'
exit "${PIPESTATUS[0]}"

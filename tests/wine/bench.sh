#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench.sh DIR BIN [REPS] - how long restarting the five update services takes,
# under Wine with stand-ins of known delays: wufix restart --all against the
# critical path (benchtool critpath), a sequential 250 ms poller, and
# Microsoft's sample loop. Interleaved repetitions, medians. Prints a table;
# the last line is the ratio wufix / critical path. Figures, not a test.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/sandbox.sh"
DIR=$(realpath -m "$1"); BIN=$(realpath -m "$2"); REPS=${3:-5}

# name|stop ms|start ms
# The job measured is the restart of all five, as before: no stand-in plays a protected one.
PROTECTED=()
DELAYS=("wuauserv|600|400" "UsoSvc|500|300" "BITS|700|200" "CryptSvc|300|250" "DoSvc|400|350")
TOOLS=(wufix critpath sequential mssample)

bench_reset() {
  local e n stop start
  touch "$DIR/journal.log.release"
  for n in $(all_names); do svc stop "$n" >/dev/null 2>&1 || true; done
  for n in $(all_names); do svc wait "$n" stopped 15000 >/dev/null 2>&1 || true; done
  rm -f "$DIR/journal.log.release"
  for e in "${DELAYS[@]}"; do
    IFS='|' read -r n stop start <<<"$e"
    standin_set "$n" --stop-ms "$stop" --start-ms "$start"
  done
  for n in $(all_names); do svc start "$n" >/dev/null; done
  for n in $(all_names); do svc wait "$n" running 15000 >/dev/null; done
  sleep 0.3
}

run_tool() { # prints "internal_ms wall_ms"
  local t0 t1 out ms
  t0=$(date +%s%N)
  if [ "$1" = wufix ]; then
    out=$(wine "$BIN/wufix.exe" restart --all --json | tr -d '\r')
    t1=$(date +%s%N)
    ms=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["exit_code"] == 0, d; print(d["elapsed_ms"])' "$out")
  else
    out=$(wine "$BIN/benchtool.exe" "$1" | tr -d '\r')
    t1=$(date +%s%N)
    ms=${out#elapsed_ms }
  fi
  echo "$ms $(( (t1 - t0) / 1000000 ))"
}

calc() { awk "BEGIN { print $1 }"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Where wufix's wall time goes beyond the services' own: the process alone (version), reading
# the services (status --all: the SCM connection, each service's status and configuration,
# protection and triggers), a dry run (the rights, the lock, the state folder's checks and the
# journal's, the plan; nothing moves), then restart --all's wall time against its own
# elapsed_ms (what the run does around the engine: journal and anchor writes, the event, the
# check after, printing).
wall_of() { local t0 t1; t0=$(date +%s%N); wine "$BIN/wufix.exe" "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
PHASES=(version status dryrun)

echo "bench: sandbox in $DIR" >&2
sandbox_up >/dev/null
trap sandbox_down EXIT
declare -A internal wall phase
for rep in $(seq 1 "$REPS"); do
  for tool in "${TOOLS[@]}"; do
    bench_reset
    read -r ms w < <(run_tool "$tool")
    internal[$tool]+="$ms "; wall[$tool]+="$w "
    echo "bench: rep $rep $tool ${ms} ms (wall $w ms)" >&2
  done
  phase[version]+="$(wall_of version) "
  phase[status]+="$(wall_of status --all --json) "
  phase[dryrun]+="$(wall_of restart --all --dry-run --json) "
done

# The services' own critical path: UsoSvc stop -> wuauserv stop -> wuauserv start -> UsoSvc start,
# against each independent service's stop + start.
theory=$(( 500 + 600 + 400 + 300 ))
printf '\nRestart of wuauserv, UsoSvc, BITS, CryptSvc, DoSvc under Wine (%d interleaved runs, medians)\n' "$REPS"
printf 'stand-in delays (stop/start ms): wuauserv 600/400, UsoSvc 500/300, BITS 700/200, CryptSvc 300/250, DoSvc 400/350\n'
printf 'critical path of those delays with UsoSvc before wuauserv: %d ms\n\n' "$theory"
printf '%-34s %12s %12s %10s\n' "tool" "elapsed ms" "wall ms" "x crit"
cp=$(tr ' ' '\n' <<<"${internal[critpath]}" | grep . | median)
for tool in "${TOOLS[@]}"; do
  m=$(tr ' ' '\n' <<<"${internal[$tool]}" | grep . | median)
  w=$(tr ' ' '\n' <<<"${wall[$tool]}" | grep . | median)
  case $tool in
    wufix) label="wufix restart --all";;
    critpath) label="critical path (event driven)";;
    sequential) label="sequential, 250 ms polling";;
    mssample) label="Microsoft sample loop (1-10 s)";;
  esac
  printf '%-34s %12s %12s %10.2f\n' "$label" "$m" "$w" "$(calc "$m / $cp")"
done
wm=$(tr ' ' '\n' <<<"${internal[wufix]}" | grep . | median)
pv=$(tr ' ' '\n' <<<"${phase[version]}" | grep . | median)
ps=$(tr ' ' '\n' <<<"${phase[status]}" | grep . | median)
pd=$(tr ' ' '\n' <<<"${phase[dryrun]}" | grep . | median)
ww=$(tr ' ' '\n' <<<"${wall[wufix]}" | grep . | median)
cw=$(tr ' ' '\n' <<<"${wall[critpath]}" | grep . | median)
printf '\nWhere wufix restart --all'"'"'s wall time (%s ms) goes beyond the services'"'"' own critical path (%s ms),\n' "$ww" "$cp"
printf 'each a median of its own runs; the four add up to %s ms (the critical path tool'"'"'s own: %s ms):\n' \
  "$(calc "$ww - $cp")" "$(calc "$cw - $cp")"
printf '  %-84s %6s ms\n' "starting and ending the process (wufix version)" "$pv" \
  "connecting to the SCM and reading the services (status --all, less the above)" "$(calc "$ps - $pv")" \
  "rights, the lock, the state folder, the journal's checks, the plan (dry run, less status)" "$(calc "$pd - $ps")" \
  "journal and anchor, the engine's waits over the path, the after-table, the event (rest)" "$(calc "$ww - $pd - $cp")"
limit=$(calc "1.10 * $cp + 50")
verdict=$(calc "($wm <= $limit) ? 1 : 0")
tight=$(calc "1.05 * $cp + 30")
within_tight=$(calc "($wm <= $tight) ? 1 : 0")
printf '\nwufix / critical path: %.3f (wufix %s ms; SPEC 9 limit 1.10 x %s + 50 = %.0f ms: %s; 1.05 x + 30 = %.0f ms: %s)\n' \
  "$(calc "$wm / $cp")" "$wm" "$cp" "$limit" "$([ "$verdict" = 1 ] && echo within || echo OVER)" \
  "$tight" "$([ "$within_tight" = 1 ] && echo within || echo OVER)"

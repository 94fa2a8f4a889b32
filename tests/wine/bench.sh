#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench.sh DIR BIN [REPS] - how long restarting the five update services takes,
# under Wine with stand-ins of known delays: wufix restart --all against the
# critical path (benchtool critpath), a sequential 250 ms poller, and
# Microsoft's sample loop. Interleaved repetitions (9 unless REPS says), medians.
# Prints a table; the headline is SPEC 9's: the wall time of the whole wufix
# process against the critical-path tool's, held against 1.05 x + 30 ms, the
# elapsed ratio beside it. Figures, not a test.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/sandbox.sh"
DIR=$(realpath -m "$1"); BIN=$(realpath -m "$2"); REPS=${3:-9}

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

# One run of a tool, timed from Linux: "internal_ms wall_ms cpu_ms", wall being the whole
# process as a person waits for it (process start and end included) and cpu the user + system
# time of the tool's process (not the SCM's or the stand-ins').
timed() { # timed OUTFILE CMD... : prints "wall_ms cpu_ms", the command's stdout in OUTFILE
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
out = open(sys.argv[1], "wb")
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.perf_counter()
subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL, check=False)
t1 = time.perf_counter()
r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(round((t1 - t0) * 1000), round(cpu * 1000))
PY
}

run_tool() { # prints "internal_ms wall_ms cpu_ms"
  local out ms w c
  out=$(mktemp)
  if [ "$1" = wufix ]; then
    read -r w c < <(timed "$out" wine "$BIN/wufix.exe" restart --all --json)
    ms=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1],encoding="utf-8").read()); assert d["exit_code"] == 0, d; print(d["elapsed_ms"])' "$out")
  else
    read -r w c < <(timed "$out" wine "$BIN/benchtool.exe" "$1")
    ms=$(tr -d '\r' <"$out"); ms=${ms#elapsed_ms }
  fi
  rm -f "$out"
  echo "$ms $w $c"
}

calc() { awk "BEGIN { print $1 }"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Where wufix's wall time goes beyond the critical-path tool's, each part measured by a run of
# its own: the process alone (version: Wine's process start and end, the C runtime, the
# imports), a dry run of the same restart (the SCM connection, each planned service's status,
# configuration, protection, triggers and dependents, the rights, the lock, the state folder's
# and the journal's checks, the plan; nothing moves), then the rest of the real restart (the
# journal and anchor writes, the engine's waits over the path, the after-table, the event, the
# journal's close).
wall_of() { local out w c; out=$(mktemp); read -r w c < <(timed "$out" wine "$BIN/wufix.exe" "$@"); rm -f "$out"; echo "$w"; }

echo "bench: sandbox in $DIR" >&2
sandbox_up >/dev/null
trap sandbox_down EXIT
declare -A internal wall cpu phase
for rep in $(seq 1 "$REPS"); do
  for tool in "${TOOLS[@]}"; do
    bench_reset
    read -r ms w c < <(run_tool "$tool")
    internal[$tool]+="$ms "; wall[$tool]+="$w "; cpu[$tool]+="$c "
    echo "bench: rep $rep $tool ${ms} ms (wall $w ms, cpu $c ms)" >&2
  done
  phase[version]+="$(wall_of version) "
  phase[dryrun]+="$(wall_of restart --all --dry-run --json) "
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
# The services' own critical path: UsoSvc stop -> wuauserv stop -> wuauserv start -> UsoSvc start,
# against each independent service's stop + start.
theory=$(( 500 + 600 + 400 + 300 ))
printf '\nRestart of wuauserv, UsoSvc, BITS, CryptSvc, DoSvc under Wine (%d interleaved runs, medians)\n' "$REPS"
printf 'stand-in delays (stop/start ms): wuauserv 600/400, UsoSvc 500/300, BITS 700/200, CryptSvc 300/250, DoSvc 400/350\n'
printf 'critical path of those delays with UsoSvc before wuauserv: %d ms\n\n' "$theory"
printf '%-34s %10s %8s %10s %10s %8s\n' "tool" "wall ms" "x wall" "elapsed ms" "x elapsed" "cpu ms"
cw=$(med "${wall[critpath]}")
cp=$(med "${internal[critpath]}")
for tool in "${TOOLS[@]}"; do
  m=$(med "${internal[$tool]}"); w=$(med "${wall[$tool]}"); c=$(med "${cpu[$tool]}")
  case $tool in
    wufix) label="wufix restart --all";;
    critpath) label="critical path (event driven)";;
    sequential) label="sequential, 250 ms polling";;
    mssample) label="Microsoft sample loop (1-10 s)";;
  esac
  printf '%-34s %10s %8.3f %10s %10.3f %8s\n' "$label" "$w" "$(calc "$w / $cw")" "$m" "$(calc "$m / $cp")" "$c"
done
wm=$(med "${internal[wufix]}")
ww=$(med "${wall[wufix]}")
pv=$(med "${phase[version]}")
pd=$(med "${phase[dryrun]}")
printf '\nWhere wufix restart --all'"'"'s wall time (%s ms) goes beyond the critical-path tool'"'"'s wall (%s ms), %s ms,\n' \
  "$ww" "$cw" "$(calc "$ww - $cw")"
printf 'each part a median of runs of its own (so an estimate; a negative part is noise):\n'
printf '  %-86s %6s ms\n' \
  "starting and ending the process (wufix version), less the critical-path tool's own (wall - elapsed)" \
  "$(calc "$pv - ($cw - $cp)")" \
  "the SCM, reading the services, rights, lock, state folder, journal checks, plan (dry run - version)" \
  "$(calc "$pd - $pv")" \
  "journal and anchor, the waits over the path, the after-table, the event (rest, less the path)" \
  "$(calc "$ww - $pd - $cp")"
printf '  %-86s %6s ms\n' "wufix's own CPU time over the whole run (user + system, its process alone)" "$(med "${cpu[wufix]}")"

# SPEC 9: the wall time of the whole process against the critical-path tool's wall time.
tight=$(calc "1.05 * $cw + 30")
within=$(calc "($ww <= $tight) ? 1 : 0")
printf '\nwufix / critical path, wall: %.3f (wufix %s ms; SPEC 9: 1.05 x %s + 30 = %.0f ms: %s)\n' \
  "$(calc "$ww / $cw")" "$ww" "$cw" "$tight" "$([ "$within" = 1 ] && echo within || echo OVER)"
printf 'wufix / critical path, elapsed (first SCM call to the after-table): %.3f (%s / %s ms)\n' \
  "$(calc "$wm / $cp")" "$wm" "$cp"

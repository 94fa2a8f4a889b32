#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# scenarios.sh - black-box scenarios: the real wufix.exe against the stand-ins
# in the sandbox. Each asserts the exit code, the output, the final SCM state
# and, from the stand-ins' journal, the order in which services really moved.
#
#   scenarios.sh DIR BIN NAME     run scenario NAME (see the sc_ functions)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=sandbox.sh
source "$HERE/sandbox.sh"
set +e

DIR=$(realpath -m "$1"); BIN=$(realpath -m "$2"); NAME=$3
wine_env "$DIR"
FAILS=0
OUT="$DIR/out.txt"; ERR="$DIR/err.txt"

fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
# Every JSON wufix writes here is held against docs/json's schema.
wufix() {
  wine "$BIN/wufix.exe" "$@" >"$OUT" 2>"$ERR"; RC=$?
  case " $* " in
    *" --json "*) python3 "$HERE/check_json.py" --any "$OUT" >"$DIR/schema.txt" ||
      { fail "JSON not valid by docs/json (wufix $*)"; cat "$DIR/schema.txt"; } ;;
  esac
}
expect_rc() { [ "$RC" = "$1" ] || { fail "exit code $RC, expected $1"; show; }; }
expect_out() { grep -qF -- "$1" "$OUT" || { fail "stdout lacks: $1"; show; }; }
expect_err() { grep -qF -- "$1" "$ERR" || { fail "stderr lacks: $1"; show; }; }
show() { echo "--- stdout"; cat "$OUT"; echo "--- stderr"; cat "$ERR"; }
state() { svc state "$1" | tr -d '\r'; }
expect_state() { local s; s=$(state "$1"); [ "${s%% *}" = "$2" ] || fail "$1 is '$s', expected $2"; }
pid_of() { local s; s=$(state "$1"); echo "${s#* }"; }
# Journal: time of the first "NAME EVENT" line (empty if none).
t_of() { awk -v n="$1" -v e="$2" '$2 == n && $3 == e { print $1; exit }' "$DIR/journal.log"; }
expect_before() { # NAME1 EVENT1 NAME2 EVENT2: the first happened before the second
  local a b; a=$(t_of "$1" "$2"); b=$(t_of "$3" "$4")
  if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -gt "$b" ]; then
    fail "journal: expected '$1 $2' ($a) before '$3 $4' ($b)"; cat "$DIR/journal.log"
  fi
}
expect_journal_empty() { [ ! -s "$DIR/journal.log" ] || { fail "services moved:"; cat "$DIR/journal.log"; }; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$OUT"; }
# Restart a stand-in with extra behaviour.
with_behaviour() {
  local n=$1; shift
  standin_set "$n" "$@"
  svc stop "$n" >/dev/null; svc wait "$n" stopped 10000 >/dev/null
  svc start "$n" >/dev/null; svc wait "$n" running 10000 >/dev/null
  : >"$DIR/journal.log"
}

sc_status_json() {
  wufix status --json
  expect_rc 0
  [ "$(json 'd["command"], d["exit_code"], len(d["services"])')" = "status 0 4" ] || fail "JSON head: $(cat "$OUT")"
  [ "$(json 'sorted(d["services"][0].keys())')" = "['actions', 'after', 'before', 'display_name', 'error', 'in_set', 'name', 'protected', 'trigger_start']" ] || fail "service keys"
  [ "$(json 'd["services"][0]["before"]["state"], d["services"][1]["before"]["start_type"]')" = "running auto_delayed" ] || fail "states: $(cat "$OUT")"
  [ "$(json 'd["services"][2]["name"], d["services"][2]["protected"], d["services"][2]["before"]["state"]')" = \
    "WaaSMedicSvc True stopped" ] || fail "WaaSMedicSvc not reported as a protected, stopped service"
  # The build and the latest successes, as check --json has them.
  [ "$(json 'sorted(d["updating"].keys())')" = "['build', 'edition', 'last_install', 'last_install_before_reset', 'last_install_kb', 'last_scan', 'last_scan_before_reset', 'log_read', 'version']" ] ||
    fail "no updating object: $(cat "$OUT")"
  [ "$(json 'd["updating"]["build"] is not None')" = True ] || fail "no build in status --json"
  wufix status
  expect_rc 0; expect_out "  Windows build "
  expect_journal_empty
}

sc_restart_wuauserv() {
  local old; old=$(pid_of wuauserv)
  wufix restart --service wuauserv
  expect_rc 0
  expect_out "Before:"; expect_out "After:"; expect_out "started  wuauserv"
  expect_state wuauserv running
  [ "$(pid_of wuauserv)" != "$old" ] || fail "wuauserv kept PID $old"
  [ -z "$(t_of UsoSvc stop-received)" ] || fail "UsoSvc was touched"
}

sc_restart_default() {
  local old_w old_u; old_w=$(pid_of wuauserv); old_u=$(pid_of UsoSvc)
  wufix restart
  expect_rc 0
  expect_state wuauserv running; expect_state UsoSvc running
  [ "$(pid_of wuauserv)" != "$old_w" ] && [ "$(pid_of UsoSvc)" != "$old_u" ] || fail "PIDs unchanged"
  expect_before UsoSvc stopped wuauserv stop-received
  expect_before wuauserv running UsoSvc start-pending
  [ -z "$(t_of BITS stop-received)" ] || fail "BITS is not in the default set"
}

# Issue 28: each OpenServiceW is a round trip to the SCM while a person waits. A restart
# of the default set opens each service 10 times, as Wine's own trace counts them: its
# status, its configuration with Windows' traits, the deletion mark, its dependents; the
# status before the stop, the stop, the watch (whose handle the status reads while it
# moves use), the start; its status and start type after. On 8a0d128: 16.
sc_restart_opens_as_needed() {
  WINEDEBUG=+service wine "$BIN/wufix.exe" restart >"$OUT" 2>"$DIR/trace.txt"; RC=$?
  expect_rc 0
  local n c; for n in wuauserv UsoSvc; do
    c=$(grep -c "OpenServiceW .*L\"$n\"" "$DIR/trace.txt" || true)
    [ "$c" = 10 ] || { fail "$n was opened $c times, 10 expected"; grep -m40 "OpenServiceW" "$DIR/trace.txt"; }
  done
}

# A launch-protected service is never sent a stop (SPEC 4). On 0085826 DoSvc, which
# Windows 10 1809+ protects, was stopped by every restart --all and reset; Windows refuses
# that with 5 and the run rolled back (exit 4).
never_sent_a_stop() { # NAME PID_BEFORE
  [ -z "$(t_of "$1" stop-refused)$(t_of "$1" stop-received)" ] || { fail "$1 was sent a stop:"; cat "$DIR/journal.log"; }
  [ "$(pid_of "$1")" = "$2" ] || fail "$1 moved: PID $2 is now $(pid_of "$1")"
}

sc_restart_all() {
  local dosvc; dosvc=$(pid_of DoSvc)
  wufix restart --all --json
  expect_rc 0
  local n; for n in $(all_names); do expect_state "$n" running; done
  [ "$(json 'sum(len(s["actions"]) for s in d["services"])')" = 8 ] || fail "8 actions expected"
  [ "$(json '[s["protected"] for s in d["services"] if s["name"] == "DoSvc"][0]')" = True ] ||
    fail "DoSvc not reported as protected"
  never_sent_a_stop DoSvc "$dosvc"
  expect_before UsoSvc stopped wuauserv stop-received
  expect_before wuauserv running UsoSvc start-pending
  # Independent services moved together: BITS's stop went out before UsoSvc had stopped.
  expect_before BITS stop-received UsoSvc stopped
}

sc_stop_then_start() {
  wufix stop
  expect_rc 0
  expect_state wuauserv stopped; expect_state UsoSvc stopped; expect_state BITS running
  expect_before UsoSvc stopped wuauserv stop-received
  : >"$DIR/journal.log"
  wufix start
  expect_rc 0
  expect_state wuauserv running; expect_state UsoSvc running
  expect_before wuauserv running UsoSvc start-pending
}

sc_failed_start_restores() {
  standin_set BITS --fail-start 2       # running now; fails at its next start
  wufix restart --all
  expect_rc 4
  expect_err "could not start 'BITS': it stopped instead of starting, exit code 2"
  expect_out "Putting back what was changed:"
  local n; for n in wuauserv UsoSvc CryptSvc DoSvc; do expect_state "$n" running; done
}

sc_hung_stop_times_out() {
  with_behaviour wuauserv --hang-stop --hint-ms 60000
  local t0 t1; t0=$(date +%s%N)
  wufix restart --timeout 2
  t1=$(date +%s%N)
  expect_rc 4
  expect_err "could not stop 'wuauserv': still Stopping after 2."
  expect_state UsoSvc running
  local ms=$(( (t1 - t0) / 1000000 ))
  { [ $ms -ge 2000 ] && [ $ms -lt 8000 ]; } || fail "took $ms ms for a 2 s timeout"
}

sc_slow_stop_with_progress() {
  with_behaviour wuauserv --stop-ms 3500 --hint-ms 1000 --cp-ms 250
  wufix restart --service wuauserv --timeout 10
  expect_rc 0
  expect_state wuauserv running
  local a b; a=$(t_of wuauserv stop-received); b=$(t_of wuauserv stopped)
  [ $((b - a)) -ge 3400 ] || fail "stop took $((b - a)) ms, expected >= 3.5 s"
}

sc_disabled_blocks() {
  svc starttype wuauserv disabled >/dev/null
  wufix restart
  expect_rc 5
  expect_err "cannot restart 'wuauserv': the service is disabled"
  expect_journal_empty
  expect_state wuauserv running; expect_state UsoSvc running
}

sc_missing_blocks() {
  svc stop BITS >/dev/null; svc wait BITS stopped 10000 >/dev/null; svc delete BITS >/dev/null
  : >"$DIR/journal.log"
  wufix restart --all
  expect_rc 5
  expect_err "cannot restart 'BITS': the service is not installed"
  expect_journal_empty
  wufix status --all
  expect_rc 0
  expect_out "Not installed"
}

sc_bad_arguments_touch_nothing() {
  wufix --timeout abc status
  expect_rc 2; expect_err "wufix: --timeout: 'abc'"; expect_err "usage: wufix"
  wufix restart --service 'wu\auserv'
  expect_rc 2; expect_err "backslash"
  wufix restart --frobnicate
  expect_rc 2; expect_err "unknown option '--frobnicate'"
  wufix restart --all --dry-run
  expect_rc 0; expect_out "Dry run: nothing was changed."; expect_out "1. stop UsoSvc"
  expect_journal_empty
}

# The forms people type: a command in capitals, -? for help, a comma list after -s, a near
# miss. On b394e12 the first, the second and the third were usage errors (exit 2).
sc_command_line_forms() {
  wufix RESTART -s wuauserv,UsoSvc
  expect_rc 0; expect_out "1. stop UsoSvc"; expect_out "2. stop wuauserv"
  expect_state wuauserv running; expect_state UsoSvc running
  expect_before UsoSvc stopped wuauserv stopped
  : >"$DIR/journal.log"
  wufix -?
  expect_rc 0; expect_out "Commands, in the order they are used"
  [ "$(awk '{ sub(/\r$/, "") } length > 79' "$OUT" | wc -l)" = 0 ] || fail "a line of help is longer than 79 columns"
  wufix restart -?
  expect_rc 0; expect_out "usage: wufix restart [OPTIONS]"
  wufix restat
  expect_rc 2; expect_err "unknown command 'restat'; did you mean 'restart'?"
  wufix restart --frobnicate
  expect_rc 2; expect_err "usage: wufix restart [OPTIONS]"
  expect_journal_empty
}

sc_helpdesk_batch() {
  cp "$HERE/helpdesk.cmd" "$DIR/helpdesk.cmd"
  local out
  out=$(WUFIX="$(winpath "$BIN/wufix.exe")" wine cmd /c "$(winpath "$DIR/helpdesk.cmd")" | tr -d '\r')
  [ "$(tail -n 1 <<<"$out")" = "RESULT=ok" ] || fail "healthy run printed '$out'"
  svc starttype wuauserv disabled >/dev/null
  out=$(WUFIX="$(winpath "$BIN/wufix.exe")" wine cmd /c "$(winpath "$DIR/helpdesk.cmd")" | tr -d '\r')
  [ "$(tail -n 1 <<<"$out")" = "RESULT=blocked" ] || fail "disabled run printed '$out'"
}

# Wait until the journal has a line "NAME EVENT" (at most 15 s).
await_event() {
  local i
  for i in $(seq 1 150); do [ -n "$(t_of "$1" "$2")" ] && return 0; sleep 0.1; done
  fail "no '$1 $2' in the journal"; return 1
}

sc_two_at_once() {
  with_behaviour wuauserv --stop-ms 3000 --cp-ms 250
  wine "$BIN/wufix.exe" restart -q >"$DIR/first.out" 2>&1 &
  local first=$!
  await_event UsoSvc stopped
  wufix restart
  expect_rc 6
  expect_err "another wufix is changing services on this machine right now"
  wufix status
  expect_rc 0
  wait $first
  local rc1=$?
  [ $rc1 -eq 0 ] || { fail "the first run exited $rc1"; cat "$DIR/first.out"; }
  expect_state wuauserv running; expect_state UsoSvc running
}

sc_killed_run_recovers() {
  with_behaviour wuauserv --stop-ms 3000 --cp-ms 250
  wine "$BIN/wufix.exe" restart -q >"$DIR/first.out" 2>&1 &
  await_event wuauserv stop-received
  # Kill wufix itself (not the services) in the middle of the restart.
  pkill -9 -f 'wufix\.exe restart' || fail "no wufix process to kill"
  wait 2>/dev/null
  grep -q '^open 1$' "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt" || fail "the killed run left no open journal"
  svc wait wuauserv stopped 10000 >/dev/null
  expect_state UsoSvc stopped
  # The next changing run finds the journal and puts both back first.
  wufix start --service BITS
  expect_rc 0
  expect_err "found the journal of an unfinished 'restart'"
  expect_err "the unfinished run was put back"
  expect_state wuauserv running; expect_state UsoSvc running
  expect_before wuauserv running UsoSvc start-pending
  grep -q '^outcome ok$' "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt" || fail "journal not closed"
}


# The attack of a standard user on an elevated wufix, as it was tried: a
# journal planted in wufix's state folder asking for a debugger on the logon
# screen's sethc.exe, wuauserv's image pointed at the user's file, and a
# system file renamed. Nothing of it may happen; the file is kept and named.
SETHC='SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\sethc.exe'
STATE="$WINEPREFIX/drive_c/ProgramData/wufix"
plant_journal() { # OPEN(1|0) FILE
  printf '%s\n' 'wufix-journal 1' 'command repair' 'started 2026-11-21T10:00:00Z' 'pid 99' "open $1" \
    "outcome $([ "$1" = 1 ] && echo - || echo ok)" 'service 1 running manual wuauserv' \
    "fix reg sz 0 $SETHC|Debugger|C:\\Users\\Public\\evil.exe" \
    'fix image wuauserv|C:\Users\Public\evil.exe' \
    'fix rename 1 1 C:\windows\system32\drivers\etc\hosts|C:\windows\system32\drivers\etc\hosts.wufix-20261121-100000' \
    >"$2"
}
expect_unharmed() {
  [ "$(svc regget HKLM "$SETHC" Debugger | tr -d '\r')" = absent ] || fail "a Debugger was set for sethc.exe"
  local img; img=$(svc regget HKLM 'SYSTEM\CurrentControlSet\Services\wuauserv' ImagePath | tr -d '\r')
  [[ "$img" != *evil* ]] || fail "wuauserv's image is now $img"
  [ -f "$WINEPREFIX/drive_c/windows/system32/drivers/etc/hosts" ] || fail "the system file was renamed"
}

sc_planted_journal_does_nothing() {
  wufix restart -s BITS -q                  # wufix has made its folder: a trusted one
  expect_rc 0
  plant_journal 1 "$STATE/journal.txt"; cp "$STATE/journal.txt" "$DIR/planted.txt"
  : >"$DIR/journal.log"
  wufix restart -s BITS
  expect_rc 0
  expect_err "the journal in wufix's state folder is not trusted: it is not a journal wufix wrote"
  expect_err "nothing in it was acted on"
  expect_unharmed
  [ -z "$(t_of wuauserv stop-received)" ] && [ -z "$(t_of wuauserv start-pending)" ] || fail "wuauserv was moved"
  local kept; kept=$(ls "$STATE"/journal.untrusted-*.txt 2>/dev/null | head -n 1)
  [ -n "$kept" ] && cmp -s "$kept" "$DIR/planted.txt" || fail "the planted journal is not kept as it was"
  grep -qF "$(basename "$kept")" "$ERR" || fail "the report does not name where it is kept"
  # The same, marked closed, for undo.
  plant_journal 0 "$STATE/journal.txt"
  wufix undo
  expect_rc 0; expect_out "Nothing to undo"; expect_err "not trusted"
  expect_unharmed
  [ "$(ls "$STATE"/journal.untrusted-*.txt | wc -l)" -ge 1 ] || fail "the planted journal is gone"
}

# A state folder a standard user could write (Wine gives every file the
# same owner, so the owner check itself is proven on the fake; world-writable
# is what Wine can show): set aside unread, made anew, the run goes on.
sc_unsafe_folder_set_aside() {
  rm -rf "$STATE" "$STATE".untrusted-*
  mkdir -p "$STATE"; plant_journal 1 "$STATE/journal.txt"; chmod 0777 "$STATE"
  wufix restart -s BITS
  expect_rc 0
  expect_err "was not safe to use (S-1-1-0 may write to it"
  expect_err "it was set aside as C:\\ProgramData\\wufix.untrusted-"
  expect_unharmed
  local aside; aside=$(ls -d "$STATE".untrusted-* 2>/dev/null | head -n 1)
  [ -n "$aside" ] && [ -f "$aside/journal.txt" ] || fail "the unsafe folder or its journal is gone"
  grep -qF "C:\\Users\\Public\\evil.exe" "$aside/journal.txt" || fail "the planted journal was changed"
  grep -q '^command restart$' "$STATE/journal.txt" || fail "no journal of the run in the new folder"
  [ "$(stat -c %a "$STATE")" != 777 ] || fail "the new folder is world-writable"
  rm -rf "$STATE".untrusted-*
}

# The environment is the caller's: a ProgramData or SystemRoot pointed
# elsewhere moves neither the state folder nor the caches wufix renames.
# (Wine sets those variables itself for a process started from Linux, so the
# caller's are set in Wine's cmd, as a user's own prompt would.)
in_cmd() { # VAR=VALUE... -- wufix ARGS
  local sets="" a
  while [ "$1" != -- ]; do sets+="set $1&& "; shift; done; shift
  wine cmd /c "${sets}$(winpath "$BIN/wufix.exe") $*" >"$OUT" 2>"$ERR"; RC=$?
}
sc_environment_is_not_trusted() {
  local pub="$WINEPREFIX/drive_c/users/Public"
  rm -rf "$pub/wufix"
  in_cmd 'ProgramData=C:\users\Public' 'ALLUSERSPROFILE=C:\users\Public' -- restart -s BITS -q
  expect_rc 0
  [ ! -e "$pub/wufix" ] || fail "wufix used the state folder the environment named"
  grep -q '^command restart$' "$STATE/journal.txt" || fail "the journal is not in C:\\ProgramData\\wufix"
  mkdir -p "$pub/SoftwareDistribution" "$WINEPREFIX/drive_c/windows/SoftwareDistribution"
  in_cmd 'SystemRoot=C:\users\Public' 'windir=C:\users\Public' -- reset --dry-run
  expect_rc 0
  grep -qiF 'C:\users\Public\SoftwareDistribution' "$OUT" && fail "reset would rename a folder the environment named"
  grep -qiF 'C:\windows\SoftwareDistribution' "$OUT" || fail "reset's plan does not name C:\\windows\\SoftwareDistribution"
  rm -rf "$pub/SoftwareDistribution" "$pub/wufix"
}

sc_undo_after_stop() {
  local dosvc; dosvc=$(pid_of DoSvc)
  wufix stop --all
  expect_rc 0
  local n; for n in wuauserv UsoSvc BITS CryptSvc; do expect_state "$n" stopped; done
  never_sent_a_stop DoSvc "$dosvc" # launch-protected: left running
  wufix undo
  expect_rc 0
  expect_out "Undoing 'stop'"
  for n in $(all_names); do expect_state "$n" running; done
  never_sent_a_stop DoSvc "$dosvc"
  expect_before wuauserv running UsoSvc start-pending
  grep -q '^command undo$' "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt" || fail "no journal of the undo"
  wufix undo
  expect_rc 0
  expect_out "was an undo"
}

# check -q on a healthy sandbox: "healthy", unless this machine itself is short of disk space.
expect_healthy() {
  wufix check -q
  local out; out=$(tr -d '\r' <"$OUT")
  case "$out" in
    healthy) [ "$RC" = 0 ] || fail "healthy but exit $RC" ;;
    "1 problem (0 fixable): low_disk_space") [ "$RC" = 1 ] || fail "exit $RC" ;;
    *) fail "check says: $out (exit $RC)" ;;
  esac
}
IFEO='SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\UsoClient.exe'

sc_check_healthy() {
  expect_healthy
  wufix check --json
  [ "$(json 'd["command"], len(d["services"])')" = "check 4" ] || fail "check JSON: $(cat "$OUT")"
  [ "$(wc -c <"$OUT")" -lt 2048 ] || fail "check --json is 2048 characters or more"
  expect_journal_empty
}

sc_repair_disabled() {
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null; svc starttype wuauserv disabled >/dev/null
  wufix check -q
  expect_rc 1; expect_out "wuauserv:disabled"
  wufix repair
  expect_rc 0
  expect_out "wuauserv: start type disabled -> manual"
  # One count: the plan's steps and the change listed, the same at the end; no line that says nothing.
  expect_out "stop wuauserv (already stopped)"
  grep -qE "^Done: $(grep -oE '^Plan \(([0-9]+)' "$OUT" | grep -oE '[0-9]+') steps, 1 change in " "$OUT" ||
    { fail "the end does not count what the plan and the changes did"; show; }
  grep -E "was already stopped|^Then:|applied" "$OUT" >/dev/null && { fail "a line that says nothing"; show; }
  expect_state wuauserv running; expect_state UsoSvc running
  wufix status --json -s wuauserv
  [ "$(json 'd["services"][0]["before"]["start_type"]')" = manual ] || fail "start type not restored"
  expect_healthy
}

# Windows 11 24H2 (sandbox_play win11-24h2): checked against its own defaults, where b394e12 said it
# had none for the build; what no public source gives there is said once, not compared.
sc_check_healthy_24h2() {
  sandbox_play win11-24h2
  expect_healthy
  wufix check --all
  expect_rc 0
  grep -qF "no defaults for this Windows build" "$OUT" && { fail "24H2 said not covered"; show; }
  expect_out "(ServiceDll, account, security descriptor)"
  wufix status --json -s UsoSvc
  [ "$(json 'd["services"][0]["before"]["start_type"]')" = auto ] || fail "UsoSvc is not Automatic: $(cat "$OUT")"
  expect_journal_empty
}

# A disabled UsoSvc on 24H2 goes back to Automatic, as 24H2 ships it (b394e12: Manual).
sc_repair_disabled_usosvc_24h2() {
  sandbox_play win11-24h2
  svc stop UsoSvc >/dev/null; svc wait UsoSvc stopped 10000 >/dev/null; svc starttype UsoSvc disabled >/dev/null
  wufix check -q
  expect_rc 1; expect_out "UsoSvc:disabled"
  wufix repair
  expect_rc 0
  grep -qE "UsoSvc: start type disabled -> auto( |$)" "$OUT" || { fail "not set back to Automatic"; show; }
  expect_state UsoSvc running
  wufix status --json -s UsoSvc
  [ "$(json 'd["services"][0]["before"]["start_type"]')" = auto ] || fail "UsoSvc is not Automatic: $(cat "$OUT")"
  expect_healthy
}

# A changed account on 24H2: no public source gives the account there, so it is not compared, and
# check says so; played as Windows 10 22H2, where a source gives it, the same change is reported.
sc_account_changed_24h2() {
  sandbox_play win11-24h2
  svc account wuauserv 'NT AUTHORITY\LocalService' >/dev/null
  expect_healthy
  wufix check
  expect_rc 0
  expect_out "(ServiceDll, account, security descriptor)"
  grep -qF "wuauserv: the service runs as another account" "$OUT" && { fail "account compared on 24H2"; show; }
  sandbox_play win10
  wufix check -q
  expect_rc 1; expect_out "wuauserv:account"
}

sc_repair_tampered_image() {
  svc binpath UsoSvc 'C:\evil\nothing.exe' >/dev/null
  wufix check -q
  expect_rc 1; expect_out "UsoSvc:image_path"
  wufix repair
  expect_rc 0
  expect_state UsoSvc running
  expect_healthy
}

# An image path padded past 1,023 bytes (8a0d128 read it as unreadable: the service was out of
# repair's reach): check names it, repair --yes restores Windows' own, undo puts the long value
# back byte for byte, read from the registry where the SCM keeps it.
sc_long_image_path() {
  local key='SYSTEM\CurrentControlSet\Services\UsoSvc' long
  long="C:\\blocker\\pad.exe $(printf 'x%.0s' $(seq 1 1500))"
  # Wine's SCM has once (of many runs) answered the change and still read back the old
  # path: set it again, up to three times, until the registry holds it.
  local try
  for try in 1 2 3; do
    svc binpath UsoSvc "$long" >/dev/null
    [ "$(svc regget HKLM "$key" ImagePath)" = "$long" ] && break
    sleep 1
  done
  [ "$(svc regget HKLM "$key" ImagePath)" = "$long" ] || fail "the stand-in's image path was not set whole"
  wufix check -q
  expect_rc 1; expect_out "UsoSvc:image_path"
  wufix repair --yes
  expect_rc 0
  expect_state UsoSvc running
  expect_healthy
  grep -q "^fix image UsoSvc|C:.*pad.exe x\{1500\}$" "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt" ||
    fail "the long image path is not in the journal whole"
  wufix undo --yes
  expect_rc 0
  [ "$(svc regget HKLM "$key" ImagePath)" = "$long" ] ||
    fail "undo did not put the long image path back byte for byte"
}

# A ServiceDll padded past 1,023 bytes (8a0d128 read it as unreadable: registry_unreadable, not
# fixable): check names it, repair restores Windows' own, undo puts the long value back byte for
# byte. A Debugger longer than wufix records whole (12,289 bytes): reported, and repair leaves it.
sc_long_registry_values() {
  local key='SYSTEM\CurrentControlSet\Services\UsoSvc\Parameters' was long huge
  was=$(svc regget HKLM "$key" ServiceDll)
  long="C:\\blocker\\$(printf 'd%.0s' $(seq 1 2000)).dll"
  svc reg HKLM "$key" ServiceDll expand "$long" >/dev/null
  [ "$(svc regget HKLM "$key" ServiceDll)" = "$long" ] || fail "the long ServiceDll was not set whole"
  wufix check -q
  expect_rc 1; expect_out "UsoSvc:service_dll"
  wufix repair --yes
  expect_rc 0
  [ "$(svc regget HKLM "$key" ServiceDll)" = "$was" ] || fail "repair did not restore Windows' ServiceDll"
  wufix undo --yes
  expect_rc 0
  [ "$(svc regget HKLM "$key" ServiceDll)" = "$long" ] ||
    fail "undo did not put the long ServiceDll back byte for byte"
  svc reg HKLM "$key" ServiceDll expand "$was" >/dev/null
  huge=$(printf 'x%.0s' $(seq 1 13000))
  svc reg HKLM "$IFEO" Debugger sz "$huge" >/dev/null
  wufix check -q
  expect_rc 1; expect_out "UsoClient.exe:blocker_ifeo_debugger"
  wufix repair --yes
  expect_rc 1
  [ "$(svc regget HKLM "$IFEO" Debugger)" = "$huge" ] || fail "repair changed a Debugger it could not record"
}

sc_repair_ifeo_debugger() {
  svc reg HKLM "$IFEO" Debugger sz / >/dev/null
  wufix check -q
  expect_rc 1; expect_out "UsoClient.exe:blocker_ifeo_debugger"
  wufix repair --dry-run
  expect_rc 0; expect_out "UsoClient.exe\Debugger: \"/\" -> (none)"
  wufix check -q
  expect_rc 1                                # the dry run changed nothing
  wufix repair
  expect_rc 0
  expect_healthy
}

sc_undo_after_repair() {
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null; svc starttype wuauserv disabled >/dev/null
  svc reg HKLM "$IFEO" Debugger sz / >/dev/null
  wufix repair
  expect_rc 0
  expect_healthy
  # A restart changes no configuration: it never takes the repair's place (on b394e12 undo
  # then said "Plan: nothing to do" and the repair could never be undone).
  wufix restart
  expect_rc 0
  wufix undo --list
  expect_rc 0; expect_out "repair   2 configuration values, service states"
  grep -q restart "$OUT" && fail "undo --list offers the restart"
  # The dry run shows each value it puts back, was -> will be (b394e12: "stop wuauserv" alone).
  wufix undo --dry-run
  expect_rc 0; expect_out "Undoing 'repair'"; expect_out "wuauserv: start type manual -> disabled"
  expect_out 'UsoClient.exe\Debugger: (none) -> "/"'; expect_out "stop wuauserv"
  expect_state wuauserv running
  wufix undo
  expect_rc 0; expect_out "Undoing 'repair'"
  # The After table comes once every value is back (b394e12 showed wuauserv Manual).
  sed -n '/^After:/,$p' "$OUT" | grep wuauserv | grep Disabled >/dev/null || { fail "After does not show wuauserv Disabled"; show; }
  expect_state wuauserv stopped
  wufix check -q
  expect_rc 1; expect_out "wuauserv:disabled"; expect_out "UsoClient.exe:blocker_ifeo_debugger"
  wufix undo
  expect_rc 0; expect_out "Nothing to undo: the last run ('undo'"
}

# The caches reset sets aside, with a marker; BITS holds its queue file open
# while it runs, as Windows' does, so a rename before it stops would fail.
C="$WINEPREFIX/drive_c"
SD="$C/windows/SoftwareDistribution"; CAT="$C/windows/system32/catroot2"
DL="$C/ProgramData/Microsoft/Network/Downloader"; QMGR='C:\ProgramData\Microsoft\Network\Downloader\qmgr0.dat'
caches() {
  mkdir -p "$SD/Download" "$CAT" "$DL"
  echo "marker $$" >"$SD/marker.txt"
  head -c 100000 /dev/zero >"$SD/Download/update.cab"
  echo catalog >"$CAT/edb.log"
  echo queue >"$DL/qmgr0.dat"
  with_behaviour BITS --hold "$QMGR"
  svc rename "$QMGR" "$QMGR.probe" 2>/dev/null && fail "renamed a file BITS holds open: the probe proves nothing"
}
one() { compgen -G "$1" | head -1; }

sc_reset_sets_aside() {
  caches
  local dosvc; dosvc=$(pid_of DoSvc)
  wufix reset
  expect_rc 0
  never_sent_a_stop DoSvc "$dosvc"
  expect_out 'set aside C:\windows\SoftwareDistribution -> C:\windows\SoftwareDistribution.wufix-'
  expect_out '(98 KB in 2 files)'
  expect_out "Set aside (delete them once updates work again; 'wufix undo' puts them back):"
  local sd; sd=$(one "$SD.wufix-*")
  [ -n "$sd" ] && [ "$(cat "$sd/marker.txt")" = "marker $$" ] || fail "marker not intact in the renamed folder ($sd)"
  [[ "$sd" =~ \.wufix-[0-9]{8}-[0-9]{6}$ ]] || fail "aside name: $sd"
  [ ! -e "$SD/marker.txt" ] || fail "marker still in the original folder"
  [ "$(cat "$(one "$CAT.wufix-*")/edb.log")" = catalog ] || fail "catroot2 not set aside"
  [ "$(cat "$(one "$DL/qmgr0.dat.wufix-*")")" = queue ] || fail "qmgr0.dat not set aside"
  for n in wuauserv UsoSvc BITS CryptSvc DoSvc; do expect_state "$n" running; done
  expect_before BITS stopped BITS start-pending
  expect_healthy
}

# A process (not a service) holds qmgr0.dat open without sharing for good: reset tries 5
# times, puts everything back and exits 4. wufix asks the Restart Manager who holds it
# (rstrtmgr.dll loaded from System32 then), but Wine's RmGetList is a stub that names
# no one (dlls/rstrtmgr/main.c: "stub!", 0 processes): the message names no holder here,
# and the naming is tested on the fake (test_reset.c).
sc_reset_held_by_a_process() {
  mkdir -p "$SD" "$CAT" "$DL"
  echo "marker $$" >"$SD/marker.txt"
  echo catalog >"$CAT/edb.log"
  echo queue >"$DL/qmgr0.dat"
  local held="$DIR/held.txt"
  wine "$BIN/wfsvc.exe" hold "$QMGR" 20000 >"$held" 2>&1 &
  local holder=$! tries=0
  until grep -q held "$held" 2>/dev/null; do
    tries=$((tries + 1)); [ $tries -lt 100 ] || { fail "the holder never opened qmgr0.dat: $(cat "$held")"; break; }
    sleep 0.1
  done
  wufix reset --yes
  expect_rc 4
  expect_err "cannot set aside $QMGR (in_use, tried 5 times): another program holds it open; putting everything back"
  grep -qF "held by" "$ERR" && fail "Wine's Restart Manager named a holder: its RmGetList is no longer a stub"
  [ -e "$SD/marker.txt" ] || fail "SoftwareDistribution was not put back"
  kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
  for n in wuauserv UsoSvc BITS CryptSvc; do expect_state "$n" running; done
}

sc_undo_after_reset() {
  caches
  local dosvc; dosvc=$(pid_of DoSvc)
  wufix reset
  expect_rc 0
  [ "$(cat "$DL/qmgr0.dat")" = "" ] || fail "BITS did not make its queue file again"
  wufix undo
  expect_rc 0
  expect_out 'put back C:\windows\SoftwareDistribution'
  [ "$(cat "$SD/marker.txt")" = "marker $$" ] || fail "marker not back"
  [ "$(cat "$CAT/edb.log")" = catalog ] || fail "catroot2 not back"
  [ "$(cat "$DL/qmgr0.dat")" = queue ] || fail "qmgr0.dat not back"
  [ -z "$(one "$SD.wufix-*")" ] || fail "a SoftwareDistribution copy is left: $(one "$SD.wufix-*")"
  [ -n "$(one "$DL/qmgr0.dat.wufix-*-recreated")" ] || fail "the queue file BITS made again was not kept aside"
  for n in wuauserv UsoSvc BITS CryptSvc DoSvc; do expect_state "$n" running; done
  never_sent_a_stop DoSvc "$dosvc"
}

# Windows' own copy of wuauserv's defaults, UTF-16 with a byte order mark as Windows
# writes it, edited to Disabled as blockers do (privacy.sexy #272/#294). Its owner set
# wuauserv back to Manual since, and it runs. On 0085826 the file's Disabled won over the
# table and repair refused with exit 5 ("the service is disabled"). Now the file is a
# blocker's trace, reported; the table applies, and repair leaves wuauserv as it is.
sc_waas_file_edited() {
  mkdir -p "$C/windows/WaaS/services"
  python3 - "$C/windows/WaaS/services/5f0e.xml" <<'PY'
import sys
xml = ('<?xml version="1.0" encoding="utf-16"?>\r\n<assembly manifestVersion="1.0"><categoryInstance subcategory="wuauserv">'
       '<serviceData name="wuauserv" start="disabled" type="win32ShareProcess" dependOnService="rpcss" '
       'imagePath="%systemroot%\\system32\\svchost.exe -k netsvcs -p" objectName="LocalSystem"/>'
       '</categoryInstance></assembly>\r\n')
open(sys.argv[1], 'wb').write(b'\xff\xfe' + xml.encode('utf-16-le'))
PY
  wufix check
  expect_rc 1
  expect_out 'waas_file_edited'
  expect_out 'found: C:\windows\WaaS\services\5f0e.xml: start=disabled; expected: start manual'
  wufix repair --yes
  expect_rc 0
  wufix status --json -s wuauserv
  [ "$(json 'd["services"][0]["before"]["start_type"]')" = manual ] || fail "wuauserv is not Manual after repair"
  expect_state wuauserv running
}

# Traces real blockers leave beyond the services, planted as they write them (Windows Update
# Blocker v1.7's Debuggers and WubBlockLists, its NoWindowsUpdate; a user's own policy and
# DisallowRun in the user's hive; a dead WSUS on 127.0.0.1; Wu10Man 2018's LocalService), read
# through the real registry code (REG_MULTI_SZ, HKEY_USERS): check finds each, repair removes
# what a blocker alone wrote and sets the account back, policies stay, undo puts back every
# value exactly. 0085826 saw none of them but the NoWindowsUpdate-less ones it already knew.
sc_blocker_traces() {
  local ifeo='SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options'
  local pol='Software\Microsoft\Windows\CurrentVersion\Policies'
  svc reg HKLM "$ifeo\\remsh.exe" Debugger sz / >/dev/null
  svc reg HKLM "$ifeo\\MoUsoCoreWorker.exe" Debugger sz / >/dev/null
  svc reg HKLM "$ifeo" WubBlockLists multi "remsh.exe,MoUsoCoreWorker.exe" >/dev/null
  svc reg HKLM "$pol\\Explorer" NoWindowsUpdate dword 1 >/dev/null
  svc reg HKCU "$pol\\WindowsUpdate" DisableWindowsUpdateAccess dword 1 >/dev/null
  svc reg HKCU "$pol\\Explorer" DisallowRun dword 1 >/dev/null
  svc reg HKCU "$pol\\Explorer\\DisallowRun" 1 sz UsoClient.exe >/dev/null
  svc reg HKLM 'SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU' UseWUServer dword 1 >/dev/null
  svc reg HKLM 'SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate' WUServer sz 'http://127.0.0.1:8530' >/dev/null
  svc account wuauserv 'NT AUTHORITY\LocalService' >/dev/null
  local lists; lists=$(wine reg query "HKLM\\$ifeo" /v WubBlockLists | tr -d '\r' | grep WubBlockLists)
  wufix check --all --json
  expect_rc 1
  local codes; codes=$(json '" ".join(sorted((p.get("program") or p["service"] or "") + ":" + p["code"] for p in d["problems"] if p["severity"] != "info"))')
  [ "$(json '[p["service"] for p in d["problems"] if "program" in p]')" = "[None, None, None]" ] ||
    fail "a program named as a service: $(cat "$OUT")"
  [ "$codes" = ":blocker_wub_blocklists :policy_no_windows_update :policy_user_blocks_access :policy_wsus_loopback MoUsoCoreWorker.exe:blocker_ifeo_debugger UsoClient.exe:policy_disallow_run remsh.exe:blocker_ifeo_debugger wuauserv:account" ] ||
    fail "problems: $codes"
  wufix repair --all --yes
  expect_rc 1 # the policies are left: errors repair cannot fix
  [ "$(svc config wuauserv)" = "manual LocalSystem" ] || fail "wuauserv runs as: $(svc config wuauserv)"
  [ "$(svc regget HKLM "$ifeo" WubBlockLists)" = absent ] || fail "WubBlockLists left"
  [ "$(svc regget HKLM "$ifeo\\remsh.exe" Debugger)" = absent ] || fail "remsh.exe's Debugger left"
  [ "$(svc regget HKLM 'SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate' WUServer)" = 'http://127.0.0.1:8530' ] ||
    fail "a policy was changed"
  wufix check --all -q
  expect_rc 1
  expect_out "4 problems (0 fixable)"
  wufix undo --yes
  expect_rc 0
  [ "$(svc config wuauserv)" = "manual NT AUTHORITY\LocalService" ] || fail "account not put back: $(svc config wuauserv)"
  [ "$(wine reg query "HKLM\\$ifeo" /v WubBlockLists | tr -d '\r' | grep WubBlockLists)" = "$lists" ] ||
    fail "WubBlockLists not put back as it was"
  [ "$(svc regget HKLM "$ifeo\\MoUsoCoreWorker.exe" Debugger)" = / ] || fail "a Debugger not put back"
}

# A display name holding escape sequences (clear the screen, set the clipboard through OSC 52)
# and a line break that forges wufix's last line: on 0085826 they reached the terminal and the
# log byte for byte. Every such byte now comes out escaped, in text and in the log.
sc_text_from_the_system_escaped() {
  svc display BITS $'Evil\e[2J\e]52;c;aGk=\a\r\nwufix ended: exit code 0 (success)' >/dev/null
  wufix status --all --log 'C:\wufix-escape.log'
  expect_rc 0
  local log="$C/wufix-escape.log"
  if LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]' "$OUT"; then fail "a control byte reached stdout:"; od -c "$OUT" | head -20; fi
  expect_out 'Evil\x1b[2J\x1b]52;c;aGk=\x07\x0d\x0a'
  [ "$(grep -c 'wufix ended:' "$log")" = 1 ] || { fail "the log has a forged record:"; cat -v "$log"; }
  LC_ALL=C grep -q $'\x1b' "$log" && fail "an escape byte reached the log"
  svc display BITS "Background Intelligent Transfer Service" >/dev/null
  rm -f "$log"
}

# An image path holding a line break and then a journal line of an attacker's: on 0085826 the
# journal recorded it verbatim, wufix anchored that journal itself, and undo set the Debugger
# the forged line named. Now the value is recorded exactly (escaped) and undo puts back the
# image path as it was, byte for byte, and nothing else.
sc_journal_records_values_exactly() {
  local ifeo='SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options\UsoClient.exe'
  local evil=$'C:\\x.exe\nfix reg sz 0 '"$ifeo"$'|Debugger|C:\\evil.exe'
  svc binpath wuauserv "$evil" >/dev/null
  wufix repair --yes
  expect_rc 0
  grep -q "^fix image wuauserv|C:.*%0Afix reg sz 0" "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt" ||
    { fail "the image path is not recorded escaped:"; cat "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt"; }
  wufix undo --yes
  expect_rc 0
  [ "$(svc regget HKLM "$ifeo" Debugger)" = absent ] || fail "undo set the Debugger a forged journal line named"
  wufix check --json -s wuauserv
  [ "$(json '[p["evidence"]["found"] for p in d["problems"] if p["code"] == "image_path"][0]')" = "$evil" ] ||
    fail "the image path was not put back byte for byte: $(cat "$OUT")"
}

# A process holding wufix's journal open with no sharing (on 0085826 any user could: the files
# gave Users read): each run took the journal for unreadable, moved the anchor, failed to save
# (exit 8), and after two runs set wufix's own journal aside as untrusted, so undo was lost.
# Now: busy (exit 6) while it is held, nothing changed, nothing set aside; then undo works.
sc_busy_journal_is_never_lost() {
  wufix restart
  expect_rc 0
  local dir="$WINEPREFIX/drive_c/ProgramData/wufix" held="$DIR/held.txt" sum asides
  sum=$(sha256sum <"$dir/journal.txt")
  asides=$(compgen -G "$dir/journal.untrusted-*" | wc -l)
  wine "$BIN/wfsvc.exe" hold 'C:\ProgramData\wufix\journal.txt' 9000 >"$held" 2>&1 &
  local holder=$! tries=0
  until grep -q held "$held" 2>/dev/null; do
    tries=$((tries + 1)); [ $tries -lt 100 ] || { fail "the holder never opened the journal: $(cat "$held")"; break; }
    sleep 0.1
  done
  wufix restart
  expect_rc 6
  expect_err "held open by another process (busy)"
  wufix restart
  expect_rc 6
  wait "$holder"
  [ "$(sha256sum <"$dir/journal.txt")" = "$sum" ] || fail "the journal changed while it was held"
  [ "$(compgen -G "$dir/journal.untrusted-*" | wc -l)" = "$asides" ] || fail "wufix set its own journal aside"
  wufix undo --yes
  expect_rc 0
  expect_out "Nothing to undo: the last run ('restart'" # read again; that restart left each service as it was
}

# Paths the caller names are judged whole. A folder on the way swapped for a link (here a
# symbolic link in the prefix's C:, which Wine follows as Windows follows a junction) sends
# the elevated wufix's --log write elsewhere; a file with a second name (a hard link) is
# another file's too. Both refused (exit 2) before anything, naming why, and nothing written
# where the link points; the same rules for an @FILE list. On 0085826 both logs were written.
sc_caller_paths_judged_whole() {
  local target="$C/wufix-target" link="$C/wufix-link"
  rm -rf "$target" "$link"; mkdir -p "$target"; ln -s "$target" "$link"
  wufix restart -s BITS --log 'C:\wufix-link\x.log'
  expect_rc 2
  expect_err "reached through a link"
  [ -z "$(ls -A "$target")" ] || fail "wufix wrote where the link points: $(ls "$target")"
  expect_journal_empty
  : >"$C/wufix-plain.log"; ln -f "$C/wufix-plain.log" "$C/wufix-hard.log"
  wufix restart -s BITS --log 'C:\wufix-hard.log'
  expect_rc 2
  expect_err "a file with more than one name"
  [ ! -s "$C/wufix-plain.log" ] || fail "wufix appended to a file through its second name"
  printf 'localhost\n' >"$target/list.txt"
  wufix status --computer '@C:\wufix-link\list.txt'
  expect_rc 2
  expect_err "reached through a link"
  rm -rf "$target" "$link" "$C/wufix-plain.log" "$C/wufix-hard.log"
}

# The anchor's key as Windows makes it: Wine ignores the descriptor given to
# RegCreateKeyEx, Windows keeps it, so lay it as Windows would have (owner
# Administrators, Users allowed KEY_READ, whose KEY_NOTIFY 0x10 is no write
# right on a key). Every changing run must still go on (judged with a
# folder's rights, 0x10 read as FILE_WRITE_EA and each one exited 8).
sc_anchor_key_as_windows_lays_it() {
  local key='SOFTWARE\wufix' sddl='O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KR;;;BU)' now
  now=$(svc keysddl HKLM "$key" "$sddl" | tr -d '\r') || fail "the key's descriptor cannot be laid"
  [[ "$now" == O:BA*"(A;CI;KR;;;BU)"* ]] || fail "Wine did not keep the descriptor laid: '$now'"
  wufix restart -s BITS -q; expect_rc 0
  wufix stop -s BITS -q;    expect_rc 0
  expect_state BITS stopped
  wufix undo -q;            expect_rc 0
  expect_state BITS running
  now=$(svc keysddl HKLM "$key" | tr -d '\r')
  [[ "$now" == O:BA*"(A;CI;KR;;;BU)"* ]] || fail "wufix changed the key's descriptor: '$now'"
  # A key Users may write to vouches for nothing: laid with KEY_SET_VALUE for
  # Users, wufix gives it back its own list before it trusts it.
  svc keysddl HKLM "$key" 'O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KRKW;;;BU)' >/dev/null
  wufix restart -s BITS -q; expect_rc 0
  now=$(svc keysddl HKLM "$key" | tr -d '\r')
  [[ "$now" != *"KW;;;BU"* && "$now" != *"0x2001f;;;BU"* ]] || fail "Users may still write to the key: '$now'"
}

# SPEC 2, 3 and 7 as scripts meet them (each was a finding on the sandbox).
schema() { # COMMAND EXIT: stdout is one object of SPEC 7's schema saying so
  python3 "$HERE/check_json.py" "$OUT" "$1" "$2" || { fail "JSON of $1 (exit $2)"; show; }
}

sc_json_schema_every_command() {
  wufix status --json;               expect_rc 0; schema status 0
  wufix check --json;                expect_rc 0; schema check 0
  [ "$(wc -c <"$OUT")" -lt 2048 ] || fail "check --json of a healthy sandbox is $(wc -c <"$OUT") characters"
  wufix restart --json;              expect_rc 0; schema restart 0
  wufix stop --json -s BITS;         expect_rc 0; schema stop 0
  wufix start --json -s BITS;        expect_rc 0; schema start 0
  wufix repair --json --yes;         expect_rc 0; schema repair 0
  wufix reset --json --all --dry-run; expect_rc 0; schema reset 0
  wufix undo --json;                 expect_rc 0; schema undo 0
  wufix restart --json -s 'wu\auserv'; expect_rc 2; schema restart 2
  [ "$(json 'd["error"]["message"]')" = "--service: 'wu\\auserv' is not a service name (it holds a backslash, a slash or a control character)" ] ||
    fail "the usage error does not quote the value: $(cat "$OUT")"
  expect_err "'wu\\auserv'"
  wufix --json --frob; expect_rc 2
  python3 "$HERE/check_json.py" "$OUT" || fail "usage error JSON"
  [ "$(json 'd["command"], d["exit_code"]')" = "None 2" ] || fail "usage error JSON without a command: $(cat "$OUT")"
}

sc_check_json_failed_last_run() {
  standin_set wuauserv --fail-start 1067
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null
  svc start wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null
  wufix check --json
  expect_rc 1; schema check 1
  cp "$OUT" "$DIR/check-failed.json"
  [ "$(json '[(p["code"], p["evidence"]["found"], p["evidence"]["exit_code"]) for p in d["problems"] if p["service"] == "wuauserv"]')" = \
    "[('last_run_failed', '1067', 1067)]" ] || fail "no last_run_failed with 1067: $(cat "$OUT")"
  [ -n "$(json '[p["evidence"]["exit_message"] for p in d["problems"]][0]')" ] || fail "no system words for 1067"
  wufix check
  expect_out "found: 1067 ("
  standin_set wuauserv
}

sc_blocked_json_says_why() {
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null; svc starttype wuauserv disabled >/dev/null
  : >"$DIR/journal.log"
  wufix restart --json
  expect_rc 5; schema restart 5
  [ "$(json '[(s["name"], s["error"]["code"], s["error"]["syscode"]) for s in d["services"] if s["error"]]')" = \
    "[('wuauserv', 'disabled', 1058)]" ] || fail "wuauserv's error: $(cat "$OUT")"
  [ "$(json '[(p["service"], p["code"], p["fixable"]) for p in d["problems"]]')" = "[('wuauserv', 'disabled', True)]" ] ||
    fail "problems: $(cat "$OUT")"
  expect_err "'wufix repair' turns it back on"
  expect_journal_empty
}

sc_marked_for_deletion_blocks() {
  svc delete wuauserv >/dev/null           # running: marked for deletion, gone when it stops
  : >"$DIR/journal.log"
  wufix restart
  expect_rc 5; expect_err "'wuauserv': the service is marked for deletion"
  expect_state wuauserv running            # not stopped: stopping it would delete it
  expect_journal_empty
  wufix restart --json; expect_rc 5; schema restart 5
  [ "$(json '[s["error"]["syscode"] for s in d["services"] if s["error"]]')" = "[1072]" ] || fail "no 1072: $(cat "$OUT")"
  wufix check -q
  expect_rc 1; expect_out "wuauserv:marked_for_deletion"
  wufix repair; expect_rc 5
  expect_state wuauserv running
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null   # now it goes; the reset re-registers it
}

sc_yes_all_and_log() {
  local log="$WINEPREFIX/drive_c/wufix.log"; rm -f "$log"
  wufix repair --yes;                 expect_rc 0
  mkdir -p "$WINEPREFIX/drive_c/windows/SoftwareDistribution"
  wufix reset --all --yes --log 'C:\wufix.log'
  expect_rc 0
  grep -q "made 0 change" "$OUT" && fail "reset printed 'made 0 changes'"
  wufix start --log 'C:\wufix.log';   expect_rc 0
  python3 "$HERE/cmtrace.py" "$log" >"$DIR/log.txt" || { fail "the log is not CMTrace lines"; cat "$DIR/log.txt"; }
  grep -q '^1 wufix 0.1.0 started: wufix reset --all --yes --log C:\\wufix.log' "$DIR/log.txt" || fail "no start entry"
  grep -q '^1 .*with every service stopped, set aside' "$DIR/log.txt" || fail "the plan is not in the log"
  grep -q '^1 wufix ended: exit code 0 (success)' "$DIR/log.txt" || fail "no end entry"
  [ "$(grep -c 'started: wufix' "$DIR/log.txt")" = 2 ] || fail "the second run did not append"
  cp "$log" "$DIR/wufix.log"
  wufix restart --log 'C:\no\such\folder\x.log'
  expect_rc 2; expect_err "--log: cannot open 'C:\\no\\such\\folder\\x.log'"
  wufix undo; expect_rc 0
}

# The plan printed is the plan run: each line numbered once, the count right,
# reset's caches between the last stop and the first start.
sc_plan_numbers() {
  wufix restart --all --dry-run
  expect_rc 0
  local nums count
  nums=$(tr -d '\r' <"$OUT" | grep -oE '^  [0-9]+\.' | tr -d ' .' | tr '\n' ' ')
  count=$(tr -d '\r' <"$OUT" | sed -n 's/^Plan (\([0-9]*\) steps.*/\1/p')
  [ "$nums" = "$(seq -s ' ' 1 "$count") " ] || fail "steps numbered '$nums' for a plan of $count"
  mkdir -p "$WINEPREFIX/drive_c/windows/SoftwareDistribution"
  wufix reset --dry-run
  expect_rc 0
  local o; o=$(tr -d '\r' <"$OUT")
  local last_stop first_start aside
  last_stop=$(grep -n '^  [0-9]*\. stop ' <<<"$o" | tail -n 1 | cut -d: -f1)
  aside=$(grep -n 'with every service stopped, set aside' <<<"$o" | cut -d: -f1)
  first_start=$(grep -n '^  [0-9]*\. start ' <<<"$o" | head -n 1 | cut -d: -f1)
  [ -n "$aside" ] && [ "$last_stop" -lt "$aside" ] && [ "$aside" -lt "$first_start" ] ||
    fail "reset's plan: last stop line $last_stop, set aside $aside, first start $first_start"
}


# Each changing run leaves one Application-log event; Wine's event log only
# prints to its debug channel, so what is shown here is the source's
# registration (the event's text is tested on the fake).
sc_event_source_registered() {
  local key='SYSTEM\CurrentControlSet\Services\EventLog\Application\wufix'
  # Installed as Windows installs programs: C:\Program Files\wufix, every folder on the way
  # administrators' alone (under Wine, the drive's folders by their Unix modes; the build
  # folder may lie under one anyone may write, such as /tmp, whose folders could be renamed
  # away: the registration is judged on the whole way, so it is never made from there).
  local inst="$C/Program Files/wufix"
  mkdir -p "$inst"; cp "$BIN/wufix.exe" "$inst/"; chmod 755 "$C" "$C/Program Files" "$inst"
  wine "$inst/wufix.exe" restart -s BITS -q >"$OUT" 2>"$ERR"; RC=$?
  expect_rc 0
  local file; file=$(svc regget HKLM "$key" EventMessageFile | tr -d '\r')
  [[ "$file" == *'Program Files\wufix\wufix.exe' ]] || fail "the event source's message file is '$file'"
  WINEDEBUG=+eventlog wine "$inst/wufix.exe" restart -s BITS -q >"$OUT" 2>"$ERR"
  grep -q "wufix restart ended with exit code 0" "$ERR" || fail "no event reported: $(grep -i eventlog "$ERR" | head -3)"
  # Run from a folder anyone may write (Downloads, a share): the registration is never moved
  # there, where whoever can replace the file would change how wufix's events read.
  local open="$C/wufix-open"
  rm -rf "$open"; mkdir -p "$open"; cp "$BIN/wufix.exe" "$open/"; chmod 777 "$open"
  wine "$open/wufix.exe" restart -s BITS -q >"$OUT" 2>"$ERR"; RC=$?
  expect_rc 0
  [ "$(svc regget HKLM "$key" EventMessageFile | tr -d '\r')" = "$file" ] ||
    fail "the event source was moved to a folder anyone may write: $(svc regget HKLM "$key" EventMessageFile)"
  rm -rf "$open" "$inst"
}

# A real terminal (tmux): wufix started directly in a pane is alone on its
# console, as a double-click makes it; from Wine's cmd it shares it.
# Each pane gets a tmux server of its own: a new session on the socket of a
# server that kill-server is still taking down fails with "server exited
# unexpectedly" (measured: 17 of 200 back-to-back starts).
TMUX_N=0
TMUX_SOCK="wufix-scenario-$$-0"
tm() { tmux -L "$TMUX_SOCK" "$@"; }
tm_start() { # CMD...: a fresh 160x60 pane (TM_COLS wide if set) running CMD in the sandbox
  tm kill-server 2>/dev/null; rm -f "$DIR/tmux.rc"
  TMUX_N=$((TMUX_N + 1)); TMUX_SOCK="wufix-scenario-$$-$TMUX_N"
  tm new-session -d -s w -x "${TM_COLS:-160}" -y 60 \
    "env WINEPREFIX='$WINEPREFIX' WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' $*; echo \"EXIT=\$?\" >'$DIR/tmux.rc'; sleep 120" ||
    fail "tmux could not start a terminal"
}
screen() { tm capture-pane -p -t w -S -300 "$@"; }
tm_wait() { # TEXT [SECONDS]: until the screen shows TEXT
  local i
  for i in $(seq 1 $(( ${2:-40} * 5 ))); do
    screen 2>/dev/null | grep -F -- "$1" >/dev/null && return 0
    tm has-session -t w 2>/dev/null || { fail "the terminal is gone, waiting for: $1"; return 1; }
    sleep 0.2
  done
  fail "the screen never showed: $1"; screen; return 1
}
tm_exit() { # CODE: the pane's wufix ended with CODE
  local i; for i in $(seq 1 100); do [ -s "$DIR/tmux.rc" ] && break; sleep 0.2; done
  [ "$(cat "$DIR/tmux.rc" 2>/dev/null)" = "EXIT=$1" ] || fail "in the terminal wufix ended with '$(cat "$DIR/tmux.rc" 2>/dev/null)', not $1"
}
# Not elevated, for real: tests/wine/limited.exe starts wufix with the limited half of Wine's
# administrator token (TokenLinkedToken), as a standard user or an unanswered UAC prompt has it.
# Redirected, it never asks: exit 3, nothing moved.
sc_limited_token_redirected() {
  wine "$BIN/limited.exe" "$(winpath "$BIN/wufix.exe")" restart >"$OUT" 2>"$ERR"; RC=$?
  expect_rc 3
  expect_err "needs administrator rights"
  expect_journal_empty
}

# At a console, not elevated: wufix relaunches itself through ShellExecuteExW "runas" with exactly
# its arguments. Wine's "runas" does not elevate, so the relaunched half runs limited too: it
# must say so and exit 3, never relaunch again (on 0085826 each half relaunched the next), and the
# first half passes its 3 back. The relaunched half's --log shows the arguments it was given.
sc_limited_token_relaunch_in_a_terminal() {
  local log="$C/relaunch.log"
  rm -f "$log"
  tm_start timeout 60 wine "'$BIN/limited.exe'" "'$(winpath "$BIN/wufix.exe")'" restart -s BITS --log \
    "'C:\relaunch.log'" --timeout=7
  tm_wait "was started again to be elevated, and is still not" 40 || return
  tm_exit 3
  [ "$(screen | grep -c "was started again to be elevated")" = 1 ] || { fail "relaunched more than once:"; screen; }
  tm kill-server
  grep -qF 'started: wufix restart -s BITS --log C:\relaunch.log --timeout=7' "$log" ||
    { fail "the relaunched half was not given exactly these arguments:"; cat -v "$log"; }
  expect_journal_empty
  rm -f "$log"
}

# The elevated half guided mode starts (--attach-silent, the caller's PID): it
# writes nothing anywhere, whatever its command says, and its exit code is the
# command's; the repair is done. Guided mode says what happened in its own words.
sc_silent_elevated_half() {
  disable_wuauserv
  wine "$BIN/wufix.exe" --attach-silent 1 check >"$OUT" 2>"$ERR"; RC=$?
  expect_rc 1
  [ ! -s "$OUT" ] && [ ! -s "$ERR" ] || { fail "the silent half wrote"; show; }
  wine "$BIN/wufix.exe" --attach-silent 1 repair --yes --quiet >"$OUT" 2>"$ERR"; RC=$?
  expect_rc 0
  [ ! -s "$OUT" ] && [ ! -s "$ERR" ] || { fail "the silent half wrote"; show; }
  expect_state wuauserv running
}

disable_wuauserv() {
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null; svc starttype wuauserv disabled >/dev/null
}

sc_guided_repair_in_a_terminal() {
  disable_wuauserv
  tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Repair now? [Y/n]" || return
  screen | grep -F "Windows Update is disabled. wufix can turn it back on." >/dev/null || fail "no plain words for the disabled service"
  tm send-keys -t w y Enter
  tm_wait "Press Enter to close." 60 || return
  screen >"$DIR/guided-screen.txt"; screen -e >"$DIR/guided-screen-color.txt"
  grep -qF "Windows Update's services are repaired." "$DIR/guided-screen.txt" || fail "no outcome sentence"
  [ ! -s "$DIR/tmux.rc" ] || fail "wufix did not wait for Enter"
  grep -qF $'\e[32m' "$DIR/guided-screen-color.txt" || fail "no colour on the console"
  tm send-keys -t w Enter
  tm_exit 0
  tm kill-server
  expect_state wuauserv running
  expect_healthy
}

# A screen's text with each wrapped line joined to the one before it.
flat() { python3 -c 'import re, sys; print(re.sub(r"\n(?!\n) *", " ", sys.stdin.read().replace("\r", "")))'; }
# Every line of a screen fits 79 columns (a pane of 80: wufix leaves the last free).
fits_79() { # FILE
  local long; long=$(awk 'length > 79' "$1")
  [ -z "$long" ] || fail "lines wider than 79 columns: $long"
}

# The machine the three people tried: wuauserv disabled, an IFEO Debugger
# on UsoClient.exe, a WSUS policy naming a server that does not resolve, and
# an install that failed with 0x800F0922.
break_for_people() {
  disable_wuauserv
  svc reg HKLM "$IFEO" Debugger sz / >/dev/null
  svc reg HKLM 'SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU' UseWUServer dword 1 >/dev/null
  svc reg HKLM 'SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate' WUServer sz 'http://wsus.corp.invalid:8530' >/dev/null
  { install_failed "2026-11-20 14:02:11:509+0100" 800F0922; } | plant_wulog
}

# Double-clicked on that machine: "ok" is asked again; "Y" repairs what
# wufix can, and the end says in plain words what is still wrong and whom
# to ask, with exit 1; every line fits a pane of 80 columns.
sc_guided_broken_machine_in_a_terminal() {
  break_for_people
  TM_COLS=80 tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Repair now? [Y/n]" 60 || return
  tm send-keys -t w ok Enter
  tm_wait "Please type Y or N." || return
  tm send-keys -t w Y Enter
  tm_wait "Press Enter to close." 90 || return
  screen >"$DIR/guided-broken.txt"
  flat <"$DIR/guided-broken.txt" >"$DIR/guided-broken-flat.txt"
  fits_79 "$DIR/guided-broken.txt"
  local want
  for want in "wufix found 4 problems:" "Yes fixes 1 and 2. It does not fix 3 and 4" \
    "'wufix undo' puts back" "Fixed: 1 and 2." "Still wrong:" \
    "Your organization manages updates on this PC: contact IT support and tell them: update server wsus.corp.invalid does not answer." \
    "Windows Update error 0x800F0922 for KB5099999" \
    "Windows Update will not work until what is still wrong is fixed."; do
    grep -qF -- "$want" "$DIR/guided-broken-flat.txt" || fail "not on the screen: $want"
  done
  local after; after=$(sed -n '/Repairing\.\.\./,$p' "$DIR/guided-broken.txt")
  for want in "Found:" "Plan (" "Checked again" "  error " "repaired."; do
    grep -qF -- "$want" <<<"$after" && fail "the admin's words after Y: $want"
  done
  tm send-keys -t w Enter
  tm_exit 1
  tm kill-server
  expect_state wuauserv running
  [ "$(svc regget HKLM "$IFEO" Debugger | tr -d '\r')" = absent ] || fail "the Debugger is still there"
}

# Every line fits the console: a pane 40 columns wide (Wine's console reports
# the pane's width as its window's, measured), the broken machine double-clicked
# and answered Y, then help in a pane of 60: every line within the pane's width
# less one, none wrapped by the terminal (a word cut by the terminal breaks the
# sentences looked for; Wine's console counts a colour sequence as columns, so the
# coloured outcome is one of them). In a pane of 160 help has lines wider than 79.
sc_guided_fits_a_narrow_terminal() {
  break_for_people
  TM_COLS=40 tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Repair now? [Y/n]" 60 || return
  tm send-keys -t w Y Enter
  tm_wait "Press Enter to close." 90 || return
  screen >"$DIR/guided-40.txt"
  local long want; long=$(awk 'length > 39' "$DIR/guided-40.txt")
  [ -z "$long" ] || { fail "lines wider than 39 columns in a pane of 40: $long"; cat "$DIR/guided-40.txt"; }
  for want in "Yes fixes 1 and 2. It does not fix 3 and 4" \
    "tell them: update server wsus.corp.invalid does not answer." \
    "wufix fixed what it can. Windows Update will not work until what is still wrong is fixed."; do
    flat <"$DIR/guided-40.txt" | grep -F -- "$want" >/dev/null || { fail "not whole on the screen: $want"; cat "$DIR/guided-40.txt"; }
  done
  tm send-keys -t w Enter
  tm_exit 1
  TM_COLS=60 tm_start wine "'$BIN/wufix.exe'" help
  tm_wait "Press Enter to close." 30 || return
  screen >"$DIR/help-60.txt"
  long=$(awk 'length > 59' "$DIR/help-60.txt")
  [ -z "$long" ] || { fail "help wider than 59 columns in a pane of 60: $long"; cat "$DIR/help-60.txt"; }
  tm send-keys -t w Enter; tm_exit 0
  TM_COLS=160 tm_start wine "'$BIN/wufix.exe'" help
  tm_wait "Press Enter to close." 30 || return
  [ -n "$(screen | awk 'length > 79')" ] || { fail "help in a pane of 160 is still wrapped at 79"; screen; }
  tm send-keys -t w Enter; tm_exit 0
  tm kill-server
}

# repair --yes with the update server still unreachable: exit 1, and -q
# names what remains; the JSON says the same.
sc_repair_leaves_what_it_cannot_fix() {
  break_for_people
  wufix repair --yes -q
  expect_rc 1
  [ "$(tr -d '\r' <"$OUT")" = "repaired 2; 2 problems remain: last_install_failed update_server_unreachable" ] ||
    { fail "the -q line"; show; }
  expect_state wuauserv running
  wufix repair --yes --json
  expect_rc 1; schema repair 1
  [ "$(problem_codes)" = "last_install_failed system_partition_space update_server_unreachable" ] || fail "problems: $(problem_codes)"
}

# repair -q --log: the screen gets one line, the log the whole record (the
# problem as an error, the change was -> now, what is left), read back as
# CMTrace reads it.
sc_repair_quiet_log() {
  local log="$C/wufix-q.log"; rm -f "$log"
  disable_wuauserv
  wufix repair --yes -q --log 'C:\wufix-q.log'
  expect_rc 0
  [ "$(wc -l <"$OUT")" = 1 ] || { fail "-q printed more than one line"; show; }
  expect_out "no problems remain"
  python3 "$HERE/cmtrace.py" "$log" >"$DIR/log-q.txt" || { fail "the log is not CMTrace lines"; cat "$DIR/log-q.txt"; }
  grep -q '^3 *error *disabled ' "$DIR/log-q.txt" || { fail "the problem is not in the log as an error"; cat "$DIR/log-q.txt"; }
  grep -q '^1 *wuauserv: start type disabled -> ' "$DIR/log-q.txt" || { fail "the change is not in the log"; cat "$DIR/log-q.txt"; }
  grep -q '^1 Checked again:' "$DIR/log-q.txt" || fail "what is left is not in the log"
  grep -q '^1 wufix ended: exit code 0' "$DIR/log-q.txt" || fail "no end entry"
  rm -f "$log"
}

# Double-clicked with wuauserv disabled and a bare NoAutoUpdate (no policy source holds
# it: no Registry.pol, no GPO), as privacy.sexy writes it: guided mode calls it a setting
# left by a tool or a script, with the command that deletes it, never the organization's;
# Yes fixes 1 and not 2, which is still wrong after it, in the same words, and still there.
sc_guided_bare_no_auto_update_in_a_terminal() {
  local au='HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU' want
  rm -f "$C/windows/system32/GroupPolicy/Machine/Registry.pol"
  disable_wuauserv
  wine reg add "$au" /v NoAutoUpdate /t REG_DWORD /d 1 /f >/dev/null 2>&1
  TM_COLS=80 tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Repair now? [Y/n]" 60 || return
  tm send-keys -t w Y Enter
  tm_wait "Press Enter to close." 90 || return
  screen >"$DIR/guided-bare.txt"
  flat <"$DIR/guided-bare.txt" >"$DIR/guided-bare-flat.txt"
  fits_79 "$DIR/guided-bare.txt"
  for want in "wufix found 2 problems:" \
    "2. A setting left by a tool or a script (no policy holds it) turns off automatic updates. wufix leaves it; the command below removes it." \
    "To fix it: Run in a Command Prompt started as administrator: wufix repair --policies ('wufix undo' puts it back)." \
    "Yes fixes 1. It does not fix 2" "Fixed: 1." "Still wrong:" \
    "Windows Update's services are repaired. See above for what is left to do."; do
    grep -qF -- "$want" "$DIR/guided-bare-flat.txt" || fail "not on the screen: $want"
  done
  [ "$(grep -oF "A setting left by a tool or a script" "$DIR/guided-bare-flat.txt" | wc -l)" = 2 ] ||
    fail "not said both before and after the repair"
  grep -qF "organization" "$DIR/guided-bare-flat.txt" && fail "a bare write said to be the organization's"
  tm send-keys -t w Enter
  tm_exit 0
  tm kill-server
  wine reg query "$au" /v NoAutoUpdate >/dev/null 2>&1 || fail "guided mode's repair deleted NoAutoUpdate"
  expect_state wuauserv running
  wine reg delete "$au" /f >/dev/null 2>&1
}

sc_guided_no_and_healthy_in_a_terminal() {
  disable_wuauserv
  tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Repair now? [Y/n]" || return
  tm send-keys -t w n Enter
  tm_wait "Nothing was changed." || return
  tm_wait "Press Enter to close." || return
  tm send-keys -t w Enter
  tm_exit 1
  wufix check -q; expect_out "wuauserv:disabled"   # untouched
  wufix repair --yes; expect_rc 0
  tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Windows Update's services look healthy. There is nothing to do." || return
  screen | grep -F "Repair now?" >/dev/null && fail "a healthy machine was offered a repair"
  tm_wait "Press Enter to close." || return
  tm send-keys -t w Enter
  tm_exit 0
  # --no-color and NO_COLOR: nothing coloured, even alone on a console.
  tm_start wine "'$BIN/wufix.exe'" status --no-color
  tm_wait "Press Enter to close." || return
  screen -e | grep -F $'\e[3' >/dev/null && fail "colour with --no-color"
  tm send-keys -t w Enter; tm_exit 0
  tm_start NO_COLOR=1 wine "'$BIN/wufix.exe'" status
  tm_wait "Press Enter to close." || return
  screen -e | grep -F $'\e[3' >/dev/null && fail "colour with NO_COLOR set"
  tm send-keys -t w Enter; tm_exit 0
  tm kill-server
}

sc_shared_console_never_waits() {
  tm_start wine cmd
  tm_wait ">" || return
  tm send-keys -t w "$(winpath "$BIN/wufix.exe") status & echo DONE%ERRORLEVEL%" Enter
  tm_wait "DONE0" 40 || return
  screen | grep -F "Press Enter to close." >/dev/null && fail "wufix waited in a shared console"
  screen | grep -F "Update services on" >/dev/null || fail "no status in cmd"
  tm kill-server
  # No console at all (a pipe): never waits, never asks.
  local t0; t0=$(date +%s)
  timeout 30 wine "$BIN/wufix.exe" </dev/null 2>&1 | cat >"$OUT"
  expect_out "Update services on"
  grep -qF "Press Enter" "$OUT" && fail "waited without a console"
}

# --computer. Wine's OpenSCManagerW ignores the machine name (any name
# reaches this SCM) and its RegConnectRegistryW answers 53 for any name but
# this machine's: so the names that fail before the SCM (no address, no
# answer on TCP 135/445) show the unreachable path, and an address where a
# listener answers on 135/445 walks the whole remote path to this SCM.
own_name() { wine "$BIN/wufix.exe" status --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["computer"])'; }
journals() { ls "$WINEPREFIX/drive_c/ProgramData/wufix/" 2>/dev/null | grep '^journal' | tr '\n' ' '; }
no_journals() { rm -f "$WINEPREFIX/drive_c/ProgramData/wufix/"journal*.txt; } # earlier scenarios'


sc_computer_local_names() {
  no_journals
  local me; me=$(own_name)
  [ -n "$me" ] || { fail "no computer name"; return; }
  wufix status --computer localhost
  expect_rc 0; expect_out "Update services on $me:"
  wufix status --computer "$me" --json
  expect_rc 0; schema status 0
  [ "$(json 'd["computer"]')" = "$me" ] || fail "the object's computer is not $me"
  # This machine by three names is one machine: its own run, no sections.
  wufix restart --computer "localhost,.,\\\\$me"
  expect_rc 0; expect_out "Done:"
  grep -qF "Summary" "$OUT" && fail "one machine got a summary"
  [ -n "$(t_of UsoSvc stopped)" ] || fail "UsoSvc did not move"
  [ "$(journals)" = "journal.txt " ] || fail "journals: '$(journals)', expected this machine's only"
}

# One machine by many names is one target: its addresses as Windows lists
# its interfaces (asked at run time), 127.0.0.1, and a name the system's
# resolver gives a loopback address (here from /etc/hosts, which Wine's
# resolver reads).
own_addr() { hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n1; }
loopback_alias() { # a name other than localhost and ours that resolves to 127.0.0.1 or ::1
  awk -v me="$(echo "$1" | tr 'A-Z' 'a-z')" '$1 == "127.0.0.1" || $1 == "::1" {
      for (i = 2; i <= NF; i++) { n = tolower($i); if (n != "localhost" && n != me && n !~ /^#/) { print $i; exit } } }' /etc/hosts
}
sc_computer_one_machine_by_many_names() {
  no_journals
  local me addr alias
  me=$(own_name); addr=$(own_addr); alias=$(loopback_alias "$me")
  [ -n "$me" ] || { fail "no computer name"; return; }
  [ -n "$addr" ] || { fail "this machine has no IPv4 interface address (hostname -I)"; return; }
  [ -n "$alias" ] || { fail "no name for 127.0.0.1 or ::1 in /etc/hosts but localhost and $me"; return; }
  echo "this machine: $me, its address $addr, a loopback alias $alias"
  # Its interface address alone: known as this machine without DNS.
  wufix status --computer "$addr"
  expect_rc 0; expect_out "Update services on $me:"
  grep -qF "===" "$OUT" && fail "its own address was taken for another machine"
  # A name DNS gives a loopback address: run here, and said so.
  wufix status --computer "$alias"
  expect_rc 0; expect_out "Update services on $me:"
  expect_err "wufix: $alias: note: $alias is this machine ("
  # All of them at once: one run, here, as the first name; the alias is named once.
  wufix restart --computer "localhost,127.0.0.1,$addr,$alias"
  expect_rc 0
  [ "$(grep -c "^Done:" "$OUT")" = 1 ] || { fail "not exactly one run"; show; }
  expect_err "wufix: $alias: the same machine as $me (this machine, "; expect_err "): run once, as $me"
  expect_out "Summary: restart on 2 machines, exit code 0"
  [ "$(journals)" = "journal.txt " ] || fail "journals: '$(journals)', expected this machine's only"
  [ "$(grep -c '^command restart' "$WINEPREFIX/drive_c/ProgramData/wufix/journal.txt")" = 1 ] ||
    fail "the journal holds more than one run"
}

sc_computer_unreachable() {
  # A name with no address: exit 8 within the connect deadline, naming it.
  local t0 t1
  t0=$(date +%s%N)
  wufix check --computer no-such-host.invalid --connect-timeout 3 --json
  t1=$(date +%s%N)
  expect_rc 8; schema check 8
  expect_err "wufix: no-such-host.invalid: cannot reach its service control manager"
  local code; code=$(json 'd["error"]["code"]')
  case "$code" in name_not_resolved | connect_timeout) ;; *) fail "error code '$code'" ;; esac
  [ "$(json 'd["elapsed_ms"] <= 3000')" = True ] || fail "took $(json 'd["elapsed_ms"]') ms, over the 3 s deadline"
  echo "no-such-host.invalid: exit 8 ($code) in $(((t1 - t0) / 1000000)) ms of wall time, Wine's start included"
  # Nothing answers on TCP 135 or 445 there: said at once, with the rule group.
  wufix status --computer 127.0.0.3
  expect_rc 8
  expect_err "TCP 135 (RPC): refused, TCP 445 (SMB): refused"
  expect_err "\"Remote Service Management\""
  # This machine and an unreachable one: JSON Lines, the worst exit code.
  wufix status --json --computer localhost,no-such-host.invalid
  expect_rc 8
  python3 "$HERE/check_json.py" --lines 2 "$OUT" status || { fail "JSON Lines"; show; }
  grep -qF '"computer":"no-such-host.invalid","exit_code":8' "$OUT" || fail "no line for the unreachable one"
  # Text: a section each, then the summary.
  wufix status --computer localhost,no-such-host.invalid
  expect_rc 8
  expect_out "=== no-such-host.invalid: name not resolved (11001), exit code 8"
  expect_out "Summary: status on 2 machines, exit code 8"
  # reset and undo stay here.
  wufix reset --computer localhost --yes
  expect_rc 2; expect_err "it works on this machine only"
  expect_journal_empty
}

# A listener on TCP 135 and 445 of 127.0.0.2, for as long as the scenario runs.
listen_rpc_smb() {
  python3 - "$DIR/listener.ready" <<'PY' &
import socket, sys, threading, time
socks = []
try:
    for port in (135, 445):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.2", port))
        s.listen(64)
        socks.append(s)
except OSError as e:
    open(sys.argv[1], "w").write("no: %s\n" % e)
    sys.exit(0)
def serve(s):
    while True:
        c, _ = s.accept()
        c.close()
for s in socks:
    threading.Thread(target=serve, args=(s,), daemon=True).start()
# Where this machine's own connections to those ports do not go through
# (a sandbox's rules), wufix's could not either: not a finding about wufix.
for port in (135, 445):
    try:
        socket.create_connection(("127.0.0.2", port), timeout=3).close()
    except OSError as e:
        open(sys.argv[1], "w").write("no: a connection to 127.0.0.2:%d from here fails: %s\n" % (port, e))
        sys.exit(0)
open(sys.argv[1], "w").write("yes\n")
time.sleep(110)
PY
  LISTENER=$!
  local i
  for i in $(seq 1 100); do [ -s "$DIR/listener.ready" ] && break; sleep 0.1; done
  grep -q '^yes' "$DIR/listener.ready" 2>/dev/null
}

sc_computer_remote_path() {
  rm -f "$DIR/listener.ready"
  if ! listen_rpc_smb; then
    # Ports under 1024 need root here, and the connections must go through:
    # else not run, and CTest says so (77).
    echo "SKIPPED: no listener on 127.0.0.2:135/445 that this machine reaches ($(cat "$DIR/listener.ready" 2>/dev/null))"
    exit 77
  fi
  no_journals
  wufix check --computer 127.0.0.2 --service wuauserv
  expect_rc 0
  expect_out "Health of the update services on 127.0.0.2:"
  expect_out "registry_skipped"; expect_out "its registry does not answer (53"
  expect_out "files_skipped"; expect_out "\\\\127.0.0.2\\C\$\\Windows cannot be read"
  expect_out "No problems found in what could be checked"
  wufix check --computer 127.0.0.2 --service wuauserv --json
  expect_rc 0; schema check 0
  [ "$(json '[p["code"] for p in d["problems"]]')" = "['registry_skipped', 'files_skipped']" ] ||
    fail "problems: $(json '[p["code"] for p in d["problems"]]')"
  # A changing run through the remote path: journaled here, per machine.
  wufix restart --computer 127.0.0.2
  expect_rc 0; expect_out "Done:"
  [ -n "$(t_of wuauserv running)" ] || fail "wuauserv did not move"
  [ "$(journals)" = "journal-127.0.0.2.txt " ] || fail "journals: '$(journals)', expected the one for 127.0.0.2 only"
  grep -q '^outcome ok' "$WINEPREFIX/drive_c/ProgramData/wufix/journal-127.0.0.2.txt" || fail "journal not closed ok"
  wine reg query 'HKLM\SOFTWARE\wufix' /v 'JournalSha256-127.0.0.2' >/dev/null 2>&1 || fail "no anchor for 127.0.0.2"
  # Two machines: a section each, then the summary.
  wufix status --computer localhost,127.0.0.2
  expect_rc 0
  expect_out "=== 127.0.0.2: success, exit code 0"
  expect_out "Summary: status on 2 machines, exit code 0 (success)"
}

# docs/fleet's cmd recipes, run as written under Wine's cmd.
recipe() { # SCRIPT ARGS...: its output, CR stripped
  local out try
  # -1073741502 (0xC0000142): Wine could not start the process at all (its
  # DLLs failed to initialise; seen once in CI), so wufix never ran: once more.
  for try in 1 2; do
    out=$(WUFIX="$(winpath "$BIN/wufix.exe")" wine cmd /c "$(winpath "$DIR/$1")" "${@:2}" | tr -d '\r')
    [[ "$out" == *"exit code -1073741502"* ]] || break
    echo "note: $1: Wine could not start wufix.exe (0xC0000142), try $try" >&2
  done
  printf '%s\n' "$out"
}
REBOOT_KEY='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'

sc_fleet_recipes_cmd() {
  no_journals
  cp "$HERE/../../docs/fleet/configmgr-repair.cmd" "$HERE/../../docs/fleet/fanout.cmd" "$DIR/"
  local out
  # ConfigMgr's program: healthy is 0, logged where CMTrace reads it.
  out=$(recipe configmgr-repair.cmd)
  [[ "$out" == *"wufix exit code 0; ConfigMgr exit code 0"* ]] || fail "healthy: '$out'"
  local log; log=$(find "$WINEPREFIX/drive_c/windows" -maxdepth 3 -ipath '*logs/wufix.log' | head -1)
  python3 "$HERE/cmtrace.py" "$log" >/dev/null || fail "no log in CMTrace's format under %SystemRoot%\Logs"
  # A restart of Windows pending: 3010, ConfigMgr's soft reboot.
  wine reg add "$REBOOT_KEY" /f >/dev/null 2>&1
  out=$(recipe configmgr-repair.cmd)
  wine reg delete "$REBOOT_KEY" /f >/dev/null 2>&1
  [[ "$out" == *"wufix exit code 3010; ConfigMgr exit code 3010"* ]] || fail "reboot pending: '$out'"
  # Another wufix at work: 1618, which ConfigMgr tries again later.
  with_behaviour wuauserv --stop-ms 3000 --cp-ms 250
  wine "$BIN/wufix.exe" restart -q >"$DIR/first.out" 2>&1 &
  local first=$!
  await_event UsoSvc stopped
  out=$(recipe configmgr-repair.cmd)
  [[ "$out" == *"wufix exit code 6; ConfigMgr exit code 1618"* ]] || fail "busy: '$out'"
  wait $first || fail "the first run failed: $(cat "$DIR/first.out")"
  # The helpdesk fan-out: this machine and one that is gone.
  printf '# test list\r\nlocalhost\r\n\r\nno-such-host.invalid   # retired\r\n' >"$DIR/machines.txt"
  out=$(recipe fanout.cmd)
  [[ "$out" == *"FLEET=some machines could not be reached"* ]] || fail "fan-out: '$out'"
  python3 "$HERE/check_json.py" --lines 2 "$DIR/results.jsonl" restart || fail "results.jsonl"
  grep -qF '"computer":"no-such-host.invalid","exit_code":8' "$DIR/results.jsonl" || fail "no line for the gone one"
  printf 'localhost\r\n' >"$DIR/machines.txt"
  out=$(recipe fanout.cmd)
  [[ "$out" == *"FLEET=ok"* ]] || fail "fan-out of a healthy one: '$out'"
  expect_state wuauserv running; expect_state UsoSvc running
}

# docs/fleet/wufix.yml: Ansible resolves every module it names; then its own
# tasks and conditions run here against the sandbox, with three stand-ins for
# what needs a Windows host: win_command runs wufix.exe through Wine, win_copy
# is copy, and win_reboot only says it would restart. (Wine gives Linux 8-bit
# exit codes, so 3010 is shown by the cmd recipe, not here.)
play() { # EXPECTED_RECAP: run the local copy of the recipe
  ANSIBLE_LOCAL_TEMP="$DIR/ansible-tmp" ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 \
    ansible-playbook -i "$DIR/ansible/hosts" "$DIR/ansible/wufix.yml" -e "wufix=$DIR/ansible/installed.exe" \
    >"$OUT" 2>"$ERR"
  RC=$?
  grep -qE "localhost +: $1" "$OUT" || { fail "recap is not '$1'"; show; }
}

sc_fleet_recipe_ansible() {
  command -v ansible-playbook >/dev/null || { fail "ansible-playbook is not installed"; return; }
  local yml="$HERE/../../docs/fleet/wufix.yml"
  ANSIBLE_LOCAL_TEMP="$DIR/ansible-tmp" ansible-playbook --syntax-check -i 'windows,' "$yml" >"$OUT" 2>"$ERR" ||
    { fail "the recipe does not pass ansible-playbook --syntax-check"; show; }
  mkdir -p "$DIR/ansible"
  python3 - "$yml" "$DIR/ansible/wufix.yml" <<'PY'
import sys
text = open(sys.argv[1]).read()
for old, new in (("ansible.windows.win_command: '\"{{ wufix }}\"", "ansible.builtin.command: 'wine \"{{ wufix }}\""),
                 ("ansible.windows.win_copy:", "ansible.builtin.copy:"),
                 ("ansible.windows.win_reboot:", "ansible.builtin.debug:\n        msg: Windows would restart now")):
    assert old in text, old
    text = text.replace(old, new)
open(sys.argv[2], "w").write(text)
PY
  printf '[windows]\nlocalhost ansible_connection=local ansible_python_interpreter=%s\n' "$(command -v python3)" \
    >"$DIR/ansible/hosts"
  cp "$BIN/wufix.exe" "$DIR/ansible/wufix.exe"
  cp "$BIN/wufix.exe" "$DIR/ansible/installed.exe" # already there: copying changes nothing
  # Healthy: checked, nothing to repair, nothing changed.
  play "ok=2 +changed=0 +unreachable=0 +failed=0 +skipped=3"
  expect_journal_empty
  # Disabled: check finds it (exit 1, not a failure), repair changes it.
  disable_wuauserv
  play "ok=4 +changed=1 +unreachable=0 +failed=0 +skipped=1"
  grep -qF '"disabled"' "$OUT" || fail "the problems were not shown"
  expect_state wuauserv running
  wufix status --json -s wuauserv
  [ "$(json 'd["services"][0]["before"]["start_type"]')" = manual ] || fail "wuauserv's start type is not manual again"
  # A repair that fails fails that host.
  with_behaviour wuauserv --fail-start 1067 2>/dev/null
  disable_wuauserv 2>/dev/null
  play "ok=3 +changed=0 +unreachable=0 +failed=1"
}

# Ctrl+C in a real terminal while a run over several machines is in flight:
# every machine begun puts back what it changed, the others are not begun.
sc_computer_ctrl_c_in_a_terminal() {
  with_behaviour wuauserv --stop-ms 4000 --cp-ms 250
  tm_start "wine '$BIN/wufix.exe' restart --computer localhost,no-such-host.invalid,127.0.0.3 --parallel 2"
  await_event wuauserv stop-received || { screen; return; }
  tm send-keys -t w C-c
  tm_wait "Summary: restart on 3 machines, exit code 7" 20 || return
  tm_wait "Press Enter to close." || return # alone on its console, as when double-clicked
  tm send-keys -t w Enter
  tm_exit 7
  local me; me=$(own_name)
  screen | grep -E "^  $me +7 " >/dev/null || fail "this machine's line does not say 7"
  screen | grep -F "interrupted; services were put back" >/dev/null || fail "no word of putting back"
  screen | grep -F "no-such-host.invalid" >/dev/null || fail "the unreachable one is not in the summary"
  tm kill-server
  expect_state wuauserv running; expect_state UsoSvc running
  expect_before wuauserv stop-received wuauserv running
}

# Why Windows Update failed (SPEC 5a): its event log planted as Windows
# writes it (UTF-16LE with a byte order mark, CRLF, tab-separated fields).
WULOG="$SD/ReportingEvents.log"
wu_event() { # WHEN "ID [NAME]" HRESULT MESSAGE: one line of ReportingEvents.log
  printf '{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}\t%s\t1\t%s\t101\t{00000000-0000-0000-0000-000000000000}\t200\t%s\tUpdateOrchestrator\tFailure\tContent Install\t%s\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n' "$@"
}
plant_wulog() { # the events on stdin, as Windows writes the file
  mkdir -p "$SD"
  python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + sys.stdin.read().encode("utf-16-le"))' >"$WULOG"
}
NOV_CU="2026-11 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5099999)"
scan_ok() { wu_event "$1" "147 [AGENT_DETECTION_FINISHED]" 0 "Windows Update Client successfully detected 3 updates."; }
install_failed() {
  wu_event "$1" "182 [AGENT_INSTALLING_FAILED]" "$2" \
    "Installation Failure: Windows failed to install the following update with error 0x$2: $NOV_CU."
}
problem_codes() { json '" ".join(p["code"] for p in d["problems"])'; }

sc_why_install_failed() {
  { scan_ok "2026-11-20 13:58:02:100+0100"; install_failed "2026-11-20 14:02:11:509+0100" 80073712; } | plant_wulog
  wufix check
  expect_rc 1
  expect_out "Windows Update's last install failed on 2026-11-20: 0x80073712 ERROR_SXS_COMPONENT_STORE_CORRUPT"
  expect_out "for KB5099999"
  expect_out "what to do: from an elevated prompt run 'DISM /Online /Cleanup-Image /RestoreHealth', then 'sfc /scannow'"
  grep -qF last_scan_failed "$OUT" && fail "the good scan was taken for a failure"
  wufix check --json
  expect_rc 1; schema check 1
  local ev='[p["evidence"] for p in d["problems"] if p["code"] == "last_install_failed"][0]'
  [ "$(json "$ev[\"hresult\"], $ev[\"name\"], $ev[\"class\"], $ev[\"date\"], $ev[\"kb\"]")" = \
    "0x80073712 ERROR_SXS_COMPONENT_STORE_CORRUPT component_store 2026-11-20T14:02:11+01:00 KB5099999" ] ||
    fail "evidence: $(json "$ev")"
  json "$ev[\"remedy\"]" | grep -F "DISM /Online /Cleanup-Image /RestoreHealth" >/dev/null || fail "no DISM in the JSON remedy"
  wufix check -q
  expect_rc 1; [ "$(wc -l <"$OUT")" = 1 ] || fail "check -q is not one line"
  # Guided (double-clicked): plain words, and the commands on lines of their own.
  TM_COLS=80 tm_start wine "'$BIN/wufix.exe'"
  tm_wait "Press Enter to close." 60 || return
  screen >"$DIR/why-guided.txt"
  flat <"$DIR/why-guided.txt" | grep -F "Windows Update could not install the November 2026 update (KB5099999) on 20 November 2026: some of" >/dev/null ||
    { fail "no plain words for the failure"; echo "--- the screen"; cat "$DIR/why-guided.txt"; }
  fits_79 "$DIR/why-guided.txt"
  grep -qE '^ +DISM /Online /Cleanup-Image /RestoreHealth$' "$DIR/why-guided.txt" || fail "DISM not on a line of its own"
  grep -qE '^ +sfc /scannow$' "$DIR/why-guided.txt" || fail "sfc not on a line of its own"
  tm send-keys -t w Enter
  tm_exit 1
  tm kill-server
  # A later success of the same kind: nothing to say.
  { scan_ok "2026-11-20 13:58:02:100+0100"; install_failed "2026-11-20 14:02:11:509+0100" 80073712
    wu_event "2026-11-22 08:00:00:000+0100" "183 [AGENT_INSTALLING_SUCCEEDED]" 0 \
      "Installation Successful: Windows successfully installed the following update: $NOV_CU"; } | plant_wulog
  expect_healthy
  expect_journal_empty
}

sc_why_scan_failed_name() {
  { scan_ok "2026-11-20 13:58:02:100+0100"
    wu_event "2026-11-21 09:00:00:000+0000" "148 [AGENT_DETECTION_FAILED]" 8024402c \
      "Windows Update Client failed to detect with error 0x8024402c."; } | plant_wulog
  wufix check
  expect_rc 1
  expect_out "Windows Update's last check for updates failed on 2026-11-21: 0x8024402C WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"
  expect_out "what to do: check the proxy ('netsh winhttp show proxy') and name resolution (DNS)"
  # Of the network class: Microsoft's own servers are probed; whatever this
  # machine's network, the check ends within the probes' deadlines.
  wufix check --json
  expect_rc 1; schema check 1
  local ev='[p["evidence"] for p in d["problems"] if p["code"] == "last_scan_failed"][0]'
  [ "$(json "$ev[\"class\"]")" = name_resolution ] || fail "class: $(json "$ev[\"class\"]")"
  [ "$(json 'd["elapsed_ms"] < 8000')" = True ] || fail "took $(json 'd["elapsed_ms"]') ms"
}

# A WSUS policy: the server's port probed. This machine's own name or
# address stands for the server (a loopback one is a blocker's trace, never probed).
wsus_host() { local a; a=$(own_addr); [ -n "$a" ] && echo "$a" || hostname; }
sc_why_wsus_unreachable() {
  local host port=18530 t0 t1
  host=$(wsus_host)
  wine reg add 'HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU' /v UseWUServer /t REG_DWORD /d 1 /f >/dev/null 2>&1
  wine reg add 'HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate' /v WUServer /t REG_SZ /d "http://$host:$port" /f >/dev/null 2>&1
  t0=$(date +%s%N)
  wufix check
  t1=$(date +%s%N)
  expect_rc 1
  expect_out "update_server_unreachable"
  expect_out "$host port $port (HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\WUServer=http://$host:$port)"
  [ $(((t1 - t0) / 1000000)) -lt 8000 ] || fail "took $(((t1 - t0) / 1000000)) ms, Wine's start included"
  echo "nothing on $host:$port: named in $(((t1 - t0) / 1000000)) ms of wall time, Wine's start included"
  # A listener there: nothing to say.
  python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1]))); s.listen(8); open(sys.argv[2], "w").close()
end = time.time() + 60
while time.time() < end:
    s.settimeout(1)
    try: s.accept()[0].close()
    except OSError: pass' "$port" "$DIR/wsus.ready" &
  LISTENER=$!
  local i; for i in $(seq 1 50); do [ -e "$DIR/wsus.ready" ] && break; sleep 0.1; done
  wufix check
  grep -qF update_server_unreachable "$OUT" && { fail "a listening server was called unreachable"; show; }
  kill "$LISTENER" 2>/dev/null; LISTENER=""; rm -f "$DIR/wsus.ready"
  expect_journal_empty
}

# The WinHTTP proxy as netsh writes it (WinHttpSettings: version 0x28, a
# counter, flags 3 = direct and a proxy, the proxy's length and text, an empty
# bypass list), on this machine's address at a port where nothing listens.
sc_why_proxy_unreachable() {
  local host port=18531 proxy hex
  host=$(wsus_host); proxy="$host:$port"
  hex=$(python3 -c 'import struct,sys; p=sys.argv[1].encode(); print((struct.pack("<IIII",0x28,1,3,len(p))+p+struct.pack("<I",0)).hex())' "$proxy")
  wine reg add 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' /v WinHttpSettings /t REG_BINARY /d "$hex" /f >/dev/null 2>&1
  wufix check --json
  expect_rc 1
  [ "$(problem_codes)" = proxy_unreachable ] || fail "problems: $(problem_codes)"
  json '[p["evidence"]["found"] for p in d["problems"]][0]' | grep -F "$host port $port (the WinHTTP proxy" >/dev/null || fail "the proxy is not named: $(cat "$OUT")"
  json '[p["evidence"]["remedy"] for p in d["problems"]][0]' | grep -F "netsh winhttp" >/dev/null || fail "no netsh in the remedy"
  wine reg delete 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' /v WinHttpSettings /f >/dev/null 2>&1
}

# Updates paused until a date to come: said, with the date, as information.
sc_why_updates_paused() {
  local until; until=$(date -u -d '+20 days' +%Y-%m-%dT%H:%M:%SZ)
  wine reg add 'HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings' /v PauseUpdatesExpiryTime /t REG_SZ /d "$until" /f >/dev/null 2>&1
  wufix check
  expect_out "updates are paused (until $until (PauseUpdatesExpiryTime))"
  wufix check --json
  [ "$(json '[p["severity"] for p in d["problems"] if p["code"] == "updates_paused"]')" = "['info']" ] ||
    fail "updates_paused: $(cat "$OUT")"
  wine reg add 'HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings' /v PauseUpdatesExpiryTime /t REG_SZ /d 2020-01-01T00:00:00Z /f >/dev/null 2>&1
  wufix check
  grep -qF updates_paused "$OUT" && fail "a pause that ended is still reported"
  expect_journal_empty
}

# A hosts file blocking fe3.delivery.mp.microsoft.com as WindowsSpyBlocker's update list
# leaves it (CRLF, beside a line of the user's own): found with the line, commented out (a
# copy of the file set aside first), and given back byte for byte by undo; a file changed
# since wufix wrote it is refused, and nothing written.
sc_hosts_blocks_update() {
  local etc="$WINEPREFIX/drive_c/windows/system32/drivers/etc" keep="$DIR/hosts.keep" want="$DIR/hosts.want" copy
  cp -p "$etc/hosts" "$keep"
  rm -f "$etc"/hosts.wufix-*
  printf '# Copyright (c) 1993-2009 Microsoft Corp.\r\n\r\n127.0.0.1 localhost\r\n0.0.0.0 fe3.delivery.mp.microsoft.com\r\n0.0.0.0 am3p.wns.windows.com\r\n192.168.1.20\tnas.home # mine\r\n' >"$etc/hosts"
  printf '# Copyright (c) 1993-2009 Microsoft Corp.\r\n\r\n127.0.0.1 localhost\r\n# wufix: 0.0.0.0 fe3.delivery.mp.microsoft.com\r\n0.0.0.0 am3p.wns.windows.com\r\n192.168.1.20\tnas.home # mine\r\n' >"$want"
  cp -p "$etc/hosts" "$DIR/hosts.before"
  wufix check
  expect_rc 1
  expect_out "the hosts file sends Windows Update's servers elsewhere"
  expect_out 'hosts: "0.0.0.0 fe3.delivery.mp.microsoft.com")'
  wufix check --json
  [ "$(json '[p["severity"] for p in d["problems"] if p["code"] == "hosts_blocks_update"]')" = "['error']" ] ||
    fail "hosts_blocks_update: $(cat "$OUT")"
  wufix repair --yes
  expect_rc 0
  cmp "$etc/hosts" "$want" || fail "the hosts file is not the one with the line commented out"
  copy=$(ls "$etc"/hosts.wufix-* 2>/dev/null)
  [ "$(echo "$copy" | wc -w)" = 1 ] && cmp "$copy" "$DIR/hosts.before" || fail "no exact copy set aside: $copy"
  grep -q '^fix hosts 165 1 ' "$STATE/journal.txt" || { fail "not journaled"; cat "$STATE/journal.txt"; }
  wufix check
  grep -qF hosts_blocks_update "$OUT" && fail "still found after repair: $(cat "$OUT")"
  wufix undo --yes
  expect_rc 0
  [ "$(sha256sum <"$etc/hosts")" = "$(sha256sum <"$DIR/hosts.before")" ] || fail "undo did not give the file back"
  [ -f "$copy" ] || fail "the copy was deleted"
  # Changed since wufix wrote it: undo says so and writes nothing.
  rm -f "$etc"/hosts.wufix-*
  wufix repair --yes
  expect_rc 0
  printf '10.0.0.1 intranet\r\n' >>"$etc/hosts"
  cp -p "$etc/hosts" "$DIR/hosts.changed"
  wufix undo --yes
  expect_rc 4
  expect_err "changed since wufix wrote it; nothing was changed"
  cmp "$etc/hosts" "$DIR/hosts.changed" || fail "undo wrote a hosts file it had refused"
  cp -p "$keep" "$etc/hosts"
  rm -f "$etc"/hosts.wufix-*
}

# The rule Destroy Windows 10 Spying's "Disable Windows Update" makes (netsh advfirewall firewall
# add rule name="WindowsUpdateBlock" dir=out interface=any action=block service=wuauserv), in the
# form Windows keeps it: reported as an error naming the rule and the command that removes it;
# repair leaves it as it is.
sc_firewall_blocks_update() {
  local k='HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\FirewallRules'
  local id='{8B4A1A5E-0D2C-4C1B-9A77-3E2F1D0C5B6A}' before
  wine reg add "$k" /v "$id" /t REG_SZ /d 'v2.30|Action=Block|Active=TRUE|Dir=Out|Svc=wuauserv|Name=WindowsUpdateBlock|' /f >/dev/null 2>&1
  wine reg add "$k" /v CoreNet-DNS-Out-UDP /t REG_SZ /d 'v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|RPort=53|Svc=dnscache|Name=DNS|' /f >/dev/null 2>&1
  before=$(wine reg query "$k" | tr -d '\r' | sort)
  wufix check
  expect_rc 1
  expect_out "a firewall rule blocks Windows Update (not changed: remove it as shown)"
  expect_out "found: the rule \"WindowsUpdateBlock\": Block, Out, Svc=wuauserv; expected: no such rule (remove it: Remove-NetFirewallRule -Name '$id')"
  wufix check --json
  [ "$(json '[p["severity"] for p in d["problems"] if p["code"] == "firewall_blocks_update"]')" = "['error']" ] ||
    fail "firewall_blocks_update: $(cat "$OUT")"
  wufix repair --yes
  [ "$(wine reg query "$k" | tr -d '\r' | sort)" = "$before" ] || fail "repair changed a firewall rule"
  wine reg delete "$k" /f >/dev/null 2>&1
}

# The Microsoft Account Sign-in Assistant left Disabled by a debloat script (no feature update
# is offered then, 0x80070426): check names it, repair sets it back to Manual (Windows' default on
# the build the sandbox plays), journaled, and undo disables it again.
sc_helper_service_disabled() {
  svc delete wlidsvc >/dev/null 2>&1 || true
  svc create wlidsvc "Microsoft Account Sign-in Assistant" disabled "$(standin_path wlidsvc 100 100)" >/dev/null
  wufix check -q
  expect_rc 1
  expect_out 'wlidsvc:sign_in_assistant_disabled'
  wufix repair --yes
  expect_rc 0
  expect_out 'wlidsvc: start type disabled -> manual'
  [ "$(svc config wlidsvc | tr -d '\r')" = "manual LocalSystem" ] || fail "wlidsvc is $(svc config wlidsvc)"
  grep -q '^fix start disabled manual wlidsvc$' "$STATE/journal.txt" || { fail "not journaled"; cat "$STATE/journal.txt"; }
  wufix undo --yes
  expect_rc 0
  [ "$(svc config wlidsvc | tr -d '\r')" = "disabled LocalSystem" ] || fail "undo left wlidsvc $(svc config wlidsvc)"
  svc delete wlidsvc >/dev/null
}

# DODownloadMode=0 where WinUtil's "disable updates" writes it (Invoke-WPFUpdatesdisable.ps1):
# a warning; repair deletes that value alone; undo gives the key back exactly as `reg query`
# showed it. The same mode set by a policy is the admin's: named, and left.
sc_delivery_optimization_off() {
  local k='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\DeliveryOptimization\Config'
  local pol='HKLM\SOFTWARE\Policies\Microsoft\Windows\DeliveryOptimization' before
  wine reg add "$k" /v DODownloadMode /t REG_DWORD /d 0 /f >/dev/null 2>&1
  wine reg add "$k" /v DOMaxCacheAge /t REG_DWORD /d 7 /f >/dev/null 2>&1
  before=$(wine reg query "$k" | tr -d '\r')
  wufix check -q
  expect_rc 1
  expect_out 'delivery_optimization_off'
  wufix repair --yes
  expect_rc 0
  wine reg query "$k" /v DODownloadMode >/dev/null 2>&1 && fail "DODownloadMode left"
  wine reg query "$k" /v DOMaxCacheAge >/dev/null 2>&1 || fail "another value of the key went with it"
  wufix undo --yes
  expect_rc 0
  [ "$(wine reg query "$k" | tr -d '\r')" = "$before" ] || fail "undo did not give the key back: $(wine reg query "$k")"
  wine reg add "$pol" /v DODownloadMode /t REG_DWORD /d 100 /f >/dev/null 2>&1
  wufix check -q
  expect_out '(0 fixable): policy_delivery_optimization'
  wufix repair --yes
  [ "$(wine reg query "$k" | tr -d '\r')" = "$before" ] || fail "repair changed the value under a policy"
  wine reg query "$pol" /v DODownloadMode >/dev/null 2>&1 || fail "repair deleted the policy"
  wine reg delete "$pol" /f >/dev/null 2>&1
  wine reg delete "$k" /f >/dev/null 2>&1
}

# WaaSMedicSvc's recovery actions cleared as Aetherinox's pause utility writes them
# (windows-updates-pause.reg: FailureActions, 44 bytes of zeros) on a machine playing
# Windows 11 22H2 (22621, whose component manifest gives Windows' own): a warning that repair
# leaves (the service is protected), its remedy in words. Windows' own bytes (as the tool's
# windows-updates-unpause.reg writes them back) are not reported, nor the zeros on Windows 10
# 22H2 (19045: no public source). Wine's QueryServiceConfig2W lacks the level: wufix reads the
# value the SCM keeps.
sc_recovery_actions_zeroed() {
  local key='Software\\Microsoft\\Windows NT\\CurrentVersion' k='HKLM\SYSTEM\CurrentControlSet\Services\WaaSMedicSvc'
  local zeros own before
  zeros=$(printf '0%.0s' $(seq 88))
  own=840300000000000000000000030000001400000001000000c0d4010001000000e09304000000000000000000
  svc reg HKLM "$key" CurrentBuildNumber sz 22621 >/dev/null
  svc reg HKLM "$key" CurrentBuild sz 22621 >/dev/null
  wine reg add "$k" /v FailureActions /t REG_BINARY /d "$zeros" /f >/dev/null 2>&1
  wufix check --json
  expect_rc 1
  [ "$(json '[(p["service"], p["severity"], p["fixable"], p["evidence"]["found"], p["evidence"]["expected"]) for p in d["problems"] if p["code"] == "recovery_actions_zeroed"]')" = \
    "[('WaaSMedicSvc', 'warning', False, 'no recovery actions', \"restart after 2 min, 5 min; reset after 15 min (Windows' manifest)\")]" ] ||
    fail "recovery: $(cat "$OUT")"
  json '[p["evidence"]["remedy"] for p in d["problems"] if p["code"] == "recovery_actions_zeroed"][0]' |
    grep -F "windows-updates-unpause.reg" >/dev/null || fail "no remedy in the JSON"
  before=$(wine reg query "$k" /v FailureActions | tr -d '\r')
  wufix repair --yes
  [ "$(wine reg query "$k" /v FailureActions | tr -d '\r')" = "$before" ] || fail "repair changed a protected service's recovery"
  wine reg add "$k" /v FailureActions /t REG_BINARY /d "$own" /f >/dev/null 2>&1
  wufix check --json
  [ "$(json '[p for p in d["problems"] if p["code"] == "recovery_actions_zeroed"]')" = "[]" ] ||
    fail "Windows' own recovery reported: $(cat "$OUT")"
  wine reg add "$k" /v FailureActions /t REG_BINARY /d "$zeros" /f >/dev/null 2>&1
  svc reg HKLM "$key" CurrentBuildNumber sz 19045 >/dev/null
  svc reg HKLM "$key" CurrentBuild sz 19045 >/dev/null
  wufix check --json
  [ "$(json '[p for p in d["problems"] if p["code"] == "recovery_actions_zeroed"]')" = "[]" ] ||
    fail "reported on a build no source covers: $(cat "$OUT")"
  wine reg delete "$k" /v FailureActions /f >/dev/null 2>&1
}

# The Microsoft Update Health Tools' program in place (under ProgramFilesDir, as KB4023057
# installs it) with their service deleted, as Aetherinox's pause utility left a machine
# (its issue #13): a warning, reported only, the remedy naming KB4023057; the service there
# as the tools register it is not reported, disabled it is; without the program, nothing.
sc_update_health_tools_broken() {
  local pf="$WINEPREFIX/drive_c/Program Files/Microsoft Update Health Tools"
  wufix check --json
  [ "$(json '[p for p in d["problems"] if p["code"] == "update_health_tools_broken"]')" = "[]" ] ||
    fail "reported without the tools: $(cat "$OUT")"
  mkdir -p "$pf" && cp "$BIN/standin.exe" "$pf/uhssvc.exe"
  wufix check --json
  expect_rc 1
  [ "$(json '[(p["service"], p["severity"], p["fixable"], p["evidence"]["found"]) for p in d["problems"] if p["code"] == "update_health_tools_broken"]')" = \
    "[('uhssvc', 'warning', False, 'not installed; C:\\\\Program Files\\\\Microsoft Update Health Tools\\\\uhssvc.exe present')]" ] ||
    fail "health tools: $(cat "$OUT")"
  json '[p["evidence"]["remedy"] for p in d["problems"] if p["code"] == "update_health_tools_broken"][0]' |
    grep -F "KB4023057" >/dev/null || fail "no remedy in the JSON"
  svc create uhssvc "Microsoft Update Health Service" auto "$(winpath "$pf/uhssvc.exe")" >/dev/null
  wufix check --json
  [ "$(json '[p for p in d["problems"] if p["code"] == "update_health_tools_broken"]')" = "[]" ] ||
    fail "the service as the tools register it reported: $(cat "$OUT")"
  svc starttype uhssvc disabled >/dev/null
  wufix check --json
  [ "$(json '[p["evidence"]["found"] for p in d["problems"] if p["code"] == "update_health_tools_broken"]')" = \
    "['disabled; C:\\\\Program Files\\\\Microsoft Update Health Tools\\\\uhssvc.exe present']" ] ||
    fail "disabled: $(cat "$OUT")"
  svc delete uhssvc >/dev/null
  rm -rf "$pf"
}

# Updates paused to 2051 as Aetherinox's pause-windows-updates leaves them (its
# windows-updates-pause.reg): a warning naming the date, resumed by repair, and undo puts
# every value back as it was (the two keys queried whole before and after).
sc_pause_beyond_settings() {
  local ux='HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'
  local pol='HKLM\SOFTWARE\Microsoft\WindowsUpdate\UpdatePolicy\Settings'
  local v
  for v in PauseFeatureUpdatesStartTime PauseQualityUpdatesStartTime PauseUpdatesStartTime; do
    wine reg add "$ux" /v $v /t REG_SZ /d 2025-01-01T00:00:00Z /f >/dev/null 2>&1
  done
  for v in PauseFeatureUpdatesEndTime PauseQualityUpdatesEndTime PauseUpdatesExpiryTime; do
    wine reg add "$ux" /v $v /t REG_SZ /d 2051-12-31T00:00:00Z /f >/dev/null 2>&1
  done
  wine reg add "$ux" /v ActiveHoursStart /t REG_DWORD /d 13 /f >/dev/null 2>&1
  wine reg add "$ux" /v FlightSettingsMaxPauseDays /t REG_DWORD /d 0x2727 /f >/dev/null 2>&1
  wine reg add "$pol" /v PausedFeatureStatus /t REG_DWORD /d 1 /f >/dev/null 2>&1
  wine reg add "$pol" /v PausedQualityStatus /t REG_DWORD /d 1 /f >/dev/null 2>&1
  wine reg add "$pol" /v PausedQualityDate /t REG_SZ /d 2025-01-01T00:00:00Z /f >/dev/null 2>&1
  local before_ux before_pol
  before_ux=$(wine reg query "$ux" | tr -d '\r' | sort)
  before_pol=$(wine reg query "$pol" | tr -d '\r' | sort)
  wufix check
  expect_rc 1
  expect_out "updates are paused beyond what Settings allows (35 days) (until 2051-12-31T00:00:00Z (PauseUpdatesExpiryTime), FlightSettingsMaxPauseDays 10023, PausedFeatureStatus 1, PausedQualityStatus 1)"
  wufix check --json
  [ "$(json '[p["severity"] for p in d["problems"] if p["code"] == "pause_beyond_settings"]')" = "['warning']" ] ||
    fail "pause_beyond_settings: $(cat "$OUT")"
  wufix repair --yes
  expect_rc 0
  for v in PauseFeatureUpdatesStartTime PauseQualityUpdatesStartTime PauseUpdatesStartTime PauseFeatureUpdatesEndTime \
           PauseQualityUpdatesEndTime PauseUpdatesExpiryTime FlightSettingsMaxPauseDays; do
    wine reg query "$ux" /v $v >/dev/null 2>&1 && fail "$v left"
  done
  for v in PausedFeatureStatus PausedQualityStatus PausedQualityDate; do
    wine reg query "$pol" /v $v >/dev/null 2>&1 && fail "$v left"
  done
  wine reg query "$ux" /v ActiveHoursStart >/dev/null 2>&1 || fail "ActiveHoursStart was deleted"
  wufix check
  grep -qF paused "$OUT" && fail "still paused after repair: $(cat "$OUT")"
  wufix undo --yes
  expect_rc 0
  [ "$(wine reg query "$ux" | tr -d '\r' | sort)" = "$before_ux" ] || fail "UX\\Settings not put back as it was"
  [ "$(wine reg query "$pol" | tr -d '\r' | sort)" = "$before_pol" ] || fail "UpdatePolicy\\Settings not put back as it was"
  wine reg delete "$ux" /f >/dev/null 2>&1
  wine reg delete "$pol" /f >/dev/null 2>&1
}

# A bare NoAutoUpdate, as privacy.sexy's "disable automatic updates" writes it, is no
# policy source's: plain repair leaves it, repair --policies deletes it (journaled) and undo
# puts it back as it was. The same value set by the local policy's Registry.pol (written as
# the Group Policy editor writes "Configure Automatic Updates: Disabled", from the file's
# documented format) is named as the local policy's and left.
sc_repair_policies() {
  local au='HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'
  local pol="$C/windows/system32/GroupPolicy/Machine/Registry.pol"
  local sources='[(p["value"], p["data"], p["source"]) for p in d["policies"]]' before
  rm -f "$pol"
  wine reg add "$au" /v NoAutoUpdate /t REG_DWORD /d 1 /f >/dev/null 2>&1
  wufix check --json
  expect_rc 1
  [ "$(json "$sources")" = "[('NoAutoUpdate', 1, 'none')]" ] || fail "sources: $(cat "$OUT")"
  wufix repair --yes
  wine reg query "$au" /v NoAutoUpdate >/dev/null 2>&1 || fail "plain repair deleted a policy"
  before=$(wine reg query "$au" | tr -d '\r' | sort)
  wufix repair --policies --yes
  expect_rc 0
  expect_out 'HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU\NoAutoUpdate: 1 -> (none)'
  wine reg query "$au" /v NoAutoUpdate >/dev/null 2>&1 && fail "repair --policies left the bare NoAutoUpdate"
  wufix undo --yes
  expect_rc 0
  [ "$(wine reg query "$au" | tr -d '\r' | sort)" = "$before" ] || fail "undo did not put NoAutoUpdate back as it was"
  mkdir -p "$(dirname "$pol")"
  python3 - "$pol" <<'PY'
import struct, sys
def u16(s): return s.encode('utf-16-le')
def entry(key, value, kind, data):
    return (u16('[') + u16(key) + b'\0\0' + u16(';') + u16(value) + b'\0\0' + u16(';') + struct.pack('<I', kind) +
            u16(';') + struct.pack('<I', len(data)) + u16(';') + data + u16(']'))
au = 'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU'
open(sys.argv[1], 'wb').write(struct.pack('<II', 0x67655250, 1) + entry(au, 'NoAutoUpdate', 4, struct.pack('<I', 1)))
PY
  wufix check --json
  [ "$(json "$sources")" = "[('NoAutoUpdate', 1, 'local_policy')]" ] || fail "sources: $(cat "$OUT")"
  wufix repair --policies --yes
  expect_out 'left: HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU\NoAutoUpdate: the local policy (Registry.pol)'
  wine reg query "$au" /v NoAutoUpdate >/dev/null 2>&1 || fail "repair --policies deleted the local policy's value"
  rm -f "$pol"
  wine reg delete "$au" /f >/dev/null 2>&1
}

sc_why_log_of_random_bytes() {
  mkdir -p "$SD"
  { printf '\xff\xfe'; head -c $((8 * 1024 * 1024)) /dev/urandom; } >"$WULOG"
  local t0 t1; t0=$(date +%s%N)
  wufix check
  t1=$(date +%s%N)
  case "$RC" in 0 | 1) ;; *) fail "exit $RC"; show ;; esac
  [ "$(grep -c update_log_unreadable "$OUT")" = 1 ] || { fail "not said once that the log is unreadable"; show; }
  grep -qE 'last_(scan|download|install)_failed' "$OUT" && fail "a failure made up from random bytes"
  [ $(((t1 - t0) / 1000000)) -lt 10000 ] || fail "took $(((t1 - t0) / 1000000)) ms"
  echo "8 MB of random bytes: checked in $(((t1 - t0) / 1000000)) ms of wall time, Wine's start included"
}

sc_why_reset_clears_old_failure() {
  caches
  { install_failed "2026-11-20 14:02:11:509+0100" 80242006; } | plant_wulog
  wufix repair --yes
  expect_rc 1 # the failure is still the last one: an error repair cannot fix
  expect_out "'wufix reset' is the fix"
  [ -e "$WULOG" ] || fail "repair set the caches aside"
  wufix reset --yes
  expect_rc 0
  wufix check -q
  grep -qF last_install_failed "$OUT" && fail "a failure older than the reset is still reported"
  [ -e "$(one "$SD.wufix-*")/ReportingEvents.log" ] || fail "the log was not kept in the set-aside folder"
}

# Windows 11 writes Defender's definitions (KB2267602, caller
# MoUpdateOrchestrator) and Store apps through the same log, several times a
# day (facts-audit-2026.md): field 6 the update's ID, 9 the caller, 10 the result.
wu_line() { # UPDATE-ID WHEN "ID [NAME]" HRESULT CALLER RESULT MESSAGE
  printf '{1F0B2C3D-4E5F-4061-8273-94A5B6C7D8E9}\t%s\t1\t%s\t101\t%s\t200\t%s\t%s\t%s\tContent Install\t%s\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n' \
    "$2" "$3" "$1" "$4" "$5" "$6" "$7"
}
CU_ID="{5B1E7C2A-9D43-4F0E-A1B2-C3D4E5F60718}"
DEFS="Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.445.476.0)"
APP="9WZDNCRFJ3Q2-Microsoft.BingWeather"
sc_why_definitions_do_not_hide_a_failed_update() {
  { scan_ok "2026-11-20 02:58:01:100+0100"
    wu_line "$CU_ID" "2026-11-20 03:10:44:310+0100" "182 [AGENT_INSTALLING_FAILED]" 80073712 UpdateOrchestrator Failure \
      "Installation Failure: Windows failed to install the following update with error 0x80073712: $NOV_CU."
    wu_line "{2A3B4C5D-6E7F-4809-9A1B-2C3D4E5F6071}" "2026-11-20 08:02:00:000+0100" "182 [AGENT_INSTALLING_FAILED]" 80073D02 \
      WindowsStore Failure "Installation Failure: Windows failed to install the following update with error 0x80073D02: $APP."
    wu_line "{0C9A8B7D-6E5F-4A3B-9C2D-1E0F2A3B4C5D}" "2026-11-20 09:12:13:000+0100" "183 [AGENT_INSTALLING_SUCCEEDED]" 0 \
      MoUpdateOrchestrator Success "Installation Successful: Windows successfully installed the following update: $DEFS"
    wu_line "{2A3B4C5D-6E7F-4809-9A1B-2C3D4E5F6071}" "2026-11-20 14:00:00:000+0100" "183 [AGENT_INSTALLING_SUCCEEDED]" 0 \
      WindowsStore Success "Installation Successful: Windows successfully installed the following update: $APP"
    wu_line "{7D6C5B4A-3F2E-4D1C-8B0A-9F8E7D6C5B4A}" "2026-11-21 09:12:13:000+0100" "183 [AGENT_INSTALLING_SUCCEEDED]" 0 \
      MoUpdateOrchestrator Success "Installation Successful: Windows successfully installed the following update: $DEFS"
  } | plant_wulog
  wufix check
  expect_rc 1
  expect_out "Windows Update's last install failed on 2026-11-20: 0x80073712 ERROR_SXS_COMPONENT_STORE_CORRUPT"
  expect_out "for KB5099999"
  grep -qF BingWeather "$OUT" && fail "a Store app its own success ended is still reported"
  wufix check --json
  expect_rc 1; schema check 1
  [ "$(json '[p["evidence"]["kb"] for p in d["problems"] if p["code"] == "last_install_failed"]')" = "['KB5099999']" ] ||
    fail "failed updates: $(problem_codes)"
  expect_journal_empty
}

# Files other software left to be renamed at the next restart: Windows Update
# does not wait for them; check exits 0 and repair does not answer 3010.
SESSION_KEY='HKLM\SYSTEM\CurrentControlSet\Control\Session Manager'
sc_reboot_file_renames_alone() {
  wine reg add "$SESSION_KEY" /v PendingFileRenameOperations /t REG_MULTI_SZ \
    /d '\??\C:\Program Files\AV\engine.dll.new\0!\??\C:\Program Files\AV\engine.dll' /f >/dev/null 2>&1
  wufix check
  expect_rc 0
  expect_out "file_renames_pending"
  grep -qF reboot_pending "$OUT" && fail "other software's renames taken for a restart Windows Update waits for"
  wufix check --json
  expect_rc 0; schema check 0
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null; svc starttype wuauserv disabled >/dev/null
  wufix repair --yes
  expect_rc 0
  expect_state wuauserv running
  # Windows Update's own signal: a restart it waits for, 3010 (Wine hands a
  # Unix parent only its low 8 bits: 194).
  wine reg add "$REBOOT_KEY" /f >/dev/null 2>&1
  svc stop wuauserv >/dev/null; svc wait wuauserv stopped 10000 >/dev/null; svc starttype wuauserv disabled >/dev/null
  wufix repair --yes
  expect_rc $((3010 & 255))
  wine reg delete "$REBOOT_KEY" /f >/dev/null 2>&1
  wine reg delete "$SESSION_KEY" /v PendingFileRenameOperations /f >/dev/null 2>&1
}

# Windows installing (SPEC 6): the TrustedInstaller stand-in running with a TiWorker.exe
# (standin.exe under that name, lingering) and WinSxS\pending.xml. reset exits 6 before
# anything changes: no service moved, no cache renamed; --force goes ahead.
sc_reset_waits_for_an_install() {
  caches
  local ws="$C/windows/winsxs" ti="$DIR/TiWorker.exe" tipid
  mkdir -p "$ws"; echo '<PendingTransaction/>' >"$ws/pending.xml"
  svc binpath TrustedInstaller "$(standin_path TrustedInstaller 100 100)" >/dev/null
  svc start TrustedInstaller >/dev/null; svc wait TrustedInstaller running 10000 >/dev/null
  cp "$BIN/standin.exe" "$ti"
  wine "$ti" --linger 100000 >/dev/null 2>&1 &
  tipid=$!
  sleep 2
  : >"$DIR/journal.log"
  wufix reset --yes
  expect_rc 6
  expect_err 'Windows is installing (TrustedInstaller is running with TiWorker.exe at work; %SystemRoot%\WinSxS\pending.xml'
  expect_err 'busy: try again when it finishes, or restart Windows first'
  expect_journal_empty
  [ -e "$SD/marker.txt" ] && [ -z "$(one "$SD.wufix-*")" ] || fail "a cache was set aside while Windows was installing"
  wufix reset --yes --json
  expect_rc 6
  [ "$(json "[p['code'] for p in d['problems']]")" = "['install_in_progress']" ] || { fail "JSON problems"; show; }
  expect_journal_empty
  wufix reset --yes --force
  # The TrustedInstaller stand-in's program is not Windows' own: an error repair leaves (exit 1).
  expect_rc 1
  expect_out "TrustedInstaller: the program the service runs is not Windows' own"
  expect_err 'going ahead as --force asks'
  [ -n "$(one "$SD.wufix-*")" ] || fail "--force did not set the caches aside"
  for n in wuauserv UsoSvc BITS CryptSvc; do expect_state "$n" running; done
  kill "$tipid" 2>/dev/null; wait "$tipid" 2>/dev/null
  rm -f "$ws/pending.xml"
  svc stop TrustedInstaller >/dev/null; svc wait TrustedInstaller stopped 10000 >/dev/null
  svc binpath TrustedInstaller "%SystemRoot%\\servicing\\TrustedInstaller.exe" >/dev/null
}

# history after a reset: the failures from before it are still listed, from the log the
# reset set aside (marked *), beside what Windows writes after it; --json is the run object
# with a history array; -n takes the newest; a standard user (the limited token) may read it.
sc_history_after_reset() {
  caches
  { scan_ok "2026-11-20 13:58:02:100+0100"; install_failed "2026-11-20 14:02:11:509+0100" 80073712
    install_failed "2026-11-21 09:00:00:000+0100" 80073712; } | plant_wulog
  wufix reset --yes
  expect_rc 0
  [ -e "$(one "$SD.wufix-*")/ReportingEvents.log" ] || fail "the log was not set aside"
  { scan_ok "2026-11-22 10:00:00:000+0000"; } | plant_wulog   # what Windows writes after the reset
  wufix history
  expect_rc 0
  expect_out 'Update history on '
  expect_out '(newest first, 4 of 4 found):'
  expect_out '  2026-11-22 10:00  scan     succeeded'
  expect_out '* 2026-11-21 09:00  install  failed           0x80073712 ERROR_SXS_COMPONENT_STORE_CORRUPT  KB5099999  2026-11 Cumulative Update'
  expect_out "* from a copy of the log that 'wufix reset' set aside"
  wufix history --json -n 2
  expect_rc 0
  [ "$(json "[(h['date'], h['result'], h['set_aside']) for h in d['history']]")" = \
    "[('2026-11-22T10:00:00+00:00', 'succeeded', False), ('2026-11-21T09:00:00+01:00', 'failed', True)]" ] ||
    { fail "history JSON"; show; }
  wine "$BIN/limited.exe" "$(winpath "$BIN/wufix.exe")" history -n 1 >"$OUT" 2>"$ERR"; RC=$?
  expect_rc 0
  expect_out '(newest first, 1 of 4 found):'
}

# check --json --brief under Wine: one flat object within 2,048 characters, on a machine
# with a failed install, a disabled service and blocker traces.
sc_check_json_brief() {
  { scan_ok "2026-11-20 13:58:02:100+0100"; install_failed "2026-11-20 14:02:11:509+0100" 80073712; } | plant_wulog
  local build=19045 # the build the sandbox plays (sandbox.sh FLAVOURS: win10)
  svc reg HKLM "Software\\Microsoft\\Windows NT\\CurrentVersion" CurrentBuild sz "$build" >/dev/null
  svc reg HKLM "Software\\Microsoft\\Windows NT\\CurrentVersion" UBR dword 5131 >/dev/null
  svc starttype wuauserv disabled >/dev/null
  wufix check --json --brief
  expect_rc 1
  [ "$(wc -c <"$OUT")" -le 2048 ] || fail "brief object of $(wc -c <"$OUT") bytes"
  [ "$(json "(d['last_failure'], d['last_failure_hresult'], d['last_failure_kb'], d['build'], d['days_since_scan'] is not None)")" = \
    "('install', '0x80073712', 'KB5099999', '$build.5131', True)" ] || { fail "brief fields"; show; }
  json 'd["problems"]' | grep -F 'wuauserv:disabled' >/dev/null || { fail "brief problems"; show; }
  wufix check --brief
  expect_rc 2
  expect_err '--brief needs --json'
}

# collect: one zip, written by wufix's own code, that Python's zipfile reads whole (testzip:
# every CRC; names; sizes and SHA-256 against manifest.json), holding check's JSON (valid by
# the schema) and the update log; the same path again is refused and the zip kept as it was.
sc_collect_zip() {
  { scan_ok "2026-11-20 13:58:02:100+0100"; install_failed "2026-11-20 14:02:11:509+0100" 80073712; } | plant_wulog
  mkdir -p "$C/windows/Logs/CBS"; printf 'CBS line\r\n' >"$C/windows/Logs/CBS/CBS.log"
  rm -f "$C/wufix-bundle.zip"
  wufix collect --output 'C:\wufix-bundle.zip'
  expect_rc 0
  expect_out 'wrote C:\wufix-bundle.zip ('
  python3 - "$C/wufix-bundle.zip" "$DIR/check.json" <<'PY' || fail "the zip is not what it should be"
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "a CRC does not match"
names = z.namelist()
for n in ("check.json", "manifest.json", "registry.txt", "logs/ReportingEvents.log", "logs/CBS.log"):
    assert n in names, f"{n} missing: {names}"
m = json.loads(z.read("manifest.json"))
assert m["cap_bytes"] > 0
listed = {f["name"] for f in m["files"]}
assert listed == set(names) - {"manifest.json"}, (listed, names)
for f in m["files"]:
    data = z.read(f["name"])
    assert len(data) == f["bytes"] == z.getinfo(f["name"]).file_size, f
    assert hashlib.sha256(data).hexdigest() == f["sha256"], f
assert z.read("logs/CBS.log") == b"CBS line\r\n"
assert z.read("logs/ReportingEvents.log")[:2] == b"\xff\xfe"
open(sys.argv[2], "wb").write(z.read("check.json"))
PY
  python3 "$HERE/check_json.py" "$DIR/check.json" check 1 || fail "check.json not valid by docs/json"
  local before; before=$(sha256sum "$C/wufix-bundle.zip")
  wufix collect --output 'C:\wufix-bundle.zip'
  expect_rc 2
  expect_err 'it exists (wufix never writes over a file); nothing was written'
  [ "$(sha256sum "$C/wufix-bundle.zip")" = "$before" ] || fail "the zip was written over"
  rm -f "$C/wufix-bundle.zip"
}

LISTENER=""
# A REG_MULTI_SZ with an empty string in it ("remsh.exe", "", "MoUsoCoreWorker.exe"): b394e12
# read it up to the empty string, so repair deleted a value undo put back as "remsh.exe" alone.
# Read by its length, it is recorded exactly: undo gives back the same bytes. One wufix cannot
# record exactly (a '|' in a string) is reported and left alone.
sc_multi_sz_read_whole() {
  local ifeo='SOFTWARE\Microsoft\Windows NT\CurrentVersion\Image File Execution Options'
  local before="$DIR/multi-before.reg" after="$DIR/multi-after.reg"
  svc reg HKLM "$ifeo" WubBlockLists multi "remsh.exe,,MoUsoCoreWorker.exe" >/dev/null
  rm -f "$before" "$after"
  wine reg export "HKLM\\$ifeo" "$(winepath -w "$before")" /y >/dev/null 2>&1
  wufix check --json
  expect_rc 1
  [ "$(json '[(p["fixable"], p["evidence"]["found"]) for p in d["problems"] if p["code"] == "blocker_wub_blocklists"]')" = \
    "[(True, 'remsh.exe||MoUsoCoreWorker.exe')]" ] || fail "WubBlockLists read as: $(cat "$OUT")"
  wufix repair --yes
  [ "$(svc regget HKLM "$ifeo" WubBlockLists)" = absent ] || fail "WubBlockLists left"
  wufix undo --yes
  expect_rc 0
  wine reg export "HKLM\\$ifeo" "$(winepath -w "$after")" /y >/dev/null 2>&1
  local pick='import re,sys; b=open(sys.argv[1],"rb").read(); t=b.decode("utf-16" if b[:2]==b"\xff\xfe" else "utf-8")
m=re.search(r"\"WubBlockLists\"=hex\(7\):((?:[^\r\n]*\\\r?\n)*[^\r\n]*)", t); print(re.sub(r"[\\\s]", "", m.group(1)) if m else "")'
  local was now; was=$(python3 -c "$pick" "$before"); now=$(python3 -c "$pick" "$after")
  [ -n "$was" ] && [ "$was" = "$now" ] || fail "undo did not give WubBlockLists back as it was: $was / $now"
  svc reg HKLM "$ifeo" WubBlockLists multi "a|b,c" >/dev/null
  wufix check --json
  [ "$(json '[p["fixable"] for p in d["problems"] if p["code"] == "blocker_wub_blocklists"]')" = "[False]" ] ||
    fail "a list not recordable exactly is fixable: $(cat "$OUT")"
}

# The problem flood: 70 DisallowRun entries in the user's hive, read before the Image File
# Execution Options, and a Debugger on UsoClient.exe. b394e12 kept 64 problems, silently: check
# never named the Debugger and repair left it.
sc_problem_flood() {
  local pol='Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' reg="$DIR/flood.reg" i
  { printf 'REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\%s]\r\n"DisallowRun"=dword:00000001\r\n\r\n' "$pol"
    printf '[HKEY_CURRENT_USER\\%s\\DisallowRun]\r\n' "$pol"
    for i in $(seq 1 70); do printf '"%d"="UsoClient.exe"\r\n' "$i"; done; } >"$reg"
  wine regedit /s "$(winepath -w "$reg")" >/dev/null 2>&1
  svc reg HKLM "$IFEO" Debugger sz / >/dev/null
  wufix check -q
  expect_rc 1; expect_out "71 problems (1 fixable)"; expect_out "UsoClient.exe:blocker_ifeo_debugger"
  wufix check --json
  expect_rc 1; schema check 1
  [ "$(json 'sum(p["code"] == "policy_disallow_run" for p in d["problems"]), sum(p["code"] == "blocker_ifeo_debugger" for p in d["problems"])')" = "70 1" ] ||
    fail "problems: $(problem_codes)"
  wufix repair --yes
  [ "$(svc regget HKLM "$IFEO" Debugger)" = absent ] || fail "repair left the Debugger"
  wufix check -q
  expect_rc 1; expect_out "70 problems (0 fixable)"
}

# An update title in Japanese ("2026-11 " and 60 x U+30A2, 188 bytes in UTF-8) in
# ReportingEvents.log: b394e12 cut it at 159 bytes and the JSON string ended in a lone 0xE3.
# check --json is strict UTF-8.
# A feature update held back: a safeguard hold as the appraiser leaves it (Gary Blok's
# garytown scripts: hold 41332279 under NI22H2), a deferral policy, and SetupDiag's result
# as Windows Setup writes it (UTF-16 with a byte order mark, laid out as Microsoft's
# sample; 0xC1900101 - 0x20017 from Microsoft's resolution procedures). check names the
# hold's ID and SetupDiag's rule and code with its phase, as information (exit 0).
sc_feature_update_held_back() {
  local ind='HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\AppCompatFlags\TargetVersionUpgradeExperienceIndicators'
  local pol='HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
  local sd="$WINEPREFIX/drive_c/windows/Logs/SetupDiag"
  wine reg add "$ind\\NI22H2" /v GatedBlockId /t REG_SZ /d 41332279 /f >/dev/null 2>&1
  wine reg add "$ind\\NI22H2" /v UpgEx /t REG_SZ /d Red /f >/dev/null 2>&1
  wine reg add "$ind\\CO21H2" /v GatedBlockId /t REG_SZ /d 40667045 /f >/dev/null 2>&1
  wine reg add "$pol" /v DeferFeatureUpdatesPeriodInDays /t REG_DWORD /d 30 /f >/dev/null 2>&1
  mkdir -p "$sd"
  python3 -c 'import sys; sys.stdout.buffer.write(b"\xff\xfe" + sys.argv[1].encode("utf-16-le"))' \
    '<?xml version="1.0" encoding="utf-16"?>
<SetupDiag xmlns="https://docs.microsoft.com/windows/deployment/upgrade/setupdiag">
  <Version>1.6.0.0</Version>
  <ProfileName>FindRollbackFailure</ProfileName>
  <FailureData>
Error: SetupDiag reports rollback failure found.
Error: 0xC1900101 - 0x20017</FailureData>
  <FailureDetails>Err = 0xC1900101, LastOperation = Boot, LastPhase = Safe OS</FailureDetails>
</SetupDiag>' >"$sd/SetupDiagResults.xml"
  wufix check
  expect_rc 0
  expect_out "a feature update is held back by a safeguard hold (ID 41332279, for NI22H2 (UpgEx=Red))"
  expect_out "a policy defers feature updates (30 days: DeferFeatureUpdatesPeriodInDays)"
  expect_out "SetupDiag says why a feature update failed (FindRollbackFailure: Err = 0xC1900101, LastOperation = Boot, LastPhase = Safe OS; 0xC1900101 MOSETUP_E_SETUP_PLATFORM, extend code 0x20017: phase 2 (SAFE_OS), operation 0x17 (BOOT))"
  grep -qF 40667045 "$OUT" && fail "an older release's hold was taken for the target's"
  wufix check --json
  expect_rc 0
  [ "$(json '[p["evidence"]["found"] for p in d["problems"] if p["code"] == "safeguard_hold"]')" = \
    "['ID 41332279, for NI22H2 (UpgEx=Red)']" ] || fail "safeguard_hold in the JSON: $(cat "$OUT")"
  wufix check --json --brief
  expect_rc 0; expect_out " safeguard_hold "
  wine reg delete "$ind" /f >/dev/null 2>&1
  wine reg delete "$pol" /v DeferFeatureUpdatesPeriodInDays /f >/dev/null 2>&1
  rm -rf "$sd"
  expect_journal_empty
}

# The Windows Time service told never to set the clock (Parameters\Type=NoSync), and
# disabled: check warns of each, naming the value; repair leaves both as they are.
sc_clock_not_synced() {
  local w='HKLM\SYSTEM\CurrentControlSet\Services\W32Time'
  local had_key=0 had_start; wine reg query "$w" >/dev/null 2>&1 && had_key=1
  had_start=$(wine reg query "$w" /v Start 2>/dev/null | tr -d '\r' | awk '/Start/ {print $3}')
  wine reg add "$w\Parameters" /v Type /t REG_SZ /d NoSync /f >/dev/null 2>&1
  wine reg add "$w" /v Start /t REG_DWORD /d 4 /f >/dev/null 2>&1
  wufix check
  expect_rc 1
  expect_out "the Windows Time service does not set the clock from any source (0x80072F8F) (HKLM\SYSTEM\CurrentControlSet\Services\W32Time\Parameters\Type=NoSync)"
  expect_out "the Windows Time service is disabled: a wrong clock fails HTTPS (0x80072F8F) (HKLM\SYSTEM\CurrentControlSet\Services\W32Time\Start=4 (disabled))"
  wufix check --json
  [ "$(json '[p["severity"] for p in d["problems"] if p["code"] in ("time_sync_off", "time_service_disabled")]')" = "['warning', 'warning']" ] ||
    fail "time_sync_off, time_service_disabled: $(cat "$OUT")"
  wufix repair --yes
  [ "$(wine reg query "$w\Parameters" /v Type | tr -d '\r' | awk '/Type/ {print $3}')" = NoSync ] || fail "Type was changed"
  wine reg add "$w\Parameters" /v Type /t REG_SZ /d NTP /f >/dev/null 2>&1
  if [ -n "$had_start" ]; then wine reg add "$w" /v Start /t REG_DWORD /d "$had_start" /f >/dev/null 2>&1
  else wine reg delete "$w" /v Start /f >/dev/null 2>&1; fi
  [ $had_key = 1 ] || wine reg delete "$w" /f >/dev/null 2>&1
  wufix check
  grep -qF time_ "$OUT" && fail "still reported: $(cat "$OUT")"
  grep -qF "Windows Time" "$OUT" && fail "still reported: $(cat "$OUT")"
}

# The stack guard (src/win32/ssp.c): seeded from RtlGenRandom, so wufix.exe
# starts without the CryptoAPI's provider (libssp's guard loaded rsaenh.dll,
# and under Wine crypt32, user32 and gdi32, before main); a different guard
# each run; an overflow ends the process with STATUS_STACK_BUFFER_OVERRUN
# (0xC0000409: 9 once Wine cuts the exit code to 8 bits), never returning.
sc_stack_guard() {
  local loaded a b rc
  loaded=$(WINEDEBUG=+loaddll wine "$BIN/wufix.exe" version 2>&1 >/dev/null | grep -o 'Loaded L"[^"]*"' | sed 's/.*\\//; s/"$//' | tr 'A-Z' 'a-z' | sort | tr '\n' ' ')
  [ -n "$loaded" ] || fail "Wine's loader trace shows nothing"
  for d in rsaenh.dll crypt32.dll user32.dll gdi32.dll bcrypt.dll; do
    case " $loaded" in *" $d "*) fail "wufix version loads $d: $loaded" ;; esac
  done
  a=$(wine "$BIN/stackguard.exe" guard | tr -d '\r'); b=$(wine "$BIN/stackguard.exe" guard | tr -d '\r')
  [[ "$a" =~ ^[0-9a-f]{16}$ ]] || fail "guard '$a'"
  [ "$a" != "$b" ] || fail "the same guard twice: $a"
  [ "$a" != 2f8a5e31c6d74b09 ] && [ "$b" != 2f8a5e31c6d74b09 ] || fail "the guard was never seeded: $a $b"
  wine "$BIN/stackguard.exe" fine >/dev/null 2>&1 || fail "a guarded function within its buffer failed"
  wine "$BIN/stackguard.exe" overflow >"$OUT" 2>/dev/null; rc=$?
  [ "$rc" = 9 ] || fail "overflow: exit $rc, expected 9 (0xC0000409)"
  [ ! -s "$OUT" ] || fail "overflow returned: $(cat "$OUT")"
}

# A failure 0x80070643 of the WinRE update (KB5034441) and ReAgent.xml as Windows writes
# it: check names WinRE's state. Wine's volumes (C: and Z:) open, but
# IOCTL_DISK_GET_PARTITION_INFO_EX answers 50 (not supported): the partitions are said to
# be not measured, as information, never a warning, and check exits as before (1, for the
# failure itself); the measurement itself is tested on the fake (test_partitions.c).
sc_winre_after_0x80070643() {
  local re="$C/windows/system32/Recovery"
  wu_event "2026-11-20 14:02:11:509+0100" "182 [AGENT_INSTALLING_FAILED]" 80070643 \
    "Installation Failure: Windows failed to install the following update with error 0x80070643: 2024-01 Security Update for Windows 10 Version 22H2 for x64-based Systems (KB5034441)." |
    plant_wulog
  mkdir -p "$re"
  printf '%s\r\n' "<?xml version='1.0' encoding='utf-8' standalone='yes'?>" '<WindowsRE version="2.0">' \
    '  <WinreBCD id="{1cb3eeb3-fd89-4fc4-a7d5-34f852f5aa52}"/>' \
    '  <WinreLocation path="\Recovery\WindowsRE" id="0" offset="135656374272" guid="{6d5c9aaa-fea9-471e-bfa8-5160d1d8c3fa}"/>' \
    '  <InstallState state="1"/>' '</WindowsRE>' >"$re/ReAgent.xml"
  wufix check
  expect_rc 1
  expect_out "info    recovery_partition_space  WinRE and the recovery partition, measured for 0x80070643 (WinRE enabled (ReAgent.xml: InstallState 1, WinreLocation \\Recovery\\WindowsRE, WinreBCD {1cb3eeb3-fd89-4fc4-a7d5-34f852f5aa52}); recovery partitions not measured)"
  wufix check --json
  expect_rc 1; schema check 1
  [ "$(json '[p["severity"] for p in d["problems"] if p["code"] == "recovery_partition_space"]')" = "['info']" ] ||
    fail "recovery_partition_space: $(cat "$OUT")"
  # Another failure: nothing measured, nothing said.
  install_failed "2026-11-20 14:02:11:509+0100" 80073712 | plant_wulog
  wufix check
  grep -qF partition "$OUT" && fail "measured without 0x80070643: $(cat "$OUT")"
  rm -f "$re/ReAgent.xml"
}

sc_check_json_title_in_japanese() {
  local title; title=$(python3 -c 'print("2026-11 " + "\u30a2" * 60)')
  wu_event "2026-11-20 14:02:11:509+0100" "182 [AGENT_INSTALLING_FAILED]" 80073712 \
    "Installation Failure: Windows failed to install the following update with error 0x80073712: $title." |
    plant_wulog
  wufix check --json
  expect_rc 1; schema check 1
  python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8", "strict")' "$OUT" ||
    fail "check --json is not strict UTF-8"
  json '[p["evidence"]["update"] for p in d["problems"] if p["code"] == "last_install_failed"][0]' |
    grep -qF "$(python3 -c 'print("\u30a2" * 10)')" || fail "the title is not in the JSON: $(cat "$OUT")"
  wufix check
  expect_rc 1
  python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8", "strict")' "$OUT" ||
    fail "check's text is not strict UTF-8"
}

# Whatever way a scenario ends: no terminal or listener of its own left behind.
trap 'tm kill-server 2>/dev/null; [ -z "$LISTENER" ] || kill "$LISTENER" 2>/dev/null' EXIT

# Update tasks as WinUtil's "disable updates" and a deleting blocker leave a 25H2 (26200),
# registered through Wine's Task Scheduler (schtasks /Create /XML; its /Change cannot
# disable, so a disabled task is registered disabled). Schedule Scan and Scheduled Start
# disabled, USO_UxBroker and the InstallService folder deleted: each found, with the
# command that enables it again; PerformRemediation, which 25H2 ships disabled, is not
# judged. wufix reports only: repair changes no task. Not elevated, the tasks are said unread.
sc_update_tasks_25h2() {
  local key='Software\\Microsoft\\Windows NT\\CurrentVersion' t xml tasks
  local group='Software\\Microsoft\\Windows NT\\CurrentVersion\\Svchost'
  tasks="$WINEPREFIX/drive_c/windows/system32/tasks"
  svc reg HKLM "$key" CurrentBuildNumber sz 26200 >/dev/null
  svc reg HKLM "$key" CurrentBuild sz 26200 >/dev/null
  # Wine leaves its Task Scheduler stopped, and its svchost starts only a service the group lists.
  svc reg HKLM "$group" netsvcs multi "wuauserv,UsoSvc,BITS,Schedule" >/dev/null
  wine net start schedule >/dev/null 2>&1 || fail "Wine's Task Scheduler did not start"
  for t in true false; do
    printf '<?xml version="1.0" encoding="UTF-16"?>\n<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><Settings><Enabled>%s</Enabled></Settings><Actions><Exec><Command>usoclient.exe</Command></Exec></Actions></Task>\n' "$t" |
      iconv -f UTF-8 -t UTF-16 >"$DIR/task-$t.xml"
  done
  for t in "UpdateOrchestrator\\Report policies|true" "UpdateOrchestrator\\Schedule Scan|false" \
    "UpdateOrchestrator\\Schedule Scan Static Task|true" "UpdateOrchestrator\\Start Oobe Expedite Work|true" \
    "UpdateOrchestrator\\StartOobeAppsScanAfterUpdate|true" "UpdateOrchestrator\\StartOobeAppsScan_LicenseAccepted|true" \
    "UpdateOrchestrator\\UIEOrchestrator|true" "UpdateOrchestrator\\UUS Failover Task|true" \
    "WindowsUpdate\\Refresh Group Policy Cache|true" "WindowsUpdate\\Scheduled Start|false" \
    "WaaSMedic\\PerformRemediation|false"; do
    xml=$(winpath "$DIR/task-${t#*|}.xml")
    wine schtasks /Create /XML "$xml" /TN "\\Microsoft\\Windows\\${t%|*}" >/dev/null 2>&1 ||
      fail "schtasks could not register ${t%|*}"
  done
  local before; before=$(cd "$tasks" && find . -type f -exec sha256sum {} + | sort)
  wufix check --json
  expect_rc 1
  [ "$(json 'sorted((p["code"], p["severity"], p["fixable"], p["evidence"]["found"]) for p in d["problems"] if "task" in p["code"])')" = \
    "[('update_task_disabled', 'warning', False, '\\\\Microsoft\\\\Windows\\\\UpdateOrchestrator\\\\Schedule Scan'), ('update_task_disabled', 'warning', False, '\\\\Microsoft\\\\Windows\\\\WindowsUpdate\\\\Scheduled Start'), ('update_task_missing', 'warning', False, '\\\\Microsoft\\\\Windows\\\\InstallService\\\\'), ('update_task_missing', 'warning', False, '\\\\Microsoft\\\\Windows\\\\UpdateOrchestrator\\\\USO_UxBroker')]" ] ||
    fail "update tasks: $(cat "$OUT")"
  wufix check
  expect_rc 1
  expect_out 'an update scheduled task is disabled; Windows ships it enabled (\Microsoft\Windows\UpdateOrchestrator\Schedule Scan)'
  expect_out 'expected: enabled: schtasks /Change /TN "\Microsoft\Windows\WindowsUpdate\Scheduled Start" /Enable'
  wufix repair --yes
  [ "$(cd "$tasks" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] || fail "repair changed a task"
  # Not elevated (the limited half of Wine's token): said as not checked, never taken for deleted.
  wine "$BIN/limited.exe" "$(winpath "$BIN/wufix.exe")" check --json >"$OUT" 2>"$ERR"; RC=$?
  [ "$(json '[(p["code"], p["severity"], p["evidence"]["found"]) for p in d["problems"] if "task" in p["code"]]')" = \
    "[('update_tasks_skipped', 'info', 'not elevated: a standard user may not read the tasks of Windows Update')]" ] ||
    fail "not elevated: $(cat "$OUT" "$ERR")"
  rm -rf "$tasks/Microsoft"
  wine net stop schedule >/dev/null 2>&1
  svc reg HKLM "$group" netsvcs multi "wuauserv,UsoSvc,BITS" >/dev/null
}

type "sc_$NAME" >/dev/null 2>&1 || { echo "scenarios.sh: no scenario $NAME"; exit 2; }
sandbox_reset
"sc_$NAME"
if [ $FAILS -eq 0 ]; then echo "scenario $NAME: passed"; exit 0; fi
echo "scenario $NAME: $FAILS check(s) failed"; exit 1

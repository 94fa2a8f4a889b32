#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sandbox.sh - a throwaway Wine prefix whose update services are stand-ins.
#
#   sandbox.sh up    DIR BIN   new prefix in DIR, stand-ins from BIN registered and running
#   sandbox.sh reset DIR BIN   every stand-in back to its default behaviour, running; journal emptied
#   sandbox.sh down  DIR       end this prefix's wineserver and its processes; remove DIR
#
# Scripts that source this file get the helpers below (wine_env, winpath, svc, ...).
set -euo pipefail

wine_env() {
  export WINEPREFIX="$1/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
}

# Linux path -> the same file through Wine's Z: drive.
winpath() { local p; p=$(realpath -m "$1"); printf 'Z:%s' "${p//\//\\}"; }

# Wine's console turns \n into \r\n: strip it so outputs compare.
svc() { wine "$BIN/wfsvc.exe" "$@" | tr -d '\r'; return "${PIPESTATUS[0]}"; }

# The machines the sandbox plays (sandbox_play NAME; every reset plays win10 again):
#   win10       Windows 10 22H2, the stand-ins' start types as STANDINS gives them
#   win11-24h2  Windows 11 24H2 as nohuto/win-config's system/assets/services.txt (@842a489f) lists
#               one: build 26100 (its files 10.0.26100.7019, so UBR 7019), UsoSvc and DoSvc
#               Automatic, the others as on Windows 10 (../shared/research/facts-audit-2026.md)
# name|CurrentBuildNumber and CurrentBuild|UBR (none: not set)|DisplayVersion|start types unlike STANDINS
FLAVOURS=(
  "win10|19045||22H2|"
  "win11-24h2|26100|7019|24H2|UsoSvc=auto DoSvc=auto"
)

# The stand-ins: name|display name|start type|stop ms|start ms|svchost group|ServiceDll
# Each runs as the account Windows gives it: NetworkService in the NetworkService group,
# else LocalSystem.
STANDINS=(
  "wuauserv|Windows Update|manual|250|300|netsvcs|%systemroot%\\system32\\wuaueng.dll"
  "UsoSvc|Update Orchestrator Service|delayed|200|250|netsvcs|%systemroot%\\system32\\usosvc.dll"
  "BITS|Background Intelligent Transfer Service|manual|300|200|netsvcs|%SystemRoot%\\System32\\qmgr.dll"
  "CryptSvc|Cryptographic Services|auto|200|150|NetworkService|%SystemRoot%\\system32\\cryptsvc.dll"
  "DoSvc|Delivery Optimization|delayed|250|200|NetworkService|%SystemRoot%\\system32\\dosvc.dll"
)

# HOSTING=svchost (the default) registers the stand-ins as Windows does (svchost -k GROUP -p, a
# ServiceDll, copied into the prefix under the real DLL's name); HOSTING=exe gives each its own
# standin.exe with its behaviour on the command line.
HOSTING=${HOSTING:-svchost}

# The default image path of a stand-in; extra arguments change its behaviour.
standin_path() {
  local name=$1 stop=$2 start=$3; shift 3
  printf '"%s" --name %s --stop-ms %s --start-ms %s --requires RpcSs --journal "%s" %s' \
    "$(winpath "$BIN/standin.exe")" "$name" "$stop" "$start" "$(winpath "$DIR/journal.log")" "$*"
}

standin_default() {
  local name=$1 e
  for e in "${STANDINS[@]}"; do
    IFS='|' read -r n d t stop start g dll <<<"$e"
    if [ "$n" = "$name" ]; then shift; standin_path "$n" "$stop" "$start" "$@"; return; fi
  done
  shift; standin_path "$name" 200 200 "$@"     # a service the sandbox only registers
}

# Launch-protected as on Windows 10 1809 and later (its WaaS file says windowsLight): the
# SCM's LaunchProtected value, which wufix reads where Wine's QueryServiceConfig2W lacks the
# level, and a stand-in that refuses every stop until the sandbox lets it go.
PROTECTED=(DoSvc)
is_protected() { local p; for p in "${PROTECTED[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

# Give stand-in NAME extra behaviour (e.g. --hang-stop); it takes effect at its next start.
standin_set() {
  local name=$1; shift
  ! is_protected "$name" || set -- --refuse-stop "$@"
  if [ "$HOSTING" = svchost ]; then
    local args; args=$(standin_default "$name" "$@"); args=${args#\"*\" }
    svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\$name\\Parameters" StandinArgs sz "$args" >/dev/null
  else
    svc binpath "$name" "$(standin_default "$name" "$@")" >/dev/null
  fi
}

# Register stand-in $n the way Windows registers the real service.
register_svchost() {
  local n=$1 d=$2 t=$3 g=$4 dll=$5 sys32="$WINEPREFIX/drive_c/windows/system32" leaf
  leaf=${dll##*\\}; leaf=$(tr 'A-Z' 'a-z' <<<"$leaf")
  cp "$BIN/standin.dll" "$sys32/$leaf"
  svc reg HKCU "Software\\Wine\\DllOverrides" "${leaf%.dll}" sz native >/dev/null
  svc create "$n" "$d" "$t" "%systemroot%\\system32\\svchost.exe -k $g -p" RpcSs share >/dev/null
  svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\$n\\Parameters" ServiceDll expand "$dll" >/dev/null
  [ "$n" != wuauserv ] ||
    svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\$n\\Parameters" ServiceMain sz WUServiceMain >/dev/null
  standin_set "$n"
}

# Play machine NAME (FLAVOURS): the build wufix reads and the start types that build gives.
sandbox_play() {
  local want=${1:-win10} f name build ubr dv starts s key='Software\\Microsoft\\Windows NT\\CurrentVersion'
  for f in "${FLAVOURS[@]}"; do
    IFS='|' read -r name build ubr dv starts <<<"$f"
    [ "$name" = "$want" ] || continue
    svc reg HKLM "$key" CurrentBuildNumber sz "$build" >/dev/null
    svc reg HKLM "$key" CurrentBuild sz "$build" >/dev/null
    svc reg HKLM "$key" DisplayVersion sz "$dv" >/dev/null
    if [ -n "$ubr" ]; then
      svc reg HKLM "$key" UBR dword "$ubr" >/dev/null
    else
      svc regdel HKLM "$key" UBR >/dev/null 2>&1 || true
    fi
    for s in $starts; do svc starttype "${s%%=*}" "${s#*=}" >/dev/null; done
    return 0
  done
  echo "sandbox: no machine $want" >&2
  return 1
}

all_names() { local e; for e in "${STANDINS[@]}"; do printf '%s ' "${e%%|*}"; done; }

sandbox_up() {
  rm -rf "$DIR"; mkdir -p "$DIR"
  wine_env "$DIR"
  wineboot -i >/dev/null 2>&1
  wineserver -w              # let the first server end, then keep one for good:
  wineserver -p >/dev/null 2>&1 </dev/null  # services outlive the last Wine process;
                                           # detached: ctest waits on whoever holds its pipes
  wineboot >/dev/null 2>&1
  # Wine's own stubs of wuauserv and BITS make way for the stand-ins.
  svc stop wuauserv >/dev/null 2>&1 || true
  svc stop BITS >/dev/null 2>&1 || true
  svc delete wuauserv >/dev/null
  svc delete BITS >/dev/null
  local e
  for e in "${STANDINS[@]}"; do
    IFS='|' read -r n d t stop start g dll <<<"$e"
    if [ "$HOSTING" = svchost ]; then
      register_svchost "$n" "$d" "$t" "$g" "$dll"
    else
      svc create "$n" "$d" "$t" "$(standin_path "$n" "$stop" "$start")" RpcSs >/dev/null
    fi
  done
  if [ "$HOSTING" = svchost ]; then
    local key="Software\\Microsoft\\Windows NT\\CurrentVersion\\Svchost"
    svc reg HKLM "$key" netsvcs multi "wuauserv,UsoSvc,BITS" >/dev/null
    svc reg HKLM "$key" NetworkService multi "CryptSvc,DoSvc" >/dev/null
    # The two services check also reports, registered as Windows has them and left stopped.
    register_svchost WaaSMedicSvc "Windows Update Medic Service" manual wusvcs \
      "%SystemRoot%\\System32\\WaaSMedicSvc.dll"
    svc reg HKLM "$key" wusvcs multi "WaaSMedicSvc" >/dev/null
    svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\WaaSMedicSvc" LaunchProtected dword 2 >/dev/null
    mkdir -p "$WINEPREFIX/drive_c/windows/servicing"
    cp "$BIN/standin.exe" "$WINEPREFIX/drive_c/windows/servicing/TrustedInstaller.exe"
    svc create TrustedInstaller "Windows Modules Installer" manual \
      "%SystemRoot%\\servicing\\TrustedInstaller.exe" "" >/dev/null
  fi
  svc create wfct_slow "wufix contract slow service" manual \
    "$(standin_path wfct_slow 300 500 --cp-ms 100)" >/dev/null
  svc create wfct_disabled "wufix contract disabled service" disabled \
    "$(standin_path wfct_disabled 100 100)" >/dev/null
  # Start triggers, as services.msc shows "Trigger Start" for these two on Windows 10.
  svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\wuauserv\\TriggerInfo\\0" Type dword 5 >/dev/null
  svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\DoSvc\\TriggerInfo\\0" Type dword 20 >/dev/null
  # Right after the first boot the SCM answers 1055 for a while: wait until a start goes through.
  local tries=0
  until svc start wfct_slow >/dev/null 2>&1; do
    tries=$((tries + 1)); [ $tries -lt 300 ] || { echo "sandbox: the SCM never accepted a start" >&2; return 1; }
    sleep 0.2
  done
  svc wait wfct_slow running 10000
  svc stop wfct_slow >/dev/null
  svc wait wfct_slow stopped 10000
  sandbox_reset
}

sandbox_reset() {
  wine_env "$DIR"
  local n e
  touch "$DIR/journal.log.release"      # lets a hung stand-in finish stopping
  for n in $(all_names); do svc stop "$n" >/dev/null 2>&1 || true; done
  for n in $(all_names); do svc wait "$n" stopped 15000 >/dev/null 2>&1 || true; done
  rm -f "$DIR/journal.log.release"
  # The caches reset sets aside, and what earlier scenarios set aside (the sandbox's own).
  local c="$WINEPREFIX/drive_c"
  rm -rf "$c/windows/SoftwareDistribution"* "$c/windows/system32/catroot2"* "$c/ProgramData/Microsoft/Network/Downloader" \
    "$c/windows/WaaS"
  # wufix's journal: each scenario starts with none (undo reaches back to earlier runs).
  rm -f "$c/ProgramData/wufix/journal"*.txt
  wine reg delete 'HKLM\SOFTWARE\wufix' /f >/dev/null 2>&1 || true
  for e in "${STANDINS[@]}"; do
    IFS='|' read -r n d t stop start g dll <<<"$e"
    if [ "$HOSTING" = svchost ]; then
      [ "$(svc state "$n")" != not_installed ] || register_svchost "$n" "$d" "$t" "$g" "$dll"
      svc binpath "$n" "%systemroot%\\system32\\svchost.exe -k $g -p" >/dev/null
      svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\$n\\Parameters" ServiceDll expand "$dll" >/dev/null
      standin_set "$n"
    else
      if [ "$(svc state "$n")" = not_installed ]; then
        svc create "$n" "$d" "$t" "$(standin_path "$n" "$stop" "$start")" RpcSs >/dev/null
      fi
      svc binpath "$n" "$(standin_path "$n" "$stop" "$start")" >/dev/null
    fi
    svc starttype "$n" "$t" >/dev/null
  done
  # As Windows registers them: the account, launch protection, start triggers.
  for e in "${STANDINS[@]}"; do
    IFS='|' read -r n d t stop start g dll <<<"$e"
    svc account "$n" "$([ "$g" = NetworkService ] && echo 'NT Authority\NetworkService' || echo LocalSystem)" \
      >/dev/null
    if is_protected "$n"; then
      svc reg HKLM "SYSTEM\\CurrentControlSet\\Services\\$n" LaunchProtected dword 2 >/dev/null
    else
      svc regdel HKLM "SYSTEM\\CurrentControlSet\\Services\\$n" LaunchProtected >/dev/null 2>&1 || true
    fi
  done
  local exe ifeo='SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options'
  local pol='Software\\Microsoft\\Windows\\CurrentVersion\\Policies'
  for exe in UsoClient.exe WaaSMedicAgent.exe upfc.exe remsh.exe MoUsoCoreWorker.exe; do
    svc regdel HKLM "$ifeo\\$exe" Debugger >/dev/null
  done
  # The blockers' other traces scenarios plant.
  svc regdel HKLM "$ifeo" WubBlockLists >/dev/null
  svc regdel HKLM "$pol\\Explorer" NoWindowsUpdate >/dev/null
  svc regdel HKLM 'SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU' UseWUServer >/dev/null
  svc regdel HKLM 'SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate' WUServer >/dev/null
  svc regdel HKLM 'SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings' PauseUpdatesExpiryTime >/dev/null
  wine reg delete 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' /v WinHttpSettings /f >/dev/null 2>&1 || true
  wine reg delete "HKCU\\$pol\\WindowsUpdate" /f >/dev/null 2>&1 || true
  wine reg delete "HKCU\\$pol\\Explorer" /f >/dev/null 2>&1 || true
  sandbox_play win10
  for n in $(all_names); do svc start "$n" >/dev/null; done
  for n in $(all_names); do svc wait "$n" running 15000 >/dev/null; done
  : >"$DIR/journal.log"
}

sandbox_down() {
  wine_env "$DIR"
  [ -d "$WINEPREFIX" ] && wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
  rm -rf "$DIR"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  cmd=${1:?usage: sandbox.sh up|reset|down DIR [BIN]}
  DIR=$(realpath -m "${2:?sandbox directory}")
  BIN=$(realpath -m "${3:-.}")
  case "$cmd" in
    up) sandbox_up ;;
    reset) sandbox_reset ;;
    down) sandbox_down ;;
    *) echo "sandbox.sh: unknown command $cmd" >&2; exit 2 ;;
  esac
fi

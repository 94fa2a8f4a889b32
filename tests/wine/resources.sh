#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# resources.sh - what Explorer shows of wufix.exe, read back from the built exe
# with windres: the version fields (from CMake's one version), exactly one
# manifest (asInvoker, Windows 10/11), an icon; and SPEC 9's small exe that
# imports system DLLs only.
#
#   resources.sh EXE VERSION
set -uo pipefail
EXE=$1; VERSION=$2
WINDRES=${WINDRES:-x86_64-w64-mingw32-windres}
rc=$("$WINDRES" -i "$EXE" -O rc) || { echo "FAIL: windres cannot read $EXE"; exit 1; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
IFS=. read -r major minor patch <<<"$VERSION"
grep -qF " FILEVERSION $major, $minor, $patch, 0" <<<"$rc" || fail "FILEVERSION is not $VERSION"
grep -qF " PRODUCTVERSION $major, $minor, $patch, 0" <<<"$rc" || fail "PRODUCTVERSION is not $VERSION"
for field in "FileVersion\", \"$VERSION\"" "ProductVersion\", \"$VERSION\"" \
  'FileDescription", "wufix - Windows Update service health and repair"' 'ProductName", "wufix"' \
  'CompanyName", "The wufix developers"' 'OriginalFilename", "wufix.exe"' \
  'LegalCopyright", "Copyright (c) 2026 The wufix developers. MIT License."'; do
  grep -qF "VALUE \"$field" <<<"$rc" || fail "no $field"
done
[ "$(grep -c 'RT_MANIFEST \*/' <<<"$rc")" = 1 ] || fail "not exactly one manifest: $(grep -c 'RT_MANIFEST \*/' <<<"$rc")"
# The manifest's text, from the dump windres gives of it: as quoted lines, or (a
# manifest of one line, as the build embeds it) as L"\xHHHH..." units of two bytes.
manifest=$(awk '/RT_MANIFEST \*\//{m=1; next} m && /^END/{exit} m' <<<"$rc" | python3 -c '
import re, sys
t = sys.stdin.read()
units = re.findall(r"\\x([0-9a-fA-F]{2,4})", t) if "L\"\\x" in t else []
print(b"".join(int(u, 16).to_bytes(len(u) // 2, "little") for u in units).decode("utf-8", "replace") if units else t)
' | sed -E 's/^ *"//; s/(\\n)?"$//; s/""/"/g')
grep -q 'requestedExecutionLevel level="asInvoker"' <<<"$manifest" || fail "the manifest does not ask for asInvoker"
grep -q '8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a' <<<"$manifest" || fail "the manifest does not name Windows 10/11"
grep -q 'RT_GROUP_ICON' <<<"$rc" || fail "no icon"
grep -qE 'RT_MESSAGETABLE|MESSAGETABLE' <<<"$rc" || fail "no message table for the event log"
[ "$(grep -c 'RT_ICON \*/' <<<"$rc")" -ge 2 ] || fail "the icon has fewer than two sizes"
size=$(stat -c %s "$EXE")
[ "$size" -le 262144 ] || fail "$size bytes: over 256 KB (SPEC 9)"
OBJDUMP=${OBJDUMP:-x86_64-w64-mingw32-objdump}
dlls=$("$OBJDUMP" -p "$EXE" | awk '/DLL Name:/ { print toupper($3) }' | sort | tr '\n' ' ')
for d in $dlls; do
  case "$d" in ADVAPI32.DLL | KERNEL32.DLL | MSVCRT.DLL | WS2_32.DLL) ;; *) fail "imports $d" ;; esac
done
# The stack guard is seeded by RtlGenRandom (src/win32/ssp.c), not libssp's
# CryptoAPI calls: no provider (rsaenh.dll) loaded at every start.
crypto=$("$OBJDUMP" -p "$EXE" | grep -oE '\bCrypt[A-Za-z]+' | sort -u | tr '\n' ' ')
[ -z "$crypto" ] || fail "imports the CryptoAPI: $crypto"
if [ $fails -eq 0 ]; then
  echo "resources of $EXE: version $VERSION, one asInvoker manifest, an icon, a message table; $size bytes; imports $dlls"
  exit 0
fi
exit 1

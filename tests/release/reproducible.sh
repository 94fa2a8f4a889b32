#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# reproducible.sh SRC VERSION - two checkouts of the same source in two
# different folders, each made into a release (`cmake --workflow --preset
# release`): wufix.exe and the zip must be the same bytes; then what the
# release made is checked (check_release.py).
set -euo pipefail
SRC=$(cd "$1" && pwd); VERSION=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The time every file in the zip gets: the commit's, the same for both.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$SRC" log -1 --format=%ct 2>/dev/null || echo 315532800)}
copy() { # DEST: the source as a checkout has it (tracked and new files, no build output)
  mkdir -p "$1"
  (cd "$SRC" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -xf - -C "$1"
}
copy "$work/a/wufix"
copy "$work/elsewhere/deeper/checkout"
for tree in "$work/a/wufix" "$work/elsewhere/deeper/checkout"; do
  (cd "$tree" && cmake --workflow --preset release >"$tree.log" 2>&1) || { cat "$tree.log"; exit 1; }
done
exe1=$(sha256sum <"$work/a/wufix/build/release/wufix.exe" | cut -d' ' -f1)
exe2=$(sha256sum <"$work/elsewhere/deeper/checkout/build/release/wufix.exe" | cut -d' ' -f1)
zip1=$(sha256sum <"$work/a/wufix/build/release/wufix-$VERSION-win64.zip" | cut -d' ' -f1)
zip2=$(sha256sum <"$work/elsewhere/deeper/checkout/build/release/wufix-$VERSION-win64.zip" | cut -d' ' -f1)
echo "wufix.exe  $exe1  ($work/a/wufix)"
echo "wufix.exe  $exe2  ($work/elsewhere/deeper/checkout)"
echo "zip        $zip1"
echo "zip        $zip2"
fail=0
[ "$exe1" = "$exe2" ] || { echo "FAIL: wufix.exe differs between the two folders"; fail=1; }
[ "$zip1" = "$zip2" ] || { echo "FAIL: the zip differs between the two folders"; fail=1; }
python3 "$SRC/tests/release/check_release.py" "$work/a/wufix/build/release" "$VERSION" || fail=1
exit $fail

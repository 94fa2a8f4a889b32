#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# why_failed.py LOG: after a failed run, each failed test's own words again
# (its FAIL lines, then the end of its output), so that the end of CI's
# output says why without scrolling back through everything else.
import re
import sys

TAIL = 30


def main(path):
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError as e:
        print("why_failed: %s" % e)
        return
    # One record per test: "N/M Testing: NAME" ... "Test Failed." or "Test Passed."
    for m in re.finditer(r"^\d+/\d+ Testing: (\S+)\n(.*?)^<end of output>\n(.*?)(?=^\d+/\d+ Testing: |\Z)",
                         text, re.S | re.M):
        name, body, after = m.group(1), m.group(2), m.group(3)
        if "Test Passed." in after:
            continue
        out = body.split("----------------------------------------------------------\n", 1)[-1]
        lines = [l for l in out.splitlines() if l.strip()]
        fails = [l for l in lines if re.match(r"(FAIL|ERROR|==\d+==ERROR)", l)]
        print("=== %s" % name)
        for l in fails[:20]:
            print("  " + l[:300])
        print("  --- the last %d lines of its output" % TAIL)
        for l in lines[-TAIL:]:
            print("  " + l[:300])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/ci/Testing/Temporary/LastTest.log")

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""cmtrace.py - read a --log file as CMTrace reads it.

usage: cmtrace.py FILE     prints "TYPE TEXT" per entry; exits 1 when a line
                           is not a CMTrace entry (or the file is empty)
"""
import re
import sys

ENTRY = re.compile(r'<!\[LOG\[(.*?)\]LOG\]!><time="(\d\d:\d\d:\d\d\.\d{3})[+-]\d+" date="(\d\d-\d\d-\d{4})" '
                   r'component="([^"]*)" context="[^"]*" type="([123])" thread="(\d+)" file="[^"]*">$')


def main(argv):
    data = open(argv[1], "rb").read().decode("utf-8")
    lines = data.split("\r\n")
    bad = 0
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        m = ENTRY.match(line)
        if not m or m.group(4) != "wufix":
            print("cmtrace: not an entry: " + line[:160])
            bad += 1
            continue
        print(m.group(5), m.group(1))
    return 1 if bad or not lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

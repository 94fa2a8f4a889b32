#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_json.py - wufix's JSON held against its published JSON Schema
(docs/json/run.schema.json, docs/json/row.schema.json; draft 2020-12) with
a standard validator (Python's jsonschema), as an admin's PowerShell 7
`Test-Json -Schema` or an editor holds it.

usage: check_json.py FILE [COMMAND EXIT_CODE]
       check_json.py --lines N FILE COMMAND
       check_json.py --any FILE
       check_json.py --dir FOLDER

FILE holds wufix's stdout: exactly one JSON object (a run's); with --lines
(a run over several machines, --computer), N objects, one per line (JSON
Lines), each a row naming its own machine once. With COMMAND and EXIT_CODE,
the object must say so. With --any: one object or several lines, as they
come. Every file must be strict UTF-8 with no raw DEL or C1 control, and
decode to Unicode text. Prints each fault and exits 1 on any.
"""
import json
import os
import sys

import jsonschema

DOCS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "json")


def load(name):
    with open(os.path.join(DOCS, name), encoding="utf-8") as f:
        return json.load(f)


RUN, ROW, BRIEF = load("run.schema.json"), load("row.schema.json"), load("brief.schema.json")
BRIEF_MAX = 2048  # check --json --brief: what Intune keeps of a detection script's output


def validator(schema):
    """A draft 2020-12 validator that finds run.schema.json beside the row's."""
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    try:  # jsonschema 4.18 and later
        from referencing import Registry, Resource
        registry = Registry().with_resources(
            [(s["$id"], Resource.from_contents(s)) for s in (RUN, ROW, BRIEF)])
        return cls(schema, registry=registry)
    except ImportError:  # earlier 4.x (Debian 12's 4.10)
        store = {s["$id"]: s for s in (RUN, ROW, BRIEF)}
        return cls(schema, resolver=jsonschema.RefResolver.from_schema(schema, store=store))


faults = []


def read_strict(path):
    """The file's text, which must be strict UTF-8 (RFC 3629: no stray or cut
    byte, no overlong form, no surrogate) with no raw DEL or C1 control
    (U+0080-U+009F: they are written as \\u00NN); None after a fault."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        faults.append(f"not UTF-8 at byte {e.start}: {raw[max(0, e.start - 20):e.start + 4]!r}")
        return None
    for i, ch in enumerate(text):
        if 0x7F <= ord(ch) <= 0x9F:
            faults.append(f"a raw control U+{ord(ch):04X} at character {i}: {text[max(0, i - 20):i]!r}")
            return None
    return text


def strings_encode(d, where):
    """Every string the JSON decodes to is Unicode text (no lone surrogate from a \\uD8xx escape)."""
    items = d.items() if isinstance(d, dict) else enumerate(d) if isinstance(d, list) else ()
    for k, x in items:
        for s in (k, x) if isinstance(k, str) else (x,):
            if isinstance(s, str):
                try:
                    s.encode("utf-8")
                except UnicodeEncodeError:
                    faults.append(f"{where}{k}: a lone surrogate: {s[:60]!r}")
        if isinstance(x, (dict, list)):
            strings_encode(x, where)


def validate(v, d, where):
    for e in sorted(v.iter_errors(d), key=lambda e: list(e.absolute_path)):
        path = "/".join(str(p) for p in e.absolute_path)
        faults.append(f"{where}{path or '(top)'}: {e.message[:300]}")


def main(argv):
    want = 1
    if len(argv) > 2 and argv[1] == "--dir":
        # Every file a suite kept (tests/support's WF_JSON_DUMP), each as --any.
        files = sorted(os.path.join(d, f) for d, _, fs in os.walk(argv[2]) for f in fs if f.endswith(".json"))
        bad = sum(main([argv[0], "--any", f]) for f in files)
        print(f"check_json: {len(files)} JSON outputs, {bad} not valid by docs/json")
        return 1 if bad or not files else 0
    if len(argv) > 2 and argv[1] == "--any":
        # Whatever a command wrote with --json: one run, or one row a line.
        text = read_strict(argv[2])
        if text is None:
            for fault in faults:
                print(f"check_json: {argv[2]}: {fault}")
            faults.clear()
            return 1
        want = max(1, len([line for line in text.splitlines() if line.strip()]))
        argv = [argv[0], argv[2]]
    if len(argv) > 2 and argv[1] == "--lines":
        want = int(argv[2])
        argv = [argv[0]] + argv[3:]
    text = read_strict(argv[1])
    if text is None:
        text = ""
    command = argv[2] if len(argv) > 2 else None
    exit_code = int(argv[3]) if len(argv) > 3 else None
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) != want:
        faults.append(f"{len(lines)} lines on stdout, not {want} JSON object(s)")
    v = validator(ROW if want > 1 else RUN)
    seen = set()
    for n, line in enumerate(lines, 1):
        try:
            d = json.loads(line)
        except ValueError as e:
            faults.append(f"line {n} is not JSON ({e}): {line[:120]}")
            continue
        if isinstance(d, dict) and d.get("brief") is True:
            # check --json --brief: its own flat schema, and its bound.
            validate(validator(BRIEF), d, f"line {n}: " if want > 1 else "")
            if len(line) + 1 > BRIEF_MAX:
                faults.append(f"brief object of {len(line) + 1} characters, over {BRIEF_MAX}")
        else:
            validate(v, d, f"line {n}: " if want > 1 else "")
        strings_encode(d, f"line {n}: " if want > 1 else "")
        if not isinstance(d, dict):
            continue
        if want > 1:
            if d.get("computer") in seen:
                faults.append(f"{d.get('computer')!r} twice")
            seen.add(d.get("computer"))
        if command is not None and d.get("command") != command:
            faults.append(f"command is {d.get('command')!r}, not {command!r}")
        if want == 1 and exit_code is not None and d.get("exit_code") != exit_code:
            faults.append(f"exit_code is {d.get('exit_code')!r}, not {exit_code}")
    for fault in faults:
        print(f"check_json: {argv[1]}: {fault}")
    bad = 1 if faults else 0
    faults.clear()
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_json.py - SPEC 7's one JSON schema, as a script meets it.

usage: check_json.py FILE [COMMAND EXIT_CODE]
       check_json.py --lines N FILE COMMAND

FILE holds wufix's stdout: exactly one JSON object; with --lines (a run over
several machines, --computer), N objects, one per line (JSON Lines), each
naming its machine. Every object must have the schema; with COMMAND and
EXIT_CODE, the object must say so. Prints each fault and exits 1 on any.
"""
import json
import sys

STATES = {"stopped", "start_pending", "stop_pending", "running", "continue_pending", "pause_pending",
          "paused", "not_installed", "unknown"}
STARTS = {"boot", "system", "auto", "auto_delayed", "manual", "disabled", None}
faults = []


def need(cond, what):
    if not cond:
        faults.append(what)
    return cond


def status(obj, where):
    if not need(isinstance(obj, dict), f"{where} is not an object"):
        return
    for k in ("state", "start_type", "pid"):
        need(k in obj, f"{where} lacks {k}")
    need(obj.get("state") in STATES, f"{where}.state {obj.get('state')!r}")
    need(obj.get("start_type") in STARTS, f"{where}.start_type {obj.get('start_type')!r}")
    need(isinstance(obj.get("pid"), int), f"{where}.pid is not a number")


def error(obj, where):
    if obj is None:
        return
    if need(isinstance(obj, dict), f"{where} is neither null nor an object"):
        need(isinstance(obj.get("code"), str) and obj["code"], f"{where}.code")
        need(isinstance(obj.get("syscode"), int), f"{where}.syscode")
        need(isinstance(obj.get("message"), str) and obj["message"], f"{where}.message")


def check(d, command, exit_code):
    for k in ("command", "computer", "exit_code", "elapsed_ms", "services", "problems"):
        need(k in d, f"no '{k}'")
    if command is not None:
        need(d.get("command") == command, f"command is {d.get('command')!r}, not {command!r}")
        need(d.get("exit_code") == exit_code, f"exit_code is {d.get('exit_code')!r}, not {exit_code}")
    need(isinstance(d.get("elapsed_ms"), int), "elapsed_ms is not a number")
    for i, s in enumerate(d.get("services", [])):
        w = f"services[{i}]"
        for k in ("name", "display_name", "before", "after", "actions", "error"):
            need(k in s, f"{w} lacks {k}")
        status(s.get("before"), w + ".before")
        if s.get("after") is not None:
            status(s["after"], w + ".after")
        need(isinstance(s.get("actions"), list), f"{w}.actions is not a list")
        for a in s.get("actions", []):
            need({"action", "result", "ms"} <= set(a), f"{w} action {a}")
        error(s.get("error"), w + ".error")
    for i, p in enumerate(d.get("problems", [])):
        w = f"problems[{i}]"
        for k in ("service", "code", "severity", "message", "fixable", "evidence"):
            need(k in p, f"{w} lacks {k}")
        # Information stays out, except checks another machine did not allow.
        skipped = p.get("code") in ("registry_skipped", "files_skipped")
        need(p.get("severity") in (("info",) if skipped else ("error", "warning")),
             f"{w}.severity {p.get('severity')!r}")
        need(isinstance(p.get("fixable"), bool), f"{w}.fixable is not true or false")
        ev = p.get("evidence")
        need(isinstance(ev, dict) and "found" in ev and "expected" in ev, f"{w}.evidence")
    if "error" in d:
        error(d["error"], "error")
    # A failure or a block says why in the JSON alone.
    if d.get("exit_code") in (4, 5):
        need(any(s.get("error") for s in d.get("services", [])), f"exit {d['exit_code']} but no service has an error")
    if d.get("exit_code") == 5:
        need(d.get("problems"), "exit 5 but no problem says what blocks")
    if d.get("exit_code") == 2:
        need(isinstance(d.get("error"), dict), "exit 2 without an error")


def main(argv):
    want = 1
    if len(argv) > 2 and argv[1] == "--lines":
        want = int(argv[2])
        argv = [argv[0]] + argv[3:]
    text = open(argv[1], encoding="utf-8").read()
    command = argv[2] if len(argv) > 2 else None
    exit_code = int(argv[3]) if len(argv) > 3 else None
    lines = [l for l in text.splitlines() if l.strip()]
    need(len(lines) == want, f"{len(lines)} lines on stdout, not {want} JSON object(s)")
    seen = set()
    for line in lines:
        try:
            d = json.loads(line)
        except ValueError as e:
            faults.append(f"not JSON ({e}): {line[:120]}")
            continue
        if want > 1:
            need(isinstance(d.get("computer"), str) and d["computer"], "a line names no computer")
            need(d.get("computer") not in seen, f"{d.get('computer')!r} twice")
            seen.add(d.get("computer"))
            need(command is None or d.get("command") == command, f"command is {d.get('command')!r}")
            check(d, None, None)
        else:
            check(d, command, exit_code)
    for f in faults:
        print("check_json: " + f)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

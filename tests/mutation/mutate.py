#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The project's own mutation run: each mutant of tests/mutation/mutants.txt is
applied to a copy of the sources, the copy is rebuilt (a plain native build, no
sanitizers) and the native unit and contract suites run against it.

A mutant is "killed" when a suite fails (or times out), "survived" when all
pass, "not applied" when its original text is not found in the file (the file
changed since the list was written: refresh the list), and "build failed" when
the mutated copy does not compile (never counted as killed). Mutants marked
equivalent in the list are applied like the others, reported, and left out of
the score.

    python3 tests/mutation/mutate.py [--file engine.c] [--name PATTERN] [--list]

The working tree is never changed: the copy lives in BUILD/tree (default
build/mut). Exit 0 when every non-equivalent applied mutant was killed, 1
otherwise, 2 on a bad list or a build of the unmutated copy that fails.
"""
import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COPIED = ["CMakeLists.txt", "cmake", "include", "src", "tests", "docs"]


class Mutant:
    def __init__(self, file, name, nth, orig, repl, equivalent, lineno):
        self.file, self.name, self.nth = file, name, nth
        self.orig, self.repl, self.equivalent, self.lineno = orig, repl, equivalent, lineno

    def label(self):
        return "%s:%s" % (os.path.basename(self.file), self.name)


def unescape(s):
    # \t and \n in a snippet; \\ for a backslash.
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "tn\\":
            out.append({"t": "\t", "n": "\n", "\\": "\\"}[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def load(path):
    """The list: '== FILE' starts a file's mutants; then one mutant a line,
    NAME[@N] :: ORIGINAL :: REPLACEMENT [:: equivalent: WHY]
    N (from 1) picks the Nth occurrence of ORIGINAL; without it ORIGINAL must
    occur exactly once. An empty REPLACEMENT deletes the text."""
    mutants, file, names = [], None, set()
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("== "):
                file = line[3:].strip()
                continue
            parts = line.split(" :: ")
            if file is None or len(parts) not in (3, 4):
                sys.exit("%s:%d: expected NAME :: ORIGINAL :: REPLACEMENT [:: equivalent: WHY]" % (path, no))
            name, nth = parts[0].strip(), 0
            if "@" in name:
                name, n = name.split("@", 1)
                nth = int(n)
            repl = parts[2]
            if repl.strip() == "-":
                repl = ""
            eq = None
            if len(parts) == 4:
                if not parts[3].startswith("equivalent:"):
                    sys.exit("%s:%d: the fourth field must start with 'equivalent:'" % (path, no))
                eq = parts[3][len("equivalent:"):].strip()
            m = Mutant(file, name, nth, unescape(parts[1]), unescape(repl), eq, no)
            if m.label() in names:
                sys.exit("%s:%d: %s named twice" % (path, no, m.label()))
            names.add(m.label())
            mutants.append(m)
    return mutants


def mutate(text, m):
    """The mutated text, or None when the original is not there (or not once)."""
    count = text.count(m.orig)
    if m.nth == 0:
        if count != 1:
            return None
        return text.replace(m.orig, m.repl, 1)
    if count < m.nth:
        return None
    at = -1
    for _ in range(m.nth):
        at = text.find(m.orig, at + 1)
    return text[:at] + m.repl + text[at + len(m.orig):]


def sync(src, dst):
    """dst made a copy of src; a file whose bytes are unchanged keeps its time."""
    if os.path.isdir(src):
        os.makedirs(dst, exist_ok=True)
        for gone in set(os.listdir(dst)) - set(os.listdir(src)):
            g = os.path.join(dst, gone)
            shutil.rmtree(g) if os.path.isdir(g) and not os.path.islink(g) else os.remove(g)
        for name in os.listdir(src):
            sync(os.path.join(src, name), os.path.join(dst, name))
        return
    with open(src, "rb") as f:
        data = f.read()
    if os.path.isfile(dst):
        with open(dst, "rb") as f:
            if f.read() == data:
                return
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    # A new time, never the source's: an object built from a mutant left
    # behind (a run killed) must be rebuilt.
    shutil.copyfile(src, dst)


def run(cmd, cwd, timeout, log):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        with open(log, "ab") as f:
            f.write(p.stdout)
        return p.returncode
    except subprocess.TimeoutExpired:
        return "timeout"


# The suites that test a file whose name they do not carry.
NEAR = {"wulog": ("diagnose", "mutants_wulog"), "repair": ("mutants_journal", "verbs", "machines"),
        "trust": ("mutants_journal",), "sddl": ("check", "mutants_check"), "check": ("health",)}


def list_suites(obj):
    """The unit and contract tests CTest knows: (name, command, folder)."""
    out = subprocess.run(["ctest", "--test-dir", obj, "--show-only=json-v1"], stdout=subprocess.PIPE,
                         check=True).stdout
    suites = []
    for t in json.loads(out)["tests"]:
        props = {p["name"]: p["value"] for p in t.get("properties", [])}
        labels = props.get("LABELS", [])
        if t["name"] == "unit.json_schema" or not ({"unit", "contract"} & set(labels)):
            continue
        suites.append((t["name"], t["command"], props.get("WORKING_DIRECTORY", obj)))
    return suites


def run_suites(suites, file, a, log, times, measure=False):
    """0 when every suite passes; else the first failure's code. Two at a
    time; those named after the mutated file first, the slow sweep last, and
    the first failure ends the run."""
    stem = os.path.splitext(os.path.basename(file))[0]
    near = {stem, "mutants_" + stem} | set(NEAR.get(stem, ()))

    def rank(s):
        name = s[0]
        if name.split(".", 1)[-1] in near:
            return 0
        if "mutants" in name:
            return 1
        return 3 if name in ("unit.sweep", "unit.fleet") else 2

    queue = sorted(suites, key=rank)
    running, failed = [], 0
    jobs = max(1, int(a.jobs))
    with open(log, "ab") as out:
        while (queue or running) and not failed:
            while queue and len(running) < jobs:
                name, cmd, cwd = queue.pop(0)
                running.append((name, time.time(), subprocess.Popen(cmd, cwd=cwd, stdout=out,
                                                                     stderr=subprocess.STDOUT)))
            time.sleep(0.02)
            for r in list(running):
                name, started, p = r
                rc = p.poll()
                # Each suite's limit: four times what it took unmutated (the
                # machine may be busy), at least --timeout.
                limit = 10 * a.timeout if measure else max(a.timeout, 4 * times.get(name, 0))
                if rc is None and time.time() - started > limit:
                    p.kill()
                    p.wait()
                    rc = "timeout"
                if rc is None:
                    continue
                running.remove(r)
                if measure:
                    times[name] = time.time() - started
                if rc != 0:
                    out.write(("---- %s: %s\n" % (name, rc)).encode())
                    failed = rc
        for name, started, p in running:
            p.kill()
            p.wait()
    return failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list-file", default=os.path.join(HERE, "mutants.txt"))
    ap.add_argument("--file", action="append", help="only mutants of files whose name contains this (repeatable)")
    ap.add_argument("--name", action="append",
                    help="only mutants whose name (or FILE:NAME) matches this shell pattern (repeatable)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "mut"))
    ap.add_argument("--jobs", "-j", default="2")
    ap.add_argument("--timeout", type=int, default=20,
                    help="least seconds a suite is given under a mutant (else 4 times its time unmutated)")
    ap.add_argument("--list", action="store_true", help="print the mutants and whether each applies")
    a = ap.parse_args()

    mutants = load(a.list_file)
    if a.file:
        mutants = [m for m in mutants if any(f in m.file for f in a.file)]
    if a.name:
        mutants = [m for m in mutants if any(fnmatch.fnmatch(m.name, n) or fnmatch.fnmatch(m.label(), n)
                                             for n in a.name)]

    if a.list:
        for m in mutants:
            with open(os.path.join(ROOT, m.file), encoding="utf-8") as f:
                ok = mutate(f.read(), m) is not None
            print("%-45s %s%s" % (m.label(), "applies" if ok else "NOT APPLIED",
                                   " (equivalent)" if m.equivalent else ""))
        return 0

    tree, obj = os.path.join(a.build, "tree"), os.path.join(a.build, "obj")
    log = os.path.join(a.build, "mutation.log")
    os.makedirs(a.build, exist_ok=True)
    open(log, "w").close()
    # A fresh copy of the sources; unchanged files keep their times so the
    # build directory stays warm across runs.
    for item in COPIED:
        if item != "CMakeLists.txt":
            sync(os.path.join(ROOT, item), os.path.join(tree, item))
    # The copy builds the core as a shared library, and nothing relinks when
    # it changes: a mutant costs one object and one library, not every suite.
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        text = f.read()
    shared = text.replace("add_library(wufix_core STATIC", "add_library(wufix_core SHARED")
    if shared == text:
        print("CMakeLists.txt: 'add_library(wufix_core STATIC' not found")
        return 2
    lists = os.path.join(tree, "CMakeLists.txt")
    if not os.path.exists(lists) or open(lists, encoding="utf-8").read() != shared:
        with open(lists, "w", encoding="utf-8") as f:
            f.write(shared)
    if not os.path.exists(os.path.join(obj, "CMakeCache.txt")):
        if run(["cmake", "-S", tree, "-B", obj, "-DCMAKE_BUILD_TYPE=Debug", "-DWUFIX_WINE_TESTS=OFF",
                "-DWUFIX_HARDENING_TESTS=OFF", "-DCMAKE_LINK_DEPENDS_NO_SHARED=ON"], ROOT, 600, log) != 0:
            print("configure failed: see %s" % log)
            return 2
    # The suites: unit and contract, without the JSON schema pass (it runs
    # the same suites again, for the schema only).
    build_cmd = ["cmake", "--build", obj, "-j", a.jobs]
    t0 = time.time()
    if run(build_cmd, ROOT, 1800, log) != 0:
        print("the unmutated copy does not build: see %s" % log)
        return 2
    suites = list_suites(obj)
    times = {}
    if not suites or run_suites(suites, "", a, log, times, measure=True) != 0:
        print("no suites, or the suites fail on the unmutated copy: see %s" % log)
        return 2
    build_cmd = ["cmake", "--build", obj, "-j", a.jobs, "--target", "wufix_core"]

    results = {}
    for i, m in enumerate(mutants, 1):
        path = os.path.join(tree, m.file)
        with open(path, encoding="utf-8") as f:
            original = f.read()
        text = mutate(original, m)
        if text is None:
            verdict = "not applied"
        else:
            try:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                with open(log, "a") as f:
                    f.write("\n==== %s\n" % m.label())
                if run(build_cmd, ROOT, 900, log) != 0:
                    verdict = "build failed"
                else:
                    rc = run_suites(suites, m.file, a, log, times)
                    verdict = "survived" if rc == 0 else "killed"
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
        results[m.label()] = verdict
        print("[%3d/%d] %-45s %s%s" % (i, len(mutants), m.label(), verdict,
                                       " (equivalent: %s)" % m.equivalent if m.equivalent else ""),
              flush=True)
    # Leave the copy's build matching the sources.
    run(build_cmd, ROOT, 1800, log)
    results_out = os.path.join(a.build, "results.txt")
    with open(results_out, "w") as f:
        for m in mutants:
            f.write("%s %s\n" % (m.label(), results[m.label()]))

    print("\n%-12s %7s %9s %12s %13s %11s %7s" % ("file", "killed", "survived", "not applied", "build failed",
                                                 "equivalent", "score"))
    files = []
    for m in mutants:
        if m.file not in files:
            files.append(m.file)
    tk = ts = 0
    for fname in files + [None]:
        ms = [m for m in mutants if fname is None or m.file == fname]
        real = [m for m in ms if not m.equivalent]
        k = sum(results[m.label()] == "killed" for m in real)
        s = sum(results[m.label()] == "survived" for m in real)
        na = sum(results[m.label()] == "not applied" for m in ms)
        bf = sum(results[m.label()] == "build failed" for m in ms)
        eq = sum(1 for m in ms if m.equivalent)
        score = "%.1f%%" % (100.0 * k / (k + s)) if k + s else "-"
        print("%-12s %7d %9d %12d %13d %11d %7s" % (os.path.basename(fname) if fname else "total", k, s, na, bf,
                                                    eq, score))
        if fname is None:
            tk, ts = k, s
    surv = [m.label() for m in mutants if not m.equivalent and results[m.label()] == "survived"]
    if surv:
        print("\nsurvived: " + ", ".join(surv))
    print("\n%d mutants in %.0f s (log: %s)" % (len(mutants), time.time() - t0, os.path.relpath(log, ROOT)))
    return 0 if ts == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

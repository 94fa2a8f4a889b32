#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""layers.py - keep the code one way down.

Reads every .c and .h under src/ and include/, and fails when
  - a file includes a header, or calls a wf_ function, of a higher layer, or
  - modules form a circle, counting #include lines and calls of another
    module's wf_ functions alike (a .c file's use of a function defined in
    another .c file, called or named in a table, is a use; a prototype in a
    header is not: the .c files that call it are counted).

A module is a .c/.h pair of the same stem in the same layer folder
(src/core/mech/plan.c with include/wufix/mech/plan.h); a header alone is a
module too. The layer order is declared once, in LAYERS below.

usage: layers.py [ROOT]          check the tree at ROOT (default: the repo)
       layers.py --self-test     plant an upward include, an include circle
                                 and a call circle in copies of the tree;
                                 each must be caught
"""
import os
import re
import shutil
import sys
import tempfile

# Top first. A file may use its own layer and the layers below it.
LAYERS = [
    ("win32", "the Windows platform: wmain, SCM backend, registry, files, console",
     ["src/win32/"]),
    ("entry", "wf_main: parse with the command table, run the command, exit code",
     ["src/core/main.c", "include/wufix/wufix.h"]),
    ("cmd", "the commands: one file per family, one table",
     ["src/core/cmd/", "include/wufix/cmd/"]),
    ("parse", "arguments into options; knows the command table only as data",
     ["src/core/cli.c", "include/wufix/cli.h"]),
    ("run", "the changing run: journal, progress, rollback, recovery",
     ["src/core/run/", "include/wufix/run/"]),
    ("mech", "mechanisms: plan, engine, check, repair, aside, report, journal format",
     ["src/core/mech/", "include/wufix/mech/"]),
    ("base", "leaves and seams: names, errors, buffers, tables, the backend and host interfaces",
     ["src/core/base/", "include/wufix/base/"]),
]

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
USE_RE = re.compile(r'(?<!struct )(?<!enum )(?<!union )\b(wf_[A-Za-z0-9_]+)\b')
# A definition: at the start of a line, not static, the name then '(' ... and
# no ';' before the body's '{'.
DEF_RE = re.compile(r'^(?!static\b)[A-Za-z_][^;{}()=]*?\b(wf_[A-Za-z0-9_]+)\s*\([^;{]*\)\s*\{', re.M)


def strip_comments_and_strings(text):
    text = re.sub(r'/\*.*?\*/', lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


def layer_of(rel):
    for i, (name, _, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if rel == p or (p.endswith("/") and rel.startswith(p)):
                return i
    return None


def module_of(rel):
    """src/core/mech/plan.c and include/wufix/mech/plan.h -> 'mech/plan'."""
    stem = os.path.splitext(rel)[0]
    for prefix in ("src/core/", "include/wufix/"):
        if stem.startswith(prefix):
            return stem[len(prefix):]
    return stem[len("src/"):] if stem.startswith("src/") else stem


def check(root):
    files = []
    for top in ("src", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in names:
                if n.endswith((".c", ".h")):
                    files.append(os.path.relpath(os.path.join(d, n), root).replace(os.sep, "/"))
    files.sort()
    errors = []
    text = {}
    for f in files:
        with open(os.path.join(root, f), encoding="utf-8") as fh:
            raw = fh.read()
        text[f] = (raw, strip_comments_and_strings(raw))
        if layer_of(f) is None:
            errors.append(f"{f}: in no layer (declare its folder in tests/layers/layers.py)")

    # Who defines each wf_ function.
    owner = {}
    for f in files:
        if f.endswith(".c"):
            for m in DEF_RE.finditer(text[f][1]):
                owner[m.group(1)] = f

    def resolve(src, inc):
        for cand in (os.path.join(os.path.dirname(src), inc), os.path.join("include", inc)):
            cand = os.path.normpath(cand).replace(os.sep, "/")
            if cand in text:
                return cand
        return None

    edges = {}  # module -> {module: why}
    for f in files:
        lf, mf = layer_of(f), module_of(f)
        uses = []
        for m in INCLUDE_RE.finditer(text[f][0]):
            target = resolve(f, m.group(1))
            if target:
                uses.append((target, f'includes "{m.group(1)}"'))
        if f.endswith(".c"):
            for m in USE_RE.finditer(text[f][1]):
                target = owner.get(m.group(1))
                if target and target != f:
                    uses.append((target, f"uses {m.group(1)}()"))
        for target, why in uses:
            lt, mt = layer_of(target), module_of(target)
            if lf is not None and lt is not None and lt < lf:
                errors.append(f"{f}: {why}, of the higher layer '{LAYERS[lt][0]}' "
                              f"({target}); '{LAYERS[lf][0]}' may use only itself and below")
            if mt != mf:
                edges.setdefault(mf, {}).setdefault(mt, f"{f} {why}")

    # Circles: strongly connected components of more than one module (Tarjan).
    index, low, stack, on, sccs = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(set(edges) | {w for e in edges.values() for w in e}):
        if v not in index:
            visit(v)
    for comp in sccs:
        why = [f"    {a} -> {b}: {edges[a][b]}" for a in comp for b in sorted(edges.get(a, {})) if b in comp]
        errors.append("circle between modules " + ", ".join(comp) + ":\n" + "\n".join(why))
    return errors, len(files), sum(len(e) for e in edges.values())


def plant(root, rel, line):
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as fh:
        body = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(body + "\n" + line + "\n")


def self_test(root):
    """Each planted fault must be caught, and the tree itself must pass."""
    cases = [
        ("an upward include", [("src/core/base/buf.c", '#include "wufix/run/run.h"')], "higher layer"),
        ("an include circle", [("include/wufix/mech/plan.h", '#include "wufix/mech/engine.h"')], "circle"),
        ("a call circle", [("src/core/mech/plan.c",
                            "void wf_planted(void);\nvoid wf_planted(void)\n{\n    wf_report_plan(0, 0);\n}")],
         "circle"),
    ]
    failed = 0
    errors, _, _ = check(root)
    if errors:
        print("self-test: the tree itself does not pass:\n" + "\n".join(errors))
        failed += 1
    for name, plants, expect in cases:
        tmp = tempfile.mkdtemp(prefix="wf-layers-")
        try:
            for top in ("src", "include"):
                shutil.copytree(os.path.join(root, top), os.path.join(tmp, top))
            for rel, line in plants:
                plant(tmp, rel, line)
            errors, _, _ = check(tmp)
            hit = [e for e in errors if expect in e]
            print(f"self-test: {name}: {'caught' if hit else 'NOT caught'}")
            if hit:
                print("  " + hit[0].splitlines()[0])
            else:
                failed += 1
        finally:
            shutil.rmtree(tmp)
    print(f"{3 - min(failed, 3)} passed, {failed} failed")
    return 1 if failed else 0


def main(argv):
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if len(argv) > 1 and argv[1] == "--self-test":
        return self_test(root)
    if len(argv) > 1:
        root = os.path.abspath(argv[1])
    errors, nfiles, nedges = check(root)
    for e in errors:
        print("layers: " + e)
    if errors:
        print(f"layers: {len(errors)} problem(s) in {nfiles} files")
        return 1
    print(f"layers: {nfiles} files, {nedges} module dependencies, one way down, no circle")
    for name, what, _ in LAYERS:
        print(f"  {name:6} {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

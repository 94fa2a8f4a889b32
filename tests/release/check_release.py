#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_release.py DIR VERSION - what `cmake --workflow --preset release`
left in DIR: the zip and its contents, SHA256SUMS (sha256sum's format, the
zip's hash), winget's three manifests and Scoop's, each with the fields its
format requires and the zip's hash. Exits 1 on any fault."""
import hashlib
import json
import os
import re
import sys
import zipfile

faults = []


def need(cond, what):
    if not cond:
        faults.append(what)


def yaml_keys(path):
    """The top-level `key: value` pairs of a flat manifest, and its text."""
    text = open(path, encoding="utf-8").read()
    keys = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z]+):\s*(.*)$", line)
        if m:
            keys[m.group(1)] = m.group(2)
    return keys, text


def main(d, version):
    name = f"wufix-{version}-win64.zip"
    zpath = os.path.join(d, name)
    need(os.path.isfile(zpath), f"no {name}")
    if faults:
        return
    digest = hashlib.sha256(open(zpath, "rb").read()).hexdigest()
    names = zipfile.ZipFile(zpath).namelist()
    for f in ("wufix.exe", "README.md", "LICENSE", "docs/usage.md", "docs/exit-codes.md"):
        need(f in names, f"the zip lacks {f}")
    need(zipfile.ZipFile(zpath).testzip() is None, "the zip is damaged")
    sums = open(os.path.join(d, "SHA256SUMS")).read()
    need(sums == f"{digest}  {name}\n", f"SHA256SUMS is {sums!r}")

    w = os.path.join(d, "winget", "manifests", "w", "wufix", "wufix", version)
    ident = "wufix.wufix"
    common = {"PackageIdentifier": ident, "PackageVersion": version}
    for suffix, mtype, required in (
        ("", "version", {"DefaultLocale": "en-US"}),
        (".installer", "installer", {"InstallerType": "zip", "NestedInstallerType": "portable"}),
        (".locale.en-US", "defaultLocale", {"PackageLocale": "en-US", "Publisher": None, "PackageName": "wufix",
                                             "License": "MIT", "ShortDescription": None}),
    ):
        path = os.path.join(w, f"{ident}{suffix}.yaml")
        if not os.path.isfile(path):
            need(False, f"no winget manifest {path}")
            continue
        keys, text = yaml_keys(path)
        for k, v in {**common, **required, "ManifestType": mtype}.items():
            need(k in keys and (v is None or keys[k] == v), f"{path}: {k} is {keys.get(k)!r}")
        need(re.fullmatch(r"1\.(9|1\d)\.0", keys.get("ManifestVersion", "")) is not None,
             f"{path}: ManifestVersion {keys.get('ManifestVersion')!r} is not a current one")
        if mtype == "installer":
            need(f"InstallerSha256: {digest.upper()}" in text, "winget's InstallerSha256 is not the zip's")
            need(f"/v{version}/{name}" in text, "winget's InstallerUrl does not name the zip")
            need(re.search(r"RelativeFilePath: wufix\.exe\s+PortableCommandAlias: wufix", text) is not None,
                 "winget: no portable wufix.exe with the alias wufix")
            need(re.search(r"Commands:\s+- wufix", text) is not None, "winget: Commands lacks wufix")
            need("Architecture: x64" in text, "winget: no x64 installer")

    scoop = json.load(open(os.path.join(d, "scoop", "wufix.json")))
    need(scoop.get("version") == version, "scoop: version")
    x64 = scoop.get("architecture", {}).get("64bit", {})
    need(x64.get("hash") == digest, "scoop: hash is not the zip's")
    need(x64.get("url", "").endswith(f"/v{version}/{name}"), "scoop: url does not name the zip")
    need(scoop.get("bin") == "wufix.exe", "scoop: bin")
    need("checkver" in scoop, "scoop: no checkver")
    auto = scoop.get("autoupdate", {}).get("architecture", {}).get("64bit", {})
    need("$version" in auto.get("url", ""), "scoop: autoupdate url without $version")
    need(auto.get("hash", {}).get("url", "").endswith("SHA256SUMS"), "scoop: autoupdate does not read SHA256SUMS")
    for k in ("license", "homepage", "description"):
        need(k in scoop, f"scoop: no {k}")
    print(f"release in {d}: {name} {digest}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    for f in faults:
        print("check_release: " + f)
    sys.exit(1 if faults else 0)

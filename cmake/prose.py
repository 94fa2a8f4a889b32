#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""prose.py - make src/core/base/prose_z.c: the .inc files' words, deflated.

usage: prose.py TEST_PROSE OUT.c OUT_TEXT.h

TEST_PROSE is the native test_prose, which compiles the .inc files and
writes their packs (`--dump`); this script deflates them into one raw
DEFLATE stream (RFC 1951, zlib level 9) and writes OUT.c with the stream,
where each pack begins once unpacked, and the room to unpack it into.
test_prose then holds the new file against the .inc files. Any zlib makes a
stream wufix's inflater reads; the bytes may differ between zlib versions,
the text they unpack to does not.
"""
import os
import subprocess
import sys
import tempfile
import zlib


def c_literal(b):
    """bytes as one C string literal: printable ASCII as is, the rest escaped."""
    out = []
    for c in b:
        ch = chr(c)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif 32 <= c < 127:
            out.append(ch)
        else:
            out.append("\\%03o" % c)
    return '"' + "".join(out) + '"'


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "packs.bin")
        subprocess.run([sys.argv[1], "--dump", raw], check=True)
        data = open(raw, "rb").read()
    end = data.index(b"\n\n")
    names = data[:end].decode().split("\n")
    data = data[end + 2:]
    packs, at = [], 0
    while at < len(data):
        n = int.from_bytes(data[at:at + 4], "little")
        packs.append(data[at + 4:at + 4 + n])
        at += 4 + n
    text = b"".join(packs)
    if len(text) > 0xFFFFFFFF:
        sys.exit("prose.py: %d bytes of text: wf_prose_at holds 32-bit offsets" % len(text))
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    z = c.compress(text) + c.flush()
    if zlib.decompress(z, -15) != text:
        sys.exit("prose.py: the stream does not unpack to the text")
    starts, at = [], 0
    for p in packs:
        starts.append(at)
        at += len(p)
    starts.append(at)
    out = ["/* SPDX-License-Identifier: MIT */",
           "/* prose_z.c - made by cmake/prose.py from the .inc files (prose.h): do not",
           " * edit; build the target `prose` instead. %d bytes of text in %d. */" % (len(text), len(z)),
           '#include "wufix/base/prose.h"',
           "",
           "const uint32_t wf_prose_at[WF_PROSE_N + 1] = {%s};" % ", ".join(map(str, starts)),
           "",
           "/* clang-format off */",
           "const unsigned char wf_prose_z[] = {"]
    for i in range(0, len(z), 24):
        out.append("    " + ",".join("0x%02x" % b for b in z[i:i + 24]) + ",")
    out += ["};",
            "/* clang-format on */",
            "",
            "const size_t wf_prose_zsize = sizeof(wf_prose_z);",
            "unsigned char wf_prose_text[%d];" % len(text),
            ""]
    with open(sys.argv[2], "w", newline="\n") as f:
        f.write("\n".join(out))
    texts = packs[-1].split(b"\0")[:-1]  # WF_PROSE_MESSAGES, the last pack
    if len(texts) != len(names):
        sys.exit("prose.py: %d message names, %d texts" % (len(names), len(texts)))
    h = ["/* SPDX-License-Identifier: MIT */",
         "/* messages_text.h - made by cmake/prose.py from messages.inc: do not edit;",
         " * build the target `prose` instead. Each sentence as a literal, for the",
         " * native builds (prose.h, WF_PROSE_LITERALS), and where it begins in the",
         " * text prose_z.c unpacks to, for the exe. */",
         "#ifndef WUFIX_MESSAGES_TEXT_H",
         "#define WUFIX_MESSAGES_TEXT_H",
         "",
         "/* clang-format off */"]
    for name, said in zip(names, texts):
        h.append("#define WF_MT_%s %s" % (name, c_literal(said)))
    # Where each sentence begins in the unpacked text: WF_M's address in the
    # exe (prose.h), a constant, so no call finds it.
    at = starts[-2]
    for name, said in zip(names, texts):
        h.append("#define WF_MA_%s %du" % (name, at))
        at += len(said) + 1
    h += ["/* clang-format on */", "", "#endif", ""]
    with open(sys.argv[3], "w", newline="\n") as f:
        f.write("\n".join(h))
    print("prose.py: %d packs, %d bytes of text in %d" % (len(packs), len(text), len(z)))


if __name__ == "__main__":
    main()

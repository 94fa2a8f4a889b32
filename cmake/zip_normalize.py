#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""zip_normalize.py ZIP - make a zip CPack wrote the same bytes wherever it
is made: in every entry's extra fields, the access and change times become the
modification time (which the release already fixed), and the Unix owner and
group become 0. Only bytes of those fields change, in place; file data, sizes
and CRCs are untouched."""
import struct
import sys


def fix_extra(data, start, length):
    end = start + length
    p = start
    while p + 4 <= end:
        tag, size = struct.unpack_from("<HH", data, p)
        body = p + 4
        if tag == 0x5455 and size >= 5:  # extended timestamp: flags, mtime[, atime[, ctime]]
            mtime = data[body + 1:body + 5]
            q = body + 5
            while q + 4 <= body + size:
                data[q:q + 4] = mtime
                q += 4
        elif tag == 0x7875 and size >= 3:  # Unix UID/GID: version, size, uid, size, gid
            usize = data[body + 1]
            data[body + 2:body + 2 + usize] = bytes(usize)
            gpos = body + 2 + usize
            gsize = data[gpos]
            data[gpos + 1:gpos + 1 + gsize] = bytes(gsize)
        p = body + size


def main(path):
    data = bytearray(open(path, "rb").read())
    p = 0
    while p + 4 <= len(data):
        sig = struct.unpack_from("<I", data, p)[0]
        if sig == 0x04034B50:  # local file header
            csize, _, nlen, xlen = struct.unpack_from("<IIHH", data, p + 18)
            flags = struct.unpack_from("<H", data, p + 6)[0]
            fix_extra(data, p + 30 + nlen, xlen)
            p += 30 + nlen + xlen
            if flags & 0x08:  # sizes in a data descriptor after the data: find it by the central directory
                break
            p += csize
        else:
            break
    # The central directory says where every local header and its extra field is.
    eocd = data.rfind(b"PK\x05\x06")
    if eocd < 0:
        sys.exit("zip_normalize: no end of central directory")
    count, cd_size, cd_off = struct.unpack_from("<HII", data, eocd + 10)
    q = cd_off
    for _ in range(count):
        if struct.unpack_from("<I", data, q)[0] != 0x02014B50:
            sys.exit("zip_normalize: a damaged central directory")
        nlen, xlen, clen = struct.unpack_from("<HHH", data, q + 28)
        local = struct.unpack_from("<I", data, q + 42)[0]
        fix_extra(data, q + 46 + nlen, xlen)
        lnlen, lxlen = struct.unpack_from("<HH", data, local + 26)
        fix_extra(data, local + 30 + lnlen, lxlen)
        q += 46 + nlen + xlen + clen
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    main(sys.argv[1])

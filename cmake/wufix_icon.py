#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""wufix_icon.py - draws wufix's icon (src/win32/wufix.ico): a blue rounded
square with a white circular arrow, at 16 and 32 pixels, 32-bit BGRA in
an ICO container. Run it to make the file again: python3 cmake/wufix_icon.py OUT."""
import math
import struct
import sys


def pixel(size, x, y):
    """BGRA of one pixel: supersampled 4x4 for smooth edges."""
    acc = [0.0, 0.0, 0.0, 0.0]
    for sy in range(4):
        for sx in range(4):
            u = (x + (sx + 0.5) / 4) / size * 2 - 1  # -1..1
            v = (y + (sy + 0.5) / 4) / size * 2 - 1
            # rounded square
            r = 0.28
            dx, dy = max(abs(u) - (1 - r), 0), max(abs(v) - (1 - r), 0)
            if dx * dx + dy * dy > r * r:
                continue
            col = (0xD4, 0x78, 0x00)  # BGR of #0078D4
            # a ring from 40 degrees to 320 degrees, and an arrow head at its end
            d = math.hypot(u, v)
            a = math.degrees(math.atan2(-v, u)) % 360
            ring = 0.42 <= d <= 0.62 and 40 <= a <= 320
            hx, hy = 0.52 * math.cos(math.radians(40)), -0.52 * math.sin(math.radians(40))
            head = abs(u - hx) + abs(v - hy) < 0.26 and v <= hy + 0.02
            if ring or head:
                col = (0xFF, 0xFF, 0xFF)
            acc[0] += col[0]
            acc[1] += col[1]
            acc[2] += col[2]
            acc[3] += 255
    n = 16
    return bytes(int(round(c / n)) for c in acc[:3]) + bytes([int(round(acc[3] / n))])


def image(size):
    rows = []
    for y in range(size - 1, -1, -1):  # BMP rows bottom-up
        rows.append(b"".join(pixel(size, x, y) for x in range(size)))
    xor = b"".join(rows)
    mask_row = ((size + 31) // 32) * 4
    andmask = b"\0" * (mask_row * size)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(xor) + len(andmask), 0, 0, 0, 0)
    return header + xor + andmask


def main(out):
    sizes = [16, 32]
    images = [image(s) for s in sizes]
    data = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for s, img in zip(sizes, images):
        data += struct.pack("<BBBBHHII", s, s, 0, 0, 1, 32, len(img), offset)
        offset += len(img)
    data += b"".join(images)
    with open(out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv[1])

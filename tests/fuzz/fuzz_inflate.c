/* SPDX-License-Identifier: MIT */
/* fuzz_inflate.c - libFuzzer target: the raw DEFLATE inflater (inflate.h),
 * which must refuse any damaged stream without reading past its input or
 * writing past its room. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "wufix/base/inflate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum { CAP = 1 << 16 };
    unsigned char *out = malloc(CAP);
    size_t len = 0;
    if (!out)
        return 0;
    /* The room is the input's first byte (times 256), so that running out of
     * room is reached too, not only a full 64 KiB. */
    size_t cap = size ? (size_t)data[0] * 256u : CAP;
    if (!wf_inflate(data, size, out, cap, &len) && len > cap)
        abort();
    if (len > cap)
        abort();
    free(out);
    return 0;
}

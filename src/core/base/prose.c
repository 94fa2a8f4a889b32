/* SPDX-License-Identifier: MIT */
/* prose.c - the exe's long text, unpacked once (prose.h). */
#include "wufix/base/prose.h"

#include <stdbool.h>
#include <string.h>

#include "wufix/base/inflate.h"

const char *wf_prose(enum wf_prose_pack pack, size_t *size)
{
    static int state; /* 0: not yet, 1: unpacked, -1: damaged */
    if (state == 0) {
        size_t len = 0;
        bool ok = wf_inflate(wf_prose_z, wf_prose_zsize, wf_prose_text, wf_prose_at[WF_PROSE_N], &len);
        state = ok && len == wf_prose_at[WF_PROSE_N] ? 1 : -1;
    }
    bool there = state == 1 && (unsigned)pack < WF_PROSE_N;
    if (size)
        *size = there ? (size_t)(wf_prose_at[pack + 1] - wf_prose_at[pack]) : 0;
    return there ? (const char *)wf_prose_text + wf_prose_at[pack] : "";
}

const char *wf_prose_nth(enum wf_prose_pack pack, size_t n)
{
    size_t size;
    const char *p = wf_prose(pack, &size), *end = p + size;
    for (; n && p < end; n--)
        p += strlen(p) + 1;
    return p < end ? p : "";
}

const char *wf_m(enum wf_message id)
{
    return wf_prose_nth(WF_PROSE_MESSAGES, (size_t)id);
}

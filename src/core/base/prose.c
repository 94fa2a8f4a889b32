/* SPDX-License-Identifier: MIT */
/* prose.c - the exe's long text, unpacked once (prose.h). */
#include "wufix/base/prose.h"

#include <stdbool.h>
#include <string.h>

#include "wufix/base/inflate.h"

/* Where each message begins in the unpacked text, found once as it is
 * unpacked: WF_M is said on every path, a restart's too, and is not to walk
 * the whole pack each time. */
static uint32_t message_at[WF_MESSAGES_N];

const char *wf_nth(const char *list, size_t size, size_t n)
{
    const char *p = list, *end = list + size;
    for (; n && p < end; n--)
        p += strlen(p) + 1;
    return p < end ? p : NULL;
}

const char *wf_prose(enum wf_prose_pack pack, size_t *size)
{
    static int state; /* 0: not yet, 1: unpacked, -1: damaged */
    if (state == 0) {
        size_t len = 0, at = wf_prose_at[WF_PROSE_MESSAGES];
        bool ok = wf_inflate(wf_prose_z, wf_prose_zsize, wf_prose_text, wf_prose_at[WF_PROSE_N], &len);
        state = ok && len == wf_prose_at[WF_PROSE_N] ? 1 : -1;
        for (size_t i = 0; state == 1 && i < WF_MESSAGES_N && at < len; i++) {
            message_at[i] = (uint32_t)at;
            at += strlen((const char *)wf_prose_text + at) + 1;
        }
    }
    bool there = state == 1 && (unsigned)pack < WF_PROSE_N;
    if (size)
        *size = there ? (size_t)(wf_prose_at[pack + 1] - wf_prose_at[pack]) : 0;
    return there ? (const char *)wf_prose_text + wf_prose_at[pack] : "";
}

#ifdef WF_PROSE_EARLY
/* WF_M is an address in the unpacked text (prose.h): unpacked before main,
 * while one thread runs, in every program that links the core. */
__attribute__((constructor)) static void unpack_early(void)
{
    (void)wf_prose(WF_PROSE_N, NULL);
}
#endif

const char *wf_prose_nth(enum wf_prose_pack pack, size_t n)
{
    size_t size;
    const char *list = wf_prose(pack, &size), *p = wf_nth(list, size, n);
    return p ? p : "";
}

const char *wf_m(enum wf_message id)
{
    size_t size;
    (void)wf_prose(WF_PROSE_MESSAGES, &size); /* unpacked, and the index made */
    return (unsigned)id < WF_MESSAGES_N && size ? (const char *)wf_prose_text + message_at[id] : "";
}

/* SPDX-License-Identifier: MIT */
/* fuzz_wulog.c - libFuzzer target: Windows Update's ReportingEvents.log,
 * whole and as a tail of a longer file (the parser reads a file's end). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/hresult.h"
#include "wufix/base/wulog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool utf8_whole(const char *s)
{
    for (const unsigned char *q = (const unsigned char *)s; *q;) {
        size_t len = *q < 0x80             ? 1
                     : (*q & 0xE0) == 0xC0 ? 2
                     : (*q & 0xF0) == 0xE0 ? 3
                     : (*q & 0xF8) == 0xF0 ? 4
                                           : 0;
        if (!len)
            return false;
        for (size_t k = 1; k < len; k++)
            if ((q[k] & 0xC0) != 0x80)
                return false;
        q += len;
    }
    return true;
}

static void sane(const struct wf_wu_history *h)
{
    if (h->nfail > WF_WU_OPEN_MAX)
        abort();
    for (size_t i = 0; i < h->nfail; i++) {
        const struct wf_wu_fail *f = &h->fail[i];
        if (strlen(f->when) >= sizeof(f->when) || strlen(f->kb) >= sizeof(f->kb) ||
            strlen(f->title) >= sizeof(f->title) || strlen(f->id) >= sizeof(f->id))
            abort();
        if (f->kind >= WF_WU_KINDS || !f->count)
            abort();
        /* A failure's dates are always whole: "YYYY-MM-DDTHH:MM:SS+HH:MM". */
        if (strlen(f->when) != 25 || strlen(f->since) != 25)
            abort();
        if (f->kb[0] && strncmp(f->kb, "KB", 2) != 0)
            abort();
        /* Text read from UTF-16 and cut between characters: whole UTF-8. */
        if (!utf8_whole(f->title) || !utf8_whole(f->kb))
            abort();
        /* One scan failure at most: any good scan ends it. */
        for (size_t j = i + 1; j < h->nfail; j++)
            if (h->fail[j].kind == f->kind && f->kind == WF_WU_SCAN)
                abort();
        char facility[64];
        wf_hr_facility(f->hresult, facility, sizeof(facility));
    }
    for (int k = 0; k < WF_WU_KINDS; k++)
        if (h->ok[k].found ? strlen(h->ok[k].when) != 25 : h->ok[k].when[0] != '\0')
            abort();
    if (h->unreadable && h->events)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct wf_wu_history h;
    wf_wulog_parse(data, size, size, &h);
    sane(&h);
    /* The same bytes as the end of a file one byte and 4 GB longer. */
    wf_wulog_parse(data, size, (uint64_t)size + 1, &h);
    sane(&h);
    wf_wulog_parse(data, size, (uint64_t)size + (4ull << 30), &h);
    sane(&h);
    return 0;
}

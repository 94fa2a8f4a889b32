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

static void sane(const struct wf_wu_history *h)
{
    for (int k = 0; k < WF_WU_KINDS; k++) {
        const struct wf_wu_fail *f = &h->last[k];
        if (strlen(f->when) >= sizeof(f->when) || strlen(f->kb) >= sizeof(f->kb) ||
            strlen(f->title) >= sizeof(f->title))
            abort();
        if (!f->found && (f->hresult || f->when[0] || f->kb[0] || f->title[0]))
            abort();
        /* A failure's date is always whole: "YYYY-MM-DDTHH:MM:SS+HH:MM". */
        if (f->found && strlen(f->when) != 25)
            abort();
        if (f->found && f->kb[0] && strncmp(f->kb, "KB", 2) != 0)
            abort();
        char facility[64];
        wf_hr_facility(f->hresult, facility, sizeof(facility));
    }
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

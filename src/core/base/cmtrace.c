/* SPDX-License-Identifier: MIT */
/* cmtrace.c - log lines in CMTrace's format. */
#include "wufix/base/cmtrace.h"

#include "wufix/base/prose.h"

#include <string.h>

void wf_cmtrace_line(struct wf_buf *b, const char *iso, uint32_t pid, enum wf_cmtrace_type type,
                     const char *text)
{
    static const char end[] = "]LOG]!>";
    wf_buf_puts(b, "<![LOG[");
    for (const char *t = text; *t;) {
        const char *at = strstr(t, end);
        size_t n = at ? (size_t)(at - t) : strlen(t);
        wf_buf_add(b, t, n);
        if (!at)
            break;
        wf_buf_puts(b, "]LOG] !>");
        t = at + sizeof(end) - 1;
    }
    /* ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" -> time="HH:MM:SS.000+000" date="MM-DD-YYYY" (UTC). */
    char y[5] = "1970", mo[3] = "01", d[3] = "01", hms[9] = "00:00:00";
    if (strlen(iso) >= 19) {
        memcpy(y, iso, 4);
        memcpy(mo, iso + 5, 2);
        memcpy(d, iso + 8, 2);
        memcpy(hms, iso + 11, 8);
    }
    wf_buf_printf(b, WF_M(M_LOG_TIME_S_000_000), hms, mo, d, y, (int)type, (unsigned)pid);
}

/* SPDX-License-Identifier: MIT */
/* out.c - formatted writes to the platform's streams. */
#include "wufix/base/out.h"

#include "wufix/base/prose.h"

#include <string.h>

size_t wf_out_width(const struct wf_out *o)
{
    size_t w = o->cols ? o->cols - 1 : 79;
    return w < WF_OUT_COLS_MIN ? WF_OUT_COLS_MIN : w > WF_OUT_COLS_MAX ? WF_OUT_COLS_MAX : w;
}

void wf_out_puts(const struct wf_out *o, enum wf_stream s, const char *text)
{
    if (s == WF_LOG && !o->logged)
        return;
    o->write(o->self, s, text, strlen(text));
}

void wf_out_printf(const struct wf_out *o, enum wf_stream s, const char *fmt, ...)
{
    struct wf_buf b;
    va_list ap;
    if (s == WF_LOG && !o->logged)
        return;
    wf_buf_init(&b);
    va_start(ap, fmt);
    wf_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    o->write(o->self, s, wf_buf_str(&b), b.len);
    wf_buf_release(&b);
}

void wf_out_buf(const struct wf_out *o, enum wf_stream s, struct wf_buf *b)
{
    if (s == WF_LOG && !o->logged)
        ; /* no log: nothing to write it to */
    else if (b->oom)
        wf_out_puts(o, WF_STDERR, WF_M(M_WUFIX_OUT_OF_MEMORY_WHILE));
    else if (b->len)
        o->write(o->self, s, b->data, b->len);
    wf_buf_clear(b);
}

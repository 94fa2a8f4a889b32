/* SPDX-License-Identifier: MIT */
/* buf.c - growable text buffer; JSON escaping; UTF-8 column counting. */
#include "wufix/base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wf_buf_init(struct wf_buf *b)
{
    memset(b, 0, sizeof(*b));
}

void wf_buf_release(struct wf_buf *b)
{
    free(b->data);
    wf_buf_init(b);
}

void wf_buf_clear(struct wf_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool grow(struct wf_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void wf_buf_add(struct wf_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void wf_buf_puts(struct wf_buf *b, const char *s)
{
    wf_buf_add(b, s, strlen(s));
}

void wf_buf_vprintf(struct wf_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    /* va_copy initialised ap2; the analyzer does not model it. */
    int n = vsnprintf(NULL, 0, fmt, ap2); // NOLINT(clang-analyzer-valist.Uninitialized)
    va_end(ap2);
    if (n < 0 || !grow(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void wf_buf_printf(struct wf_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wf_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

size_t wf_utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

void wf_buf_pad(struct wf_buf *b, const char *s, size_t width)
{
    wf_buf_puts(b, s);
    for (size_t w = wf_utf8_width(s); w < width; w++)
        wf_buf_add(b, " ", 1);
}

void wf_buf_json_str(struct wf_buf *b, const char *s)
{
    wf_buf_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': wf_buf_add(b, "\\\"", 2); break;
        case '\\': wf_buf_add(b, "\\\\", 2); break;
        case '\n': wf_buf_add(b, "\\n", 2); break;
        case '\r': wf_buf_add(b, "\\r", 2); break;
        case '\t': wf_buf_add(b, "\\t", 2); break;
        default:
            if (*p < 0x20)
                wf_buf_printf(b, "\\u%04x", *p);
            else
                wf_buf_add(b, (const char *)p, 1);
        }
    }
    wf_buf_add(b, "\"", 1);
}

const char *wf_buf_str(const struct wf_buf *b)
{
    return b->data ? b->data : "";
}

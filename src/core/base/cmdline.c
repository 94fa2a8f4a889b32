/* SPDX-License-Identifier: MIT */
/* cmdline.c - quoting by the rules CommandLineToArgvW splits by: 2N
 * backslashes and a quote are N backslashes and a quote that toggles; 2N+1
 * backslashes and a quote are N backslashes and a literal quote; any other
 * backslash is itself. */
#include "wufix/base/cmdline.h"

#include <string.h>

void wf_cmdline_append(struct wf_buf *b, const char *arg)
{
    if (b->len)
        wf_buf_puts(b, " ");
    if (arg[0] && !strpbrk(arg, " \t\n\v\"")) {
        wf_buf_puts(b, arg);
        return;
    }
    wf_buf_puts(b, "\"");
    for (const char *p = arg;; p++) {
        size_t slashes = 0;
        while (*p == '\\') {
            slashes++;
            p++;
        }
        if (*p == '\0') {
            /* Before the closing quote: each backslash doubled. */
            for (size_t i = 0; i < 2 * slashes; i++)
                wf_buf_puts(b, "\\");
            break;
        }
        if (*p == '"') {
            for (size_t i = 0; i < 2 * slashes + 1; i++)
                wf_buf_puts(b, "\\");
            wf_buf_puts(b, "\"");
        } else {
            for (size_t i = 0; i < slashes; i++)
                wf_buf_puts(b, "\\");
            wf_buf_add(b, p, 1);
        }
    }
    wf_buf_puts(b, "\"");
}

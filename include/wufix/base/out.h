/* SPDX-License-Identifier: MIT */
/* out.h - where wufix's words go: the platform's stdout and stderr. */
#ifndef WUFIX_OUT_H
#define WUFIX_OUT_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/buf.h"

/* WF_LOG: lines for the --log file alone, never shown (the whole record
 * of a run whatever --quiet or --json show); written only when `logged`. */
enum wf_stream { WF_STDOUT = 1, WF_STDERR = 2, WF_LOG = 3 };

struct wf_out {
    /* Write UTF-8 text; the platform converts for a console. */
    void (*write)(void *self, enum wf_stream s, const char *text, size_t n);
    void *self;
    bool console;  /* stdout is an interactive console: live progress allowed */
    bool color;    /* the console understands colour sequences */
    bool logged;   /* --log: write takes WF_LOG lines too (else they are dropped) */
    unsigned cols; /* the console window's width in columns; 0: not a console, or not known */
};

/* Columns a line of text may take: the console's width with its last column
 * left free (writing there wraps some consoles), between WF_OUT_COLS_MIN and
 * WF_OUT_COLS_MAX; 79 (a console of 80, the default) when redirected or
 * not known. */
#define WF_OUT_COLS_MIN 30
#define WF_OUT_COLS_MAX 119
size_t wf_out_width(const struct wf_out *o);

void wf_out_puts(const struct wf_out *o, enum wf_stream s, const char *text);
void wf_out_printf(const struct wf_out *o, enum wf_stream s, const char *fmt, ...) WF_PRINTF(3, 4);

/* Write a buffer's text to a stream and empty it; a buffer that ran out of
 * memory says so on stderr instead. */
void wf_out_buf(const struct wf_out *o, enum wf_stream s, struct wf_buf *b);

#endif

/* SPDX-License-Identifier: MIT */
/* cmdline.h - arguments back into one command line, quoted so that
 * CommandLineToArgvW (and the C runtime) split it into the same arguments:
 * for relaunching wufix elevated with the arguments it was given. */
#ifndef WUFIX_CMDLINE_H
#define WUFIX_CMDLINE_H

#include "wufix/base/buf.h"

/* Append `arg` (UTF-8), after a space when `b` is not empty. Quoted only when
 * it is empty or holds a space, tab, newline, vertical tab or '"'; inside
 * quotes, backslashes before a '"' or the closing quote are doubled and '"'
 * is written \". */
void wf_cmdline_append(struct wf_buf *b, const char *arg);

#endif

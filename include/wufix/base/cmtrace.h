/* SPDX-License-Identifier: MIT */
/* cmtrace.h - one line of a log in CMTrace's format, which Notepad, CMTrace
 * and OneTrace read (the format ConfigMgr's and Intune's own logs use):
 *
 *   <![LOG[text]LOG]!><time="10:15:00.000+000" date="11-22-2026"
 *   component="wufix" context="" type="1" thread="4242" file="wufix">
 *
 * on one line, ended by CR LF. type: 1 information, 2 warning, 3 error. */
#ifndef WUFIX_CMTRACE_H
#define WUFIX_CMTRACE_H

#include <stdint.h>

#include "wufix/base/buf.h"

enum wf_cmtrace_type { WF_CMTRACE_INFO = 1, WF_CMTRACE_WARNING = 2, WF_CMTRACE_ERROR = 3 };

/* Append the line for `text` (one line of wufix's output, without its line
 * end) at `iso` (UTC, "2026-11-22T10:15:00Z"), from process `pid`. A "]LOG]!>"
 * in the text, which would end the entry early, is written "]LOG] !>". */
void wf_cmtrace_line(struct wf_buf *b, const char *iso, uint32_t pid, enum wf_cmtrace_type type,
                     const char *text);

#endif

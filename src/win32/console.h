/* SPDX-License-Identifier: MIT */
/* console.h - stdout/stderr as wf_out: UTF-16 on a console, UTF-8 when redirected. */
#ifndef WUFIX_WIN32_CONSOLE_H
#define WUFIX_WIN32_CONSOLE_H

#include "wufix/base/out.h"

/* Fill `out` for this process's standard streams. */
void wf_console_init(struct wf_out *out);

#endif

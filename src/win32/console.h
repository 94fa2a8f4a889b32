/* SPDX-License-Identifier: MIT */
/* console.h - stdout/stderr as wf_out: UTF-16 on a console, UTF-8 when redirected. */
#ifndef WUFIX_WIN32_CONSOLE_H
#define WUFIX_WIN32_CONSOLE_H

#include "wufix/base/out.h"

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/err.h"

/* Fill `out` for this process's standard streams. */
void wf_console_init(struct wf_out *out);

/* Standard input and output are both a console: a person can answer. */
bool wf_console_interactive(void);

/* One line typed at the console, without its line end, as UTF-8. */
wf_err wf_console_read_line(char *buf, size_t size);

#endif

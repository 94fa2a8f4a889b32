/* SPDX-License-Identifier: MIT */
/* logfile.h - the file --log appends to. */
#ifndef WUFIX_WIN32_LOGFILE_H
#define WUFIX_WIN32_LOGFILE_H

#include <stddef.h>

#include "wufix/base/err.h"

/* Open `path` (UTF-8) for appending, creating it if need be; never through a
 * link, never a folder. The reason in `why` when it cannot. */
wf_err wf_win_log_open(const char *path, char *why, size_t size);
void wf_win_log_write(const char *text, size_t n);
void wf_win_log_close(void);

#endif

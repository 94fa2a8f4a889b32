/* SPDX-License-Identifier: MIT */
/* workers.h - threads and a monitor for --computer's workers. */
#ifndef WUFIX_WIN32_WORKERS_H
#define WUFIX_WIN32_WORKERS_H

#include "wufix/base/platform.h"

/* The workers of the process (one monitor for all). */
void wf_win_workers_init(struct wf_workers *w);

/* Ctrl+C: wake every worker thread's alertable wait and the monitor. Safe
 * from the console control handler's thread. */
void wf_win_workers_wake_all(void);

#endif

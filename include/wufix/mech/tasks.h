/* SPDX-License-Identifier: MIT */
/* tasks.h - Windows Update's scheduled tasks: disabled or deleted where a
 * stock machine of the build has them enabled. */
#ifndef WUFIX_TASKS_H
#define WUFIX_TASKS_H

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

#define WF_TASKS_ROOT "\\Microsoft\\Windows\\"
#define WF_TASKS_MAX  32 /* tasks asked of one folder */

/* The tasks a stock machine of `build` ships enabled ("UpdateOrchestrator\\Schedule
 * Scan", under WF_TASKS_ROOT, one folder's together), NULL-terminated; NULL
 * for a build no public source gives (nothing there is judged). */
const char *const *wf_tasks_stock(unsigned build, bool server);

/* Add the update tasks' problems to `c` (its build read). */
void wf_tasks_check(const struct wf_host *h, struct wf_check *c);

#endif

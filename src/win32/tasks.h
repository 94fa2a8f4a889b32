/* SPDX-License-Identifier: MIT */
/* tasks.h - the host's `tasks` on Windows: a Task Scheduler folder's tasks. */
#ifndef WUFIX_WIN32_TASKS_H
#define WUFIX_WIN32_TASKS_H

#include <windows.h>

#include "wufix/base/host.h"

/* See struct wf_host_ops: `self` is NULL for this machine, a struct
 * win_remote for another (ITaskService::Connect with its name). */
wf_err wf_win_tasks(void *self, const char *folder, const char *const *names, size_t n,
                    enum wf_task_state *state, char *why, size_t size);

#endif

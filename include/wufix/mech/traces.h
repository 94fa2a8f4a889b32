/* SPDX-License-Identifier: MIT */
/* traces.h - the machine beside its services: what update blockers leave
 * behind (Image File Execution Options, their lists), the policies that turn
 * Windows Update off, a pending restart, free space. */
#ifndef WUFIX_TRACES_H
#define WUFIX_TRACES_H

#include <stdbool.h>

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

#define WF_LOW_DISK_BYTES (10ull * 1024 * 1024 * 1024) /* a feature update needs about this much */

#define WF_KEY_IFEO_ROOT "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options"
#define WF_KEY_IFEO      WF_KEY_IFEO_ROOT "\\"
/* Windows Update Blocker's REG_MULTI_SZ of what it blocked, on the IFEO key. */
#define WF_VALUE_WUB_LISTS "WubBlockLists"

/* The update programs blockers disable through an Image File Execution
 * Options Debugger; NULL-terminated. */
extern const char *const wf_traces_update_programs[];

#define WF_KEY_WU_POLICY "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"

/* Delivery Optimization's download mode written outside policy (what repair deletes). */
#define WF_KEY_DO_CONFIG "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\DeliveryOptimization\\Config"
#define WF_VALUE_DO_MODE "DODownloadMode"

/* Add the machine's problems to `c`. */
void wf_traces_check(const struct wf_host *h, struct wf_check *c);

#endif

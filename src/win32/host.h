/* SPDX-License-Identifier: MIT */
/* host.h - the host seam on Windows: HKLM (64-bit view), files, free space. */
#ifndef WUFIX_WIN32_HOST_H
#define WUFIX_WIN32_HOST_H

#include <windows.h>

#include "wufix/base/host.h"

void wf_win_host_init(struct wf_host *h);

/* The owner, DACL and attributes of what an open handle names (opened
 * with READ_CONTROL and FILE_READ_ATTRIBUTES, without following a link). */
void wf_win_folder_security(HANDLE h, struct wf_folder_sec *s);

#endif

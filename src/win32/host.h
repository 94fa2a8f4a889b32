/* SPDX-License-Identifier: MIT */
/* host.h - the host seam on Windows: HKLM (64-bit view), files, free space. */
#ifndef WUFIX_WIN32_HOST_H
#define WUFIX_WIN32_HOST_H

#include "wufix/base/host.h"

void wf_win_host_init(struct wf_host *h);

#endif

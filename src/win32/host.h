/* SPDX-License-Identifier: MIT */
/* host.h - the host seam on Windows: HKLM (64-bit view), files, free space. */
#ifndef WUFIX_WIN32_HOST_H
#define WUFIX_WIN32_HOST_H

#include <windows.h>

#include "wufix/base/host.h"

void wf_win_host_init(struct wf_host *h);

/* Another machine's host: its registry through RegConnectRegistryW and its
 * files through its admin share. What does not answer is said, one line
 * each, in no_registry and no_files (size bytes each), and h->no_registry,
 * h->no_files point there. With `no_smb` (why SMB does not answer) neither
 * is tried. Free with wf_win_host_free. */
wf_err wf_win_host_remote(const char *machine, const char *no_smb, struct wf_host *h, char *no_registry,
                          char *no_files, size_t size);
void wf_win_host_free(struct wf_host *h);

/* An open file's text as UTF-8 (UTF-16 with a byte order mark converted),
 * whole or WF_E_LIMIT; the handle is closed. */
wf_err wf_win_read_text(HANDLE h, char *out, size_t size);

#endif

/* SPDX-License-Identifier: MIT */
/* installing.h - whether Windows is installing right now (servicing at
 * work), which restart and reset must not break. */
#ifndef WUFIX_INSTALLING_H
#define WUFIX_INSTALLING_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/backend.h"
#include "wufix/base/host.h"

/* The servicing stack's key of pending sessions, under HKLM. */
#define WF_KEY_SESSIONS_PENDING                                                                              \
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\SessionsPending"

/* Whether Windows is installing: TrustedInstaller running with a
 * TiWorker.exe alive, a SessionsPending key that holds a subkey or a value
 * other than zero, or %SystemRoot%\WinSxS\pending.xml. `what` gets each
 * sign found, in wufix's own words ("" when none). What cannot be asked
 * (no process list on another machine's host, a key that cannot be read)
 * counts as no sign. */
bool wf_installing(const struct wf_backend *be, const struct wf_host *h, char *what, size_t size);

#endif

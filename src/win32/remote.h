/* SPDX-License-Identifier: MIT */
/* remote.h - another machine for --computer: its name resolved, its RPC and
 * SMB ports probed, its SCM, registry and admin share, its journal here. */
#ifndef WUFIX_WIN32_REMOTE_H
#define WUFIX_WIN32_REMOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/platform.h"

/* See struct wf_platform's target_open. */
wf_err wf_win_target_open(const char *name, const struct wf_addrs *addrs, uint32_t connect_ms, bool change,
                          struct wf_target *t, char *why, size_t size, uint32_t *syscode);
void wf_win_target_close(struct wf_target *t);

#endif

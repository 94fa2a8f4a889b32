/* SPDX-License-Identifier: MIT */
/* hosts.h - lines of the hosts file that send Windows Update's servers
 * elsewhere: found by check, commented out by repair, given back by undo. */
#ifndef WUFIX_HOSTS_H
#define WUFIX_HOSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/fix.h"
#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* A hosts file larger than this is not read (never read in part). */
#define WF_HOSTS_MAX ((size_t)16 << 20)
/* What repair puts before each line it comments out. */
#define WF_HOSTS_MARK "# wufix: "

/* The lines of `t` (n bytes) that send an update server elsewhere: how many,
 * and the first one's offset and length (without its line break). With
 * `out` (room for n + count * strlen(WF_HOSTS_MARK) bytes), the text with
 * each of them commented out, every other byte as it was; *out_n its length. */
size_t wf_hosts_scan(const uint8_t *t, size_t n, size_t *first, size_t *first_len, uint8_t *out,
                     size_t *out_n);

/* The hosts file's path: DataBasePath (Tcpip\Parameters) expanded, + "\hosts". */
wf_err wf_hosts_path(const struct wf_host *h, char *out, size_t size);

/* Reports `hosts_blocks_update` (an error, fixable) or `hosts_unreadable`. */
void wf_hosts_check(const struct wf_host *h, struct wf_check *c);

/* The fix commenting the lines out, its copy named after the time now.
 * WF_E_NO_SERVICE when no line needs it. */
wf_err wf_hosts_plan(const struct wf_host *h, struct wf_fix *f);

/* Apply a WF_FIX_HOSTS fix (`back`: the other way). The file must hold the
 * content it starts from (or already the one it ends at: nothing to do);
 * the content it ends at is the file with its lines commented out (its copy
 * is set aside first, a new file, never replaced) or the copy set aside.
 * Anything else: WF_E_GONE, nothing written, the reason in `why` (may be NULL). */
wf_err wf_hosts_set(const struct wf_host *h, const struct wf_fix *f, bool back, char *why, size_t size);

/* Whether wf_hosts_set could apply the fix, writing nothing. */
wf_err wf_hosts_ready(const struct wf_host *h, const struct wf_fix *f, char *why, size_t size);

#endif

/* SPDX-License-Identifier: MIT */
/* machines.h - the machines --computer names (internal to src/core/cmd). */
#ifndef WUFIX_CMD_MACHINES_H
#define WUFIX_CMD_MACHINES_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/addr.h"
#include "wufix/base/platform.h"
#include "wufix/cli.h"

#define WF_MACHINES_MAX 4096u

struct wf_machines {
    char (*name)[WF_MACHINE_NAME_MAX]; /* without a leading \\; this machine as pf->computer */
    size_t n;
    struct wf_addrs here; /* this machine's addresses: its interfaces', 127.0.0.1 and ::1 */
};

/* `.`, `localhost`, this machine's own name or its DNS name, or an address
 * in `here`: this machine, known without asking DNS. */
bool wf_cmd_machine_is_here(const struct wf_platform *pf, const struct wf_addrs *here, const char *name);

/* Every machine o->computers names, once, into ns (allocated: free it with
 * wf_cmd_machines_free, also on failure). @FILE is read through pf's host.
 * WF_E_USAGE with a one-line reason in `err` naming the value, or the file
 * and line; WF_E_NOMEM. */
wf_err wf_cmd_machines(const struct wf_platform *pf, const struct wf_options *o, struct wf_machines *ns,
                       char *err, size_t size);
void wf_cmd_machines_free(struct wf_machines *ns);

#endif

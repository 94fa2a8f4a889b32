/* SPDX-License-Identifier: MIT */
/* check.h - the health check: what is wrong with the update services and the
 * machine, held against Windows' defaults for the running build. */
#ifndef WUFIX_CHECK_H
#define WUFIX_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/defaults.h"
#include "wufix/base/host.h"
#include "wufix/mech/plan.h"
#include "wufix/mech/problems.h"
#include "wufix/mech/waas.h"

#define WF_KEY_SERVICES "SYSTEM\\CurrentControlSet\\Services\\"
#define WF_KEY_VERSION  "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"

/* The defaults the check compared `name` against (the running build's row);
 * NULL when wufix has none. */
const struct wf_default *wf_check_default(const struct wf_check *c, const char *name);

/* The start type repair sets for `def` (wf_check_default's) on the checked
 * machine: see wf_defaults_target. */
enum wf_start_type wf_check_target(const struct wf_check *c, const struct wf_default *def);

/* Whether `code` is a helper service's problem (a service beside the update
 * services that updates need, left disabled): repair sets its start type back. */
bool wf_check_helper(const char *code);

/* The build the machine reports (CurrentBuildNumber); WF_BUILD_UNKNOWN when
 * its registry cannot be read. */
unsigned wf_check_build(const struct wf_host *h);

/* Check the services of a gathered plan (status and config read) and the
 * machine. Reads only. */
wf_err wf_check_run(const struct wf_plan *p, const struct wf_backend *b, const struct wf_host *h,
                    struct wf_check *out);

#endif

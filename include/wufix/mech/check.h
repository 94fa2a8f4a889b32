/* SPDX-License-Identifier: MIT */
/* check.h - the health check: what is wrong with the update services, each
 * problem with a stable code, its evidence, and whether repair fixes it. */
#ifndef WUFIX_CHECK_H
#define WUFIX_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/host.h"
#include "wufix/mech/plan.h"
#include "wufix/mech/waas.h"

#define WF_PROBLEMS_MAX   64
#define WF_LOW_DISK_BYTES (10ull * 1024 * 1024 * 1024) /* a feature update needs about this much */

enum wf_severity { WF_SEV_INFO, WF_SEV_WARNING, WF_SEV_ERROR };

struct wf_problem {
    char service[WF_NAME_MAX]; /* "" for the machine */
    const char *code;          /* stable: see docs/problems.md */
    enum wf_severity sev;
    bool fixable;            /* repair fixes it */
    char found[WF_TEXT_MAX]; /* the evidence */
    char expected[WF_TEXT_MAX];
    uint32_t syscode; /* last_run_failed: the Win32 exit code (0 for a service-specific one) */
};

struct wf_check {
    struct wf_problem p[WF_PROBLEMS_MAX];
    size_t n;
    struct wf_waas waas; /* Windows' own copy of the defaults, where readable */
};

/* The defaults the check compared `name` against (the table's, or Windows'
 * own copy laid over them), in `merged`; NULL when wufix has none. */
const struct wf_default *wf_check_default(const struct wf_check *c, const char *name,
                                          struct wf_default *merged);

/* Check the services of a gathered plan (status and config read) and the
 * machine. Reads only. */
wf_err wf_check_run(const struct wf_plan *p, const struct wf_backend *b, const struct wf_host *h,
                    struct wf_check *out);

/* Add a problem (NULL when the list is full). */
struct wf_problem *wf_check_add(struct wf_check *c, const char *svc, const char *code, enum wf_severity sev,
                                bool fixable, const char *found, const char *expected);

/* Problems at `sev` or worse. */
size_t wf_check_count(const struct wf_check *c, enum wf_severity sev);

/* Whether the problem says checks were not made on another machine (its
 * registry or admin share did not answer): information a script must see. */
bool wf_check_skipped(const struct wf_problem *pr);

/* A sentence for people about one problem. */
void wf_check_describe(const struct wf_problem *pr, char *buf, size_t size);

/* The update programs blockers disable through an Image File Execution
 * Options Debugger; NULL-terminated. */
extern const char *const wf_check_update_programs[];

#define WF_KEY_SERVICES "SYSTEM\\CurrentControlSet\\Services\\"
#define WF_KEY_IFEO     "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\"

#endif

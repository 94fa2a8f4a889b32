/* SPDX-License-Identifier: MIT */
/* scm_util.h - what scm.c and scm_admin.c share: the backend's state and
 * the helpers every SCM operation uses. */
#ifndef WUFIX_WIN32_SCM_UTIL_H
#define WUFIX_WIN32_SCM_UTIL_H

#include <windows.h>

#include <stdbool.h>

#include "wufix/base/backend.h"
#include "wufix/mech/plan.h"

#define WATCH_MAX WF_PLAN_MAX

struct scm;

struct watch {
    char name[WF_NAME_MAX];
    SC_HANDLE h;
    SERVICE_NOTIFYW notify; /* must stay put while a request is outstanding */
    bool armed;
    bool polled; /* notifications unavailable for it */
    struct scm *owner;
};

struct scm {
    SC_HANDLE mgr;
    DWORD last;
    bool local;
    bool fired;
    LONG heard; /* Ctrl+C presses this backend has answered */
    LARGE_INTEGER freq;
    char computer[WF_TEXT_MAX];
    struct watch watch[WATCH_MAX];
    size_t nwatch;
};

/* Record a system code as the last error; its wf_err. */
wf_err wf_scm_fail(struct scm *s, DWORD code);
/* OpenServiceW with `access`; NULL and *e set on failure. */
SC_HANDLE wf_scm_open_svc(struct scm *s, const char *name, DWORD access, wf_err *e);
enum wf_state wf_scm_map_state(DWORD st);

#endif

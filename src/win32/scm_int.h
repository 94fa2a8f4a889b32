/* SPDX-License-Identifier: MIT */
/* scm_int.h - what scm.c and scm_admin.c share: the backend's state. */
#ifndef WUFIX_WIN32_SCM_INT_H
#define WUFIX_WIN32_SCM_INT_H

#include <windows.h>

#include <stdbool.h>

#include "wufix/backend.h"
#include "wufix/plan.h"

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

wf_err wf_scm_process_services(void *self, uint32_t pid, struct wf_dependent *out, size_t cap, size_t *n);
wf_err wf_scm_terminate(void *self, uint32_t pid);
wf_err wf_scm_security(void *self, const char *name, char *sddl, size_t size);
wf_err wf_scm_set_security(void *self, const char *name, const char *sddl);
wf_err wf_scm_set_start(void *self, const char *name, enum wf_start_type t);
wf_err wf_scm_set_image(void *self, const char *name, const char *path);
wf_err wf_scm_set_deps(void *self, const char *name, const char *csv);

#endif

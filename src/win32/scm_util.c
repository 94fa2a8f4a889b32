/* SPDX-License-Identifier: MIT */
/* scm_util.c - the helpers every SCM operation uses: the last error kept, a
 * service opened with the least access, states mapped. */
#include "scm_util.h"

#include "winutil.h"

wf_err wf_scm_fail(struct scm *s, DWORD code)
{
    s->last = code;
    return wf_err_from_syscode(code);
}

SC_HANDLE wf_scm_open_svc(struct scm *s, const char *name, DWORD access, wf_err *e)
{
    WCHAR w[WF_NAME_MAX];
    if (!wf_w_from_utf8(name, w, WF_NAME_MAX)) {
        *e = wf_scm_fail(s, ERROR_INVALID_NAME);
        return NULL;
    }
    SC_HANDLE h = OpenServiceW(s->mgr, w, access);
    if (!h) {
        DWORD code = GetLastError();
        *e = wf_scm_fail(s, code);
    }
    return h;
}

enum wf_state wf_scm_map_state(DWORD st)
{
    switch (st) {
    case SERVICE_STOPPED: return WF_STATE_STOPPED;
    case SERVICE_START_PENDING: return WF_STATE_START_PENDING;
    case SERVICE_STOP_PENDING: return WF_STATE_STOP_PENDING;
    case SERVICE_RUNNING: return WF_STATE_RUNNING;
    case SERVICE_CONTINUE_PENDING: return WF_STATE_CONTINUE_PENDING;
    case SERVICE_PAUSE_PENDING: return WF_STATE_PAUSE_PENDING;
    case SERVICE_PAUSED: return WF_STATE_PAUSED;
    default: return WF_STATE_UNKNOWN;
    }
}

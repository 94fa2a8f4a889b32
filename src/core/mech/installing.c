/* SPDX-License-Identifier: MIT */
/* installing.c - the signs that Windows is installing: what a restart or a
 * reset in the middle would break. */
#include "wufix/mech/installing.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#define SESSIONS_MAX 32

static void say(char *what, size_t size, const char *sign)
{
    size_t n = strlen(what);
    if (n + 1 < size)
        snprintf(what + n, size - n, "%s%s", n ? "; " : "", sign);
}

/* Microsoft documents no layout for SessionsPending; a healthy machine
 * keeps the key with nothing in it, or only values at zero (issue 27,
 * research/what-users-ask.md). A session waiting is a subkey, or a value
 * that counts or flags one. */
static unsigned sessions_pending(const struct wf_host *h)
{
    char names[SESSIONS_MAX][WF_NAME_MAX];
    size_t n = 0;
    unsigned signs = 0;
    if (h->ops->reg_enum(h->self, WF_KEY_SESSIONS_PENDING, false, names, SESSIONS_MAX, &n) == WF_OK)
        signs += (unsigned)n;
    n = 0;
    if (h->ops->reg_enum(h->self, WF_KEY_SESSIONS_PENDING, true, names, SESSIONS_MAX, &n) != WF_OK)
        return signs;
    for (size_t i = 0; i < n; i++) {
        struct wf_reg v;
        if (h->ops->reg_read(h->self, WF_KEY_SESSIONS_PENDING, names[i], &v) != WF_OK)
            continue;
        bool set = v.type == WF_REG_DWORD  ? v.dword != 0
                   : v.type == WF_REG_NONE ? false
                                           : v.str[0] != '\0' && strcmp(v.str, "0") != 0;
        signs += set;
    }
    return signs;
}

bool wf_installing(const struct wf_backend *be, const struct wf_host *h, char *what, size_t size)
{
    struct wf_svc_status st;
    char path[WF_TEXT_MAX], sign[160];
    what[0] = '\0';
    /* TrustedInstaller (Windows Modules Installer) starts TiWorker.exe to
     * install; the service running alone is often just idle. */
    if (h->ops->process_running && be->ops->query(be->self, WF_M(M_TRUSTEDINSTALLER), &st) == WF_OK &&
        st.state != WF_STATE_STOPPED && st.state != WF_STATE_NOT_INSTALLED &&
        h->ops->process_running(h->self, WF_M(M_TIWORKER_EXE)) == WF_OK)
        say(what, size, WF_M(M_TRUSTEDINSTALLER_IS_RUNNING_WITH_TIWORKER));
    if (!h->no_registry) {
        unsigned n = sessions_pending(h);
        if (n) {
            snprintf(sign, sizeof(sign), WF_M(M_COMPONENT_BASED_SERVICING_SESSIONSPENDING_HOLD), n,
                     n == 1 ? "y" : "ies");
            say(what, size, sign);
        }
    }
    if (!h->no_files &&
        h->ops->expand(h->self, WF_M(M_SYSTEMROOT_WINSXS_PENDING_XML), path, sizeof(path)) == WF_OK &&
        h->ops->file_exists(h->self, path) == WF_OK)
        say(what, size, WF_M(M_SYSTEMROOT_WINSXS_PENDING_XML_WAITS));
    return what[0] != '\0';
}

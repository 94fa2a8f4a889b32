/* SPDX-License-Identifier: MIT */
/* defaults.h - Windows 10/11 default configuration of the update services:
 * what a health check compares against and a repair restores. */
#ifndef WUFIX_DEFAULTS_H
#define WUFIX_DEFAULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/svc.h"

enum wf_svc_type { WF_TYPE_OWN = 0x10, WF_TYPE_SHARE = 0x20 };

struct wf_default {
    const char *name;
    const char *display_name; /* English; Windows shows the localized one */
    unsigned types;           /* accepted service types, WF_TYPE_* bits */
    enum wf_start_type start_type;
    const char *image_path;  /* as the registry holds it (REG_EXPAND_SZ) */
    const char *service_dll; /* Parameters\ServiceDll, NULL when none */
    const char *account;
    const char *depends_on; /* comma-separated, "" for none */
    const char *sddl;       /* the service object's security descriptor */
    const char *sddl_win11; /* where Windows 11 differs, else NULL */
    bool protected_svc;     /* launch-protected: query only */
};

/* The table, in report order. */
const struct wf_default *wf_defaults_table(size_t *n);
/* The entry for `name` (case-insensitive), or NULL. */
const struct wf_default *wf_defaults_find(const char *name);

#endif

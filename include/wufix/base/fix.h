/* SPDX-License-Identifier: MIT */
/* fix.h - one change wufix makes beside moving services, with the value it
 * replaces: what repair plans, reset's renames, the journal records and the
 * run puts back. */
#ifndef WUFIX_FIX_H
#define WUFIX_FIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/base/svc.h"

#define WF_FIXES_MAX 32

enum wf_fix_kind {
    WF_FIX_START,   /* start type (and the delayed flag) */
    WF_FIX_IMAGE,   /* ImagePath */
    WF_FIX_SDDL,    /* the service object's DACL */
    WF_FIX_REG,     /* a registry value: ServiceDll restored, WubLock or a Debugger removed */
    WF_FIX_DEPS,    /* the services it depends on (comma-separated in .str) */
    WF_FIX_ACCOUNT, /* the account it runs as (ObjectName, in .str) */
    WF_FIX_RENAME,  /* reset: a cache set aside, was.str renamed to will.str */
    WF_FIX_HOSTS    /* the hosts file (was.str) from the content whose SHA-256 is .key to the one
                       whose SHA-256 is .value; its copy set aside at will.str; .files lines
                       commented out (0: the file given back from the copy) */
};

struct wf_fix {
    enum wf_fix_kind kind;
    char service[WF_NAME_MAX]; /* START, IMAGE, SDDL, DEPS, ACCOUNT */
    char key[WF_TEXT_MAX];     /* REG: under HKLM */
    char value[WF_NAME_MAX];   /* REG */
    enum wf_start_type was_start, will_start;
    struct wf_reg was, will; /* IMAGE, SDDL, DEPS, ACCOUNT: .str; REG: the values (type NONE: absent);
                                RENAME: the path before and after */
    uint64_t bytes, files;   /* RENAME: what was set aside */
    bool applied;
};

struct wf_repair {
    struct wf_fix fix[WF_FIXES_MAX];
    size_t n;
};

#endif

/* SPDX-License-Identifier: MIT */
/* repair.h - the least changes that fix what the health check found, each with
 * the value it replaces, so it can be journaled first and put back. */
#ifndef WUFIX_REPAIR_H
#define WUFIX_REPAIR_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/backend.h"
#include "wufix/buf.h"
#include "wufix/check.h"
#include "wufix/host.h"

#define WF_FIXES_MAX 32

enum wf_fix_kind {
    WF_FIX_START, /* start type (and the delayed flag) */
    WF_FIX_IMAGE, /* ImagePath */
    WF_FIX_SDDL,  /* the service object's DACL */
    WF_FIX_REG,   /* a registry value: ServiceDll restored, WubLock or a Debugger removed */
    WF_FIX_DEPS,  /* the services it depends on (comma-separated in .str) */
    WF_FIX_RENAME /* reset: a cache set aside, was.str renamed to will.str */
};

struct wf_fix {
    enum wf_fix_kind kind;
    char service[WF_NAME_MAX]; /* START, IMAGE, SDDL */
    char key[WF_TEXT_MAX];     /* REG: under HKLM */
    char value[WF_NAME_MAX];   /* REG */
    enum wf_start_type was_start, will_start;
    struct wf_reg was, will; /* IMAGE, SDDL, DEPS: .str; REG: the values (type NONE: absent);
                                RENAME: the path before and after */
    uint64_t bytes, files;   /* RENAME: what was set aside */
    bool applied;
};

struct wf_repair {
    struct wf_fix fix[WF_FIXES_MAX];
    size_t n;
};

/* The fixes for the check's fixable problems, reading the current values. */
wf_err wf_repair_plan(const struct wf_check *c, const struct wf_plan *p, const struct wf_backend *b,
                      const struct wf_host *h, struct wf_repair *out);

/* "wuauserv: start type disabled -> manual" (one line, no newline). */
void wf_repair_describe(const struct wf_fix *f, struct wf_buf *b);

/* Apply the fixes in order; the first failure stops there (WF_OK or its error). */
wf_err wf_repair_apply(struct wf_repair *r, const struct wf_backend *b, const struct wf_host *h);

/* Put back every applied fix, last first, best effort. */
wf_err wf_repair_revert(struct wf_repair *r, const struct wf_backend *b, const struct wf_host *h);

#endif

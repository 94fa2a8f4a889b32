/* SPDX-License-Identifier: MIT */
/* defaults.h - Windows' default configuration of the update services, per
 * range of Windows builds: what a health check compares against and a repair
 * restores. Windows' live answers (protection, triggers, the build) are asked
 * at run time, never kept here. */
#ifndef WUFIX_DEFAULTS_H
#define WUFIX_DEFAULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/svc.h"

enum wf_svc_type { WF_TYPE_OWN = 0x10, WF_TYPE_SHARE = 0x20 };

/* A start type as a bit of wf_default.start_ok. */
#define WF_START_BIT(t) (1u << (unsigned)(t))

/* The build a machine reports when it could not be asked. */
#define WF_BUILD_UNKNOWN 0u

/* The builds a row holds for, as bits: each a range of CurrentBuildNumber. */
enum wf_builds {
    WF_BUILDS_1607 = 1u << 0, /* 14393: Windows 10 1607, Server 2016 (LTSB) */
    WF_BUILDS_10 = 1u << 1,   /* 19041-19045: Windows 10 2004 to 22H2 */
    WF_BUILDS_11 = 1u << 2    /* 22000-22631: Windows 11 21H2 to 23H2 */
};

struct wf_default {
    const char *name;
    unsigned builds;               /* WF_BUILDS_* it holds for; 0: the generic row, for a build no row covers,
                                      which says only what holds on every build */
    const char *display_name;      /* English; Windows shows the localized one */
    unsigned types;                /* accepted service types, WF_TYPE_* bits */
    enum wf_start_type start_type; /* what repair sets */
    unsigned start_ok;             /* WF_START_BIT()s check accepts: Windows changes some by itself */
    bool manual_needs_trigger;     /* Manual is Windows' own only with a start trigger */
    /* NULL: not known for these builds, so not compared (and not restored). */
    const char *image_path;  /* as the registry holds it (REG_EXPAND_SZ) */
    const char *service_dll; /* Parameters\ServiceDll; NULL when none (or, generic, unknown) */
    const char *account;
    const char *depends_on; /* comma-separated, "" for none */
    const char *sddl;       /* the service object's security descriptor */
};

/* Every row, in report order. */
const struct wf_default *wf_defaults_table(size_t *n);
/* The row for `name` (case-insensitive) on `build`: a covered build's own,
 * else the generic one (WF_BUILD_UNKNOWN too). NULL when wufix knows no such
 * service, or the service does not exist on that build. */
const struct wf_default *wf_defaults_for(const char *name, unsigned build);
/* Any row for `name`, for what does not change with the build (display name). */
const struct wf_default *wf_defaults_find(const char *name);
/* Whether some row covers `build`. */
bool wf_defaults_covered(unsigned build);
/* The covered builds in words: "14393, 19041-19045, 22000-22631". */
void wf_defaults_covered_words(char *buf, size_t size);
/* Whether start type `t` (with or without a start trigger; `triggers` < 0:
 * not known) is one of the row's. */
bool wf_defaults_start_ok(const struct wf_default *d, enum wf_start_type t, int triggers);
/* The accepted start types as words for evidence: "manual or auto_delayed". */
void wf_defaults_start_words(const struct wf_default *d, char *buf, size_t size);

#endif

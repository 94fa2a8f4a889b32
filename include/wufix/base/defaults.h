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
/* Or'ed into a build for Windows Server (InstallationType "Server..."): only
 * rows a source gives for that Server apply there (Server 2025 shares 26100
 * with Windows 11 24H2, whose rows come from client machines). */
#define WF_BUILD_SERVER 0x80000000u

/* The builds a row holds for, as bits: each a range of CurrentBuildNumber. */
enum wf_builds {
    WF_BUILDS_1607 = 1u << 0, /* 14393: Windows 10 1607, Server 2016 (LTSB) */
    WF_BUILDS_10 = 1u << 1,   /* 19041-19045: Windows 10 2004 to 22H2 */
    WF_BUILDS_11 = 1u << 2,   /* 22000-22631: Windows 11 21H2 to 23H2 */
    WF_BUILDS_24H2 = 1u << 3, /* 26100-26200: Windows 11 24H2 and 25H2 */
    WF_BUILDS_S2019 = 1u << 4 /* 17763 on Windows Server 2019: only two descriptors have a source;
                                 the build is not covered */
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
    bool own_program;              /* runs its own .exe: no ServiceDll on any build */
    bool svchost;                  /* hosted by svchost.exe on every build: an image path naming another
                                      program is reported even where the exact one is not known */
    /* NULL: not known for these builds, so not compared (and not restored). */
    const char *image_path;  /* as the registry holds it (REG_EXPAND_SZ) */
    const char *service_dll; /* Parameters\ServiceDll (or the service key's); NULL: not known, so
                                only what holds on every build is checked (under %SystemRoot%, present) */
    const char *account;
    const char *depends_on; /* comma-separated, "" for none */
    const char *sddl;       /* the service object's security descriptor */
};

/* Every row, in report order. */
const struct wf_default *wf_defaults_table(size_t *n);
/* The row for `name` (case-insensitive) on `build` (WF_BUILD_SERVER or'ed in
 * on Windows Server): a covered build's own, else the generic one
 * (WF_BUILD_UNKNOWN too). NULL when wufix knows no such service, or the
 * service does not exist on that build. */
const struct wf_default *wf_defaults_for(const char *name, unsigned build);
/* Any row for `name`, for what does not change with the build (display name). */
const struct wf_default *wf_defaults_find(const char *name);
/* Whether some row covers `build`. */
bool wf_defaults_covered(unsigned build);
/* The start type repair sets on `build` for row `d` (wf_defaults_for's): the
 * row's own on a covered build; on a build no row covers, what the nearest
 * covered builds ship for that service (the generic row's own when the build
 * is not known). */
enum wf_start_type wf_defaults_target(const struct wf_default *d, unsigned build);
/* The covered builds in words: "14393, 19041-19045, 22000-22631, 26100-26200". */
void wf_defaults_covered_words(char *buf, size_t size);
/* Whether start type `t` (with or without a start trigger; `triggers` < 0:
 * not known) is one of the row's. */
bool wf_defaults_start_ok(const struct wf_default *d, enum wf_start_type t, int triggers);
/* The accepted start types as words for evidence: "manual or auto_delayed". */
void wf_defaults_start_words(const struct wf_default *d, char *buf, size_t size);

/* Windows' own recovery for `name` on `build` (WF_BUILD_SERVER or'ed in on
 * Windows Server); NULL where no public source gives it: not compared. */
const struct wf_recovery *wf_defaults_recovery(const char *name, unsigned build);
/* It in words for evidence: "restart after 2 min, 5 min; reset after 15 min
 * (Windows' manifest)". */
void wf_defaults_recovery_words(const struct wf_recovery *r, char *buf, size_t size);

#endif

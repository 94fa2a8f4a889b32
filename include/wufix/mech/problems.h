/* SPDX-License-Identifier: MIT */
/* problems.h - what a health check found: each problem with a stable code,
 * its evidence, whether repair fixes it, and its words for people. */
#ifndef WUFIX_PROBLEMS_H
#define WUFIX_PROBLEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/base/svc.h"
#include "wufix/mech/waas.h"

enum wf_severity { WF_SEV_INFO, WF_SEV_WARNING, WF_SEV_ERROR };

struct wf_problem {
    char service[WF_NAME_MAX]; /* "" for the machine */
    const char *code;          /* stable: see docs/problems.md */
    enum wf_severity sev;
    bool fixable;            /* repair fixes it */
    char found[WF_TEXT_MAX]; /* the evidence */
    char expected[WF_TEXT_MAX];
    uint32_t syscode; /* last_run_failed: the Win32 exit code (0 for a service-specific one) */
    /* Why Windows Update failed (last_*_failed): its HRESULT (has_hresult),
     * when, the update; and for any problem, what to do (static text) or NULL. */
    bool has_hresult;
    uint32_t hresult;
    char when[32];
    char kb[16];
    char title[160];
    unsigned failures; /* how many times it failed since `since` (1: once) */
    char since[32];
    const char *remedy;
};

/* Whether the machine is updating: the latest successful scan and install in
 * Windows Update's log ("" when the log read has none), and the build. */
struct wf_updating {
    bool log_read;              /* Windows Update's log was read (else the dates are not known) */
    char scan[32], install[32]; /* ISO 8601 with the offset */
    char install_kb[16];
    /* A date that comes from the log a reset set aside with SoftwareDistribution
     * (nothing newer in the current one): the reset's date, "2026-12-01". */
    char scan_reset[16], install_reset[16];
    char build[48];   /* CurrentBuild.UBR: "26100.4061"; "" when unreadable */
    char version[32]; /* DisplayVersion: "24H2" */
    char edition[64]; /* EditionID: "Professional" */
};

struct wf_policy;

/* The problems found: as many as there are (the list grows on the heap;
 * release it with wf_check_release). A check is zeroed before its first use. */
struct wf_check {
    struct wf_problem *p;
    size_t n, cap;
    size_t dropped;      /* problems memory could not hold: said, never silent */
    unsigned build;      /* the running build (CurrentBuildNumber); 0: not known */
    bool server;         /* Windows Server (InstallationType): the table's client rows do not apply */
    struct wf_waas waas; /* Windows' own copy of the defaults, where readable: evidence only */
    struct wf_updating updating;
    struct wf_policy *pol; /* every update policy found, with its source (policies.h) */
    size_t npol;
    char gpo[96]; /* a domain GPO the registry's Group Policy history names ("" when none) */
};

/* Add a problem; NULL only when memory runs out: then it is counted in
 * `dropped`, or, if it is worse than a problem already listed, it takes the
 * place of the least severe one (an error is never dropped for a warning). */
struct wf_problem *wf_check_add(struct wf_check *c, const char *svc, const char *code, enum wf_severity sev,
                                bool fixable, const char *found, const char *expected);

/* Free the list (the check may be used again). */
void wf_check_release(struct wf_check *c);
/* Whether `c` holds the problem `pr` (the same code about the same service
 * or program): what a check after a repair still finds. */
bool wf_check_has(const struct wf_check *c, const struct wf_problem *pr);

/* Problems at `sev` or worse. */
size_t wf_check_count(const struct wf_check *c, enum wf_severity sev);

/* Whether the problem is about a program (an IFEO Debugger or DisallowRun
 * on UsoClient.exe): its `service` holds the program's name. */
bool wf_check_about_program(const struct wf_problem *pr);

/* Whether the problem says checks were not made on another machine (its
 * registry or admin share did not answer): information a script must see. */
bool wf_check_skipped(const struct wf_problem *pr);

/* A registry read; one that fails (a key a blocker locked) is itself
 * reported (registry_unreadable) and reads as absent. A text too long to
 * record is read (true) with v->cut set: evidence, never a fixable value. */
bool wf_check_read_reg(const struct wf_host *h, struct wf_check *c, const char *svc, const char *key,
                       const char *value, struct wf_reg *v);

/* Whether the problem goes in the JSON: every warning and error, and the
 * information a script must see (checks not made, Windows Update's log
 * unreadable, the update source not probed, updates paused). */
bool wf_check_for_scripts(const struct wf_problem *pr);

/* For a person: who can fix a problem wufix does not fix (or could not),
 * and what to tell them: "Your organization manages updates on this PC:
 * contact IT support and tell them: update server HOST does not answer",
 * "Restart the PC". For a failure with a remedy, what follows the remedy.
 * The evidence in it is the system's text: escape it before it is shown.
 * True when the remedy is for whoever manages the PC, not for the person
 * (a policy, the update server, the proxy): "tell them" carries it; for a
 * policy value no policy source holds, the command that deletes it. */
bool wf_check_who(const struct wf_problem *pr, char *buf, size_t size);

/* A sentence for people about one problem. */
void wf_check_describe(const struct wf_problem *pr, char *buf, size_t size);

#endif

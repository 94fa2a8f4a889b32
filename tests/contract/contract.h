/* SPDX-License-Identifier: MIT */
/* contract.h - backend behaviour checks, written once, run against the fake SCM
 * natively and against the Win32 backend under Wine. When they disagree, the
 * fake is wrong. */
#ifndef WUFIX_CONTRACT_H
#define WUFIX_CONTRACT_H

#include <stddef.h>

#include "wufix/base/backend.h"
#include "wufix/base/host.h"

struct ct_env {
    struct wf_backend b;
    struct wf_host h;
    const char *dir;  /* a folder holding one file, a.txt, of 5 bytes */
    const char *data; /* a folder an administrator made under ProgramData, as it is made */
    const char *slow; /* installed, manual start, moves through pending states (>= 200 ms) */
    const char *slow_display;
    const char *disabled; /* installed, disabled, stopped */
    const char *missing;  /* not installed */
    /* Split a command line's arguments as Windows does (CommandLineToArgvW
     * there; the documented rules on the fake). */
    size_t (*split)(const char *line, char out[][256], size_t max);
};

struct ct_result {
    unsigned checks, failures;
    char first[512]; /* the first failed check */
};

struct ct_case {
    const char *name;
    void (*fn)(const struct ct_env *env, struct ct_result *r);
    /* Why Wine's SCM cannot show it (NULL: everywhere). Under Wine such a
     * case is reported as skipped, with this reason, never as passed; the
     * fake and Windows run it. */
    const char *windows_only;
};

extern const struct ct_case ct_cases[];
extern const size_t ct_ncases;

#endif

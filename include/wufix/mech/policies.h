/* SPDX-License-Identifier: MIT */
/* policies.h - every policy value that shapes Windows Update, with where it
 * came from (a domain GPO, the local policy, MDM, or none: a bare registry
 * write), the conflicts Microsoft names, and what `repair --policies` may
 * remove. */
#ifndef WUFIX_POLICIES_H
#define WUFIX_POLICIES_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/base/buf.h"
#include "wufix/base/fix.h"
#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

enum wf_pol_source {
    WF_POL_NONE,   /* a bare registry write: no policy source holds it */
    WF_POL_LOCAL,  /* the local policy's Registry.pol sets it */
    WF_POL_DOMAIN, /* a domain GPO's registry extension applied it */
    WF_POL_MDM,    /* MDM (PolicyManager) */
    WF_POL_UNKNOWN /* the local policy's file could not be read: not known, never removed */
};

/* The keys read, under HKLM, ending with NULL: WindowsUpdate, its AU,
 * DeliveryOptimization (Policies), and MDM's PolicyManager\current\device\Update. */
extern const char *const wf_policy_keys[];
#define WF_POL_KEYS_GP 3 /* the first three are Group Policy's; the last is MDM's */

struct wf_policy {
    unsigned key; /* in wf_policy_keys */
    char value[WF_NAME_MAX];
    struct wf_reg data; /* type NONE: of a type wufix does not read (QWORD, binary), or unreadable */
    enum wf_pol_source source;
    unsigned role; /* dual scan: 1 a WSUS value, 2 a Windows Update for Business one */
    bool conflict; /* one of a pair Microsoft calls conflicting */
};

/* "none", "local_policy", "domain_gpo", "mdm", "unknown". */
const char *wf_policy_source_token(enum wf_pol_source s);

/* Read every policy value into c->pol (with their sources) and add the
 * problems: policy_no_source, policy_dual_scan, policy_file_unreadable. */
void wf_policies_check(const struct wf_host *h, struct wf_check *c);

/* repair --policies: a fix deleting each value whose source is none (read
 * again, whole); each value another source owns is named in `left` with
 * its owner, one line each. */
void wf_policies_repair(const struct wf_check *c, const struct wf_host *h, struct wf_repair *out,
                        struct wf_buf *left);

/* Whether a journal's registry change is one repair --policies makes: a
 * value under one of the Group Policy keys. */
bool wf_policies_key_known(const char *key);

#endif

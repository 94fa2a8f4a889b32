/* SPDX-License-Identifier: MIT */
/* firewall.h - Windows Firewall rules that block Windows Update: reported
 * with the command that removes each, never changed. */
#ifndef WUFIX_FIREWALL_H
#define WUFIX_FIREWALL_H

#include <stdbool.h>

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* What check judges of one rule ([MS-GPFAS] 2.2.2.19). */
struct wf_fw_rule {
    bool block, active, out;
    char app[260], svc[64], name[260];
};

/* One rule's value data; false when it is not a rule ("v" VERSION "|" FIELD...). */
bool wf_fw_parse(const char *s, struct wf_fw_rule *r);

/* Reports `firewall_blocks_update` for each active outbound Block rule of
 * the local and the policy store that names an update service or program. */
void wf_firewall_check(const struct wf_host *h, struct wf_check *c);

#endif

/* SPDX-License-Identifier: MIT */
/* firewall.h - Windows Firewall rules that block Windows Update: reported
 * with the command that removes each, never changed. */
#ifndef WUFIX_FIREWALL_H
#define WUFIX_FIREWALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* What check judges of one rule ([MS-GPFAS] 2.2.2.19). */
struct wf_fw_rule {
    bool block, active, out;
    bool remote;  /* it has remote addresses (RA4=, RA6=) */
    bool not_web; /* its Protocol or RPort leave out TCP to 80 and 443, Windows Update's */
    char app[260], svc[64], name[260];
};

/* One rule's value data; false when it is not a rule ("v" VERSION "|" FIELD...). */
bool wf_fw_parse(const char *s, struct wf_fw_rule *r);

/* The addresses lo..hi (network order) of one family (len 4 or 16). */
struct wf_range {
    uint8_t len, lo[16], hi[16];
};

/* One RA4/RA6 value of [MS-GPFAS] 2.2.2.19: an address, "a-b", "a/len" or
 * "a/mask" (IPv4); false for a keyword (LocalSubnet, DNS, ...) or anything
 * else, which covers no public address. */
bool wf_range_parse(const char *s, size_t n, struct wf_range *r);
bool wf_range_covers(const struct wf_range *r, const struct wf_addr *a);

/* Whether a rule's remote addresses (its RA4= and RA6= fields) hold `a`;
 * the field that does into `field` (as the rule has it). */
bool wf_fw_remote_covers(const char *rule, const struct wf_addr *a, char *field, size_t size);

/* A persistent route's value name, "destination,mask,gateway,metric"
 * (IPv4, as `route -p add` writes it); false for anything else. */
struct wf_route {
    struct wf_addr dest, mask, gw;
    unsigned long metric;
};
bool wf_route_parse(const char *name, struct wf_route *r);
/* Whether the route takes `a` to a gateway that goes nowhere (0.0.0.0 or
 * a loopback address). */
bool wf_route_blackholes(const struct wf_route *r, const struct wf_addr *a);

/* Reports `firewall_blocks_update` for each active outbound Block rule of
 * the local and the policy store that names an update service or program,
 * or whose remote addresses hold an address an update server's name
 * resolves to now; `route_blocks_update` for each persistent route that
 * sends such an address nowhere. */
void wf_firewall_check(const struct wf_host *h, struct wf_check *c);

#endif

/* SPDX-License-Identifier: MIT */
/* fuzz_firewall.c - libFuzzer target: a firewall rule's value data
 * ([MS-GPFAS] 2.2.2.19), its remote addresses, and a persistent route's
 * value name. Whatever the text, what is read of it ends inside its fields,
 * a text that does not end with '|' is never a rule, a range read holds its
 * own ends, and a route read is four fields, its addresses IPv4. */
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/firewall.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    struct wf_fw_rule r;
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    bool ok = wf_fw_parse(s, &r);
    size_t len = strlen(s);
    if (ok && (s[0] != 'v' || s[len - 1] != '|'))
        abort();
    if (strlen(r.app) >= sizeof(r.app) || strlen(r.svc) >= sizeof(r.svc) || strlen(r.name) >= sizeof(r.name))
        abort();
    /* Each value read is one of the text's, whole. */
    const char *v[] = {r.app, r.svc, r.name};
    for (size_t i = 0; ok && i < 3; i++)
        if (v[i][0] && (!strstr(s, v[i]) || strchr(v[i], '|')))
            abort();
    /* The whole text as one RA4/RA6 value, and each rule field's. */
    struct wf_range g;
    struct wf_addr lo, hi;
    char field[96];
    if (wf_range_parse(s, len, &g)) {
        lo.len = hi.len = g.len;
        memcpy(lo.b, g.lo, g.len);
        memcpy(hi.b, g.hi, g.len);
        if ((g.len != 4 && g.len != 16) || memcmp(g.lo, g.hi, g.len) > 0 || !wf_range_covers(&g, &lo) ||
            !wf_range_covers(&g, &hi))
            abort();
    }
    if (wf_fw_remote_covers(s, &(struct wf_addr){.len = 4}, field, sizeof(field)) &&
        (strncmp(field, "RA", 2) != 0 || !strstr(s, field)))
        abort();
    struct wf_route rt;
    if (wf_route_parse(s, &rt)) {
        size_t commas = 0;
        for (const char *c = s; *c; c++)
            commas += *c == ',';
        if (commas != 3 || rt.dest.len != 4 || rt.mask.len != 4 || rt.gw.len != 4)
            abort();
        (void)wf_route_blackholes(&rt, &rt.dest);
    }
    free(s);
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* fuzz_firewall.c - libFuzzer target: a firewall rule's value data
 * ([MS-GPFAS] 2.2.2.19). Whatever the text, what is read of it ends inside
 * its fields, and a text that does not end with '|' is never a rule. */
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
    free(s);
    return 0;
}

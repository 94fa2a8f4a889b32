/* SPDX-License-Identifier: MIT */
/* firewall.c - firewall rules that block Windows Update.
 *
 * Windows Firewall keeps each rule as a REG_SZ value named by the rule's ID:
 * the local rules under HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\
 * Parameters\FirewallPolicy\FirewallRules, a policy's under
 * HKLM\SOFTWARE\Policies\Microsoft\WindowsFirewall\FirewallRules. The data is
 * [MS-GPFAS] 2.2.2.19's grammar, "Firewall Rule and the Firewall Rule Grammar
 * Rule": RULE = "v" VERSION "|" 1*FIELD, FIELD = TYPE-VALUE "|", among them
 * "Action=" (Allow, Block, ByPass), "Active=" (TRUE, FALSE), "Dir=" (In, Out),
 * "App=", "Svc=" and "Name=".
 * A blocker's rule as Destroy Windows 10 Spying (github.com/Nummer/
 * Destroy-Windows-10-Spying, its "Disable Windows Update" button) makes it:
 *   netsh advfirewall firewall add rule name="WindowsUpdateBlock" dir=out
 *         interface=any action=block service=wuauserv
 * Judged: active outbound Block rules for a service of wufix's table (or for
 * every service: Svc=*, or svchost.exe with no Svc), an error; for an update
 * program (traces.c's list), a warning. Rules by remote address alone are not
 * judged: which addresses are Microsoft's is not a fact wufix can read. wufix
 * never changes a rule; the evidence names the command that removes it. A
 * rule longer than a registry value wufix reads is not judged. */
#include "wufix/mech/firewall.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/services.h"
#include "wufix/mech/traces.h"

#define RULES_MAX 4096 /* rules read from one store (on the heap) */

static void take(char *dst, size_t size, const char *s, size_t n)
{
    if (n >= size)
        n = 0; /* too long to judge: as if absent */
    memcpy(dst, s, n);
    dst[n] = '\0';
}

bool wf_fw_parse(const char *s, struct wf_fw_rule *r)
{
    memset(r, 0, sizeof(*r));
    const char *p = strchr(s, '|');
    if (s[0] != 'v' || !p)
        return false;
    for (p++; *p;) {
        const char *end = strchr(p, '|'), *eq = strchr(p, '=');
        if (!end)
            return false; /* every field ends with '|' */
        if (eq && eq < end) {
            size_t k = (size_t)(eq - p), n = (size_t)(end - eq - 1);
            const char *v = eq + 1;
            if (k == 6 && !strncmp(p, "Action", 6))
                r->block = n == 5 && !strncmp(v, "Block", 5);
            else if (k == 6 && !strncmp(p, "Active", 6))
                r->active = n == 4 && !strncmp(v, "TRUE", 4);
            else if (k == 3 && !strncmp(p, "Dir", 3))
                r->out = n == 3 && !strncmp(v, "Out", 3);
            else if (k == 3 && !strncmp(p, "App", 3))
                take(r->app, sizeof(r->app), v, n);
            else if (k == 3 && !strncmp(p, "Svc", 3))
                take(r->svc, sizeof(r->svc), v, n);
            else if (k == 4 && !strncmp(p, "Name", 4))
                take(r->name, sizeof(r->name), v, n);
        }
        p = end + 1;
    }
    return true;
}

/* The severity of what the rule blocks, or -1: none of Windows Update's. */
static int judge(const struct wf_fw_rule *r)
{
    const char *base = r->app;
    for (const char *q = r->app; *q; q++)
        if (*q == '\\' || *q == '/')
            base = q + 1;
    if (!r->block || !r->active || !r->out)
        return -1;
    if (r->svc[0] ? !strcmp(r->svc, "*") || wf_services_find(r->svc) : wf_name_cmp(base, "svchost.exe") == 0)
        return WF_SEV_ERROR;
    for (const char *const *exe = wf_traces_update_programs; *exe && !r->svc[0]; exe++)
        if (wf_name_cmp(base, *exe) == 0)
            return WF_SEV_WARNING;
    return -1;
}

static void store(const struct wf_host *h, struct wf_check *c, const char *key, bool policy)
{
    char(*ids)[WF_NAME_MAX] = malloc(RULES_MAX * sizeof(*ids));
    size_t n = 0;
    if (!ids || h->ops->reg_enum(h->self, key, true, ids, RULES_MAX, &n) != WF_OK)
        n = 0;
    for (size_t i = 0; i < n && i < RULES_MAX; i++) {
        struct wf_reg v;
        struct wf_fw_rule r;
        int sev;
        if (h->ops->reg_read(h->self, key, ids[i], &v) != WF_OK || v.type != WF_REG_SZ ||
            !wf_fw_parse(v.str, &r) || (sev = judge(&r)) < 0)
            continue;
        char found[WF_TEXT_MAX], expected[WF_TEXT_MAX], id[WF_NAME_MAX * 2];
        size_t o = 0;
        for (const char *q = ids[i]; *q && o + 2 < sizeof(id); q++) {
            if (*q == '\'')
                id[o++] = '\''; /* PowerShell's quoting: a quote twice */
            id[o++] = *q;
        }
        id[o] = '\0';
        snprintf(found, sizeof(found), WF_M(M_S_RULE_250S_BLOCK_OUT), policy ? "a policy's" : "the", r.name,
                 r.svc[0] ? "Svc=" : "App=", r.svc[0] ? r.svc : r.app);
        snprintf(expected, sizeof(expected), WF_M(M_NO_SUCH_RULE_S_REMOVE),
                 policy ? WF_M(M_A_POLICY_SETS_IT_REMOVE) : "remove it", id,
                 policy ? WF_M(M_POLICYSTORE_LOCALHOST) : "");
        wf_check_add(c, "", WF_M(M_FIREWALL_BLOCKS_UPDATE), (enum wf_severity)sev, false, found, expected);
    }
    free(ids);
}

void wf_firewall_check(const struct wf_host *h, struct wf_check *c)
{
    if (h->no_registry)
        return;
    store(h, c, WF_M(M_SYSTEM_CURRENTCONTROLSET_SERVICES_SHAREDACCESS), false);
    store(h, c, WF_M(M_SOFTWARE_POLICIES_MICROSOFT_WINDOWSFIREWALL_FI), true);
}

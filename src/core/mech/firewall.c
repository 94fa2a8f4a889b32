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
 * program (traces.c's list), a warning.
 * Rules by remote address (RA4=, RA6=: an address, "a-b", "a/len", "a/mask"
 * or a keyword, [MS-GPFAS] 2.2.2.13 and 2.2.2.19; Set-NetFirewallRule's
 * -RemoteAddress lists the same forms) for every program, as
 * WindowsSpyBlocker makes them (app/cmds/telemetry/firewall/firewall.go:
 * netsh advfirewall firewall add rule name="windowsSpyBlockerUpdate-IP"
 * dir=out protocol=any action=block remoteip="IP"), are judged against the
 * addresses Windows Update's server names resolve to now, asked of DNS on
 * this machine (an error when one holds such an address; a keyword holds
 * none; a rule whose Protocol or RPort leave out TCP to 80 and 443 is not
 * Windows Update's). An address the hosts file gives (0.0.0.0, the
 * loopback) is hosts.c's to report, not a server's.
 * Persistent routes: `route -p add` keeps each as a value named
 * "destination,mask,gateway,metric" under Tcpip\Parameters\PersistentRoutes
 * (Learn, "route": /p; Microsoft, "Windows 2000 TCP/IP Implementation
 * Details": the name's form, the data empty). Null-routing scripts send
 * addresses to gateway 0.0.0.0 (tron's purge_windows_10_telemetry.bat:
 * "route -p add 204.79.197.200/32 0.0.0.0", "the only known solution is
 * installing null-routes"); a route to 0.0.0.0 or a loopback gateway that
 * holds an update server's address now is route_blocks_update. IPv6
 * persistent routes are not kept there (Win32_IP4PersistedRouteTable reads
 * IPv4 only; Windows keeps IPv6 ones in an undocumented binary store) and
 * are not judged. DNS is asked only when a rule or route needs it, never
 * for another machine; when it does not answer, that is said once as
 * information (update_hosts_not_resolved) and those are not judged.
 * wufix never changes a rule or a route; the evidence names the command
 * that removes it. A rule longer than a registry value wufix reads is not
 * judged. */
#include "wufix/mech/firewall.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/services.h"
#include "wufix/mech/traces.h"

#define RULES_MAX        4096 /* rules read from one store (on the heap) */
#define ROUTES_MAX       1024 /* persistent routes read (on the heap) */
#define UPDATE_ADDRS_MAX 128
#define RESOLVE_MS       1500u /* each name's; the first left unanswered ends the asking */
#define KEY_ROUTES       WF_M(M_SYSTEM_CURRENTCONTROLSET_SERVICES_TCPIP_PERSISTENT)

/* Names Windows Update connects to, each under a name Microsoft lists for
 * it (hosts.c's sources: Learn, "Manage connection endpoints for Windows 11
 * Enterprise", Windows Update: *.delivery.mp.microsoft.com,
 * *.update.microsoft.com, *.windowsupdate.com; "Step 2: Configure WSUS",
 * 2.1.1: dl.delivery.mp.microsoft.com, ctldl.windowsupdate.com), the same
 * names WindowsSpyBlocker's data/hosts/update.txt blocks. */
static const char *const update_names[] = {"fe3.delivery.mp.microsoft.com", "sls.update.microsoft.com",
                                           "download.windowsupdate.com", "ctldl.windowsupdate.com",
                                           "dl.delivery.mp.microsoft.com"};

static void take(char *dst, size_t size, const char *s, size_t n)
{
    if (n >= size)
        n = 0; /* too long to judge: as if absent */
    memcpy(dst, s, n);
    dst[n] = '\0';
}

/* Whether a port value ("443", "80-8080"; a keyword is none) holds 80 or 443. */
static bool web_port(const char *v, size_t n)
{
    char t[16];
    unsigned long lo, hi;
    char *end;
    take(t, sizeof(t), v, n);
    lo = hi = strtoul(t, &end, 10);
    if (*end == '-')
        hi = strtoul(end + 1, &end, 10);
    return !*end && t[0] >= '0' && t[0] <= '9' && ((lo <= 80 && hi >= 80) || (lo <= 443 && hi >= 443));
}

bool wf_fw_parse(const char *s, struct wf_fw_rule *r)
{
    bool rport = false, web = false;
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
            else if (k == 3 && (!strncmp(p, "RA4", 3) || !strncmp(p, "RA6", 3)))
                r->remote = true;
            else if (k == 8 && !strncmp(p, "Protocol", 8))
                r->not_web |= n != 1 || *v != '6'; /* TCP: IANA protocol 6 */
            else if ((k == 5 && !strncmp(p, "RPort", 5)) || (k == 9 && !strncmp(p, "RPort2_10", 9))) {
                rport = true;
                web |= web_port(v, n);
            }
        }
        p = end + 1;
    }
    r->not_web |= rport && !web;
    return true;
}

bool wf_range_parse(const char *s, size_t n, struct wf_range *r)
{
    const char *cut = memchr(s, '-', n), *slash = memchr(s, '/', n);
    struct wf_addr a, b;
    memset(r, 0, sizeof(*r));
    if (cut) { /* "a-b" */
        if (!wf_addr_parse(s, (size_t)(cut - s), &a) ||
            !wf_addr_parse(cut + 1, n - (size_t)(cut - s) - 1, &b) || a.len != b.len ||
            memcmp(a.b, b.b, a.len) > 0)
            return false;
    } else if (slash) { /* "a/len", or "a/mask" for IPv4 */
        size_t k = (size_t)(slash - s), m = n - k - 1;
        char bits[4];
        char *end;
        if (!wf_addr_parse(s, k, &a))
            return false;
        if (m && m < sizeof(bits) && slash[1] >= '0' && slash[1] <= '9') {
            take(bits, sizeof(bits), slash + 1, m);
            unsigned long len = strtoul(bits, &end, 10);
            if (*end || len > (unsigned long)a.len * 8u)
                return false;
            memset(&b, 0, sizeof(b));
            for (unsigned long i = 0; i < len; i++)
                b.b[i / 8] |= (uint8_t)(0x80u >> (i % 8));
        } else if (a.len != 4 || !wf_addr_parse(slash + 1, m, &b) || b.len != 4) {
            return false;
        }
        for (size_t i = 0; i < a.len; i++) {
            uint8_t mask = b.b[i];
            b.b[i] = (uint8_t)(a.b[i] | (uint8_t)~mask);
            a.b[i] &= mask;
        }
    } else if (wf_addr_parse(s, n, &a)) {
        b = a;
    } else {
        return false; /* a keyword */
    }
    r->len = a.len;
    memcpy(r->lo, a.b, a.len);
    memcpy(r->hi, b.b, a.len);
    return true;
}

bool wf_range_covers(const struct wf_range *r, const struct wf_addr *a)
{
    return r->len == a->len && memcmp(r->lo, a->b, a->len) <= 0 && memcmp(a->b, r->hi, a->len) <= 0;
}

bool wf_fw_remote_covers(const char *rule, const struct wf_addr *a, char *field, size_t size)
{
    const char *p = strchr(rule, '|');
    for (p = p ? p + 1 : ""; *p;) {
        const char *end = strchr(p, '|');
        struct wf_range r;
        if (!end)
            break;
        if ((!strncmp(p, "RA4=", 4) || !strncmp(p, "RA6=", 4)) &&
            wf_range_parse(p + 4, (size_t)(end - p - 4), &r) && wf_range_covers(&r, a)) {
            take(field, size, p, (size_t)(end - p));
            return true;
        }
        p = end + 1;
    }
    return false;
}

bool wf_route_parse(const char *name, struct wf_route *r)
{
    const char *p = name;
    struct wf_addr *part[3] = {&r->dest, &r->mask, &r->gw};
    char *end;
    memset(r, 0, sizeof(*r));
    for (int i = 0; i < 3; i++) {
        const char *comma = strchr(p, ',');
        if (!comma || !wf_addr_parse(p, (size_t)(comma - p), part[i]) || part[i]->len != 4)
            return false;
        p = comma + 1;
    }
    r->metric = strtoul(p, &end, 10);
    return *p >= '0' && *p <= '9' && !*end;
}

bool wf_route_blackholes(const struct wf_route *r, const struct wf_addr *a)
{
    if (a->len != 4 || !(r->gw.b[0] == 127 || wf_addr_is_unspecified(&r->gw)))
        return false;
    for (int i = 0; i < 4; i++)
        if ((a->b[i] & r->mask.b[i]) != (r->dest.b[i] & r->mask.b[i]))
            return false;
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
    if (r->svc[0] ? !strcmp(r->svc, "*") || wf_services_find(r->svc)
                  : wf_name_cmp(base, WF_M(M_SVCHOST_EXE)) == 0)
        return WF_SEV_ERROR;
    for (const char *const *exe = wf_traces_update_programs; *exe && !r->svc[0]; exe++)
        if (wf_name_cmp(base, *exe) == 0)
            return WF_SEV_WARNING;
    return -1;
}

/* Windows Update's servers' addresses now, asked of DNS once, and only
 * when a rule or a route needs them. */
struct update_addrs {
    int asked; /* 0: not yet; 1: asked */
    size_t n;
    struct wf_addr a[UPDATE_ADDRS_MAX];
    uint8_t host[UPDATE_ADDRS_MAX]; /* which name of update_names */
};

static size_t resolved(const struct wf_host *h, struct wf_check *c, struct update_addrs *u)
{
    char why[WF_TEXT_MAX] = "";
    bool sunk = false;
    if (u->asked)
        return u->n;
    u->asked = 1;
    if (!h->ops->resolve)
        wf_strlcpy(why, WF_M(M_DNS_IS_NOT_ASKED_FROM), sizeof(why));
    for (size_t i = 0; h->ops->resolve && !why[0] && i < sizeof(update_names) / sizeof(update_names[0]);
         i++) {
        struct wf_addrs as;
        wf_err e = h->ops->resolve(h->self, update_names[i], RESOLVE_MS, &as);
        if (e == WF_E_UNREACHABLE) /* DNS does not answer: the other names would not either */
            snprintf(why, sizeof(why), WF_M(M_S_NO_ANSWER_FROM_DNS), update_names[i], RESOLVE_MS);
        for (size_t k = 0; e == WF_OK && k < as.n && u->n < UPDATE_ADDRS_MAX; k++) {
            /* 0.0.0.0, :: and the loopback: the hosts file's (hosts_blocks_update), not a server's */
            const struct wf_addr *a = &as.a[k];
            if (wf_addr_is_unspecified(a) || wf_addr_is_loopback(a) || (a->len == 4 && a->b[0] == 127)) {
                sunk = true;
                continue;
            }
            u->host[u->n] = (uint8_t)i;
            u->a[u->n++] = *a;
        }
    }
    if (!u->n)
        wf_check_add(c, "", WF_M(M_UPDATE_HOSTS_NOT_RESOLVED), WF_SEV_INFO, false,
                     why[0] ? why
                     : sunk ? WF_M(M_THEY_RESOLVE_TO_0_0)
                            : WF_M(M_NONE_OF_WINDOWS_UPDATE_S_SERVER),
                     WF_M(M_WINDOWS_UPDATE_S_SERVER_NAMES));
    return u->n;
}

static void store(const struct wf_host *h, struct wf_check *c, const char *key, bool policy,
                  struct update_addrs *u)
{
    char(*ids)[WF_NAME_MAX] = malloc(RULES_MAX * sizeof(*ids));
    size_t n = 0;
    if (!ids || h->ops->reg_enum(h->self, key, true, ids, RULES_MAX, &n) != WF_OK)
        n = 0;
    for (size_t i = 0; i < n && i < RULES_MAX; i++) {
        struct wf_reg v;
        struct wf_fw_rule r;
        int sev;
        char found[WF_TEXT_MAX], expected[WF_TEXT_MAX], id[WF_NAME_MAX * 2], field[96], what[300];
        size_t k = u->n; /* the address found: none yet */
        if (h->ops->reg_read(h->self, key, ids[i], &v) != WF_OK || v.type != WF_REG_SZ ||
            !wf_fw_parse(v.str, &r))
            continue;
        if ((sev = judge(&r)) < 0) {
            /* By address: a rule for every program, as WindowsSpyBlocker makes them. */
            if (!r.block || !r.active || !r.out || !r.remote || r.not_web || r.app[0] || r.svc[0] ||
                !resolved(h, c, u))
                continue;
            for (k = 0; k < u->n && !wf_fw_remote_covers(v.str, &u->a[k], field, sizeof(field));)
                k++;
            if (k == u->n)
                continue;
            sev = WF_SEV_ERROR;
        }
        /* PowerShell's quoting: a single quote twice. Its single-quote
         * characters are ' and U+2018 to U+201B (UTF-8 E2 80 98 to 9B: the
         * PowerShell Language Specification, 2.3.5.2.2, single-quote-character),
         * and each ends a '...' string unless doubled: each is written twice. */
        size_t o = 0;
        for (const unsigned char *q = (const unsigned char *)ids[i]; *q && o + 7 < sizeof(id); q++) {
            size_t qn = *q == '\'' ? 1 : q[0] == 0xE2 && q[1] == 0x80 && q[2] >= 0x98 && q[2] <= 0x9B ? 3 : 0;
            for (size_t rep = 0; rep < 2 && qn; rep++, o += qn)
                memcpy(id + o, q, qn);
            if (qn)
                q += qn - 1;
            else
                id[o++] = (char)*q;
        }
        id[o] = '\0';
        if (k < u->n) {
            char addr[48];
            wf_addr_text(&u->a[k], addr, sizeof(addr));
            snprintf(what, sizeof(what), WF_M(M_S_S_IS_S_S_ADDRESS_NOW), field, addr,
                     update_names[u->host[k]]);
        }
        snprintf(found, sizeof(found), WF_M(M_S_RULE_250S_BLOCK_OUT), policy ? WF_M(M_A_POLICY_S) : "the",
                 r.name,
                 k < u->n   ? ""
                 : r.svc[0] ? "Svc="
                            : "App=",
                 k < u->n   ? what
                 : r.svc[0] ? r.svc
                            : r.app);
        snprintf(expected, sizeof(expected), WF_M(M_NO_SUCH_RULE_S_REMOVE),
                 policy ? WF_M(M_A_POLICY_SETS_IT_REMOVE) : "remove it", id,
                 policy ? WF_M(M_POLICYSTORE_LOCALHOST) : "");
        wf_check_add(c, "", WF_M(M_FIREWALL_BLOCKS_UPDATE), (enum wf_severity)sev, false, found, expected);
    }
    free(ids);
}

/* Persistent routes (IPv4: Windows keeps no IPv6 ones where a program may
 * read them, see above) that send an update server's address nowhere. */
static void routes(const struct wf_host *h, struct wf_check *c, struct update_addrs *u)
{
    char(*names)[WF_NAME_MAX] = malloc(ROUTES_MAX * sizeof(*names));
    size_t n = 0;
    if (!names || h->ops->reg_enum(h->self, KEY_ROUTES, true, names, ROUTES_MAX, &n) != WF_OK)
        n = 0;
    for (size_t i = 0; i < n && i < ROUTES_MAX; i++) {
        struct wf_route r;
        size_t k = 0;
        if (!wf_route_parse(names[i], &r) || !resolved(h, c, u))
            continue;
        while (k < u->n && !wf_route_blackholes(&r, &u->a[k]))
            k++;
        if (k == u->n)
            continue;
        char d[16], m[16], g[16], a[48], found[WF_TEXT_MAX], expected[WF_TEXT_MAX];
        wf_addr_text(&r.dest, d, sizeof(d));
        wf_addr_text(&r.mask, m, sizeof(m));
        wf_addr_text(&r.gw, g, sizeof(g));
        wf_addr_text(&u->a[k], a, sizeof(a));
        snprintf(found, sizeof(found), WF_M(M_THE_PERSISTENT_ROUTE_S_MASK), d, m, g, r.metric, a,
                 update_names[u->host[k]]);
        /* `route /?` (Windows Vista and later) says of -p: "Ignored for all other commands, which
         * always affect the appropriate persistent routes": delete removes the kept one too. */
        snprintf(expected, sizeof(expected), WF_M(M_NO_SUCH_ROUTE_REMOVE_IT), d, m, g);
        wf_check_add(c, "", WF_M(M_ROUTE_BLOCKS_UPDATE), WF_SEV_ERROR, false, found, expected);
    }
    free(names);
}

void wf_firewall_check(const struct wf_host *h, struct wf_check *c)
{
    struct update_addrs *u = calloc(1, sizeof(*u));
    if (h->no_registry || !u) {
        free(u);
        return;
    }
    store(h, c, WF_M(M_SYSTEM_CURRENTCONTROLSET_SERVICES_SHAREDACCESS), false, u);
    store(h, c, WF_M(M_SOFTWARE_POLICIES_MICROSOFT_WINDOWSFIREWALL_FI), true, u);
    routes(h, c, u);
    free(u);
}

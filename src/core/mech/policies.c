/* SPDX-License-Identifier: MIT */
/* policies.c - every update policy value and where it came from.
 *
 * Sources, each from what a program can read on the machine itself:
 *   local_policy  the local Group Policy's %windir%\System32\GroupPolicy\Machine\Registry.pol
 *                 (Microsoft Learn, "Registry Policy File Format": the Group Policy editor
 *                 keeps the computer's settings there) sets the value: Group Policy writes it
 *                 again at its next refresh, whatever the registry holds now.
 *   domain_gpo    Microsoft Support KB 201453, "Group Policy History Stored in Registry":
 *                 HKLM\...\Group Policy\History\{CSE GUID}\N lists each GPO a client-side
 *                 extension applied, with FileSysPath, the GPO's folder: a domain GPO's is on
 *                 SYSVOL (a \\server\share path), the local GPO's on this disk. The registry
 *                 extension is {35378EAC-683F-11D2-A89A-00C04FBBCFA2}. The history does not say
 *                 which values a GPO set: the per-value answer (RSoP's RSOP_RegistryPolicySetting)
 *                 is WMI's, and a GPO's own Registry.pol lives on SYSVOL (the local copy Group
 *                 Policy caching keeps, Windows 8.1 and later, serves synchronous processing
 *                 only and is not on every machine). So FileSysPath\Registry.pol is read: the
 *                 GPO's template is on SYSVOL under Policies\{GUID} (Microsoft Learn, "Appendix
 *                 B: Group Policy Storage"), its computer settings' file in its Machine folder
 *                 (a GPMC backup's Backup.xml names it %GPO_MACH_FSPATH%\registry.pol, that is
 *                 \\dc\sysvol\domain\Policies\{GUID}\Machine\registry.pol: tests/fixtures), taken
 *                 to be the folder FileSysPath names. When every SYSVOL GPO's file is read whole, a value
 *                 one of them sets is domain_gpo (applied after the local policy, it wins) and a
 *                 value none sets is judged as on a machine without a domain; when any cannot be
 *                 read (or FileSysPath is another folder: no such file), a value the local file
 *                 does not set is domain_gpo: never removed.
 *   mdm           HKLM\SOFTWARE\Microsoft\PolicyManager\current\device\Update holds the Update
 *                 CSP's policies as MDM set them (Microsoft Learn, "Policy CSP - Update"); its
 *                 *_ProviderSet and *_WinningProvider values say which provider set a policy.
 *   none          anything else: a bare registry write no policy source holds.
 * Dual scan (Microsoft Learn, "Use Windows Update for Business and WSUS together"; policy
 * "Do not allow update deferral policies to cause scans against Windows Update",
 * DisableDualScan): with a WSUS server (UseWUServer=1 and WUServer) and Windows Update for
 * Business deferral, pause or target-version policies, Windows scans Windows Update as well
 * as WSUS, unless DisableDualScan=1 or the source is chosen per class of update
 * (SetPolicyDrivenUpdateSourceFor*, "Specify source service for specific classes of Windows
 * Updates", Windows 10 2004 and later). */
#include "wufix/mech/policies.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/preg.h"

const char *const wf_policy_keys[] = {"SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate",
                                      "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU",
                                      "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization",
                                      "SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Update", NULL};

#define NAMES_MAX 64 /* values read under one key */
#define ROLE_WSUS 1u
#define ROLE_WUFB 2u

const char *wf_policy_source_token(enum wf_pol_source s)
{
    static const char *const t[] = {"none", "local_policy", "domain_gpo", "mdm", "unknown"};
    return t[s];
}

static bool ends(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n > k && strcmp(s + n - k, tail) == 0;
}

/* Each GPO from SYSVOL the registry extension's history names: its
 * name and its Registry.pol, read whole (NULL when it could not be). */
#define GPOS_MAX 8
struct gpos {
    size_t n;
    bool unread; /* one of them (or more than GPOS_MAX) could not be read */
    struct {
        uint8_t *pol;
        size_t len;
        char name[96];
    } g[GPOS_MAX];
};

/* Whether the server of a UNC path takes an SMB connection (TCP 445) within
 * two seconds, asked once per server: a domain laptop away from its network
 * would otherwise wait out SMB's own timeouts, tens of seconds, for a file it
 * cannot read. `last` keeps the last server asked, "!name" when it did not
 * answer. No probe (another machine's host): not read. */
static bool smb_answers(const struct wf_host *h, const char *unc, char *last, size_t size)
{
    char host[256], why[64];
    size_t n = strcspn(unc + 2, "\\");
    if (!h->ops->probe || n == 0 || n >= sizeof(host))
        return false;
    memcpy(host, unc + 2, n);
    host[n] = '\0';
    if (last[0] && strcmp(last + (last[0] == '!'), host) == 0)
        return last[0] != '!';
    bool up = h->ops->probe(h->self, host, 445, 2000, why, sizeof(why)) == WF_OK;
    snprintf(last, size, "%s%s", up ? "" : "!", host);
    return up;
}

static void domain_gpos(const struct wf_host *h, struct wf_check *c, struct gpos *d)
{
    char server[258] = "";
    char(*names)[WF_NAME_MAX] = malloc(32 * sizeof(*names)), key[WF_TEXT_MAX], path[WF_TEXT_MAX + 16];
    size_t n = 0;
    if (names && h->ops->reg_enum(h->self, WF_M(M_KEY_GP_HISTORY_REGISTRY), false, names, 32, &n) == WF_OK)
        for (size_t i = 0; i < n && i < 32; i++) {
            struct wf_reg v;
            snprintf(key, sizeof(key), WF_M(M_KEY_GP_HISTORY_REGISTRY_S), names[i]);
            if (h->ops->reg_read(h->self, key, WF_M(M_FILESYSPATH), &v) != WF_OK || v.type == WF_REG_NONE ||
                strncmp(v.str, "\\\\", 2) != 0)
                continue;
            snprintf(path, sizeof(path), WF_M(M_S_REGISTRY_POL), WF_TEXT_MAX, v.str);
            if (d->n == GPOS_MAX) {
                d->unread = true;
                break;
            }
            uint8_t *pol =
                h->no_files || !smb_answers(h, v.str, server, sizeof(server)) ? NULL : malloc(WF_PREG_MAX);
            size_t got = 0;
            uint64_t total = 0;
            struct wf_reg x;
            if (pol && h->ops->read_tail(h->self, path, pol, WF_PREG_MAX, &got, &total) == WF_OK &&
                total == got && wf_preg_lookup(pol, got, "", "", &x, NULL) == WF_OK) {
                uint8_t *fit = realloc(pol, got ? got : 1); /* kept: only its bytes */
                d->g[d->n].pol = fit ? fit : pol;
                d->g[d->n].len = got;
            } else {
                free(pol);
                d->unread = true;
            }
            if (h->ops->reg_read(h->self, key, WF_M(M_DISPLAYNAME), &v) != WF_OK || v.type != WF_REG_SZ ||
                !v.str[0])
                wf_strlcpy(v.str, names[i], sizeof(v.str));
            wf_utf8_copy(d->g[d->n++].name, sizeof(d->g[0].name), v.str);
        }
    if (d->n)
        wf_strlcpy(c->gpo, d->g[0].name, sizeof(c->gpo));
    free(names);
}

/* Whether a Registry.pol sets `value` of `key`. */
static bool sets(const uint8_t *pol, size_t len, const char *key, const char *value)
{
    struct wf_reg there;
    bool other = false;
    return pol && wf_preg_lookup(pol, len, key, value, &there, &other) == WF_OK &&
           (there.type != WF_REG_NONE || other);
}

/* "Name=1" or "Name=text" (cut for display), as evidence. */
static size_t say(char *buf, size_t size, const struct wf_policy *p)
{
    if (p->data.type == WF_REG_DWORD)
        return (size_t)snprintf(buf, size, "%s=%u", p->value, (unsigned)p->data.dword);
    return (size_t)snprintf(buf, size, "%s=%.*s", p->value, (int)wf_utf8_cut(p->data.str, 80), p->data.str);
}

/* The bare values (or the others, each with its source) as evidence:
 * "AUOptions=2, DODownloadMode=0", ", ..." where more than fit; how many. */
static size_t list(const struct wf_check *c, bool bare, char *found, size_t size)
{
    size_t o = 0, k = 0;
    found[0] = '\0';
    for (size_t i = 0; i < c->npol; i++) {
        const struct wf_policy *p = &c->pol[i];
        if ((p->source == WF_POL_NONE) != bare)
            continue;
        k++;
        if (o + 360 >= size) { /* a name (256) and its data (80) and source may not fit */
            if (o + 6 < size)
                memcpy(found + o, ", ...", 6);
            o = size;
            continue;
        }
        o += (size_t)snprintf(found + o, size - o, "%s", o ? ", " : "");
        o += say(found + o, size - o, p);
        if (!bare)
            o += (size_t)snprintf(found + o, size - o, " (%s)", wf_policy_source_token(p->source));
    }
    return k;
}

static void dual_scan(struct wf_check *c)
{
    static const char *const wufb[] = {"Defer", "Pause", "TargetReleaseVersion", "ProductVersion",
                                       "BranchReadinessLevel"};
    bool wsus_on = false, server = false, exempt = false, any = false;
    for (size_t i = 0; i < c->npol; i++) {
        struct wf_policy *p = &c->pol[i];
        bool set =
            p->data.type == WF_REG_DWORD ? p->data.dword != 0 : p->data.type != WF_REG_NONE && p->data.str[0];
        if (p->key == 1 && wf_name_cmp(p->value, WF_M(M_USEWUSERVER)) == 0) {
            wsus_on = set;
            p->role = ROLE_WSUS;
        } else if (p->key == 0 && wf_name_cmp(p->value, "WUServer") == 0) {
            server = set;
            p->role = ROLE_WSUS;
        } else if (p->key == 0 && ((wf_name_cmp(p->value, WF_M(M_DISABLEDUALSCAN)) == 0 && set) ||
                                   strncmp(p->value, WF_M(M_SETPOLICYDRIVENUPDATESOURCEFOR), 30) == 0)) {
            exempt = true;
        } else if ((p->key == 0 || p->key == 3) && set) {
            for (size_t k = 0; k < sizeof(wufb) / sizeof(wufb[0]); k++)
                if (strncmp(p->value, wufb[k], strlen(wufb[k])) == 0)
                    p->role = ROLE_WUFB;
            any |= p->role == ROLE_WUFB;
        }
    }
    if (!wsus_on || !server || exempt || !any)
        return;
    char found[WF_TEXT_MAX];
    size_t n = 0;
    for (size_t i = 0; i < c->npol && n + 360 < sizeof(found); i++)
        if ((c->pol[i].conflict = c->pol[i].role != 0) != false) {
            if (n)
                found[n++] = ',', found[n++] = ' ';
            n += say(found + n, sizeof(found) - n, &c->pol[i]);
        }
    wf_check_add(c, "", WF_M(M_POLICY_DUAL_SCAN), WF_SEV_WARNING, false, found,
                 WF_M(M_DISABLEDUALSCAN_1_OR_SETPOLICYDRIVENUPDATESOUR));
}

void wf_policies_check(const struct wf_host *h, struct wf_check *c)
{
    char(*names)[WF_NAME_MAX] = malloc(NAMES_MAX * sizeof(*names)), path[WF_TEXT_MAX];
    uint8_t *pol = NULL;
    size_t n = 0, got = 0, nomore = 0, owned = 0;
    uint64_t total = 0;
    /* The local policy's file: absent, read whole, or not known (never half). */
    enum { FILE_NONE, FILE_READ, FILE_BAD } file = FILE_NONE;
    struct gpos *d = calloc(1, sizeof(*d));
    if (!names || !d) {
        free(names);
        free(d);
        return;
    }
    domain_gpos(h, c, d);
    if (h->no_files || h->ops->expand(h->self, WF_PREG_LOCAL, path, sizeof(path)) != WF_OK)
        file = FILE_BAD;
    else {
        pol = malloc(WF_PREG_MAX);
        wf_err e = pol ? h->ops->read_tail(h->self, path, pol, WF_PREG_MAX, &got, &total) : WF_E_NOMEM;
        struct wf_reg v;
        file = e == WF_E_NO_SERVICE                                                                ? FILE_NONE
               : e == WF_OK && total == got && wf_preg_lookup(pol, got, "", "", &v, NULL) == WF_OK ? FILE_READ
                                                                                                   : FILE_BAD;
    }
    for (unsigned k = 0; wf_policy_keys[k]; k++) {
        if (h->ops->reg_enum(h->self, wf_policy_keys[k], true, names, NAMES_MAX, &n) != WF_OK)
            continue;
        for (size_t i = 0; i < n && i < NAMES_MAX; i++) {
            if (!names[i][0] || ends(names[i], WF_M(M_PROVIDERSET)) ||
                ends(names[i], WF_M(M_WINNINGPROVIDER)))
                continue;
            struct wf_policy *grown = realloc(c->pol, (c->npol + 1) * sizeof(*grown)), *p;
            if (!grown) {
                nomore++;
                continue;
            }
            c->pol = grown;
            p = memset(&c->pol[c->npol++], 0, sizeof(*p));
            p->key = k;
            wf_strlcpy(p->value, names[i], sizeof(p->value));
            wf_err e = h->ops->reg_read(h->self, wf_policy_keys[k], names[i], &p->data);
            if (e != WF_OK && e != WF_E_LIMIT)
                memset(&p->data, 0, sizeof(p->data));
            size_t g = 0;
            while (!d->unread && g < d->n && !sets(d->g[g].pol, d->g[g].len, wf_policy_keys[k], names[i]))
                g++;
            if (k >= WF_POL_KEYS_GP)
                p->source = WF_POL_MDM;
            else if (g < d->n && !d->unread) {
                p->source = WF_POL_DOMAIN; /* the GPO that sets it is the owner named */
                if (!owned++)
                    wf_strlcpy(c->gpo, d->g[g].name, sizeof(c->gpo));
            } else if (file == FILE_READ && sets(pol, got, wf_policy_keys[k], names[i]))
                p->source = WF_POL_LOCAL; /* set again at the next refresh, whatever it is now */
            else if (d->unread)
                p->source = WF_POL_DOMAIN;
            else
                p->source = file == FILE_BAD ? WF_POL_UNKNOWN : WF_POL_NONE;
        }
    }
    free(pol);
    free(names);
    for (size_t g = 0; g < d->n; g++)
        free(d->g[g].pol);
    free(d);
    char found[WF_TEXT_MAX];
    if (list(c, true, found, sizeof(found)))
        wf_check_add(c, "", WF_M(M_POLICY_NO_SOURCE), WF_SEV_INFO, false, found,
                     WF_M(M_SET_BY_GROUP_POLICY_OR));
    if (list(c, false, found, sizeof(found)))
        wf_check_add(c, "", WF_M(M_POLICY_MANAGED), WF_SEV_INFO, false, found,
                     WF_M(M_THEIR_OWNER_S_WUFIX_LEAVES));
    if (file == FILE_BAD && c->npol && !h->no_files)
        wf_check_add(c, "", WF_M(M_POLICY_FILE_UNREADABLE), WF_SEV_WARNING, false, path,
                     WF_M(M_A_WHOLE_REGISTRY_POL_PREG));
    if (nomore)
        c->dropped += nomore;
    dual_scan(c);
    /* policy_no_auto_update (traces.c) says who lifts it: a bare write is
     * repair --policies' to delete, a value a source holds the admin's. */
    for (size_t i = 0; i < c->n; i++)
        for (size_t k = 0; k < c->npol && strcmp(c->p[i].code, WF_M(M_POLICY_NO_AUTO_UPDATE)) == 0; k++)
            if (c->pol[k].key == 1 && wf_name_cmp(c->pol[k].value, WF_M(M_NOAUTOUPDATE)) == 0) {
                struct wf_problem *pr = &c->p[i];
                if (c->pol[k].source == WF_POL_NONE) {
                    wf_strlcpy(pr->expected, WF_M(M_NOT_SET_NO_POLICY_SOURCE_HOLDS), sizeof(pr->expected));
                    pr->remedy = WF_M(M_WUFIX_REPAIR_POLICIES_DELETES_THIS);
                } else
                    snprintf(pr->expected, sizeof(pr->expected), WF_M(M_NOT_SET_NOT_CHANGED_ADMIN_S),
                             (int)strlen(pr->found) - 2, pr->found);
            }
}

bool wf_policies_key_known(const char *key)
{
    for (unsigned k = 0; k < WF_POL_KEYS_GP; k++)
        if (wf_name_cmp(key, wf_policy_keys[k]) == 0)
            return true;
    return false;
}

void wf_policies_repair(const struct wf_check *c, const struct wf_host *h, struct wf_repair *out,
                        struct wf_buf *left)
{
    static const char *const owner[] = {"", "the local policy (Registry.pol)", "a domain GPO", "MDM",
                                        "not known (the local policy's file could not be read)"};
    char line[WF_TEXT_MAX], safe[WF_TEXT_MAX];
    for (size_t i = 0; i < c->npol; i++) {
        const struct wf_policy *p = &c->pol[i];
        if (p->source != WF_POL_NONE) {
            snprintf(line, sizeof(line), WF_M(M_HKLM_S_S_S_S), wf_policy_keys[p->key], p->value,
                     owner[p->source], p->source == WF_POL_DOMAIN ? " '" : "",
                     p->source == WF_POL_DOMAIN ? c->gpo : "", p->source == WF_POL_DOMAIN ? "'" : "");
            wf_buf_printf(left, WF_M(M_LEFT_S_N), wf_text_safe(line, safe, sizeof(safe)));
            continue;
        }
        struct wf_fix *f = out->n < WF_FIXES_MAX ? memset(&out->fix[out->n], 0, sizeof(out->fix[0])) : NULL;
        /* Read again, whole: a value that cannot be recorded exactly is not changed. */
        if (f && h->ops->reg_read(h->self, wf_policy_keys[p->key], p->value, &f->was) == WF_OK) {
            if (f->was.type == WF_REG_NONE)
                continue; /* gone meanwhile */
            f->kind = WF_FIX_REG;
            wf_strlcpy(f->key, wf_policy_keys[p->key], sizeof(f->key));
            wf_strlcpy(f->value, p->value, sizeof(f->value));
            out->n++;
            continue;
        }
        snprintf(line, sizeof(line), WF_M(M_HKLM_S_S_S), wf_policy_keys[p->key], p->value,
                 f ? WF_M(M_CANNOT_BE_RECORDED_EXACTLY) : WF_M(M_MORE_CHANGES_THAN_ONE_RUN));
        wf_buf_printf(left, WF_M(M_LEFT_S_N), wf_text_safe(line, safe, sizeof(safe)));
    }
}

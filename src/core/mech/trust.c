/* SPDX-License-Identifier: MIT */
/* trust.c - the decisions behind "no standard user can steer an elevated
 * wufix": the state folder's owner and DACL, and a journal's every line. */
#include "wufix/mech/trust.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/defaults.h"
#include "wufix/base/services.h"
#include "wufix/mech/aside.h"
#include "wufix/mech/check.h"
#include "wufix/mech/hosts.h"
#include "wufix/mech/pause.h"
#include "wufix/mech/policies.h"
#include "wufix/mech/traces.h"

static const char *const trusted_sids[] = {"S-1-5-18", "S-1-5-32-544", WF_SID_TRUSTED_INSTALLER};

/* The SDDL parser writes well-known SIDs as aliases; accept both forms. */
static bool is(const char *sid, const char *full, const char *alias)
{
    return strcmp(sid, full) == 0 || (alias && strcmp(sid, alias) == 0);
}

bool wf_trust_sid(const char *sid)
{
    return is(sid, trusted_sids[0], "SY") || is(sid, trusted_sids[1], "BA") || is(sid, trusted_sids[2], NULL);
}

static bool trusted_or(const char *sid, const char *also)
{
    return wf_trust_sid(sid) || (also && also[0] && strcmp(sid, also) == 0);
}

/* Standard rights (winnt.h): the same bit on every type. */
#define R_DELETE       0x00010000u
#define R_WRITE_DAC    0x00040000u
#define R_WRITE_OWNER  0x00080000u
#define R_MAXIMUM      0x02000000u /* MAXIMUM_ALLOWED */
#define R_GENERIC_ALL  0x10000000u
#define R_GENERIC_EXEC 0x20000000u
#define R_GENERIC_WRIT 0x40000000u
#define R_GENERIC_READ 0x80000000u
#define R_CHANGES      (R_DELETE | R_WRITE_DAC | R_WRITE_OWNER | R_MAXIMUM)

/* Each type's generic mapping (winnt.h, winsvc.h: FILE_GENERIC_READ
 * 0x120089, FILE_GENERIC_WRITE 0x120116, FILE_GENERIC_EXECUTE 0x1200A0,
 * FILE_ALL_ACCESS 0x1F01FF; KEY_READ 0x20019, KEY_WRITE 0x20006,
 * KEY_EXECUTE 0x20019, KEY_ALL_ACCESS 0xF003F; for services GENERIC_READ is
 * STANDARD_RIGHTS_READ | QUERY_CONFIG | QUERY_STATUS | INTERROGATE |
 * ENUMERATE_DEPENDENTS, GENERIC_WRITE STANDARD_RIGHTS_WRITE | CHANGE_CONFIG,
 * GENERIC_EXECUTE STANDARD_RIGHTS_EXECUTE | START | STOP | PAUSE_CONTINUE |
 * USER_DEFINED_CONTROL, GENERIC_ALL SERVICE_ALL_ACCESS 0xF01FF: Microsoft
 * Learn, "Service Security and Access Rights"). */
static const struct {
    uint32_t read, write, exec, all, changes;
} types[] = {
    [WF_OBJ_FILE] = {0x120089u, 0x120116u, 0x1200A0u, 0x1F01FFu, 0x2u | 0x4u | 0x10u | 0x100u},
    [WF_OBJ_FOLDER] = {0x120089u, 0x120116u, 0x1200A0u, 0x1F01FFu, 0x2u | 0x4u | 0x10u | 0x40u | 0x100u},
    [WF_OBJ_KEY] = {0x20019u, 0x20006u, 0x20019u, 0xF003Fu, 0x2u | 0x4u | 0x20u},
    [WF_OBJ_SERVICE] = {0x2008Du, 0x20002u, 0x20170u, 0xF01FFu, 0x2u},
    [WF_OBJ_PARENT] = {0x120089u, 0x120116u, 0x1200A0u, 0x1F01FFu, 0x40u},
};

uint32_t wf_rights_map(enum wf_object type, uint32_t mask)
{
    uint32_t out = mask & ~(R_GENERIC_ALL | R_GENERIC_EXEC | R_GENERIC_WRIT | R_GENERIC_READ);
    if (mask & R_GENERIC_READ)
        out |= types[type].read;
    if (mask & R_GENERIC_WRIT)
        out |= types[type].write;
    if (mask & R_GENERIC_EXEC)
        out |= types[type].exec;
    if (mask & R_GENERIC_ALL)
        out |= types[type].all;
    return out;
}

uint32_t wf_rights_write(enum wf_object type)
{
    return types[type].changes | R_CHANGES;
}

wf_err wf_trust_object(const struct wf_folder_sec *s, enum wf_object type, bool children, const char *also,
                       char *why, size_t size)
{
    if ((type == WF_OBJ_FOLDER || type == WF_OBJ_PARENT) && s->not_folder)
        return wf_strlcpy(why, WF_M(M_IT_IS_A_FILE_NOT), size), WF_E_UNTRUSTED;
    if ((type == WF_OBJ_FILE || type == WF_OBJ_FOLDER || type == WF_OBJ_PARENT) && s->reparse)
        return wf_strlcpy(why, WF_M(M_IT_IS_A_LINK_A), size), WF_E_UNTRUSTED;
    if (!s->owner[0])
        return wf_strlcpy(why, WF_M(M_ITS_OWNER_CANNOT_BE_READ), size), WF_E_UNTRUSTED;
    if (!trusted_or(s->owner, also))
        return snprintf(why, size, WF_M(M_ITS_OWNER_IS_S_NOT), s->owner), WF_E_UNTRUSTED;
    if (!s->has_dacl)
        return wf_strlcpy(why, WF_M(M_IT_HAS_NO_ACCESS_LIST), size), WF_E_UNTRUSTED;
    if (s->more_aces)
        return snprintf(why, size, WF_M(M_ITS_ACCESS_LIST_HAS_MORE), (unsigned)WF_TRUST_ACES_MAX),
               WF_E_UNTRUSTED;
    /* An inherit-only entry's children: the files and folders of a folder
     * (a folder's rights hold a file's), the subkeys of a key. */
    enum wf_object child = type == WF_OBJ_FILE || type == WF_OBJ_PARENT ? WF_OBJ_FOLDER : type;
    for (size_t i = 0; i < s->nace; i++) {
        const struct wf_ace *a = &s->ace[i];
        /* CREATOR OWNER and CREATOR GROUP are placeholders no token holds:
         * on a child they become its creator's, who may write here (judged
         * by the other entries); on the object itself they grant nothing
         * (Microsoft Learn, "Well-known SIDs"). OWNER RIGHTS (S-1-3-4) is
         * the object's owner: on the object itself, the owner checked above;
         * inherited, the child's owner, its creator, like CREATOR OWNER. */
        if (a->kind == WF_ACE_DENY || trusted_or(a->sid, also) || is(a->sid, "S-1-3-0", "CO") ||
            is(a->sid, "S-1-3-1", "CG") || is(a->sid, "S-1-3-4", "OW"))
            continue;
        if (a->inherit_only) {
            /* Not on the object itself (INHERIT_ONLY_ACE, winnt.h 0x8). */
            if (!children || !(wf_rights_map(child, a->mask) & wf_rights_write(child)))
                continue;
        } else if (!(wf_rights_map(type, a->mask) & wf_rights_write(type))) {
            continue;
        }
        snprintf(why, size, WF_M(M_S_MAY_WRITE_TO_IT), a->sid, (unsigned)a->mask,
                 a->inherit_only ? WF_M(M_INHERITED_BY_WHAT_IS_CREATED) : "");
        return WF_E_UNTRUSTED;
    }
    if (size)
        why[0] = '\0';
    return WF_OK;
}

wf_err wf_trust_folder(const struct wf_folder_sec *s, const char *also, char *why, size_t size)
{
    return wf_trust_object(s, WF_OBJ_FOLDER, true, also, why, size);
}

bool wf_trust_names_others(const struct wf_folder_sec *s, const char *also)
{
    for (size_t i = 0; i < s->nace; i++)
        if (s->ace[i].kind != WF_ACE_DENY && !trusted_or(s->ace[i].sid, also) &&
            !is(s->ace[i].sid, "S-1-3-0", "CO") && !is(s->ace[i].sid, "S-1-3-4", "OW"))
            return true;
    return false;
}

wf_err wf_trust_from_sddl(const char *sddl, struct wf_folder_sec *out)
{
    struct wf_sddl d;
    memset(out, 0, sizeof(*out));
    wf_err e = wf_sddl_parse(sddl, &d);
    if (e != WF_OK)
        return e;
    wf_strlcpy(out->owner, d.owner, sizeof(out->owner));
    out->has_dacl = d.has_dacl;
    for (size_t i = 0; i < d.nace && i < WF_SDDL_ACES_MAX && i < WF_TRUST_ACES_MAX; i++) {
        struct wf_ace *a = &out->ace[out->nace++];
        a->kind = d.ace[i].allow ? WF_ACE_ALLOW : WF_ACE_DENY;
        a->inherit_only = d.ace[i].inherit_only;
        a->mask = d.ace[i].mask;
        wf_strlcpy(a->sid, d.ace[i].sid, sizeof(a->sid));
    }
    return WF_OK;
}

static bool same(const char *a, const char *b)
{
    return wf_name_cmp(a, b) == 0; /* paths and keys: ASCII case folded, as Windows compares them */
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* `to` is `from` + ".wufix-YYYYMMDD-HHMMSS", perhaps + "-N" (N from 2 to 99). */
static bool aside_name(const char *from, const char *to)
{
    size_t n = strlen(from), m = strlen(to);
    char head[WF_TEXT_MAX];
    if (m < n + 22 || n >= sizeof(head))
        return false;
    memcpy(head, to, n);
    head[n] = '\0';
    if (!same(head, from))
        return false;
    const char *t = to + n;
    if (strncmp(t, ".wufix-", 7) != 0 || !digits(t + 7, 8) || t[15] != '-' || !digits(t + 16, 6))
        return false;
    t += 22;
    if (*t == '\0')
        return true;
    size_t k = strlen(t);
    return t[0] == '-' && (k == 2 || k == 3) && digits(t + 1, k - 1) && t[1] != '0';
}

/* A leaf name matching "qmgr*.dat" and nothing that leaves the folder. */
static bool queue_file(const char *leaf)
{
    size_t n = strlen(leaf);
    if (n < 8 || !same(leaf + n - 4, ".dat"))
        return false;
    for (size_t i = 0; i < n; i++)
        if (leaf[i] == '\\' || leaf[i] == '/' || leaf[i] == ':' || (unsigned char)leaf[i] < 0x20)
            return false;
    char head[5];
    memcpy(head, leaf, 4);
    head[4] = '\0';
    return same(head, "qmgr") && strcmp(leaf, "..") != 0;
}

/* A rename wufix makes: a cache's path, and one of its aside names. */
static bool rename_ok(const struct wf_fix *f, const struct wf_host *h)
{
    size_t n;
    const struct wf_cache *c = wf_aside_caches(&n);
    if (!aside_name(f->was.str, f->will.str))
        return false;
    for (size_t i = 0; i < n; i++) {
        char dir[WF_TEXT_MAX];
        if (h->ops->expand(h->self, c[i].path, dir, sizeof(dir)) != WF_OK)
            continue;
        if (!c[i].pattern) {
            if (same(f->was.str, dir))
                return true;
            continue;
        }
        size_t d = strlen(dir);
        char head[WF_TEXT_MAX];
        if (strlen(f->was.str) <= d + 1 || f->was.str[d] != '\\')
            continue;
        memcpy(head, f->was.str, d);
        head[d] = '\0';
        if (same(head, dir) && queue_file(f->was.str + d + 1))
            return true;
    }
    return false;
}

/* The hosts file DataBasePath names now, one of its copy's names, and two SHA-256s. */
static bool hosts_ok(const struct wf_fix *f, const struct wf_host *h)
{
    char path[WF_TEXT_MAX];
    const char *hex[] = {f->key, f->value};
    for (size_t i = 0; i < 2; i++)
        if (strlen(hex[i]) != WF_SHA256_HEX - 1 ||
            strspn(hex[i], WF_M(M_0123456789ABCDEF)) != WF_SHA256_HEX - 1)
            return false;
    return wf_hosts_path(h, path, sizeof(path)) == WF_OK && same(f->was.str, path) &&
           aside_name(f->was.str, f->will.str);
}

static bool in_table(const char *name)
{
    const struct wf_known_service *k = name[0] ? wf_services_find(name) : NULL;
    return k && strcmp(k->name, name) == 0;
}

/* The journal keeps a registry fix's key and value, not the service: the
 * key must be one of those repair writes, built from the tables. */
static bool reg_ok(const struct wf_fix *f)
{
    char key[WF_TEXT_MAX];
    size_t n;
    const struct wf_known_service *t = wf_services_table(&n);
    for (size_t i = 0; i < n; i++) {
        const struct wf_default *d = wf_defaults_find(t[i].name);
        if (strcmp(f->value, WF_M(M_SERVICEDLL)) == 0 && d && d->service_dll) {
            snprintf(key, sizeof(key), WF_M(M_KEY_SERVICES_S_PARAMETERS), t[i].name);
            if (same(f->key, key))
                return true;
        }
        if (strcmp(f->value, "WubLock") == 0) {
            snprintf(key, sizeof(key), WF_M(M_KEY_SERVICES_S), t[i].name);
            if (same(f->key, key))
                return true;
        }
    }
    if (strcmp(f->value, WF_VALUE_WUB_LISTS) == 0 && same(f->key, WF_KEY_IFEO_ROOT))
        return true;
    if (wf_pause_value_known(f->key, f->value) || /* a pause's values, and only those */
        (strcmp(f->value, WF_VALUE_DO_MODE) == 0 && same(f->key, WF_KEY_DO_CONFIG)))
        return true;
    if (wf_policies_key_known(f->key)) /* repair --policies: a value under a Group Policy key */
        return true;
    if (strcmp(f->value, "Debugger") == 0)
        for (const char *const *exe = wf_traces_update_programs; *exe; exe++) {
            snprintf(key, sizeof(key), WF_M(M_KEY_IFEO_S), *exe);
            if (same(f->key, key))
                return true;
        }
    return false;
}

static bool name_ok(const char *name)
{
    if (!name[0])
        return false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\' || *p == '/')
            return false;
    return true;
}

wf_err wf_trust_journal(const struct wf_journal *j, const struct wf_host *h, char *why, size_t size)
{
    static const char *const commands[] = {"stop", "start", "restart", "repair", "reset", "undo"};
    bool known = false;
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        known |= strcmp(j->command, commands[i]) == 0;
    if (!known)
        return snprintf(why, size, WF_M(M_40S_IS_NOT_A_COMMAND), j->command), WF_E_UNTRUSTED;
    for (size_t i = 0; i < j->nsvc; i++) {
        const struct wf_journal_svc *s = &j->svc[i];
        /* A dependent outside the set is only put back to the state it had. */
        if (!in_table(s->name) && (s->in_set || !name_ok(s->name)))
            return snprintf(why, size, WF_M(M_SERVICE_256S_IS_NOT_ONE), s->name), WF_E_UNTRUSTED;
    }
    for (size_t i = 0; i < j->nfix; i++) {
        const struct wf_fix *f = &j->fix[i];
        bool ok;
        const struct wf_default *d = wf_defaults_find(f->service);
        switch (f->kind) {
        case WF_FIX_START: ok = d && strcmp(d->name, f->service) == 0; break; /* the helpers too */
        case WF_FIX_IMAGE:
        case WF_FIX_SDDL:
        case WF_FIX_DEPS:
        case WF_FIX_ACCOUNT: ok = in_table(f->service); break;
        case WF_FIX_REG: ok = reg_ok(f); break;
        case WF_FIX_RENAME: ok = rename_ok(f, h); break;
        case WF_FIX_HOSTS: ok = hosts_ok(f, h); break;
        default: ok = false; break;
        }
        if (!ok) {
            snprintf(why, size, WF_M(M_CHANGE_U_S_IS_NOT), (unsigned)(i + 1),
                     f->kind == WF_FIX_REG      ? f->key
                     : f->kind >= WF_FIX_RENAME ? f->was.str
                                                : f->service);
            return WF_E_UNTRUSTED;
        }
    }
    if (size)
        why[0] = '\0';
    return WF_OK;
}

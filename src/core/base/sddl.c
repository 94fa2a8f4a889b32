/* SPDX-License-Identifier: MIT */
/* sddl.c - SDDL: parse (any object's), evaluate and describe (a service's).
 * Grammar (Microsoft's "Security Descriptor String Format"):
 *   [O:sid][G:sid][D:flags(ace)...][S:flags(ace)...]
 *   ace = (type;flags;rights;object_guid;inherit_object_guid;sid[;resource]) */
#include "wufix/base/sddl.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/svc.h"

static const struct {
    const char code[3];
    uint32_t mask;
} rights[] = {
    {"CC", WF_SR_QUERY_CONFIG},
    {"DC", WF_SR_CHANGE_CONFIG},
    {"LC", WF_SR_QUERY_STATUS},
    {"SW", WF_SR_ENUM_DEPS},
    {"RP", WF_SR_START},
    {"WP", WF_SR_STOP},
    {"DT", WF_SR_PAUSE},
    {"LO", WF_SR_INTERROGATE},
    {"CR", WF_SR_USER_CONTROL},
    {"SD", WF_SR_DELETE},
    {"RC", WF_SR_READ_CONTROL},
    {"WD", WF_SR_WRITE_DAC},
    {"WO", WF_SR_WRITE_OWNER},
    /* The file and key rows, and the generic bits, as the access mask holds
     * them (sddl.h SDDL_FILE_ALL...; winnt.h FILE_ALL_ACCESS 0x1F01FF,
     * FILE_GENERIC_READ 0x120089, FILE_GENERIC_WRITE 0x120116,
     * FILE_GENERIC_EXECUTE 0x1200A0, KEY_ALL_ACCESS 0xF003F, KEY_READ
     * 0x20019, KEY_WRITE 0x20006, KEY_EXECUTE 0x20019, GENERIC_ALL
     * 0x10000000, GENERIC_EXECUTE 0x20000000, GENERIC_WRITE 0x40000000,
     * GENERIC_READ 0x80000000). What a generic bit means depends on the
     * object: wf_sddl_rights maps them as the SCM does for a service. */
    {"FA", 0x1F01FFu},
    {"FR", 0x120089u},
    {"FW", 0x120116u},
    {"FX", 0x1200A0u},
    {"KA", 0xF003Fu},
    {"KR", 0x20019u},
    {"KW", 0x20006u},
    {"KX", 0x20019u},
    {"GA", WF_GENERIC_ALL},
    {"GX", WF_GENERIC_EXECUTE},
    {"GW", WF_GENERIC_WRITE},
    {"GR", WF_GENERIC_READ},
};

static const struct {
    const char sid[13]; /* the longest, "S-1-5-32-544", and its NUL */
    const char alias[3];
} well_known[] = {
    {"S-1-5-18", "SY"},     {"S-1-5-32-544", "BA"}, {"S-1-5-11", "AU"}, {"S-1-1-0", "WD"},
    {"S-1-5-32-545", "BU"}, {"S-1-5-4", "IU"},      {"S-1-5-6", "SU"},  {"S-1-5-32-547", "PU"},
    {"S-1-5-32-549", "SO"}, {"S-1-15-2-1", "AC"},   {"S-1-5-19", "LS"}, {"S-1-5-20", "NS"},
    {"S-1-3-0", "CO"},      {"S-1-3-1", "CG"},      {"S-1-3-4", "OW"},
};

/* The groups each principal's token holds. */
static bool holds(enum wf_principal who, const char *sid)
{
    static const char *const system[] = {"SY", "BA", "AU", "WD"};
    static const char *const admin[] = {"BA", "BU", "AU", "IU", "WD"};
    const char *const *set = who == WF_PRINCIPAL_SYSTEM ? system : admin;
    size_t n = who == WF_PRINCIPAL_SYSTEM ? 4 : 5;
    for (size_t i = 0; i < n; i++)
        if (strcmp(set[i], sid) == 0)
            return true;
    return false;
}

/* A SID at *p: an alias of two capitals, or S-1-digits-and-dashes. */
static bool take_sid(const char **p, char *out)
{
    const char *s = *p;
    size_t n = 0;
    if (s[0] == 'S' && s[1] == '-') {
        while (s[n] == 'S' || s[n] == '-' || (s[n] >= '0' && s[n] <= '9'))
            n++;
    } else if (s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z') {
        n = 2;
    }
    if (n < 2 || n >= WF_SID_MAX)
        return false;
    memcpy(out, s, n);
    out[n] = '\0';
    for (size_t i = 0; i < sizeof(well_known) / sizeof(well_known[0]); i++)
        if (strcmp(out, well_known[i].sid) == 0)
            wf_strlcpy(out, well_known[i].alias, WF_SID_MAX);
    *p = s + n;
    return true;
}

static bool parse_rights(const char *s, size_t len, uint32_t *mask)
{
    *mask = 0;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        char hex[16];
        /* Up to 15 hex digits are read (leading zeros as Windows' reader
         * takes them), but the value is an access mask: 32 bits, never cut
         * (strtoull: the same on LP64 and on Windows' LLP64). */
        if (len >= sizeof(hex))
            return false;
        memcpy(hex, s, len);
        hex[len] = '\0';
        char *end;
        unsigned long long v = strtoull(hex, &end, 16);
        *mask = (uint32_t)v;
        return *end == '\0' && v <= 0xFFFFFFFFull;
    }
    if (len % 2)
        return false;
    for (size_t i = 0; i < len; i += 2) {
        bool found = false;
        for (size_t k = 0; k < sizeof(rights) / sizeof(rights[0]) && !found; k++)
            if (s[i] == rights[k].code[0] && s[i + 1] == rights[k].code[1]) {
                *mask |= rights[k].mask;
                found = true;
            }
        if (!found)
            return false;
    }
    return true;
}

/* One "(type;flags;rights;guid;guid;sid[;...])" at *p. */
static wf_err parse_ace(const char **p, struct wf_sddl *out, bool keep)
{
    const char *open = *p + 1, *close = NULL, *f[7];
    size_t len[7], nf = 0;
    /* The entry's own ')': a callback entry's condition (XA, XD) holds
     * parentheses, and quoted strings may hold anything. */
    int depth = 1;
    for (const char *c = open; *c && !close; c++) {
        if (*c == '"') {
            c = strchr(c + 1, '"');
            if (!c)
                return WF_E_BAD_DATA;
        } else if (*c == '(') {
            depth++;
        } else if (*c == ')' && --depth == 0) {
            close = c;
        }
    }
    if (!close)
        return WF_E_BAD_DATA;
    *p = close + 1;
    for (const char *s = open; nf < 7;) {
        const char *e = s;
        while (e < close && *e != ';')
            e++;
        f[nf] = s;
        len[nf++] = (size_t)(e - s);
        if (e >= close)
            break;
        s = e + 1;
    }
    if (nf < 6)
        return WF_E_BAD_DATA;
    if (!keep)
        return WF_OK;
    /* Entry types ("ACE strings", Microsoft Learn): A and XA (callback)
     * allow, D, XD and OD deny; OA without object GUIDs is converted to a
     * plain allow. Any other type in a DACL (OA or ZA with a GUID, a type
     * not known here) is judged as an allow from a SID no one trusts, so
     * what cannot be read is never trusted. */
    char type[3] = "";
    if (len[0] == 1 || len[0] == 2)
        memcpy(type, f[0], len[0]);
    bool no_guid = len[3] == 0 && len[4] == 0;
    bool allow = strcmp(type, "A") == 0 || strcmp(type, "XA") == 0 || (strcmp(type, "OA") == 0 && no_guid);
    bool deny = strcmp(type, "D") == 0 || strcmp(type, "XD") == 0 || strcmp(type, "OD") == 0;
    bool unknown = !allow && !deny;
    if (out->nace >= WF_SDDL_ACES_MAX)
        return WF_E_BAD_DATA;
    struct wf_sddl_ace *a = &out->ace[out->nace];
    memset(a, 0, sizeof(*a));
    a->allow = allow;
    static const struct {
        const char code[3];
        uint8_t bit;
    } flags[] = {{"OI", WF_ACE_OI}, {"CI", WF_ACE_CI}, {"NP", WF_ACE_NP}, {"IO", WF_ACE_IO},
                 {"ID", WF_ACE_ID}, {"SA", 0},         {"FA", 0}};
    if (len[1] % 2)
        return WF_E_BAD_DATA;
    for (size_t i = 0; i < len[1]; i += 2) {
        size_t k = 0;
        while (k < sizeof(flags) / sizeof(flags[0]) &&
               !(f[1][i] == flags[k].code[0] && f[1][i + 1] == flags[k].code[1]))
            k++;
        if (k == sizeof(flags) / sizeof(flags[0]))
            return WF_E_BAD_DATA;
        a->flags |= flags[k].bit;
    }
    a->inherit_only = (a->flags & WF_ACE_IO) != 0;
    if (!parse_rights(f[2], len[2], &a->mask))
        return WF_E_BAD_DATA;
    if (unknown) {
        a->allow = true;
        wf_strlcpy(a->sid, WF_M(M_AN_ENTRY_OF_AN_UNKNOWN), sizeof(a->sid));
        out->nace++;
        return WF_OK;
    }
    const char *sid = f[5];
    char tmp[WF_SID_MAX];
    if (len[5] == 0 || len[5] >= WF_SID_MAX)
        return WF_E_BAD_DATA;
    memcpy(tmp, sid, len[5]);
    tmp[len[5]] = '\0';
    const char *q = tmp;
    if (!take_sid(&q, a->sid) || *q)
        return WF_E_BAD_DATA;
    out->nace++;
    return WF_OK;
}

wf_err wf_sddl_parse(const char *text, struct wf_sddl *out)
{
    const char *p = text;
    memset(out, 0, sizeof(*out));
    while (*p) {
        char part = p[0];
        if (p[1] != ':' || (part != 'O' && part != 'G' && part != 'D' && part != 'S'))
            return WF_E_BAD_DATA;
        p += 2;
        if (part == 'O' || part == 'G') {
            char sid[WF_SID_MAX];
            if (!take_sid(&p, sid))
                return WF_E_BAD_DATA;
            if (part == 'O')
                wf_strlcpy(out->owner, sid, sizeof(out->owner));
            continue;
        }
        const char *flags = p;
        while (*p && *p != '(' && !(p[1] == ':' && (*p == 'S' || *p == 'D')))
            p++; /* DACL/SACL flags: P, AI, AR, NO_ACCESS_CONTROL */
        /* NO_ACCESS_CONTROL is SDDL_NULL_ACL: a NULL DACL, everyone every
         * right (Microsoft Learn, "Security Descriptor String Format"). */
        if (part == 'D') {
            bool null_acl = false;
            for (const char *q = flags; q + 17 <= p && !null_acl; q++)
                null_acl = strncmp(q, WF_M(M_NO_ACCESS_CONTROL), 17) == 0;
            out->has_dacl = !null_acl;
            out->null_dacl = null_acl;
        }
        while (*p == '(') {
            wf_err e = parse_ace(&p, out, part == 'D');
            if (e != WF_OK)
                return e;
        }
    }
    return WF_OK;
}

bool wf_sddl_meaningful(const struct wf_sddl *s)
{
    return s->owner[0] != '\0' || s->nace > 0 || s->null_dacl;
}

/* A mask with its generic bits mapped as the SCM maps them for a service
 * (Microsoft Learn, "Service Security and Access Rights"), and only a
 * service's rights kept. */
static uint32_t service_mask(uint32_t m)
{
    uint32_t out = m & WF_SR_ALL;
    if (m & WF_GENERIC_READ)
        out |= WF_SR_READ_CONTROL | WF_SR_QUERY_CONFIG | WF_SR_QUERY_STATUS | WF_SR_INTERROGATE |
               WF_SR_ENUM_DEPS;
    if (m & WF_GENERIC_WRITE)
        out |= WF_SR_READ_CONTROL | WF_SR_CHANGE_CONFIG;
    if (m & WF_GENERIC_EXECUTE)
        out |= WF_SR_READ_CONTROL | WF_SR_START | WF_SR_STOP | WF_SR_PAUSE | WF_SR_USER_CONTROL;
    if (m & WF_GENERIC_ALL)
        out |= WF_SR_ALL;
    return out;
}

static uint32_t rights_mapped(const struct wf_sddl *s, enum wf_principal who, uint32_t (*map)(uint32_t))
{
    uint32_t granted = 0, denied = 0;
    if (!s->has_dacl)
        return map(WF_GENERIC_ALL); /* a NULL DACL lets everyone in */
    for (size_t i = 0; i < s->nace; i++) {
        const struct wf_sddl_ace *a = &s->ace[i];
        if (a->inherit_only || !holds(who, a->sid))
            continue;
        uint32_t mask = map(a->mask);
        if (a->allow)
            granted |= mask & ~denied;
        else
            denied |= mask & ~granted;
    }
    return granted;
}

uint32_t wf_sddl_rights(const struct wf_sddl *s, enum wf_principal who)
{
    return rights_mapped(s, who, service_mask);
}

/* A key's generic mapping (winnt.h; Microsoft Learn, "Registry Key Security
 * and Access Rights"): GENERIC_READ and GENERIC_EXECUTE are KEY_READ and
 * KEY_EXECUTE (0x20019, KEY_QUERY_VALUE among them), GENERIC_WRITE is
 * KEY_WRITE (0x20006), GENERIC_ALL is KEY_ALL_ACCESS (0xF003F). */
static uint32_t key_mask(uint32_t m)
{
    uint32_t out = m & 0x0FFFFFFFu;
    if (m & (WF_GENERIC_READ | WF_GENERIC_EXECUTE))
        out |= 0x20019u;
    if (m & WF_GENERIC_WRITE)
        out |= 0x20006u;
    if (m & WF_GENERIC_ALL)
        out |= 0xF003Fu;
    return out;
}

uint32_t wf_sddl_key_rights(const struct wf_sddl *s, enum wf_principal who)
{
    return rights_mapped(s, who, key_mask);
}

void wf_sddl_describe(uint32_t mask, char *buf, size_t size)
{
    static const struct {
        uint32_t bit;
        const char *word;
    } words[] = {{WF_SR_QUERY_STATUS, "query status"},
                 {WF_SR_QUERY_CONFIG, "read configuration"},
                 {WF_SR_START, "start"},
                 {WF_SR_STOP, "stop"},
                 {WF_SR_CHANGE_CONFIG, "change configuration"}};
    size_t used = 0;
    if (size)
        buf[0] = '\0';
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if ((mask & words[i].bit) && used < size) {
            int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", words[i].word);
            if (n > 0)
                used += (size_t)n;
        }
}

/* SPDX-License-Identifier: MIT */
/* holds.c - why a feature update is held back, said as information and
 * never bypassed: the target release's safeguard hold or the appraiser's red
 * reason, a policy pinning or deferring the version or turning holds off,
 * and SetupDiag's last result. */
#include "wufix/mech/holds.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/hresult.h"
#include "wufix/mech/traces.h"

/* The appraiser (Microsoft Compatibility Appraiser) writes one key per
 * release it assessed under TargetVersionUpgradeExperienceIndicators, named
 * by the release's code name and version ("NI22H2": Gary Blok's
 * garytown/Feature-Updates/SafeGuardHolds scripts, Adam Gross's
 * FU.WhyAmIBlocked Get-SafeguardHoldInfo.ps1); in it GatedBlockId is the
 * safeguard hold's ID, "None" when there is none (the same scripts;
 * realmjoin-remediation's monitor-safeguard-holds reads GatedBlockReason
 * beside it), UpgEx the upgrade experience indicator and RedReason why it is
 * red (smsagent.blog, "Windows 10 Feature Update Readiness PowerBI
 * Report", 2020). Holds apply to devices updated by Windows Update; the
 * policy DisableWUfBSafeguards opts a device out of them (Microsoft Learn,
 * "Safeguard holds").
 *
 * The target, whose key alone is read: the version the policy
 * TargetReleaseVersionInfo names when TargetReleaseVersion is 1 (Microsoft
 * Learn, "Policy CSP - Update": Windows Update offers that version and no
 * later one), else the newest release a key names, as that is the one
 * Windows Update would offer next. On Windows 11 (build 22000 on) a target
 * not after the running DisplayVersion is already installed: its key says
 * nothing of what is held back. The key: M_KEY_INDICATORS (messages.inc). */
#define WF_SETUPDIAG_MAX (128u << 10)

/* A release named as Windows names them since 19H1 ("22H2", at the end of
 * "NI22H2"): year * 10 + half; -1 for anything else. */
static int release_num(const char *s)
{
    size_t n = strlen(s);
    const char *v = s + (n >= 4 ? n - 4 : 0);
    if (n < 4 || v[0] < '0' || v[0] > '9' || v[1] < '0' || v[1] > '9' || (v[2] != 'h' && v[2] != 'H') ||
        (v[3] != '1' && v[3] != '2'))
        return -1;
    return ((v[0] - '0') * 10 + (v[1] - '0')) * 10 + (v[3] - '0');
}

static bool reg_text(const struct wf_host *h, const char *key, const char *value, struct wf_reg *v)
{
    return h->ops->reg_read(h->self, key, value, v) == WF_OK &&
           (v->type == WF_REG_SZ || v->type == WF_REG_EXPAND_SZ) && v->str[0] &&
           wf_name_cmp(v->str, "None") != 0;
}

static uint32_t reg_dword(const struct wf_host *h, const char *value)
{
    struct wf_reg v;
    return h->ops->reg_read(h->self, WF_KEY_WU_POLICY, value, &v) == WF_OK && v.type == WF_REG_DWORD ? v.dword
                                                                                                     : 0;
}

static void info(struct wf_check *c, const char *code, const char *found)
{
    wf_check_add(c, "", code, WF_SEV_INFO, false, found, "");
}

/* "name=value" of an indicator added to `out`, when it says something. */
static bool indicator(const struct wf_host *h, const char *key, const char *name, char *out, size_t size)
{
    struct wf_reg v;
    size_t n = strlen(out);
    if (!reg_text(h, key, name, &v))
        return false;
    if (n + 1 < size)
        snprintf(out + n, size - n, "%s%s=%.*s", n ? ", " : "", name, (int)wf_utf8_cut(v.str, 200), v.str);
    return true;
}

static void holds(const struct wf_host *h, struct wf_check *c, int want)
{
    char names[32][WF_NAME_MAX], key[WF_TEXT_MAX], found[WF_TEXT_MAX], more[640] = "";
    size_t n = 0, pick = SIZE_MAX;
    struct wf_reg v;
    if (h->ops->reg_enum(h->self, WF_M(M_KEY_INDICATORS), false, names, 32, &n) != WF_OK)
        return;
    for (size_t i = 0; i < n; i++) {
        int r = release_num(names[i]);
        if (r >= 0 && (want >= 0 ? r == want : pick == SIZE_MAX || r > release_num(names[pick])))
            pick = i;
    }
    if (pick == SIZE_MAX ||
        (c->build >= 22000 && release_num(names[pick]) <= release_num(c->updating.version)))
        return;
    snprintf(key, sizeof(key), WF_M(M_KEY_INDICATORS_S), names[pick]);
    indicator(h, key, WF_M(M_GATEDBLOCKREASON), more, sizeof(more));
    indicator(h, key, "UpgEx", more, sizeof(more));
    bool red = indicator(h, key, "RedReason", more, sizeof(more));
    if (reg_text(h, key, WF_M(M_GATEDBLOCKID), &v)) {
        snprintf(found, sizeof(found), WF_M(M_ID_S_FOR_100S_S), (int)wf_utf8_cut(v.str, 200), v.str,
                 names[pick], more[0] ? " (" : "", more, more[0] ? ")" : "");
        info(c, WF_M(M_SAFEGUARD_HOLD), found);
    } else if (red) {
        snprintf(found, sizeof(found), WF_M(M_100S_S), names[pick], more);
        info(c, WF_M(M_UPGRADE_BLOCKED), found);
    }
}

/* The text of the first <tag> in SetupDiag's result, on one line. */
static bool xml_text(const char *xml, const char *tag, char *out, size_t size)
{
    char open[32], close[32];
    snprintf(open, sizeof(open), "<%s>", tag);
    snprintf(close, sizeof(close), "</%s>", tag);
    const char *a = strstr(xml, open), *b;
    if (!a || !(b = strstr(a += strlen(open), close)))
        return false;
    while (a < b && (unsigned char)*a <= ' ')
        a++;
    while (b > a && (unsigned char)b[-1] <= ' ')
        b--;
    size_t len = wf_utf8_cut(a, (size_t)(b - a) < size ? (size_t)(b - a) : size - 1);
    memcpy(out, a, len);
    out[len] = '\0';
    for (char *p = out; *p; p++)
        if ((unsigned char)*p < ' ')
            *p = ' ';
    return out[0] != '\0';
}

/* A number of 1 to `most` hex digits at `p`, ended by anything else. */
static bool hex_at(const char *p, size_t most, uint32_t *v)
{
    size_t n = strspn(p, WF_M(M_0123456789ABCDEFABCDEF_2));
    *v = (uint32_t)strtoul(p, NULL, 16);
    return n && n <= most;
}

/* SetupDiag's result, which Windows Setup writes after a feature update
 * failed (Microsoft Learn, "SetupDiag": %WinDir%\Logs\SetupDiag\
 * SetupDiagResults.xml; its elements ProfileName, the rule that matched, and
 * FailureDetails, "Err = 0x..., LastOperation = ..., LastPhase = ..."; a
 * result code and its extend code written "0xC1900101 - 0x4000D"). Text
 * any process of Setup wrote: read whole up to a bound, never trusted. */
static void setupdiag(const struct wf_host *h, struct wf_check *c)
{
    char path[WF_TEXT_MAX], rule[128], details[400], found[WF_TEXT_MAX], words[128] = "";
    uint32_t hr = 0, ext = 0;
    bool pair = false;
    if (h->ops->expand(h->self, WF_M(M_SYSTEMROOT_LOGS_SETUPDIAG_SETUPDIAGRESULTS_XML), path, sizeof(path)) !=
        WF_OK)
        return;
    char *xml = malloc(WF_SETUPDIAG_MAX);
    if (!xml)
        return;
    wf_err e = h->ops->read_text(h->self, path, xml, WF_SETUPDIAG_MAX);
    if (e == WF_E_LIMIT) {
        snprintf(found, sizeof(found), WF_M(M_900S_OVER_128_KB_NOT), path);
        info(c, WF_M(M_SETUPDIAG_FAILURE), found);
    }
    if (e != WF_OK || !xml_text(xml, WF_M(M_PROFILENAME), rule, sizeof(rule))) {
        free(xml);
        return;
    }
    if (!xml_text(xml, WF_M(M_FAILUREDETAILS), details, sizeof(details)))
        details[0] = '\0';
    for (const char *q = strstr(xml, " - 0x"); q && !pair; q = strstr(q + 1, " - 0x"))
        pair = q - xml >= 10 && (q[-9] == 'x' || q[-9] == 'X') && q[-10] == '0' &&
               strspn(q - 8, WF_M(M_0123456789ABCDEFABCDEF_2)) == 8 && hex_at(q - 8, 8, &hr) &&
               hex_at(q + 5, 8, &ext);
    const char *err = strstr(details, "Err = 0x");
    if (!pair && !(err && hex_at(err + 8, 8, &hr)))
        hr = 0;
    const struct wf_hr *r = hr ? wf_hr_find(hr) : NULL;
    if (pair) {
        snprintf(words, sizeof(words), WF_M(M_EXTEND_CODE_0X_X), (unsigned)ext);
        wf_hr_extend(ext, words + strlen(words), sizeof(words) - strlen(words));
    }
    snprintf(found, sizeof(found), "%s%s%s", rule, details[0] ? ": " : "", details);
    size_t n = strlen(found);
    if (hr && n + 1 < sizeof(found))
        snprintf(found + n, sizeof(found) - n, WF_M(M_0X_08X_S_S_S_2), (unsigned)hr, r ? " " : "",
                 r ? wf_hr_name(r) : "", pair ? ", " : "", words);
    struct wf_problem *pr = wf_check_add(c, "", WF_M(M_SETUPDIAG_FAILURE), WF_SEV_INFO, false, found, "");
    if (pr && r && wf_hr_remedy(r)[0])
        pr->remedy = wf_hr_remedy(r);
    free(xml);
}

void wf_holds_check(const struct wf_host *h, struct wf_check *c)
{
    char found[WF_TEXT_MAX];
    struct wf_reg info_v, product;
    int want = -1;
    if (reg_dword(h, WF_M(M_TARGETRELEASEVERSION)) == 1 &&
        reg_text(h, WF_KEY_WU_POLICY, WF_M(M_TARGETRELEASEVERSIONINFO), &info_v)) {
        bool named = reg_text(h, WF_KEY_WU_POLICY, WF_M(M_PRODUCTVERSION), &product);
        snprintf(found, sizeof(found), WF_M(M_S_S_S_TARGETRELEASEVERSIONINFO),
                 named ? (int)wf_utf8_cut(product.str, 100) : 0, named ? product.str : "", named ? " " : "",
                 (int)wf_utf8_cut(info_v.str, 100), info_v.str);
        info(c, WF_M(M_FEATURE_UPDATE_PINNED), found);
        want = release_num(info_v.str);
        if (want < 0)
            want = 1000; /* a version wufix cannot read: no key is its */
    }
    uint32_t days = reg_dword(h, WF_M(M_DEFERFEATUREUPDATESPERIODINDAYS));
    if (days) {
        snprintf(found, sizeof(found), WF_M(M_U_DAYS_DEFERFEATUREUPDATESPERIODINDAYS), (unsigned)days);
        info(c, WF_M(M_FEATURE_UPDATES_DEFERRED), found);
    }
    if (reg_dword(h, WF_M(M_DISABLEWUFBSAFEGUARDS)) == 1)
        info(c, WF_M(M_SAFEGUARD_HOLDS_OFF), WF_M(M_DISABLEWUFBSAFEGUARDS_1));
    holds(h, c, want);
    if (!h->no_files)
        setupdiag(h, c);
}

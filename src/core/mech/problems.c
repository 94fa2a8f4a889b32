/* SPDX-License-Identifier: MIT */
/* problems.c - the list of problems a check found, and their words. */
#include "wufix/mech/problems.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/hresult.h"
#include "wufix/base/prose.h"

struct wf_problem *wf_check_add(struct wf_check *c, const char *svc, const char *code, enum wf_severity sev,
                                bool fixable, const char *found, const char *expected)
{
    struct wf_problem *p = NULL;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        struct wf_problem *more = cap > SIZE_MAX / sizeof(*more) ? NULL : realloc(c->p, cap * sizeof(*more));
        if (more) {
            c->p = more;
            c->cap = cap;
        }
    }
    if (c->n < c->cap) {
        p = &c->p[c->n++];
    } else {
        /* No memory for one more: it takes the place of a less severe one,
         * or is counted; the reports say how many were left out. */
        for (size_t i = 0; i < c->n; i++)
            if (c->p[i].sev < sev && (!p || c->p[i].sev < p->sev))
                p = &c->p[i];
        c->dropped++;
        if (!p)
            return NULL;
    }
    memset(p, 0, sizeof(*p));
    wf_strlcpy(p->service, svc, sizeof(p->service));
    p->code = code;
    p->sev = sev;
    p->fixable = fixable;
    /* Evidence longer than the report holds (a padded image path) is cut on a character boundary. */
    wf_utf8_copy(p->found, sizeof(p->found), found ? found : "");
    wf_utf8_copy(p->expected, sizeof(p->expected), expected ? expected : "");
    return p;
}

void wf_check_release(struct wf_check *c)
{
    free(c->p);
    free(c->pol);
    c->p = NULL;
    c->pol = NULL;
    c->n = c->cap = c->dropped = c->npol = 0;
}

bool wf_check_has(const struct wf_check *c, const struct wf_problem *pr)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->p[i].code, pr->code) == 0 && strcmp(c->p[i].service, pr->service) == 0)
            return true;
    return false;
}

size_t wf_check_count(const struct wf_check *c, enum wf_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += c->p[i].sev >= sev;
    return n;
}

/* Each problem's flags ('@' + these), code and words (problems.inc), in the
 * exe's deflated text. */
enum { SAY_FOUND = 1, FOR_SCRIPTS = 2, ABOUT_PROGRAM = 4 };

static unsigned flags_of(const struct wf_problem *pr, const char **text)
{
    *text = pr->code;
    for (const char *w = wf_prose(WF_PROSE_PROBLEMS, NULL); *w;) {
        unsigned flags = (unsigned char)*w++ & 7u;
        const char *t = w + strlen(w) + 1;
        if (strcmp(w, pr->code) == 0) {
            *text = t;
            return flags;
        }
        w = t + strlen(t) + 1;
    }
    return 0;
}

bool wf_check_for_scripts(const struct wf_problem *pr)
{
    const char *text;
    return pr->sev != WF_SEV_INFO || (flags_of(pr, &text) & FOR_SCRIPTS);
}

bool wf_check_about_program(const struct wf_problem *pr)
{
    const char *text;
    return (flags_of(pr, &text) & ABOUT_PROGRAM) != 0;
}

bool wf_check_skipped(const struct wf_problem *pr)
{
    return strcmp(pr->code, WF_M(M_REGISTRY_SKIPPED)) == 0 || strcmp(pr->code, WF_M(M_FILES_SKIPPED)) == 0;
}

void wf_check_describe(const struct wf_problem *pr, char *buf, size_t size)
{
    const char *text;
    unsigned flags = flags_of(pr, &text);
    if (pr->has_hresult) {
        /* The code, its meaning, the date and the update: one line. */
        const struct wf_hr *r = wf_hr_find(pr->hresult);
        char what[64], code[320]; /* the longest name and meaning, whole */
        if (!r)
            wf_hr_facility(pr->hresult, what, sizeof(what));
        /* "0x80070005 E_ACCESSDENIED, access denied: ...", or "0x8024FFFF (Windows Update; wufix has no entry
         * for this code)" */
        snprintf(code, sizeof(code), WF_M(M_0X_08X_S_S_S_3), (unsigned)pr->hresult, r ? wf_hr_name(r) : "(",
                 r ? ", " : what, r ? wf_hr_meaning(r) : WF_M(M_WUFIX_HAS_NO_ENTRY_FOR));
        if (pr->failures > 1) /* "KB5099999 failed to install 9 times since 2026-09-03 (last ...)" */
            snprintf(buf, size, WF_M(M_S_FAILED_TO_S_U),
                     pr->kb[0]                                         ? pr->kb
                     : strcmp(pr->code, WF_M(M_LAST_SCAN_FAILED)) == 0 ? WF_M(M_WINDOWS_UPDATE)
                                                                       : "an update",
                     strcmp(pr->code, WF_M(M_LAST_SCAN_FAILED)) == 0       ? WF_M(M_CHECK_FOR_UPDATES)
                     : strcmp(pr->code, WF_M(M_LAST_DOWNLOAD_FAILED)) == 0 ? "download"
                                                                           : "install",
                     pr->failures, pr->since, code, pr->when);
        else
            snprintf(buf, size, WF_M(M_S_ON_10S_S_S), text, pr->when, code, pr->kb[0] ? ", for " : "",
                     pr->kb);
    } else if (flags & SAY_FOUND)
        snprintf(buf, size, "%s (%s)", text, pr->found);
    else if (strcmp(pr->code, WF_M(M_BUILD_NOT_COVERED)) == 0)
        snprintf(buf, size, WF_M(M_S_BUILD_S), text, pr->found);
    else
        snprintf(buf, size, "%s%s%s%s", pr->service[0] ? pr->service : "", pr->service[0] ? ": " : "", text,
                 pr->fixable ? WF_M(M_REPAIR_FIXES_IT) : "");
}

/* The host a probe named: its evidence begins "HOST port N (...)". */
static void host_of(const char *found, char *out, size_t size)
{
    const char *end = strstr(found, " port ");
    size_t n = end ? (size_t)(end - found) : 0;
    if (n >= size)
        n = size - 1;
    memcpy(out, found, n);
    out[n] = '\0';
}

bool wf_check_who(const struct wf_problem *pr, char *buf, size_t size)
{
    const char *it = WF_M(M_CONTACT_IT_SUPPORT), *It = WF_M(M_CONTACT_IT_SUPPORT_FIRST);
    char tell[400], host[256];
    const char *rm;
    wf_check_describe(pr, tell, sizeof(tell));
    host_of(pr->found, host, sizeof(host));
    bool theirs = strcmp(pr->code, WF_M(M_UPDATE_SERVER_UNREACHABLE)) == 0 ||
                  strcmp(pr->code, WF_M(M_PROXY_UNREACHABLE)) == 0 || strncmp(pr->code, "policy_", 7) == 0;
    if (strcmp(pr->code, WF_M(M_UPDATE_SERVER_UNREACHABLE)) == 0) {
        snprintf(buf, size, WF_M(M_YOUR_ORGANIZATION_MANAGES_UPDATES_ON),
                 host[0] ? WF_M(M_UPDATE_SERVER) : WF_M(M_THE_UPDATE_SERVER_A_POLICY),
                 host[0] ? host : pr->found, host[0] ? WF_M(M_DOES_NOT_ANSWER) : ")");
    } else if (strcmp(pr->code, WF_M(M_PROXY_UNREACHABLE)) == 0) {
        snprintf(buf, size, WF_M(M_SPROXY_S_DOES_NOT_ANSWER), It, host[0] ? host : "(unnamed)");
    } else if (strcmp(pr->code, WF_M(M_POLICY_WSUS_LOOPBACK)) == 0) {
        snprintf(buf, size, WF_M(M_AN_UPDATE_BLOCKER_USUALLY_SETS), it, tell);
    } else if (theirs) {
        /* A policy; one no policy source holds (policies.c gives only such a
         * value a remedy) is repair --policies' to delete, no organization's. */
        snprintf(buf, size,
                 pr->remedy ? WF_M(M_RUN_IN_A_COMMAND_PROMPT) : WF_M(M_IF_YOUR_ORGANIZATION_MANAGES_THIS),
                 pr->remedy ? WF_M(M_WUFIX_REPAIR_POLICIES_UNDO) : tell);
    } else if ((rm = strstr(pr->expected, WF_M(M_REMOVE_IT_COLON))) != NULL &&
               (strcmp(pr->code, WF_M(M_FIREWALL_BLOCKS_UPDATE)) == 0 ||
                strcmp(pr->code, WF_M(M_ROUTE_BLOCKS_UPDATE)) == 0)) {
        /* A rule or route of this machine's own (a policy's is IT's): the
         * command that removes it, from "no such ... (remove it: COMMAND)". */
        char cmd[WF_TEXT_MAX];
        wf_strlcpy(cmd, rm + strlen(WF_M(M_REMOVE_IT_COLON)), sizeof(cmd));
        size_t n = strlen(cmd);
        if (n && cmd[n - 1] == ')')
            cmd[n - 1] = '\0';
        snprintf(buf, size, pr->code[0] == 'f' ? WF_M(M_RUN_IN_POWERSHELL) : WF_M(M_RUN_IN_A_COMMAND_PROMPT),
                 cmd);
    } else if (strcmp(pr->code, WF_M(M_UPDATE_TASK_DISABLED)) == 0 && strchr(pr->expected, ':')) {
        snprintf(buf, size, WF_M(M_RUN_IN_A_COMMAND_PROMPT), strchr(pr->expected, ':') + 2);
    } else if (strcmp(pr->code, WF_M(M_REBOOT_PENDING)) == 0) {
        wf_strlcpy(buf, WF_M(M_RESTART_THE_PC), size);
    } else if (strcmp(pr->code, WF_M(M_STUCK_PENDING)) == 0) {
        wf_strlcpy(buf, WF_M(M_RESTART_THE_PC_THEN_RUN_2), size);
    } else if (strcmp(pr->code, WF_M(M_LOW_DISK_SPACE)) == 0) {
        wf_strlcpy(buf, WF_M(M_FREE_SOME_SPACE_ON_THE), size);
    } else if (strcmp(pr->code, WF_M(M_UPDATE_ENDPOINT_UNREACHABLE)) == 0) {
        snprintf(buf, size, WF_M(M_CHECK_THAT_THIS_PC_IS), it);
    } else if (pr->has_hresult) {
        snprintf(buf, size, WF_M(M_S_SWINDOWS_UPDATE_ERROR_0X),
                 pr->remedy ? WF_M(M_IF_THAT_DOES_NOT_HELP) : "", pr->remedy ? it : It, (unsigned)pr->hresult,
                 pr->kb[0] ? " for " : "", pr->kb);
    } else if (pr->fixable) {
        snprintf(buf, size, WF_M(M_RESTART_THE_PC_THEN_RUN_3), it, tell);
    } else {
        snprintf(buf, size, "%s%s", It, tell);
    }
    return theirs;
}

bool wf_check_read_reg(const struct wf_host *h, struct wf_check *c, const char *svc, const char *key,
                       const char *value, struct wf_reg *v)
{
    wf_err e = h->ops->reg_read(h->self, key, value, v);
    if (e == WF_OK || (e == WF_E_LIMIT && v->cut))
        return true; /* one too long to record is still evidence (v->cut) */
    char where[WF_TEXT_MAX];
    snprintf(where, sizeof(where), WF_M(M_HKLM_KEY_VALUE), (int)wf_utf8_cut(key, 900), key, value);
    wf_check_add(c, svc, WF_M(M_REGISTRY_UNREADABLE), WF_SEV_WARNING, false, where, "readable");
    memset(v, 0, sizeof(*v));
    return false;
}

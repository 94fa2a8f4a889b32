/* SPDX-License-Identifier: MIT */
/* brief.c - check --json --brief: a bounded verdict for Intune, whose
 * detection output keeps 2,048 characters (a row cut there is dropped by
 * Power BI: issue 27). Every field but the problems has a bounded length;
 * the problems take what room is left, whole words only. */
#include "wufix/mech/brief.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/check.h"
#include "wufix/mech/history.h"

#define COMPUTER_SHOWN 63 /* bytes of the machine's name: a NetBIOS name, a DNS label */
#define BUILD_SHOWN    8  /* bytes of CurrentBuild, before the UBR */

/* `s` cut to `max` bytes at a character's start (UTF-8). */
static void cut(const char *s, size_t max, char *out, size_t size)
{
    size_t n = strlen(s);
    if (n > max) {
        n = max;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n >= size)
        n = size - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

static int64_t days_between(int64_t then, int64_t now)
{
    return now > then ? (now - then) / 86400 : 0;
}

void wf_brief_gather(const struct wf_host *h, struct wf_brief *out)
{
    struct wf_reg v;
    char build[BUILD_SHOWN + 1] = "", now_s[32] = "";
    int64_t now = 0;
    memset(out, 0, sizeof(*out));
    out->install_days = out->scan_days = -1;
    if (!h->no_registry && h->ops->reg_read(h->self, WF_KEY_VERSION, WF_M(M_CURRENTBUILD), &v) == WF_OK &&
        v.type == WF_REG_SZ) {
        cut(v.str, BUILD_SHOWN, build, sizeof(build));
        if (h->ops->reg_read(h->self, WF_KEY_VERSION, "UBR", &v) == WF_OK && v.type == WF_REG_DWORD)
            snprintf(out->build, sizeof(out->build), "%s.%u", build, (unsigned)v.dword);
        else
            snprintf(out->build, sizeof(out->build), "%s", build);
    }
    struct wf_history hist;
    h->ops->utc_now(h->self, now_s, sizeof(now_s));
    if (h->no_files || !wf_history_instant(now_s, &now) || wf_history_read(h, &hist) != WF_OK)
        return;
    for (size_t i = 0; i < hist.n; i++) { /* newest first */
        const struct wf_wu_event *e = &hist.ev[i];
        if (e->result == WF_WU_FAILED)
            continue;
        if (e->kind == WF_WU_INSTALL && out->install_days < 0)
            out->install_days = days_between(e->at, now);
        if (e->kind == WF_WU_SCAN && out->scan_days < 0)
            out->scan_days = days_between(e->at, now);
    }
    wf_history_release(&hist);
}

static bool is_failure(const struct wf_problem *pr)
{
    return pr->has_hresult && strncmp(pr->code, "last_", 5) == 0;
}

static void days(struct wf_buf *b, const char *name, int64_t d)
{
    if (d < 0)
        wf_buf_printf(b, WF_M(M_S_NULL), name);
    else
        wf_buf_printf(b, WF_M(M_S_LLD), name, (long long)d);
}

/* Everything but the problems' words: at most ~900 characters whatever
 * the machine (the name cut, the build cut, the rest numbers and tokens). */
static void head(struct wf_buf *b, const char *computer, const struct wf_check *c, const struct wf_brief *f,
                 int exit_code)
{
    char name[COMPUTER_SHOWN + 1];
    size_t errors = 0, warnings = 0, fixable = 0;
    const struct wf_problem *last = NULL;
    bool reboot = false;
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        errors += pr->sev == WF_SEV_ERROR;
        warnings += pr->sev == WF_SEV_WARNING;
        fixable += pr->fixable;
        reboot |= strcmp(pr->code, WF_M(M_REBOOT_PENDING)) == 0;
        /* The latest failure: dates of one log compare as text only within
         * one offset, so the instants decide. */
        int64_t a = 0, b0 = 0;
        if (is_failure(pr) &&
            (!last || (wf_history_instant(pr->when, &a) && (!wf_history_instant(last->when, &b0) || a > b0))))
            last = pr;
    }
    cut(computer, COMPUTER_SHOWN, name, sizeof(name));
    wf_buf_json_kv(b, WF_M(M_COMMAND_CHECK_COMPUTER), name);
    wf_buf_printf(b, WF_M(M_EXIT_CODE_D_BRIEF_TRUE), exit_code, (unsigned)errors, (unsigned)warnings,
                  (unsigned)fixable);
    if (last) {
        wf_buf_printf(b, WF_M(M_LAST_FAILURE_S_LAST_FAILURE),
                      strcmp(last->code, WF_M(M_LAST_SCAN_FAILED)) == 0       ? "scan"
                      : strcmp(last->code, WF_M(M_LAST_DOWNLOAD_FAILED)) == 0 ? "download"
                                                                              : "install",
                      (unsigned)last->hresult);
        char kb[16], when[32];
        cut(last->kb, 10, kb, sizeof(kb)); /* "KB" and up to 8 digits */
        cut(last->when, 25, when, sizeof(when));
        wf_buf_json_kv_or_null(b, WF_M(M_LAST_FAILURE_KB), kb);
        wf_buf_json_kv(b, WF_M(M_LAST_FAILURE_DATE), when);
    } else {
        wf_buf_puts(b, WF_M(M_LAST_FAILURE_NULL_LAST_FAILURE));
    }
    days(b, WF_M(M_DAYS_SINCE_INSTALL), f->install_days);
    days(b, WF_M(M_DAYS_SINCE_SCAN), f->scan_days);
    wf_buf_json_kv_or_null(b, ",\"build\":", f->build);
    wf_buf_printf(b, WF_M(M_REBOOT_PENDING_S), reboot ? "true" : "false");
}

void wf_brief_json(struct wf_buf *b, const char *computer, const struct wf_check *c, const struct wf_brief *f,
                   int exit_code)
{
    struct wf_buf words, one;
    wf_buf_init(&words);
    wf_buf_init(&one);
    size_t start = b->len;
    head(b, computer, c, f, exit_code);
    /* The tail: ,"problems":"...","problems_left_out":NNN}\n */
    static const size_t tail = sizeof(",\"problems\":\"\",\"problems_left_out\":}\n") - 1 + 10;
    size_t used = b->len - start, room = WF_BRIEF_MAX > used + tail ? WF_BRIEF_MAX - used - tail : 0;
    size_t listed = 0, left = 0;
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        if (!wf_check_for_scripts(pr))
            continue;
        wf_buf_clear(&one);
        char name[WF_NAME_MAX + 64];
        snprintf(name, sizeof(name), "%s%s%s%s", listed ? " " : "", pr->service, pr->service[0] ? ":" : "",
                 pr->code);
        wf_buf_json_str(&one, name); /* quoted: its quotes are not counted twice below */
        size_t n = one.len - 2;
        if (left || words.len + n > room) {
            left++;
            continue;
        }
        wf_buf_add(&words, one.data + 1, n);
        listed++;
    }
    wf_buf_puts(b, WF_M(M_JSON_PROBLEMS_TEXT));
    wf_buf_add(b, words.data ? words.data : "", words.len);
    wf_buf_printf(b, WF_M(M_PROBLEMS_LEFT_OUT_U_N), (unsigned)left);
    wf_buf_release(&words);
    wf_buf_release(&one);
}

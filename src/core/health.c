/* SPDX-License-Identifier: MIT */
/* health.c - the check, repair and reset commands. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verbs.h"
#include "wufix/aside.h"
#include "wufix/check.h"
#include "wufix/repair.h"

/* Gather the set (and for check, the read-only ones) and check it. */
static wf_err health(struct wf_ctx *ctx, enum wf_op op, struct wf_plan **pp, struct wf_check *c)
{
    struct wf_plan *p = wf_plan_new(op);
    wf_err e = p ? wf_verb_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    if (e == WF_OK)
        e = wf_check_run(p, &ctx->backend, &ctx->pf->host, c);
    *pp = p;
    return e;
}

static const char *sev_word(enum wf_severity s)
{
    return s == WF_SEV_ERROR ? "error" : s == WF_SEV_WARNING ? "warning" : "info";
}

static void report_problems(struct wf_buf *b, const struct wf_check *c)
{
    char text[512];
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        wf_check_describe(pr, text, sizeof(text));
        wf_buf_printf(b, "  %-7s %-22s %s\n", sev_word(pr->sev), pr->code, text);
        if (pr->sev != WF_SEV_INFO && (pr->found[0] || pr->expected[0]))
            wf_buf_printf(b, "          found: %.200s%s; expected: %.200s%s\n", pr->found,
                          strlen(pr->found) > 200 ? "..." : "", pr->expected,
                          strlen(pr->expected) > 200 ? "..." : "");
    }
}

/* The check as JSON, kept under Intune's 2,048 characters for the default set:
 * the services in short form, each problem with its code and whether repair fixes it. */
static void check_json(struct wf_buf *b, const struct wf_report_ctx *rc, const struct wf_plan *p,
                       const struct wf_check *c, int code, uint64_t ms, bool short_messages)
{
    char text[512];
    wf_buf_puts(b, "{\"command\":\"check\",\"computer\":");
    wf_buf_json_str(b, rc->computer);
    wf_buf_printf(b, ",\"exit_code\":%d,\"elapsed_ms\":%llu,\"services\":[", code, (unsigned long long)ms);
    for (size_t i = 0; i < p->nsvc; i++) {
        wf_buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
        wf_buf_json_str(b, p->svc[i].name);
        wf_buf_printf(
            b, ",\"before\":{\"state\":\"%s\",\"start_type\":", wf_state_token(p->svc[i].before.state));
        if (p->svc[i].installed)
            wf_buf_json_str(b, wf_start_token(p->svc[i].cfg.start_type));
        else
            wf_buf_puts(b, "null");
        wf_buf_printf(b, ",\"pid\":%u}}", (unsigned)p->svc[i].before.pid);
    }
    wf_buf_puts(b, "],\"problems\":[");
    bool first = true;
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        if (pr->sev == WF_SEV_INFO)
            continue;
        wf_buf_puts(b, first ? "{\"service\":" : ",{\"service\":");
        wf_buf_json_str(b, pr->service);
        wf_buf_printf(b, ",\"code\":\"%s\",\"severity\":\"%s\",\"fixable\":%s", pr->code, sev_word(pr->sev),
                      pr->fixable ? "true" : "false");
        if (!short_messages) {
            wf_check_describe(pr, text, sizeof(text));
            wf_buf_puts(b, ",\"message\":");
            wf_buf_json_str(b, text);
        }
        wf_buf_puts(b, "}");
        first = false;
    }
    wf_buf_puts(b, "]}\n");
}

int wf_verb_check(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_plan *p = NULL;
    struct wf_buf b;
    int rcode = c ? wf_verb_open_backend(ctx) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(c);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_buf_init(&b);
    wf_err e = health(ctx, WF_OP_STATUS, &p, c);
    if (e != WF_OK) {
        rcode = p ? wf_verb_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_verb_report_ctx(ctx, &rc);
    size_t problems = wf_check_count(c, WF_SEV_WARNING), fixable = 0;
    for (size_t i = 0; i < c->n; i++)
        fixable += c->p[i].fixable;
    rcode = problems ? WF_EXIT_PROBLEMS : WF_EXIT_OK;
    uint64_t ms = ctx->backend.ops->now_ms(ctx->backend.self) - t0;
    if (ctx->opt.json) {
        check_json(&b, &rc, p, c, rcode, ms, false);
        if (b.len >= 2048) {
            wf_buf_clear(&b);
            check_json(&b, &rc, p, c, rcode, ms, true);
        }
    } else if (ctx->opt.quiet) {
        if (!problems)
            wf_buf_puts(&b, "healthy\n");
        else {
            wf_buf_printf(&b, "%u problem%s (%u fixable):", (unsigned)problems, problems == 1 ? "" : "s",
                          (unsigned)fixable);
            for (size_t i = 0; i < c->n; i++)
                if (c->p[i].sev != WF_SEV_INFO)
                    wf_buf_printf(&b, " %s%s%s", c->p[i].service, c->p[i].service[0] ? ":" : "",
                                  c->p[i].code);
            wf_buf_puts(&b, "\n");
        }
    } else {
        wf_buf_printf(&b, "Health of the update services on %s:\n", rc.computer);
        wf_report_table(&b, &rc, p, WF_TABLE_BEFORE);
        wf_buf_puts(&b, "\n");
        report_problems(&b, c);
        if (!problems)
            wf_buf_puts(&b, "Healthy: no problems found.\n");
        else
            wf_buf_printf(&b, "%u problem%s; 'wufix repair' fixes %u.\n", (unsigned)problems,
                          problems == 1 ? "" : "s", (unsigned)fixable);
    }
    wf_verb_emit(ctx, WF_STDOUT, &b);
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    free(c);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return rcode;
}

/* After a repair: what is left decides the exit code. */
static int verify(struct wf_ctx *ctx)
{
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_plan *p = NULL;
    struct wf_buf b;
    int rcode = WF_EXIT_OK;
    if (!c)
        return WF_EXIT_SYSTEM;
    wf_buf_init(&b);
    if (health(ctx, WF_OP_STATUS, &p, c) != WF_OK) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    bool reboot = false, blocked = false, left = false;
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        reboot |= strcmp(pr->code, "reboot_pending") == 0;
        blocked |= strcmp(pr->code, "not_installed") == 0 || strcmp(pr->code, "dependency_missing") == 0 ||
                   strcmp(pr->code, "service_dll_missing") == 0;
        left |= pr->fixable;
    }
    if (wf_verb_text_mode(ctx)) {
        wf_buf_puts(&b, "\nChecked again:\n");
        report_problems(&b, c);
        if (!wf_check_count(c, WF_SEV_WARNING))
            wf_buf_puts(&b, "  healthy\n");
        wf_verb_emit(ctx, WF_STDOUT, &b);
    }
    rcode = left ? WF_EXIT_FAILED : blocked ? WF_EXIT_BLOCKED : reboot ? WF_EXIT_REBOOT : WF_EXIT_OK;
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    free(c);
    return rcode;
}

/* repair, and with `deep` reset: the same, with the caches set aside while
 * every service is stopped. Reset works on the extended set, since each of
 * its services holds one of the caches. */
static int repair_run(struct wf_ctx *ctx, bool deep)
{
    struct wf_report_ctx rc;
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_repair *fixes = calloc(2, sizeof(*fixes)), *aside = fixes ? fixes + 1 : NULL;
    struct wf_plan *p = NULL;
    struct wf_buf err;
    bool locked = false;
    int rcode = c && fixes ? wf_verb_prepare(ctx, &locked) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(c);
        free(fixes);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_buf_init(&err);
    rcode = wf_verb_recover(ctx);
    if (rcode != WF_EXIT_OK)
        goto out;
    if (deep)
        ctx->opt.all = true;
    wf_err e = health(ctx, WF_OP_RESTART, &p, c);
    if (e == WF_OK)
        e = wf_repair_plan(c, p, &ctx->backend, &ctx->pf->host, fixes);
    if (e != WF_OK) {
        rcode = p ? wf_verb_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_verb_report_ctx(ctx, &rc);
    if (wf_verb_text_mode(ctx)) {
        struct wf_buf b;
        wf_buf_init(&b);
        wf_buf_puts(&b, "Found:\n");
        report_problems(&b, c);
        if (!wf_check_count(c, WF_SEV_WARNING))
            wf_buf_puts(&b, "  no problems\n");
        wf_buf_puts(&b, "\n");
        wf_verb_emit(ctx, WF_STDOUT, &b);
        wf_buf_release(&b);
    }
    /* The preflight judges the start types the fixes will set; the report
     * and the journal keep the ones found. */
    enum wf_start_type found[WF_PLAN_MAX] = {WF_START_UNKNOWN};
    for (size_t i = 0; i < p->nsvc; i++)
        found[i] = p->svc[i].cfg.start_type;
    for (size_t i = 0; i < fixes->n; i++) {
        int at = wf_plan_find(p, fixes->fix[i].service);
        if (fixes->fix[i].kind == WF_FIX_START && at >= 0)
            p->svc[at].cfg.start_type = fixes->fix[i].will_start;
    }
    e = wf_verb_preflight(ctx, p, &err);
    for (size_t i = 0; i < p->nsvc; i++)
        p->svc[i].cfg.start_type = found[i];
    if (e == WF_OK)
        e = wf_plan_build(p);
    if (e == WF_E_CYCLE)
        wf_buf_printf(&err, "wufix: cannot order the services: %s\n", p->problem);
    if (e != WF_OK) {
        wf_verb_emit(ctx, WF_STDERR, &err);
        rcode = wf_err_exit_code(e, ctx->pf->elevated);
        goto out;
    }
    if (deep) {
        char when[32] = "", stamp[32];
        ctx->pf->timestamp(ctx->pf->self, when, sizeof(when));
        wf_aside_stamp(when, stamp, sizeof(stamp));
        e = wf_aside_plan(&ctx->pf->host, stamp, aside);
        if (e != WF_OK) {
            wf_out_printf(&ctx->pf->out, WF_STDERR, "wufix: cannot look at the caches to set aside (%s)\n",
                          wf_err_token(e));
            rcode = wf_err_exit_code(e, ctx->pf->elevated);
            goto out;
        }
    }
    struct wf_run_changes ch = {.fixes = fixes, .aside = deep ? aside : NULL};
    rcode = wf_verb_execute(ctx, p, &rc, t0, &ch);
    if (rcode == WF_EXIT_OK && !ctx->opt.dry_run)
        rcode = verify(ctx);
out:
    wf_buf_release(&err);
    wf_plan_free(p);
    free(c);
    free(fixes);
    wf_verb_finish_up(ctx, locked, true);
    return rcode;
}

int wf_verb_repair(struct wf_ctx *ctx)
{
    return repair_run(ctx, false);
}

int wf_verb_reset(struct wf_ctx *ctx)
{
    return repair_run(ctx, true);
}

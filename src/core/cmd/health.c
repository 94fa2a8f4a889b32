/* SPDX-License-Identifier: MIT */
/* health.c - the commands that mend configuration and caches: repair and reset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

#include "wufix/base/prose.h"
#include "wufix/mech/aside.h"
#include "wufix/mech/check.h"
#include "wufix/mech/diagnose.h"
#include "wufix/mech/policies.h"
#include "wufix/mech/repair.h"

/* --log holds the whole record whatever --quiet or --json show: the
 * problems (each line's CMTrace type its severity), written for the log alone. */
static void log_problems(struct wf_ctx *ctx, const struct wf_report_ctx *rc, const char *title,
                         const struct wf_check *c)
{
    if (wf_cmd_text_mode(ctx) || !ctx->pf->out.logged)
        return;
    struct wf_report_ctx plain = *rc;
    struct wf_buf b;
    plain.color = false;
    plain.width = 0; /* one entry per line of the log */
    wf_buf_init(&b);
    wf_buf_puts(&b, title);
    wf_report_problems(&b, &plain, c);
    if (!c->n)
        wf_buf_puts(&b, WF_M(M_NO_PROBLEMS_N));
    wf_cmd_emit(ctx, WF_LOG, &b);
    wf_buf_release(&b);
}

/* And each change the run made, was -> now. */
static void log_changes(struct wf_ctx *ctx, const struct wf_repair *fixes, const struct wf_repair *aside)
{
    if (wf_cmd_text_mode(ctx) || !ctx->pf->out.logged)
        return;
    struct wf_buf b;
    size_t n = 0;
    wf_buf_init(&b);
    wf_buf_puts(&b, WF_M(M_CHANGED_WAS_NOW_N));
    for (const struct wf_repair *r = fixes; r; r = r == fixes ? aside : NULL)
        for (size_t i = 0; i < r->n; i++)
            if (r->fix[i].applied) {
                wf_buf_puts(&b, "  ");
                wf_repair_describe(&r->fix[i], &b);
                wf_buf_puts(&b, "\n");
                n++;
            }
    if (!n)
        wf_buf_puts(&b, WF_M(M_NO_CONFIGURATION_N));
    wf_cmd_emit(ctx, WF_LOG, &b);
    wf_buf_release(&b);
}

/* --quiet: one line a script reads: how many of the problems found are gone,
 * and the code of each one left. */
static void quiet_line(struct wf_buf *b, const struct wf_check *found, const struct wf_check *c)
{
    size_t repaired = 0, left = wf_check_count(c, WF_SEV_WARNING);
    for (size_t i = 0; i < found->n; i++)
        repaired += found->p[i].sev != WF_SEV_INFO && !wf_check_has(c, &found->p[i]);
    wf_buf_printf(b, WF_M(M_REPAIRED_U), (unsigned)repaired);
    if (!left) {
        wf_buf_puts(b, WF_M(M_NO_PROBLEMS_REMAIN_N));
        return;
    }
    wf_buf_printf(b, WF_M(M_U_PROBLEM_S_REMAIN_S), (unsigned)left, left == 1 ? "" : "s",
                  left == 1 ? "s" : "");
    for (size_t i = 0; i < c->n; i++)
        if (c->p[i].sev != WF_SEV_INFO) {
            wf_buf_puts(b, " ");
            wf_buf_puts_safe(b, c->p[i].service);
            wf_buf_printf(b, "%s%s", c->p[i].service[0] ? ":" : "", c->p[i].code);
        }
    wf_buf_puts(b, "\n");
}

/* After a repair: what is left decides the exit code: 4 when repair could
 * fix it and did not, 5 when a service or its files are missing, 1 when
 * errors remain that repair cannot fix (a policy, an update server, a
 * failure in Windows Update's log), 3010 when only a restart is pending. */
static int verify(struct wf_ctx *ctx, const struct wf_report_ctx *rc, const struct wf_check *found,
                  struct wf_check *c)
{
    struct wf_plan *p = NULL;
    struct wf_buf b;
    int rcode = WF_EXIT_OK;
    wf_buf_init(&b);
    if (wf_cmd_health(ctx, WF_OP_STATUS, &p, c) != WF_OK) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    bool reboot = false, blocked = false, left = false, errors = false;
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        reboot |= strcmp(pr->code, WF_M(M_REBOOT_PENDING)) == 0;
        blocked |= strcmp(pr->code, WF_M(M_NOT_INSTALLED)) == 0 ||
                   strcmp(pr->code, WF_M(M_DEPENDENCY_MISSING)) == 0 ||
                   strcmp(pr->code, WF_M(M_SERVICE_DLL_MISSING)) == 0;
        left |= pr->fixable;
        errors |= pr->sev == WF_SEV_ERROR;
    }
    if (wf_cmd_text_mode(ctx)) {
        wf_buf_puts(&b, WF_M(M_NCHECKED_AGAIN_N));
        wf_report_problems(&b, rc, c);
        if (!wf_check_count(c, WF_SEV_WARNING))
            wf_buf_puts(&b, WF_M(M_HEALTHY_N));
        wf_cmd_emit(ctx, WF_STDOUT, &b);
    } else if (ctx->opt.quiet) {
        quiet_line(&b, found, c);
        wf_cmd_emit(ctx, WF_STDOUT, &b);
    }
    log_problems(ctx, rc, WF_M(M_CHECKED_AGAIN_N), c);
    rcode = left      ? WF_EXIT_FAILED
            : blocked ? WF_EXIT_BLOCKED
            : errors  ? WF_EXIT_PROBLEMS
            : reboot  ? WF_EXIT_REBOOT
                      : WF_EXIT_OK;
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    return rcode;
}

/* repair, and with `deep` reset: the same, with the caches set aside while
 * every service is stopped. Reset works on the extended set, since each of
 * its services holds one of the caches. */
static int repair_run(struct wf_ctx *ctx, bool deep)
{
    struct wf_report_ctx rc;
    struct wf_check *c = calloc(2, sizeof(*c)), *after = c ? c + 1 : NULL;
    struct wf_repair *fixes = calloc(2, sizeof(*fixes)), *aside = fixes ? fixes + 1 : NULL;
    struct wf_plan *p = NULL;
    struct wf_buf err, left; /* left: the policies their owner sets again */
    bool locked = false;
    int rcode = c && fixes ? wf_cmd_prepare(ctx, &locked) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(c);
        free(fixes);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    struct wf_run run;
    wf_cmd_run_init(ctx, &run);
    wf_buf_init(&err);
    wf_buf_init(&left);
    if (deep) {
        ctx->opt.all = true;
        rcode = wf_cmd_not_while_installing(ctx, WF_OP_RESTART, t0);
        if (rcode != WF_EXIT_OK)
            goto out;
    }
    rcode = wf_run_recover(&run);
    if (rcode != WF_EXIT_OK)
        goto out;
    wf_err e = wf_cmd_health(ctx, WF_OP_RESTART, &p, c);
    if (e == WF_OK)
        e = wf_repair_plan(c, p, &ctx->backend, &ctx->pf->host, fixes);
    if (e == WF_OK && ctx->opt.policies)
        wf_policies_repair(c, &ctx->pf->host, fixes, &left);
    if (e != WF_OK) {
        rcode = p ? wf_cmd_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_cmd_report_ctx(ctx, &rc);
    if (wf_cmd_text_mode(ctx)) {
        struct wf_buf b;
        wf_buf_init(&b);
        wf_buf_puts(&b, "Found:\n");
        wf_report_problems(&b, &rc, c);
        if (!wf_check_count(c, WF_SEV_WARNING))
            wf_buf_puts(&b, WF_M(M_NO_PROBLEMS_N));
        if (left.len) {
            wf_buf_puts(&b, WF_M(M_NPOLICIES_THEIR_OWNER_SETS_AGAIN));
            wf_buf_add(&b, left.data, left.len);
        }
        for (size_t i = 0; !deep && i < c->n; i++)
            if (wf_diagnose_needs_reset(&c->p[i])) {
                /* Never reset by itself: the caches are the person's to set aside. */
                wf_buf_printf(&b, WF_M(M_NWINDOWS_UPDATE_S_LAST_FAILURE), (unsigned)c->p[i].hresult);
                break;
            }
        wf_buf_puts(&b, "\n");
        wf_cmd_emit(ctx, WF_STDOUT, &b);
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
    e = wf_cmd_preflight(ctx, p, NULL, &err); /* what blocks is among the problems found */
    for (size_t i = 0; i < p->nsvc; i++)
        p->svc[i].cfg.start_type = found[i];
    if (e == WF_OK)
        e = wf_plan_build(p);
    rc.check = c;
    if (e != WF_OK) {
        rcode = wf_cmd_refused(ctx, &rc, p, e, &err, t0);
        goto out;
    }
    if (deep) {
        char when[32] = "", stamp[32];
        ctx->pf->timestamp(ctx->pf->self, when, sizeof(when));
        wf_aside_stamp(when, stamp, sizeof(stamp));
        e = wf_aside_plan(&ctx->pf->host, stamp, aside);
        if (e != WF_OK) {
            wf_out_printf(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_LOOK_AT_THE), wf_err_token(e));
            rcode = wf_err_exit_code(e, ctx->pf->elevated);
            goto out;
        }
    }
    struct wf_run_changes ch = {.fixes = fixes, .aside = deep ? aside : NULL};
    /* The check after the run decides the exit code: the JSON waits for it. */
    run.defer_json = !ctx->opt.dry_run;
    run.defer_quiet = !ctx->opt.dry_run; /* its -q line names what is left */
    bool declined = false;
    if (deep && aside->n) {
        run.question = WF_M(M_SET_ASIDE_THE_CACHES_LISTED);
        run.declined = &declined;
    }
    log_problems(ctx, &rc, "Found:\n", c);
    rcode = wf_run_execute(&run, p, &rc, t0, &ch);
    if (!ctx->opt.dry_run && !declined)
        log_changes(ctx, fixes, deep ? aside : NULL);
    bool verified = rcode == WF_EXIT_OK && !ctx->opt.dry_run && !declined;
    if (verified)
        rcode = verify(ctx, &rc, c, after);
    if (ctx->opt.json && !ctx->opt.dry_run) {
        struct wf_buf b;
        wf_buf_init(&b);
        if (verified)
            rc.check = after; /* what is left is why the exit code is what it is */
        wf_report_json(&b, &rc, p, rcode, ctx->backend.ops->now_ms(ctx->backend.self) - t0, !declined);
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        wf_buf_release(&b);
    }
out:
    wf_buf_release(&left);
    wf_buf_release(&err);
    wf_plan_free(p);
    wf_check_release(c);
    wf_check_release(after);
    free(c);
    free(fixes);
    wf_cmd_finish_up(ctx, locked, true);
    return rcode;
}

int wf_cmd_repair(struct wf_ctx *ctx)
{
    return repair_run(ctx, false);
}

int wf_cmd_reset(struct wf_ctx *ctx)
{
    return repair_run(ctx, true);
}

/* SPDX-License-Identifier: MIT */
/* read.c - the commands that change nothing: status and check. */
#include "common.h"

#include "wufix/base/prose.h"

#include "wufix/mech/brief.h"
#include "wufix/mech/diagnose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wf_cmd_status(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *up = NULL;
    struct wf_buf b;
    int rcode = wf_cmd_open_backend(ctx);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    wf_buf_init(&b);
    wf_err e = p ? wf_cmd_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    if (e != WF_OK) {
        rcode = p ? wf_cmd_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_cmd_report_ctx(ctx, &rc);
    /* This machine's build and latest successes, as check reads them (the
     * log's tail); across machines (--computer) status stays one SCM query. */
    up = ctx->opt.quiet || ctx->opt.ncomputers ? NULL : calloc(1, sizeof(*up));
    if (up) {
        wf_diagnose_updating(&ctx->pf->host, up);
        rc.updating = &up->updating;
    }
    if (ctx->opt.json) {
        wf_report_json(&b, &rc, p, WF_EXIT_OK, ctx->backend.ops->now_ms(ctx->backend.self) - t0, false);
    } else if (ctx->opt.quiet) {
        for (size_t i = 0; i < p->nsvc; i++) {
            wf_buf_puts(&b, i ? ", " : "");
            wf_buf_puts_safe(&b, p->svc[i].name);
            wf_buf_printf(&b, " %s", wf_state_token(p->svc[i].before.state));
        }
        wf_buf_puts(&b, "\n");
    } else {
        wf_buf_printf(&b, WF_M(M_UPDATE_SERVICES_ON_S_N), rc.computer);
        wf_report_table(&b, &rc, p, WF_TABLE_BEFORE);
        if (up && (up->updating.build[0] || up->updating.log_read)) {
            wf_buf_puts(&b, "\n");
            wf_report_updating(&b, &up->updating);
        }
    }
    wf_cmd_emit(ctx, WF_STDOUT, &b);
out:
    if (up)
        wf_check_release(up);
    free(up);
    wf_buf_release(&b);
    wf_plan_free(p);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return rcode;
}

int wf_cmd_check(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c;
    struct wf_plan *p;
    struct wf_buf b;
    uint64_t t0;
    int rcode = wf_cmd_checked(ctx, &c, &p, &rc, &t0);
    if (rcode != WF_EXIT_OK)
        return rcode;
    wf_buf_init(&b);
    size_t problems = wf_check_count(c, WF_SEV_WARNING), fixable = 0;
    char skipped[64] = ""; /* another machine's checks not made: never a plain "healthy" */
    for (size_t i = 0; i < c->n; i++) {
        fixable += c->p[i].fixable;
        if (wf_check_skipped(&c->p[i]))
            snprintf(skipped + strlen(skipped), sizeof(skipped) - strlen(skipped), "%s%.*s",
                     skipped[0] ? ", " : "", (int)strcspn(c->p[i].code, "_"),
                     c->p[i].code); /* registry, files */
    }
    rcode = problems ? WF_EXIT_PROBLEMS : WF_EXIT_OK;
    uint64_t ms = ctx->backend.ops->now_ms(ctx->backend.self) - t0;
    if (ctx->opt.brief) {
        struct wf_brief f;
        wf_brief_gather(&ctx->pf->host, &f);
        wf_brief_json(&b, rc.computer, c, &f, rcode);
    } else if (ctx->opt.json) {
        /* SPEC 7's whole schema, evidence included, however long: a script
         * wants the why (Intune's detection output takes `check -q`). */
        rc.check = c;
        wf_report_json(&b, &rc, p, rcode, ms, false);
    } else if (ctx->opt.quiet) {
        if (!problems && skipped[0])
            wf_buf_printf(&b, WF_M(M_HEALTHY_IN_WHAT_COULD_BE), skipped);
        else if (!problems)
            wf_buf_puts(&b, "healthy\n");
        else {
            wf_buf_printf(&b, WF_M(M_U_PROBLEM_S_U_FIXABLE), (unsigned)problems, problems == 1 ? "" : "s",
                          (unsigned)fixable);
            for (size_t i = 0; i < c->n; i++)
                if (c->p[i].sev != WF_SEV_INFO) {
                    wf_buf_puts(&b, " ");
                    wf_buf_puts_safe(&b, c->p[i].service);
                    wf_buf_printf(&b, "%s%s", c->p[i].service[0] ? ":" : "", c->p[i].code);
                }
            wf_buf_puts(&b, "\n");
        }
    } else {
        wf_buf_printf(&b, WF_M(M_HEALTH_OF_THE_UPDATE_SERVICES), rc.computer);
        wf_report_table(&b, &rc, p, WF_TABLE_BEFORE);
        wf_buf_puts(&b, "\n");
        wf_report_problems(&b, &rc, c);
        char line[128];
        if (fixable) /* never offer a repair that fixes nothing */
            snprintf(line, sizeof(line), WF_M(M_U_PROBLEM_S_WUFIX_REPAIR), (unsigned)problems,
                     problems == 1 ? "" : "s", (unsigned)fixable);
        else
            snprintf(line, sizeof(line), WF_M(M_U_PROBLEM_S_WUFIX_CANNOT), (unsigned)problems,
                     problems == 1 ? "" : "s", problems == 1 ? "it" : "them");
        wf_report_outcome(&b, &rc, !problems,
                          problems     ? line
                          : skipped[0] ? WF_M(M_NO_PROBLEMS_FOUND_IN_WHAT)
                                       : WF_M(M_HEALTHY_NO_PROBLEMS_FOUND));
    }
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    wf_cmd_checked_release(ctx, c, p);
    return rcode;
}

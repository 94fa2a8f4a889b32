/* SPDX-License-Identifier: MIT */
/* read.c - the commands that change nothing: status and check. */
#include "common.h"

#include <stdlib.h>
#include <string.h>

int wf_cmd_status(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
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
    if (ctx->opt.json) {
        wf_report_json(&b, &rc, p, WF_EXIT_OK, ctx->backend.ops->now_ms(ctx->backend.self) - t0, false);
    } else if (ctx->opt.quiet) {
        for (size_t i = 0; i < p->nsvc; i++)
            wf_buf_printf(&b, "%s%s %s", i ? ", " : "", p->svc[i].name,
                          wf_state_token(p->svc[i].before.state));
        wf_buf_puts(&b, "\n");
    } else {
        wf_buf_printf(&b, "Update services on %s:\n", rc.computer);
        wf_report_table(&b, &rc, p, WF_TABLE_BEFORE);
    }
    wf_cmd_emit(ctx, WF_STDOUT, &b);
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return rcode;
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
        wf_buf_printf(b, ",\"code\":\"%s\",\"severity\":\"%s\",\"fixable\":%s", pr->code,
                      wf_report_severity(pr->sev), pr->fixable ? "true" : "false");
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

int wf_cmd_check(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_plan *p = NULL;
    struct wf_buf b;
    int rcode = c ? wf_cmd_open_backend(ctx) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(c);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_buf_init(&b);
    wf_err e = wf_cmd_health(ctx, WF_OP_STATUS, &p, c);
    if (e != WF_OK) {
        rcode = p ? wf_cmd_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_cmd_report_ctx(ctx, &rc);
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
        wf_report_problems(&b, c);
        if (!problems)
            wf_buf_puts(&b, "Healthy: no problems found.\n");
        else
            wf_buf_printf(&b, "%u problem%s; 'wufix repair' fixes %u.\n", (unsigned)problems,
                          problems == 1 ? "" : "s", (unsigned)fixable);
    }
    wf_cmd_emit(ctx, WF_STDOUT, &b);
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    free(c);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return rcode;
}

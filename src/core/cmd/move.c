/* SPDX-License-Identifier: MIT */
/* move.c - the commands that move services: stop, start, restart. */
#include "common.h"

#include <stdlib.h>

static int change(struct wf_ctx *ctx, enum wf_op op)
{
    struct wf_report_ctx rc;
    struct wf_buf err;
    struct wf_plan *p = NULL;
    struct wf_check *why = NULL;
    bool locked;
    int rcode = wf_cmd_prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    const struct wf_backend *be = &ctx->backend;
    uint64_t t0 = be->ops->now_ms(be->self);
    struct wf_run run;
    wf_cmd_run_init(ctx, &run);
    wf_buf_init(&err);
    if (op == WF_OP_RESTART) {
        rcode = wf_cmd_not_while_installing(ctx, op, t0);
        if (rcode != WF_EXIT_OK)
            goto out;
    }
    rcode = wf_run_recover(&run);
    if (rcode != WF_EXIT_OK)
        goto out;
    p = wf_plan_new(op);
    wf_err e = p ? wf_cmd_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, be);
    if (e != WF_OK) {
        rcode = p ? wf_cmd_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_cmd_report_ctx(ctx, &rc);
    why = calloc(1, sizeof(*why));
    e = why ? wf_cmd_preflight(ctx, p, why, &err) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_build(p);
    if (e != WF_OK) {
        rc.check = why;
        rcode = wf_cmd_refused(ctx, &rc, p, e, &err, t0);
        goto out;
    }
    rcode = wf_run_execute(&run, p, &rc, t0, NULL);
out:
    wf_buf_release(&err);
    if (why)
        wf_check_release(why);
    free(why);
    wf_plan_free(p);
    wf_cmd_finish_up(ctx, locked, true);
    return rcode;
}

int wf_cmd_stop(struct wf_ctx *ctx)
{
    return change(ctx, WF_OP_STOP);
}

int wf_cmd_start(struct wf_ctx *ctx)
{
    return change(ctx, WF_OP_START);
}

int wf_cmd_restart(struct wf_ctx *ctx)
{
    return change(ctx, WF_OP_RESTART);
}

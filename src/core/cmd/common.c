/* SPDX-License-Identifier: MIT */
/* common.c - what the command handlers share: the set, the SCM, rights and
 * the lock, the check gathered, the run's parameters. */
#include "common.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/services.h"
#include "wufix/mech/diagnose.h"
#include "wufix/mech/installing.h"

void wf_cmd_emit(struct wf_ctx *ctx, enum wf_stream s, struct wf_buf *b)
{
    wf_out_buf(&ctx->pf->out, s, b);
}

/* The services a command works on: --service, or the default set (+ --all),
 * and for status the read-only ones too. */
wf_err wf_cmd_fill_set(struct wf_ctx *ctx, struct wf_plan *p)
{
    size_t n;
    const struct wf_known_service *t = wf_services_table(&n);
    if (ctx->opt.nservices) {
        for (size_t i = 0; i < ctx->opt.nservices; i++) {
            wf_err e = wf_plan_add(p, ctx->opt.services[i], true, NULL);
            if (e != WF_OK)
                return e;
        }
        return WF_OK;
    }
    for (size_t i = 0; i < n; i++) {
        bool take = t[i].kind == WF_SET_DEFAULT || (t[i].kind == WF_SET_ALL && ctx->opt.all) ||
                    (t[i].kind == WF_SET_REPORTED && p->op == WF_OP_STATUS);
        if (take) {
            wf_err e = wf_plan_add(p, t[i].name, true, NULL);
            if (e != WF_OK)
                return e;
        }
    }
    return WF_OK;
}

int wf_cmd_open_backend(struct wf_ctx *ctx)
{
    wf_err e = ctx->pf->open_backend(ctx->pf->self, &ctx->backend);
    if (e == WF_OK)
        return WF_EXIT_OK;
    if (e == WF_E_ACCESS)
        wf_out_puts(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_CONNECT_TO_THE));
    else
        wf_out_puts(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_CONNECT_TO_THE_2));
    int code = wf_err_exit_code(e, ctx->pf->elevated);
    if (ctx->opt.json) {
        /* A script tells this machine's SCM (local_scm_unreachable, exit 8)
         * from a machine --computer did not reach (unreachable,
         * name_not_resolved, connect_timeout: fleet.md). */
        struct wf_buf b;
        wf_buf_init(&b);
        wf_report_json_unreached(&b, ctx->opt.cmd->name, ctx->pf->computer ? ctx->pf->computer : "", code, 0,
                                 e == WF_E_ACCESS ? WF_M(M_ACCESS_DENIED) : WF_M(M_LOCAL_SCM_UNREACHABLE), 0,
                                 e == WF_E_ACCESS ? WF_M(M_CANNOT_CONNECT_TO_THIS_MACHINE)
                                                  : WF_M(M_CANNOT_CONNECT_TO_THIS_MACHINE_2));
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        wf_buf_release(&b);
    }
    return code;
}

void wf_cmd_report_ctx(struct wf_ctx *ctx, struct wf_report_ctx *rc)
{
    memset(rc, 0, sizeof(*rc));
    rc->command = ctx->opt.cmd->name;
    rc->color = ctx->pf->out.color && !ctx->opt.no_color;
    /* Redirected, a problem stays one line (scripts read them so). */
    rc->width = ctx->pf->out.cols ? wf_out_width(&ctx->pf->out) : 0;
    rc->backend = &ctx->backend;
    ctx->backend.ops->computer(ctx->backend.self, rc->computer, sizeof(rc->computer));
    char name[sizeof(rc->computer)];
    wf_strlcpy(name, rc->computer, sizeof(name));
    wf_text_safe(name, rc->computer, sizeof(rc->computer)); /* the system's, or another machine's, words */
    ctx->pf->timestamp(ctx->pf->self, rc->time, sizeof(rc->time));
}

int wf_cmd_gather_failed(struct wf_ctx *ctx, const struct wf_plan *p, wf_err e)
{
    char safe[WF_TEXT_MAX];
    wf_out_printf(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_S_S_N),
                  p->problem[0] ? wf_text_safe(p->problem, safe, sizeof(safe)) : WF_M(M_CANNOT_PLAN),
                  wf_err_token(e));
    return wf_err_exit_code(e, ctx->pf->elevated);
}

/* Before anything changes: a service to start that is missing or disabled
 * blocks the whole run (exit 5), so nothing is left half done. */
wf_err wf_cmd_preflight(struct wf_ctx *ctx, struct wf_plan *p, struct wf_check *why, struct wf_buf *msg)
{
    wf_err first = WF_OK;
    for (size_t i = 0; i < p->nsvc; i++) {
        struct wf_plan_svc *s = &p->svc[i];
        /* A protected service is never moved, so nothing about it blocks. */
        s->blocked = !s->in_set || s->protected_svc ? WF_OK
                     : !s->installed                ? WF_E_NO_SERVICE
                     : s->marked_delete ? WF_E_MARKED_DELETE /* stopping it would complete its deletion */
                     : s->cfg.start_type == WF_START_DISABLED && p->op != WF_OP_STOP ? WF_E_DISABLED
                                                                                     : WF_OK;
        if (s->blocked == WF_OK)
            continue;
        const struct wf_block *b = wf_report_block(s->blocked);
        wf_buf_printf(msg, WF_M(M_WUFIX_CANNOT_S_S_S), ctx->opt.cmd->name, s->name, wf_m(b->words));
        if (why)
            wf_check_add(why, s->name, b->code, WF_SEV_ERROR, b->fixable, b->found, b->expected);
        if (first == WF_OK)
            first = s->blocked;
    }
    return first;
}

int wf_cmd_refused(struct wf_ctx *ctx, const struct wf_report_ctx *rc, struct wf_plan *p, wf_err e,
                   struct wf_buf *msg, uint64_t t0)
{
    struct wf_buf b;
    int rcode = wf_err_exit_code(e, ctx->pf->elevated);
    if (e == WF_E_CYCLE) {
        char safe[WF_TEXT_MAX];
        wf_buf_printf(msg, WF_M(M_WUFIX_CANNOT_ORDER_THE_SERVICES),
                      wf_text_safe(p->problem, safe, sizeof(safe)));
    }
    wf_buf_init(&b);
    if (ctx->opt.json)
        wf_report_json(&b, rc, p, rcode, ctx->backend.ops->now_ms(ctx->backend.self) - t0, false);
    else if (wf_cmd_text_mode(ctx))
        wf_report_before(&b, rc, p);
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    wf_cmd_emit(ctx, WF_STDERR, msg);
    return rcode;
}

bool wf_cmd_text_mode(const struct wf_ctx *ctx)
{
    return !ctx->opt.json && !ctx->opt.quiet;
}

/* Rights, the machine's lock and the SCM: what every changing command needs
 * before it reads anything. Returns an exit code; WF_EXIT_OK to go on, and
 * then finish_up releases them. On failure nothing is left held. */
int wf_cmd_prepare(struct wf_ctx *ctx, bool *locked)
{
    int rcode = wf_cmd_prepare_rights(ctx, locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    rcode = wf_cmd_open_backend(ctx);
    if (rcode != WF_EXIT_OK && *locked) {
        ctx->pf->unlock(ctx->pf->self);
        *locked = false;
    }
    return rcode;
}

int wf_cmd_prepare_rights(struct wf_ctx *ctx, bool *locked)
{
    *locked = false;
    if (!ctx->pf->elevated && !ctx->opt.dry_run) {
        wf_out_printf(&ctx->pf->out, WF_STDERR,
                      ctx->pf->relaunched ? WF_M(M_WUFIX_S_WAS_STARTED_AGAIN)
                                          : WF_M(M_WUFIX_S_CHANGES_SERVICES_AND),
                      ctx->opt.cmd->name);
        return WF_EXIT_ACCESS;
    }
    if (!ctx->opt.dry_run) {
        char note[512] = "";
        wf_err e = ctx->pf->lock(ctx->pf->self, note, sizeof(note));
        if (e == WF_E_BUSY) {
            wf_out_puts(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_ANOTHER_WUFIX_IS_CHANGING));
            return WF_EXIT_BUSY;
        }
        if (e == WF_E_UNTRUSTED) {
            wf_out_printf(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_S_NOTHING_WAS_CHANGED), note);
            return WF_EXIT_SYSTEM;
        }
        if (e != WF_OK) {
            wf_out_puts(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_TAKE_THE_MACHINE));
            return WF_EXIT_SYSTEM;
        }
        if (note[0])
            wf_out_printf(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_WARNING_S_N), note);
        *locked = true;
    }
    return WF_EXIT_OK;
}

void wf_cmd_finish_up(struct wf_ctx *ctx, bool locked, bool backend_open)
{
    if (backend_open)
        ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    if (locked)
        ctx->pf->unlock(ctx->pf->self);
}

void wf_cmd_run_init(struct wf_ctx *ctx, struct wf_run *r)
{
    memset(r, 0, sizeof(*r));
    r->pf = ctx->pf;
    r->backend = &ctx->backend;
    r->command = ctx->opt.cmd->name;
    r->timeout_s = ctx->opt.timeout_s;
    r->dry_run = ctx->opt.dry_run;
    r->json = ctx->opt.json;
    r->quiet = ctx->opt.quiet;
    r->force = ctx->opt.force;
    r->no_color = ctx->opt.no_color;
    r->yes = ctx->opt.yes;
}

/* Gather the set (and for check, the read-only ones) and check it. */
wf_err wf_cmd_health(struct wf_ctx *ctx, enum wf_op op, struct wf_plan **pp, struct wf_check *c)
{
    struct wf_plan *p = wf_plan_new(op);
    wf_err e = p ? wf_cmd_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    if (e == WF_OK)
        e = wf_check_run(p, &ctx->backend, &ctx->pf->host, c);
    if (e == WF_OK && ctx->opt.max_age_days)
        wf_diagnose_max_age(&ctx->pf->host, c, ctx->opt.max_age_days);
    *pp = p;
    return e;
}

int wf_cmd_checked(struct wf_ctx *ctx, struct wf_check **c, struct wf_plan **p, struct wf_report_ctx *rc,
                   uint64_t *t0)
{
    *p = NULL;
    *c = calloc(1, sizeof(**c));
    int rcode = *c ? wf_cmd_open_backend(ctx) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(*c);
        *c = NULL;
        return rcode;
    }
    *t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_err e = wf_cmd_health(ctx, WF_OP_STATUS, p, *c);
    if (e != WF_OK) {
        rcode = *p ? wf_cmd_gather_failed(ctx, *p, e) : WF_EXIT_SYSTEM;
        wf_cmd_checked_release(ctx, *c, *p);
        *c = NULL;
        *p = NULL;
        return rcode;
    }
    wf_cmd_report_ctx(ctx, rc);
    return WF_EXIT_OK;
}

void wf_cmd_checked_release(struct wf_ctx *ctx, struct wf_check *c, struct wf_plan *p)
{
    wf_plan_free(p);
    if (c)
        wf_check_release(c);
    free(c);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
}

int wf_cmd_not_while_installing(struct wf_ctx *ctx, enum wf_op op, uint64_t t0)
{
    char what[WF_TEXT_MAX];
    const struct wf_out *o = &ctx->pf->out;
    if (!wf_installing(&ctx->backend, &ctx->pf->host, what, sizeof(what)))
        return WF_EXIT_OK;
    if (ctx->opt.force) {
        wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_WARNING_WINDOWS_IS_INSTALLING), what);
        return WF_EXIT_OK;
    }
    if (ctx->opt.dry_run) {
        wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_WARNING_WINDOWS_IS_INSTALLING_2), what, ctx->opt.cmd->name);
        return WF_EXIT_OK;
    }
    struct wf_buf msg;
    wf_buf_init(&msg);
    wf_buf_printf(&msg, WF_M(M_WUFIX_WINDOWS_IS_INSTALLING_S), what);
    if (!ctx->opt.json) {
        wf_cmd_emit(ctx, WF_STDERR, &msg);
        wf_buf_release(&msg);
        return WF_EXIT_BUSY;
    }
    /* The JSON alone says why: the set as it is, and the install a problem. */
    struct wf_report_ctx rc;
    struct wf_check *why = calloc(1, sizeof(*why));
    struct wf_plan *p = why ? wf_plan_new(op) : NULL;
    wf_err e = p ? wf_cmd_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    int rcode = WF_EXIT_BUSY;
    if (e == WF_OK) {
        wf_check_add(why, "", WF_M(M_INSTALL_IN_PROGRESS), WF_SEV_ERROR, false, what,
                     WF_M(M_NO_INSTALL_IN_PROGRESS));
        wf_cmd_report_ctx(ctx, &rc);
        rc.check = why;
        rcode = wf_cmd_refused(ctx, &rc, p, WF_E_BUSY, &msg, t0);
    } else {
        wf_cmd_emit(ctx, WF_STDERR, &msg);
    }
    wf_buf_release(&msg);
    wf_plan_free(p);
    if (why)
        wf_check_release(why);
    free(why);
    return rcode;
}

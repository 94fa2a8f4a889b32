/* SPDX-License-Identifier: MIT */
/* verbs.c - the command table and its handlers. Help is generated from the table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/cli.h"
#include "wufix/check.h"
#include "wufix/engine.h"
#include "wufix/journal.h"
#include "wufix/plan.h"
#include "wufix/repair.h"
#include "wufix/report.h"
#include "wufix/services.h"
#include "verbs.h"

#define COMMON_OPTS (WF_OPT_SERVICE | WF_OPT_ALL | WF_OPT_JSON | WF_OPT_QUIET | WF_OPT_NO_COLOR | WF_OPT_HELP)
#define CHANGE_OPTS (COMMON_OPTS | WF_OPT_TIMEOUT | WF_OPT_DRY_RUN | WF_OPT_FORCE)
#define RESET_OPTS                                                                                           \
    (WF_OPT_JSON | WF_OPT_QUIET | WF_OPT_NO_COLOR | WF_OPT_HELP | WF_OPT_TIMEOUT | WF_OPT_DRY_RUN |          \
     WF_OPT_FORCE)
#define UNDO_OPTS                                                                                            \
    (WF_OPT_TIMEOUT | WF_OPT_DRY_RUN | WF_OPT_JSON | WF_OPT_QUIET | WF_OPT_NO_COLOR | WF_OPT_HELP)

void wf_verb_emit(struct wf_ctx *ctx, enum wf_stream s, struct wf_buf *b)
{
    if (b->oom)
        wf_out_puts(&ctx->pf->out, WF_STDERR, "wufix: out of memory while writing the report\n");
    else if (b->len)
        ctx->pf->out.write(ctx->pf->out.self, s, b->data, b->len);
    wf_buf_clear(b);
}

/* The services a command works on: --service, or the default set (+ --all),
 * and for status the read-only ones too. */
wf_err wf_verb_fill_set(struct wf_ctx *ctx, struct wf_plan *p)
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

int wf_verb_open_backend(struct wf_ctx *ctx)
{
    wf_err e = ctx->pf->open_backend(ctx->pf->self, &ctx->backend);
    if (e == WF_OK)
        return WF_EXIT_OK;
    if (e == WF_E_ACCESS)
        wf_out_puts(&ctx->pf->out, WF_STDERR,
                    "wufix: cannot connect to the service control manager: access is denied; "
                    "run wufix as administrator\n");
    else
        wf_out_puts(&ctx->pf->out, WF_STDERR, "wufix: cannot connect to the service control manager\n");
    return wf_err_exit_code(e, ctx->pf->elevated);
}

void wf_verb_report_ctx(struct wf_ctx *ctx, struct wf_report_ctx *rc)
{
    memset(rc, 0, sizeof(*rc));
    rc->command = ctx->opt.cmd->name;
    rc->color = ctx->pf->out.color && !ctx->opt.no_color;
    rc->backend = &ctx->backend;
    ctx->backend.ops->computer(ctx->backend.self, rc->computer, sizeof(rc->computer));
}

static int verb_help(struct wf_ctx *ctx)
{
    struct wf_buf b;
    wf_buf_init(&b);
    wf_cli_help(&b, ctx->opt.help_topic ? wf_cli_find_command(ctx->opt.help_topic) : NULL);
    wf_verb_emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    return WF_EXIT_OK;
}

static int verb_version(struct wf_ctx *ctx)
{
    wf_out_puts(&ctx->pf->out, WF_STDOUT, "wufix " WF_VERSION "\n");
    return WF_EXIT_OK;
}

int wf_verb_gather_failed(struct wf_ctx *ctx, const struct wf_plan *p, wf_err e)
{
    wf_out_printf(&ctx->pf->out, WF_STDERR, "wufix: %s: %s\n", p->problem[0] ? p->problem : "cannot plan",
                  wf_err_token(e));
    return wf_err_exit_code(e, ctx->pf->elevated);
}

static int verb_status(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_buf b;
    int rcode = wf_verb_open_backend(ctx);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    wf_buf_init(&b);
    wf_err e = p ? wf_verb_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    if (e != WF_OK) {
        rcode = p ? wf_verb_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_verb_report_ctx(ctx, &rc);
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
    wf_verb_emit(ctx, WF_STDOUT, &b);
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return rcode;
}

/* Before anything changes: a service to start that is missing or disabled
 * blocks the whole run (exit 5), so nothing is left half done. */
wf_err wf_verb_preflight(struct wf_ctx *ctx, const struct wf_plan *p, struct wf_buf *msg)
{
    wf_err first = WF_OK;
    for (size_t i = 0; i < p->nsvc; i++) {
        const struct wf_plan_svc *s = &p->svc[i];
        wf_err e = WF_OK;
        if (!s->in_set)
            continue;
        if (!s->installed)
            e = WF_E_NO_SERVICE;
        else if (s->cfg.start_type == WF_START_DISABLED && p->op != WF_OP_STOP)
            e = WF_E_DISABLED;
        if (e == WF_OK)
            continue;
        wf_buf_printf(msg, "wufix: cannot %s '%s': %s\n", ctx->opt.cmd->name, s->name,
                      e == WF_E_NO_SERVICE
                          ? "the service is not installed"
                          : "the service is disabled; set its start type to Manual or Automatic first");
        if (first == WF_OK)
            first = e;
    }
    return first;
}

bool wf_verb_text_mode(const struct wf_ctx *ctx)
{
    return !ctx->opt.json && !ctx->opt.quiet;
}

/* Rights, the machine's lock and the SCM: what every changing command needs
 * before it reads anything. Returns an exit code; WF_EXIT_OK to go on, and
 * then finish_up releases them. On failure nothing is left held. */
int wf_verb_prepare(struct wf_ctx *ctx, bool *locked)
{
    *locked = false;
    if (!ctx->pf->elevated && !ctx->opt.dry_run) {
        wf_out_printf(&ctx->pf->out, WF_STDERR,
                      "wufix: '%s' changes services and needs administrator rights; "
                      "run it from an elevated prompt (Run as administrator)\n",
                      ctx->opt.cmd->name);
        return WF_EXIT_ACCESS;
    }
    if (!ctx->opt.dry_run) {
        wf_err e = ctx->pf->lock(ctx->pf->self);
        if (e == WF_E_BUSY) {
            wf_out_puts(&ctx->pf->out, WF_STDERR,
                        "wufix: another wufix is changing services on this machine right now; "
                        "try again when it has finished\n");
            return WF_EXIT_BUSY;
        }
        if (e != WF_OK) {
            wf_out_puts(&ctx->pf->out, WF_STDERR, "wufix: cannot take the machine's wufix lock\n");
            return WF_EXIT_SYSTEM;
        }
        *locked = true;
    }
    int rcode = wf_verb_open_backend(ctx);
    if (rcode != WF_EXIT_OK && *locked) {
        ctx->pf->unlock(ctx->pf->self);
        *locked = false;
    }
    return rcode;
}

void wf_verb_before(struct wf_ctx *ctx, const struct wf_report_ctx *rc, const struct wf_plan *p,
                    struct wf_buf *b)
{
    wf_buf_printf(b, "wufix %s on %s\n\nBefore:\n", ctx->opt.cmd->name, rc->computer);
    wf_report_table(b, rc, p, WF_TABLE_BEFORE);
}

void wf_verb_finish_up(struct wf_ctx *ctx, bool locked, bool backend_open)
{
    if (backend_open)
        ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    if (locked)
        ctx->pf->unlock(ctx->pf->self);
}

static int change(struct wf_ctx *ctx, enum wf_op op)
{
    struct wf_report_ctx rc;
    struct wf_buf err;
    struct wf_plan *p = NULL;
    bool locked;
    int rcode = wf_verb_prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    const struct wf_backend *be = &ctx->backend;
    uint64_t t0 = be->ops->now_ms(be->self);
    wf_buf_init(&err);
    rcode = wf_verb_recover(ctx);
    if (rcode != WF_EXIT_OK)
        goto out;
    p = wf_plan_new(op);
    wf_err e = p ? wf_verb_fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, be);
    if (e != WF_OK) {
        rcode = p ? wf_verb_gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_verb_report_ctx(ctx, &rc);
    e = wf_verb_preflight(ctx, p, &err);
    if (e == WF_OK)
        e = wf_plan_build(p);
    if (e == WF_E_CYCLE)
        wf_buf_printf(&err, "wufix: cannot order the services: %s\n", p->problem);
    if (e != WF_OK) {
        rcode = wf_err_exit_code(e, ctx->pf->elevated);
        if (ctx->opt.json) {
            struct wf_buf b;
            wf_buf_init(&b);
            wf_engine_query_after(p, be);
            wf_report_json(&b, &rc, p, rcode, be->ops->now_ms(be->self) - t0, true);
            wf_verb_emit(ctx, WF_STDOUT, &b);
            wf_buf_release(&b);
        } else {
            if (wf_verb_text_mode(ctx)) {
                struct wf_buf b;
                wf_buf_init(&b);
                wf_verb_before(ctx, &rc, p, &b);
                wf_verb_emit(ctx, WF_STDOUT, &b);
                wf_buf_release(&b);
            }
            wf_verb_emit(ctx, WF_STDERR, &err);
        }
        goto out;
    }
    rcode = wf_verb_execute(ctx, p, &rc, t0, NULL);
out:
    wf_buf_release(&err);
    wf_plan_free(p);
    wf_verb_finish_up(ctx, locked, true);
    return rcode;
}

static int verb_stop(struct wf_ctx *ctx)
{
    return change(ctx, WF_OP_STOP);
}

static int verb_start(struct wf_ctx *ctx)
{
    return change(ctx, WF_OP_START);
}

static int verb_restart(struct wf_ctx *ctx)
{
    return change(ctx, WF_OP_RESTART);
}

/* Put back what the last completed changing run changed, from its journal. */
static int verb_undo(struct wf_ctx *ctx)
{
    const struct wf_out *o = &ctx->pf->out;
    struct wf_journal j;
    struct wf_plan *p = NULL;
    bool locked;
    int rcode = wf_verb_prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_err e = wf_journal_load(&j, &ctx->pf->store);
    if (e == WF_OK && j.open) {
        rcode = wf_verb_recover(ctx); /* that is the undo of an unfinished run */
        goto out;
    }
    if (e == WF_E_NO_SERVICE) {
        wf_out_puts(o, WF_STDOUT, "Nothing to undo: no changing run is recorded on this machine.\n");
        goto out;
    }
    if (e != WF_OK) {
        wf_out_puts(o, WF_STDERR, "wufix: the journal of the last run cannot be read\n");
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    if (strcmp(j.command, "undo") == 0 || strcmp(j.outcome, "ok") != 0) {
        wf_out_printf(o, WF_STDOUT, "Nothing to undo: the last run ('%s', %s) %s.\n", j.command, j.started,
                      strcmp(j.command, "undo") == 0 ? "was an undo"
                                                     : "did not complete and was put back already");
        goto out;
    }
    e = wf_verb_plan_from_journal(ctx, &j, &p);
    if (e != WF_OK) {
        rcode = p ? wf_verb_gather_failed(ctx, p, e) : wf_err_exit_code(e, ctx->pf->elevated);
        goto out;
    }
    enum wf_state cur[WF_PLAN_MAX], want[WF_PLAN_MAX];
    for (size_t i = 0; i < p->nsvc; i++) {
        cur[i] = p->svc[i].before.state;
        want[i] = j.svc[i].state == WF_STATE_RUNNING || j.svc[i].state == WF_STATE_STOPPED ? j.svc[i].state
                                                                                           : WF_STATE_UNKNOWN;
    }
    e = wf_plan_build_towards(p, cur, want);
    if (e != WF_OK) {
        rcode = wf_verb_gather_failed(ctx, p, e);
        goto out;
    }
    if (wf_verb_text_mode(ctx))
        wf_out_printf(o, WF_STDOUT, "Undoing '%s' of %s.\n", j.command, j.started);
    struct wf_report_ctx rc;
    wf_verb_report_ctx(ctx, &rc);
    struct wf_repair *r = calloc(2, sizeof(*r));
    if (!r) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    wf_verb_journal_changes(&j, &r[0], &r[1]);
    struct wf_run_changes ch = {.aside = &r[1], .aside_back = true};
    rcode = wf_verb_execute(ctx, p, &rc, t0, &ch);
    free(r);
    if (rcode == WF_EXIT_OK && !ctx->opt.dry_run && j.nfix) {
        if (wf_verb_revert_fixes(ctx, &j) != WF_OK) {
            wf_out_puts(o, WF_STDERR, "wufix: some configuration could not be put back\n");
            rcode = WF_EXIT_FAILED;
        } else if (wf_verb_text_mode(ctx)) {
            size_t n = 0;
            for (size_t i = 0; i < j.nfix; i++)
                n += j.fix[i].kind != WF_FIX_RENAME;
            if (n)
                wf_out_printf(o, WF_STDOUT, "Put back %u configuration value%s.\n", (unsigned)n,
                              n == 1 ? "" : "s");
        }
    }
out:
    wf_plan_free(p);
    wf_verb_finish_up(ctx, locked, true);
    return rcode;
}

/* Sorted by name; tests check it. */
static const struct wf_command commands[] = {
    {"check", "", COMMON_OPTS, false, wf_verb_check,
     "find what is wrong with the update services and the machine; exit 1 if anything is"},
    {"help", "[COMMAND]", WF_OPT_HELP, false, verb_help, "show help for wufix or one command"},
    {"repair", "", CHANGE_OPTS, true, wf_verb_repair,
     "fix what check finds (start types, image paths, service DLLs, dependencies, permissions, "
     "blocker marks), then restart"},
    {"reset", "", RESET_OPTS, true, wf_verb_reset,
     "repair, then with the services stopped rename SoftwareDistribution, catroot2 and BITS' queue files "
     "aside (never deleted), then restart"},
    {"restart", "", CHANGE_OPTS, true, verb_restart,
     "stop, then start the update services, in dependency order (the standard fix)"},
    {"start", "", CHANGE_OPTS, true, verb_start, "start the update services, dependencies first"},
    {"status", "", COMMON_OPTS, false, verb_status,
     "show state, start type, PID and last exit code of each service"},
    {"stop", "", CHANGE_OPTS, true, verb_stop, "stop the update services, dependents first"},
    {"undo", "", UNDO_OPTS, true, verb_undo,
     "put back what the last completed changing run changed, from its journal"},
    {"version", "", WF_OPT_HELP, false, verb_version, "print the version"},
};

const struct wf_command *wf_cli_commands(size_t *n)
{
    *n = sizeof(commands) / sizeof(commands[0]);
    return commands;
}

const struct wf_command *wf_cli_find_command(const char *name)
{
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

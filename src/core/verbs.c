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

#define COMMON_OPTS (WF_OPT_SERVICE | WF_OPT_ALL | WF_OPT_JSON | WF_OPT_QUIET | WF_OPT_NO_COLOR | WF_OPT_HELP)
#define CHANGE_OPTS (COMMON_OPTS | WF_OPT_TIMEOUT | WF_OPT_DRY_RUN | WF_OPT_FORCE)
#define UNDO_OPTS                                                                                            \
    (WF_OPT_TIMEOUT | WF_OPT_DRY_RUN | WF_OPT_JSON | WF_OPT_QUIET | WF_OPT_NO_COLOR | WF_OPT_HELP)
#define PROGRESS_TICK_MS 100u

static void emit(struct wf_ctx *ctx, enum wf_stream s, struct wf_buf *b)
{
    if (b->oom)
        wf_out_puts(&ctx->pf->out, WF_STDERR, "wufix: out of memory while writing the report\n");
    else if (b->len)
        ctx->pf->out.write(ctx->pf->out.self, s, b->data, b->len);
    wf_buf_clear(b);
}

/* The services a command works on: --service, or the default set (+ --all),
 * and for status the read-only ones too. */
static wf_err fill_set(struct wf_ctx *ctx, struct wf_plan *p)
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

static int open_backend(struct wf_ctx *ctx)
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

static void report_ctx(struct wf_ctx *ctx, struct wf_report_ctx *rc)
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
    emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    return WF_EXIT_OK;
}

static int verb_version(struct wf_ctx *ctx)
{
    wf_out_puts(&ctx->pf->out, WF_STDOUT, "wufix " WF_VERSION "\n");
    return WF_EXIT_OK;
}

static int gather_failed(struct wf_ctx *ctx, const struct wf_plan *p, wf_err e)
{
    wf_out_printf(&ctx->pf->out, WF_STDERR, "wufix: %s: %s\n", p->problem[0] ? p->problem : "cannot plan",
                  wf_err_token(e));
    return wf_err_exit_code(e, ctx->pf->elevated);
}

static int verb_status(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_buf b;
    int rcode = open_backend(ctx);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    wf_buf_init(&b);
    wf_err e = p ? fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    if (e != WF_OK) {
        rcode = p ? gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    report_ctx(ctx, &rc);
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
    emit(ctx, WF_STDOUT, &b);
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return rcode;
}

/* Live output while the engine runs. */
struct live {
    struct wf_ctx *ctx;
    struct wf_report_ctx *rc;
    size_t progress_cols; /* width of the progress line on screen, to erase it */
};

static void live_erase(struct live *l)
{
    if (!l->progress_cols)
        return;
    char blank[256];
    size_t n = l->progress_cols < sizeof(blank) - 2 ? l->progress_cols : sizeof(blank) - 3;
    blank[0] = '\r';
    memset(blank + 1, ' ', n);
    blank[n + 1] = '\r';
    l->ctx->pf->out.write(l->ctx->pf->out.self, WF_STDOUT, blank, n + 2);
    l->progress_cols = 0;
}

static void live_step_end(void *arg, const struct wf_plan *p, size_t step, const struct wf_action *a)
{
    struct live *l = arg;
    struct wf_buf b;
    (void)step;
    live_erase(l);
    wf_buf_init(&b);
    wf_report_action(&b, l->rc, p, a);
    emit(l->ctx, a->err == WF_OK ? WF_STDOUT : WF_STDERR, &b);
    wf_buf_release(&b);
}

static void live_tick(void *arg, const struct wf_plan *p, uint64_t elapsed_ms)
{
    struct live *l = arg;
    struct wf_buf b;
    wf_buf_init(&b);
    wf_buf_puts(&b, "\r  ");
    wf_report_progress(&b, p, elapsed_ms);
    size_t cols = wf_utf8_width(wf_buf_str(&b));
    for (size_t i = cols; i < l->progress_cols; i++)
        wf_buf_puts(&b, " ");
    l->progress_cols = cols;
    emit(l->ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
}

/* Before anything changes: a service to start that is missing or disabled
 * blocks the whole run (exit 5), so nothing is left half done. */
static wf_err preflight(struct wf_ctx *ctx, const struct wf_plan *p, struct wf_buf *msg)
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

static bool text_mode(const struct wf_ctx *ctx)
{
    return !ctx->opt.json && !ctx->opt.quiet;
}

/* Rights, the machine's lock and the SCM: what every changing command needs
 * before it reads anything. Returns an exit code; WF_EXIT_OK to go on, and
 * then finish_up releases them. On failure nothing is left held. */
static int prepare(struct wf_ctx *ctx, bool *locked)
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
    int rcode = open_backend(ctx);
    if (rcode != WF_EXIT_OK && *locked) {
        ctx->pf->unlock(ctx->pf->self);
        *locked = false;
    }
    return rcode;
}

static void finish_up(struct wf_ctx *ctx, bool locked, bool backend_open)
{
    if (backend_open)
        ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    if (locked)
        ctx->pf->unlock(ctx->pf->self);
}

/* A plan over the services a journal lists, read live; `before` is what the
 * SCM says now. */
static wf_err plan_from_journal(struct wf_ctx *ctx, const struct wf_journal *j, struct wf_plan **out)
{
    struct wf_plan *p = wf_plan_new(WF_OP_START); /* reads the graph, adds no outsiders */
    wf_err e = p ? WF_OK : WF_E_NOMEM;
    for (size_t i = 0; i < j->nsvc && e == WF_OK; i++)
        e = wf_plan_add(p, j->svc[i].name, j->svc[i].in_set, NULL);
    if (e == WF_OK)
        e = wf_plan_gather(p, &ctx->backend);
    if (e != WF_OK) {
        wf_plan_free(p);
        p = NULL;
    }
    *out = p;
    return e;
}

static void print_actions(struct wf_ctx *ctx, const struct wf_report_ctx *rc, const struct wf_plan *p)
{
    struct wf_buf b;
    wf_buf_init(&b);
    for (size_t i = 0; i < p->naction; i++)
        wf_report_action(&b, rc, p, &p->action[i]);
    emit(ctx, WF_STDERR, &b);
    wf_buf_release(&b);
}

/* Put back the configuration a journal's fixes changed (after the states). */
static wf_err revert_fixes(struct wf_ctx *ctx, const struct wf_journal *j)
{
    struct wf_repair *r;
    wf_err e;
    if (!j->nfix)
        return WF_OK;
    r = calloc(1, sizeof(*r));
    if (!r)
        return WF_E_NOMEM;
    for (size_t i = 0; i < j->nfix; i++)
        r->fix[r->n++] = j->fix[i];
    e = wf_repair_revert(r, &ctx->backend, &ctx->pf->host);
    free(r);
    return e;
}

/* A journal left open means a run was killed (the lock is ours, so its
 * owner is gone): put its services back first. --dry-run only says so. */
static int recover(struct wf_ctx *ctx)
{
    struct wf_journal j;
    const struct wf_out *o = &ctx->pf->out;
    wf_err e = wf_journal_load(&j, &ctx->pf->store);
    if (e == WF_E_NO_SERVICE)
        return WF_EXIT_OK;
    if (e != WF_OK) {
        wf_out_puts(o, WF_STDERR,
                    "wufix: warning: the journal of the last run cannot be read; ignoring it\n");
        return WF_EXIT_OK;
    }
    if (!j.open)
        return WF_EXIT_OK;
    wf_out_printf(o, WF_STDERR, "wufix: found the journal of an unfinished '%s' (process %u, started %s)%s\n",
                  j.command, (unsigned)j.pid, j.started,
                  ctx->opt.dry_run ? "; a run that is not a dry run will put its services back first"
                                   : "; putting its services back as they were");
    if (ctx->opt.dry_run)
        return WF_EXIT_OK;
    struct wf_plan *p;
    e = plan_from_journal(ctx, &j, &p);
    if (e == WF_OK) {
        struct wf_report_ctx rc;
        report_ctx(ctx, &rc);
        for (size_t i = 0; i < p->nsvc; i++)
            p->svc[i].before.state = j.svc[i].state;
        struct wf_engine_opts eo = {.timeout_ms = ctx->opt.timeout_s * 1000u};
        e = wf_engine_restore(p, &ctx->backend, &eo);
        print_actions(ctx, &rc, p);
        wf_plan_free(p);
        wf_err f = revert_fixes(ctx, &j);
        if (e == WF_OK)
            e = f;
    }
    if (e != WF_OK) {
        wf_out_printf(o, WF_STDERR, "wufix: could not put everything back (%s); the journal is kept\n",
                      wf_err_token(e));
        return wf_err_exit_code(e, ctx->pf->elevated);
    }
    j.open = false;
    wf_strlcpy(j.outcome, "recovered", sizeof(j.outcome));
    if (wf_journal_save(&j, &ctx->pf->store) != WF_OK)
        wf_out_puts(o, WF_STDERR, "wufix: warning: cannot close the journal\n");
    wf_out_puts(o, WF_STDERR, "wufix: the unfinished run was put back\n");
    return WF_EXIT_OK;
}

/* Show the plan; unless --dry-run, journal the services' states, run the
 * steps, put everything back on failure, close the journal, report. */
static int execute(struct wf_ctx *ctx, struct wf_plan *p, struct wf_report_ctx *rc, uint64_t t0,
                   struct wf_repair *fixes)
{
    const struct wf_backend *be = &ctx->backend;
    struct wf_buf b;
    bool text = text_mode(ctx);
    int rcode;
    wf_buf_init(&b);
    if (text) {
        wf_buf_printf(&b, "wufix %s on %s\n\nBefore:\n", ctx->opt.cmd->name, rc->computer);
        wf_report_table(&b, rc, p, WF_TABLE_BEFORE);
        wf_buf_puts(&b, "\n");
        if (fixes && fixes->n) {
            wf_buf_puts(&b, "Changes (was -> will be):\n");
            for (size_t i = 0; i < fixes->n; i++) {
                wf_buf_puts(&b, "  ");
                wf_repair_describe(&fixes->fix[i], &b);
                wf_buf_puts(&b, "\n");
            }
            wf_buf_puts(&b, "Then:\n");
        }
        wf_report_plan(&b, p);
        emit(ctx, WF_STDOUT, &b);
    }
    if (ctx->opt.dry_run) {
        if (text)
            wf_buf_puts(&b, "\nDry run: nothing was changed.\n");
        else if (ctx->opt.json)
            wf_report_json(&b, rc, p, WF_EXIT_OK, be->ops->now_ms(be->self) - t0, false);
        emit(ctx, WF_STDOUT, &b);
        wf_buf_release(&b);
        return WF_EXIT_OK;
    }

    struct wf_journal j;
    char when[32] = "";
    ctx->pf->timestamp(ctx->pf->self, when, sizeof(when));
    wf_journal_from_plan(&j, p, ctx->opt.cmd->name, when, ctx->pf->pid);
    if (fixes)
        wf_journal_add_fixes(&j, fixes);
    if (wf_journal_save(&j, &ctx->pf->store) != WF_OK) {
        wf_out_puts(&ctx->pf->out, WF_STDERR,
                    "wufix: cannot write the journal under %ProgramData%\\wufix; nothing was changed\n");
        wf_buf_release(&b);
        return WF_EXIT_SYSTEM;
    }

    struct live live = {.ctx = ctx, .rc = rc};
    struct wf_engine_events ev = {.step_end = live_step_end,
                                  .tick = live_tick,
                                  .ctx = &live,
                                  .tick_ms = ctx->pf->out.console ? PROGRESS_TICK_MS : 0};
    struct wf_engine_opts eo = {
        .timeout_ms = ctx->opt.timeout_s * 1000u, .force = ctx->opt.force, .events = text ? &ev : NULL};
    if (text)
        wf_out_puts(&ctx->pf->out, WF_STDOUT, "\n");
    wf_err e = WF_OK, back = WF_OK;
    if (fixes) {
        e = wf_repair_apply(fixes, be, &ctx->pf->host);
        if (e != WF_OK) {
            wf_out_printf(&ctx->pf->out, WF_STDERR,
                          "wufix: a repair could not be applied (%s); putting back\n", wf_err_token(e));
            back = wf_repair_revert(fixes, be, &ctx->pf->host);
        } else if (text) {
            wf_out_printf(&ctx->pf->out, WF_STDOUT, "  applied %u fix%s\n", (unsigned)fixes->n,
                          fixes->n == 1 ? "" : "es");
        }
    }
    if (e == WF_OK)
        e = wf_engine_run(p, be, &eo);
    if (e != WF_OK && back == WF_OK) {
        if (text) {
            live_erase(&live);
            wf_out_puts(&ctx->pf->out, WF_STDOUT, "Putting back what was changed:\n");
        }
        back = wf_engine_restore(p, be, &eo);
        if (fixes) {
            wf_err r = wf_repair_revert(fixes, be, &ctx->pf->host);
            if (back == WF_OK)
                back = r;
        }
    }
    live_erase(&live);

    j.open = false;
    wf_strlcpy(j.outcome,
               e == WF_OK              ? "ok"
               : e == WF_E_INTERRUPTED ? "interrupted"
               : back == WF_OK         ? "rolled_back"
                                       : "failed",
               sizeof(j.outcome));
    if (wf_journal_save(&j, &ctx->pf->store) != WF_OK)
        wf_out_puts(&ctx->pf->out, WF_STDERR, "wufix: warning: cannot close the journal\n");

    wf_engine_query_after(p, be);
    uint64_t elapsed = be->ops->now_ms(be->self) - t0;
    rcode = wf_err_exit_code(e, ctx->pf->elevated);
    if (ctx->opt.json) {
        wf_report_json(&b, rc, p, rcode, elapsed, true);
    } else {
        if (text) {
            wf_buf_puts(&b, "\nAfter:\n");
            wf_report_table(&b, rc, p, WF_TABLE_AFTER);
            wf_buf_puts(&b, "\n");
        } else {
            struct wf_buf err;
            wf_buf_init(&err);
            for (size_t i = 0; i < p->naction; i++)
                if (p->action[i].err != WF_OK)
                    wf_report_error(&err, rc, p, &p->action[i]);
            emit(ctx, WF_STDERR, &err);
            wf_buf_release(&err);
        }
        wf_report_summary(&b, rc, p, e, elapsed);
    }
    emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    return rcode;
}

static int change(struct wf_ctx *ctx, enum wf_op op)
{
    struct wf_report_ctx rc;
    struct wf_buf err;
    struct wf_plan *p = NULL;
    bool locked;
    int rcode = prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    const struct wf_backend *be = &ctx->backend;
    uint64_t t0 = be->ops->now_ms(be->self);
    wf_buf_init(&err);
    rcode = recover(ctx);
    if (rcode != WF_EXIT_OK)
        goto out;
    p = wf_plan_new(op);
    wf_err e = p ? fill_set(ctx, p) : WF_E_NOMEM;
    if (e == WF_OK)
        e = wf_plan_gather(p, be);
    if (e != WF_OK) {
        rcode = p ? gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    report_ctx(ctx, &rc);
    e = preflight(ctx, p, &err);
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
            emit(ctx, WF_STDOUT, &b);
            wf_buf_release(&b);
        } else {
            if (text_mode(ctx)) {
                struct wf_buf b;
                wf_buf_init(&b);
                wf_buf_printf(&b, "wufix %s on %s\n\nBefore:\n", ctx->opt.cmd->name, rc.computer);
                wf_report_table(&b, &rc, p, WF_TABLE_BEFORE);
                emit(ctx, WF_STDOUT, &b);
                wf_buf_release(&b);
            }
            emit(ctx, WF_STDERR, &err);
        }
        goto out;
    }
    rcode = execute(ctx, p, &rc, t0, NULL);
out:
    wf_buf_release(&err);
    wf_plan_free(p);
    finish_up(ctx, locked, true);
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
    int rcode = prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_err e = wf_journal_load(&j, &ctx->pf->store);
    if (e == WF_OK && j.open) {
        rcode = recover(ctx); /* that is the undo of an unfinished run */
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
    e = plan_from_journal(ctx, &j, &p);
    if (e != WF_OK) {
        rcode = p ? gather_failed(ctx, p, e) : wf_err_exit_code(e, ctx->pf->elevated);
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
        rcode = gather_failed(ctx, p, e);
        goto out;
    }
    if (text_mode(ctx))
        wf_out_printf(o, WF_STDOUT, "Undoing '%s' of %s.\n", j.command, j.started);
    struct wf_report_ctx rc;
    report_ctx(ctx, &rc);
    rcode = execute(ctx, p, &rc, t0, NULL);
    if (rcode == WF_EXIT_OK && !ctx->opt.dry_run && j.nfix) {
        if (revert_fixes(ctx, &j) != WF_OK) {
            wf_out_puts(o, WF_STDERR, "wufix: some configuration could not be put back\n");
            rcode = WF_EXIT_FAILED;
        } else if (text_mode(ctx)) {
            wf_out_printf(o, WF_STDOUT, "Put back %u configuration value%s.\n", (unsigned)j.nfix,
                          j.nfix == 1 ? "" : "s");
        }
    }
out:
    wf_plan_free(p);
    finish_up(ctx, locked, true);
    return rcode;
}

/* Gather the set (and for check, the read-only ones) and check it. */
static wf_err health(struct wf_ctx *ctx, enum wf_op op, struct wf_plan **pp, struct wf_check *c)
{
    struct wf_plan *p = wf_plan_new(op);
    wf_err e = p ? fill_set(ctx, p) : WF_E_NOMEM;
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

static int verb_check(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_plan *p = NULL;
    struct wf_buf b;
    int rcode = c ? open_backend(ctx) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(c);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_buf_init(&b);
    wf_err e = health(ctx, WF_OP_STATUS, &p, c);
    if (e != WF_OK) {
        rcode = p ? gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    report_ctx(ctx, &rc);
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
    emit(ctx, WF_STDOUT, &b);
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
    if (text_mode(ctx)) {
        wf_buf_puts(&b, "\nChecked again:\n");
        report_problems(&b, c);
        if (!wf_check_count(c, WF_SEV_WARNING))
            wf_buf_puts(&b, "  healthy\n");
        emit(ctx, WF_STDOUT, &b);
    }
    rcode = left ? WF_EXIT_FAILED : blocked ? WF_EXIT_BLOCKED : reboot ? WF_EXIT_REBOOT : WF_EXIT_OK;
out:
    wf_buf_release(&b);
    wf_plan_free(p);
    free(c);
    return rcode;
}

static int verb_repair(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_repair *fixes = calloc(1, sizeof(*fixes));
    struct wf_plan *p = NULL;
    struct wf_buf err;
    bool locked = false;
    int rcode = c && fixes ? prepare(ctx, &locked) : WF_EXIT_SYSTEM;
    if (rcode != WF_EXIT_OK) {
        free(c);
        free(fixes);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_buf_init(&err);
    rcode = recover(ctx);
    if (rcode != WF_EXIT_OK)
        goto out;
    wf_err e = health(ctx, WF_OP_RESTART, &p, c);
    if (e == WF_OK)
        e = wf_repair_plan(c, p, &ctx->backend, &ctx->pf->host, fixes);
    if (e != WF_OK) {
        rcode = p ? gather_failed(ctx, p, e) : WF_EXIT_SYSTEM;
        goto out;
    }
    report_ctx(ctx, &rc);
    if (text_mode(ctx)) {
        struct wf_buf b;
        wf_buf_init(&b);
        wf_buf_puts(&b, "Found:\n");
        report_problems(&b, c);
        if (!wf_check_count(c, WF_SEV_WARNING))
            wf_buf_puts(&b, "  no problems\n");
        wf_buf_puts(&b, "\n");
        emit(ctx, WF_STDOUT, &b);
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
    e = preflight(ctx, p, &err);
    for (size_t i = 0; i < p->nsvc; i++)
        p->svc[i].cfg.start_type = found[i];
    if (e == WF_OK)
        e = wf_plan_build(p);
    if (e == WF_E_CYCLE)
        wf_buf_printf(&err, "wufix: cannot order the services: %s\n", p->problem);
    if (e != WF_OK) {
        emit(ctx, WF_STDERR, &err);
        rcode = wf_err_exit_code(e, ctx->pf->elevated);
        goto out;
    }
    rcode = execute(ctx, p, &rc, t0, fixes);
    if (rcode == WF_EXIT_OK && !ctx->opt.dry_run)
        rcode = verify(ctx);
out:
    wf_buf_release(&err);
    wf_plan_free(p);
    free(c);
    free(fixes);
    finish_up(ctx, locked, true);
    return rcode;
}

/* Sorted by name; tests check it. */
static const struct wf_command commands[] = {
    {"check", "", COMMON_OPTS, false, verb_check,
     "find what is wrong with the update services and the machine; exit 1 if anything is"},
    {"help", "[COMMAND]", WF_OPT_HELP, false, verb_help, "show help for wufix or one command"},
    {"repair", "", CHANGE_OPTS, true, verb_repair,
     "fix what check finds (start types, image paths, service DLLs, permissions, blocker marks), then "
     "restart"},
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

/* SPDX-License-Identifier: MIT */
/* verbs.c - the command table and its handlers. Help is generated from the table. */
#include <stdio.h>
#include <string.h>

#include "wufix/cli.h"
#include "wufix/engine.h"
#include "wufix/journal.h"
#include "wufix/plan.h"
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
static int execute(struct wf_ctx *ctx, struct wf_plan *p, struct wf_report_ctx *rc, uint64_t t0)
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
    wf_err e = wf_engine_run(p, be, &eo);
    wf_err back = WF_OK;
    if (e != WF_OK) {
        if (text) {
            live_erase(&live);
            wf_out_puts(&ctx->pf->out, WF_STDOUT, "Putting back what was changed:\n");
        }
        back = wf_engine_restore(p, be, &eo);
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
    rcode = execute(ctx, p, &rc, t0);
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
    rcode = execute(ctx, p, &rc, t0);
out:
    wf_plan_free(p);
    finish_up(ctx, locked, true);
    return rcode;
}

/* Sorted by name; tests check it. */
static const struct wf_command commands[] = {
    {"help", "[COMMAND]", WF_OPT_HELP, false, verb_help, "show help for wufix or one command"},
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

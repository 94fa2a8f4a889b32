/* SPDX-License-Identifier: MIT */
/* run.c - a changing run: live progress, the journal around it, rollback, and
 * recovery of a run that was killed. */
#include "wufix/run/run.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/aside.h"
#include "wufix/mech/engine.h"
#include "wufix/mech/repair.h"
#include "wufix/mech/trust.h"

#define PROGRESS_TICK_MS 100u

bool wf_run_text_mode(const struct wf_run *r)
{
    return !r->json && !r->quiet;
}

static void report_ctx(const struct wf_run *r, struct wf_report_ctx *rc)
{
    memset(rc, 0, sizeof(*rc));
    rc->command = r->command;
    rc->color = r->pf->out.color && !r->no_color;
    rc->width = r->pf->out.cols ? wf_out_width(&r->pf->out) : 0;
    rc->backend = r->backend;
    r->backend->ops->computer(r->backend->self, rc->computer, sizeof(rc->computer));
}

/* Live output while the engine runs. */
struct live {
    const struct wf_run *r;
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
    l->r->pf->out.write(l->r->pf->out.self, WF_STDOUT, blank, n + 2);
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
    wf_out_buf(&l->r->pf->out, a->err == WF_OK ? WF_STDOUT : WF_STDERR, &b);
    wf_buf_release(&b);
}

static void live_tick(void *arg, const struct wf_plan *p, uint64_t elapsed_ms)
{
    struct live *l = arg;
    struct wf_buf b;
    wf_buf_init(&b);
    wf_buf_puts(&b, "\r  ");
    wf_report_progress(&b, p, elapsed_ms);
    /* One line, or the next tick's \r cannot take it back: cut to the console. */
    size_t cols = wf_utf8_width(wf_buf_str(&b)), room = wf_out_width(&l->r->pf->out) + 1;
    while (cols > room && b.len) {
        cols -= (b.data[b.len - 1] & 0xC0) != 0x80;
        b.data[--b.len] = '\0';
    }
    for (size_t i = cols; i < l->progress_cols; i++)
        wf_buf_puts(&b, " ");
    l->progress_cols = cols;
    wf_out_buf(&l->r->pf->out, WF_STDOUT, &b);
    wf_buf_release(&b);
}

/* A plan over the services a journal lists, read live; `before` is what the
 * SCM says now. */
wf_err wf_run_plan_from_journal(const struct wf_run *r, const struct wf_journal *j, struct wf_plan **out)
{
    struct wf_plan *p = wf_plan_new(WF_OP_START); /* reads the graph, adds no outsiders */
    wf_err e = p ? WF_OK : WF_E_NOMEM;
    for (size_t i = 0; i < j->nsvc && e == WF_OK; i++)
        e = wf_plan_add(p, j->svc[i].name, j->svc[i].in_set, NULL);
    if (e == WF_OK)
        e = wf_plan_gather(p, r->backend);
    if (e != WF_OK) {
        wf_plan_free(p);
        p = NULL;
    }
    *out = p;
    return e;
}

static void print_actions(const struct wf_run *r, const struct wf_report_ctx *rc, const struct wf_plan *p)
{
    struct wf_buf b;
    wf_buf_init(&b);
    for (size_t i = 0; i < p->naction; i++)
        wf_report_action(&b, rc, p, &p->action[i]);
    wf_out_buf(&r->pf->out, WF_STDERR, &b);
    wf_buf_release(&b);
}

/* Every service of the plan towards `want` (UNKNOWN: left alone) from where
 * the SCM says it is now. */
static wf_err settle(struct wf_plan *p, const struct wf_backend *be, const struct wf_engine_opts *eo,
                     const enum wf_state *want)
{
    enum wf_state cur[WF_PLAN_MAX] = {WF_STATE_UNKNOWN};
    wf_engine_states_now(p, be, cur);
    wf_err e = wf_plan_build_towards(p, cur, want);
    return e == WF_OK ? wf_engine_run(p, be, eo) : e;
}

/* Every service that can be moved, stopped. */
static void all_stopped(const struct wf_plan *p, enum wf_state *want)
{
    for (size_t i = 0; i < p->nsvc; i++)
        want[i] = p->svc[i].installed && !p->svc[i].protected_svc ? WF_STATE_STOPPED : WF_STATE_UNKNOWN;
}

static bool any_applied(const struct wf_repair *fx)
{
    for (size_t i = 0; fx && i < fx->n; i++)
        if (fx->fix[i].applied)
            return true;
    return false;
}

/* The changes a run made: its configuration values and its caches moved
 * (set aside, or put back: those no longer marked applied). */
static unsigned changes_made(const struct wf_repair *fixes, const struct wf_repair *aside, bool back)
{
    unsigned n = 0;
    for (size_t i = 0; fixes && i < fixes->n; i++)
        n += fixes->fix[i].applied;
    for (size_t i = 0; aside && i < aside->n; i++)
        n += aside->fix[i].applied != back;
    return n;
}

/* A change listed, was -> will be: wrapped to the console (a registry
 * path is long), each further line under its words. */
static void change_line(struct wf_buf *b, const struct wf_report_ctx *rc, const struct wf_fix *f)
{
    struct wf_buf t;
    wf_buf_init(&t);
    wf_repair_describe(f, &t);
    wf_buf_puts(b, "  ");
    if (rc->width)
        wf_buf_wrap(b, wf_buf_str(&t), 2, 4, rc->width);
    else
        wf_buf_printf(b, "%s\n", wf_buf_str(&t));
    wf_buf_release(&t);
}

static void say_fix(const struct wf_run *r, const char *lead, const struct wf_fix *f, enum wf_stream s)
{
    struct wf_buf b;
    wf_buf_init(&b);
    wf_buf_puts(&b, lead);
    wf_repair_describe(f, &b);
    wf_buf_puts(&b, "\n");
    wf_out_buf(&r->pf->out, s, &b);
    wf_buf_release(&b);
}

/* Put back what a run changed: caches first (with every service stopped,
 * as they were set aside), then each service's state, then the configuration. */
static wf_err put_back(const struct wf_run *r, struct wf_plan *p, const struct wf_engine_opts *o,
                       struct wf_repair *fixes, struct wf_repair *aside)
{
    const struct wf_backend *be = r->backend;
    struct wf_engine_opts eo = *o;
    wf_err back = WF_OK, e;
    eo.best_effort = eo.rollback = true;
    if (aside && any_applied(aside)) {
        enum wf_state want[WF_PLAN_MAX];
        all_stopped(p, want);
        back = settle(p, be, &eo, want);
        e = wf_repair_revert(aside, be, &r->pf->host);
        for (size_t i = 0; i < aside->n; i++)
            if (aside->fix[i].applied)
                say_fix(r, WF_M(M_WUFIX_COULD_NOT_PUT_BACK), &aside->fix[i], WF_STDERR);
        if (back == WF_OK)
            back = e;
    }
    e = wf_engine_restore(p, be, o);
    if (back == WF_OK)
        back = e;
    if (fixes) {
        e = wf_repair_revert(fixes, be, &r->pf->host);
        if (back == WF_OK)
            back = e;
    }
    return back;
}

/* A journal's changes: configuration fixes and caches set aside, as applied. */
void wf_run_journal_changes(const struct wf_journal *j, struct wf_repair *fixes, struct wf_repair *aside)
{
    memset(fixes, 0, sizeof(*fixes));
    memset(aside, 0, sizeof(*aside));
    for (size_t i = 0; i < j->nfix; i++) {
        struct wf_repair *to = j->fix[i].kind == WF_FIX_RENAME ? aside : fixes;
        if (to->n >= WF_FIXES_MAX)
            continue; /* not a journal wufix wrote */
        to->fix[to->n] = j->fix[i];
        to->fix[to->n++].applied = true;
    }
}

/* Put back the configuration a journal's fixes changed (after the states);
 * its caches are put back by the run around them. */
wf_err wf_run_revert_fixes(const struct wf_run *r, const struct wf_journal *j)
{
    struct wf_repair *fx = calloc(2, sizeof(*fx));
    wf_err e;
    if (!fx)
        return WF_E_NOMEM;
    wf_run_journal_changes(j, &fx[0], &fx[1]);
    e = wf_repair_revert(&fx[0], r->backend, &r->pf->host);
    free(fx);
    return e;
}

wf_err wf_run_load_journal(const struct wf_run *r, struct wf_journal *j)
{
    const struct wf_out *o = &r->pf->out;
    char why[512] = "", where[512] = "", safe[1024];
    wf_err e = wf_journal_load(j, &r->pf->store, why, sizeof(why));
    if (e == WF_OK)
        e = wf_trust_journal(j, &r->pf->host, why, sizeof(why));
    if (e != WF_E_UNTRUSTED)
        return e;
    /* Why quotes the journal: text a standard user may have written. */
    wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_WARNING_THE_JOURNAL_IN), wf_text_safe(why, safe, sizeof(safe)));
    if (r->dry_run)
        wf_out_puts(o, WF_STDERR, WF_M(M_WUFIX_IT_IS_IGNORED_A));
    else if (r->pf->store.set_aside(r->pf->store.self, where, sizeof(where)) == WF_OK)
        wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_IT_IS_IGNORED_AND), where);
    else
        wf_out_puts(o, WF_STDERR, WF_M(M_WUFIX_IT_IS_IGNORED_IT));
    return WF_E_NO_SERVICE;
}

/* The last run's journal could not be read (another process holds it, or it
 * cannot be opened): it is never replaced or set aside, so this run changes
 * nothing. A busy one is exit 6, like another wufix. */
int wf_run_journal_unread(const struct wf_run *r, wf_err e)
{
    if (e == WF_E_BUSY) {
        wf_out_puts(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_THE_JOURNAL_OF_THE));
        return WF_EXIT_BUSY;
    }
    wf_out_printf(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_THE_JOURNAL_OF_THE_2), wf_err_token(e));
    int code = wf_err_exit_code(e, r->pf->elevated);
    return code == WF_EXIT_OK ? WF_EXIT_SYSTEM : code;
}

bool wf_run_journal_denied(const struct wf_run *r, wf_err e)
{
    if (e != WF_E_ACCESS || !r->dry_run || r->pf->elevated)
        return false;
    wf_out_puts(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_NOTE_THE_JOURNAL_IN));
    return true;
}

/* The journal of a run that finished: tried three times, 200 ms apart
 * (something may hold the file a moment). When it still cannot be written,
 * the anchor names the closed journal anyway (wf_journal_close), so no later
 * run puts this one back; the run says so and its exit code is 8. */
static bool close_journal(const struct wf_run *r, const struct wf_journal *j)
{
    const struct wf_host *h = &r->pf->host;
    for (unsigned tries = 0; tries < 3; tries++) {
        if (tries)
            h->ops->sleep_ms(h->self, 200);
        /* A journal left open (putting back failed) is no close: a save of
         * it that fails leaves the one before vouched for, still open. */
        if ((j->open ? wf_journal_save(j, &r->pf->store) : wf_journal_close(j, &r->pf->store)) == WF_OK)
            return true;
    }
    wf_out_puts(&r->pf->out, WF_STDERR,
                j->open ? WF_M(M_WUFIX_CANNOT_WRITE_THE_JOURNAL) : WF_M(M_WUFIX_CANNOT_CLOSE_THE_JOURNAL));
    return false;
}

/* A journal left open means a run was killed (the lock is ours, so its
 * owner is gone): put its services back first. --dry-run only says so. */
static int recover(const struct wf_run *r, struct wf_journal *j);

int wf_run_recover(const struct wf_run *r)
{
    /* On the heap: a journal holds every fix's values whole (megabytes). */
    struct wf_journal *j = calloc(1, sizeof(*j));
    int code = j ? recover(r, j) : wf_err_exit_code(WF_E_NOMEM, r->pf->elevated);
    free(j);
    return code;
}

static int recover(const struct wf_run *r, struct wf_journal *j)
{
    const struct wf_out *o = &r->pf->out;
    wf_err e = wf_run_load_journal(r, j);
    if (e == WF_E_NO_SERVICE || wf_run_journal_denied(r, e))
        return WF_EXIT_OK;
    if (e != WF_OK)
        return wf_run_journal_unread(r, e);
    if (!j->open)
        return WF_EXIT_OK;
    char started[sizeof(j->started) * 4];
    wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_FOUND_THE_JOURNAL_OF), j->command, (unsigned)j->pid,
                  wf_when_text(j->started, started, sizeof(started)),
                  r->dry_run ? WF_M(M_A_RUN_THAT_IS_NOT) : WF_M(M_PUTTING_ITS_SERVICES_BACK_AS));
    if (r->dry_run)
        return WF_EXIT_OK;
    struct wf_plan *p = NULL;
    struct wf_repair *fx = calloc(2, sizeof(*fx));
    e = fx ? wf_run_plan_from_journal(r, j, &p) : WF_E_NOMEM;
    if (e == WF_OK) {
        struct wf_report_ctx rc;
        report_ctx(r, &rc);
        for (size_t i = 0; i < p->nsvc; i++)
            p->svc[i].before.state = j->svc[i].state;
        struct wf_engine_opts eo = {.timeout_ms = r->timeout_s * 1000u};
        wf_run_journal_changes(j, &fx[0], &fx[1]);
        e = put_back(r, p, &eo, &fx[0], &fx[1]);
        print_actions(r, &rc, p);
    }
    wf_plan_free(p);
    free(fx);
    if (e != WF_OK) {
        wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_COULD_NOT_PUT_EVERYTHING), wf_err_token(e));
        return wf_err_exit_code(e, r->pf->elevated);
    }
    j->open = false;
    wf_strlcpy(j->outcome, "recovered", sizeof(j->outcome));
    bool closed = close_journal(r, j);
    wf_out_puts(o, WF_STDERR, WF_M(M_WUFIX_THE_UNFINISHED_RUN_WAS));
    return closed ? WF_EXIT_OK : WF_EXIT_SYSTEM;
}

/* Where the run takes each service: what its steps say, else where it was. */
static void targets(const struct wf_plan *p, enum wf_state *final)
{
    for (size_t i = 0; i < p->nsvc; i++) {
        enum wf_state b = p->svc[i].before.state;
        final[i] = !p->svc[i].installed || p->svc[i].protected_svc  ? WF_STATE_UNKNOWN
                   : b == WF_STATE_RUNNING || b == WF_STATE_STOPPED ? b
                                                                    : WF_STATE_UNKNOWN;
    }
    for (size_t k = 0; k < p->nstep; k++)
        if (p->step[k].kind == WF_STEP_START)
            final[p->step[k].svc] = WF_STATE_RUNNING;
        else if (final[p->step[k].svc] != WF_STATE_RUNNING)
            final[p->step[k].svc] = WF_STATE_STOPPED;
}

/* The plan's steps with the renames in the middle: every service stopped,
 * the caches renamed (or, for undo, renamed back), then every service where
 * the plan takes it. Setting aside stops at the first failure; putting back
 * goes on and reports. */
static wf_err run_around(const struct wf_run *r, struct wf_plan *p, const struct wf_engine_opts *eo,
                         const struct wf_run_changes *ch)
{
    const struct wf_backend *be = r->backend;
    const struct wf_host *h = &r->pf->host;
    bool text = wf_run_text_mode(r);
    enum wf_state final[WF_PLAN_MAX], want[WF_PLAN_MAX];
    targets(p, final);
    all_stopped(p, want);
    wf_err e = settle(p, be, eo, want), first = WF_OK;
    if (e != WF_OK)
        return e;
    for (size_t i = 0; i < ch->aside->n; i++) {
        struct wf_fix *f = &ch->aside->fix[i];
        if (ch->aside_back) {
            /* The run completed: each rename happened. */
            wf_err m = f->applied ? wf_aside_back(h, f, true) : WF_OK;
            if (m == WF_OK)
                f->applied = false;
            else if (first == WF_OK)
                first = m;
            char was[WF_TEXT_MAX], will[WF_TEXT_MAX];
            wf_text_safe(f->was.str, was, sizeof(was));
            wf_text_safe(f->will.str, will, sizeof(will));
            if (m != WF_OK)
                wf_out_printf(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_PUT_S_BACK), was, will,
                              m == WF_E_GONE ? WF_M(M_THE_COPY_SET_ASIDE_IS) : wf_err_token(m));
            else if (text)
                wf_out_printf(&r->pf->out, WF_STDOUT, WF_M(M_PUT_BACK_S_N), was);
            continue;
        }
        wf_err m = wf_aside_move(h, f->was.str, f->will.str);
        if (m != WF_OK) {
            char who[600];
            wf_aside_holders(h, f->was.str, NULL, who, sizeof(who));
            wf_out_printf(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_SET_ASIDE_S), f->was.str,
                          wf_err_token(m), WF_ASIDE_TRIES, who[0] ? ": " : "", who);
            return m;
        }
        f->applied = true;
        if (text)
            say_fix(r, "  ", f, WF_STDOUT);
    }
    e = settle(p, be, eo, final);
    return e != WF_OK ? e : first;
}

/* The question, at the console: y or yes goes on. */
static bool confirmed(const struct wf_run *r)
{
    enum wf_stream s = wf_run_text_mode(r) ? WF_STDOUT : WF_STDERR;
    wf_out_puts(&r->pf->out, s, "\n");
    return wf_platform_ask(r->pf, s, r->question, false);
}

/* Show the plan; unless --dry-run, journal the services' states, run the
 * steps, put everything back on failure, close the journal, report. */
int wf_run_execute(const struct wf_run *r, struct wf_plan *p, struct wf_report_ctx *rc, uint64_t t0,
                   const struct wf_run_changes *ch)
{
    static const struct wf_run_changes none = {0};
    const struct wf_backend *be = r->backend;
    struct wf_buf b;
    bool text = wf_run_text_mode(r);
    int rcode;
    if (!ch)
        ch = &none;
    struct wf_repair *fixes = ch->fixes, *aside = ch->aside && ch->aside->n ? ch->aside : NULL;
    rc->fixes = fixes;
    rc->aside = ch->aside_back ? NULL : aside;
    wf_buf_init(&b);
    if (text) {
        wf_report_before(&b, rc, p);
        wf_buf_puts(&b, "\n");
        if (fixes && fixes->n) {
            wf_buf_puts(&b, WF_M(M_CHANGES_WAS_WILL_BE_N));
            for (size_t i = 0; i < fixes->n; i++)
                change_line(&b, rc, &fixes->fix[i]);
            wf_buf_puts(&b, "\n");
        }
        wf_report_plan(&b, p, aside, ch->aside_back);
        if (ch->aside && !aside)
            wf_buf_puts(&b, WF_M(M_NOTHING_TO_SET_ASIDE_NONE));
        wf_out_buf(&r->pf->out, WF_STDOUT, &b);
    }
    if (r->dry_run) {
        if (text)
            wf_buf_puts(&b, WF_M(M_NDRY_RUN_NOTHING_WAS_CHANGED));
        else if (r->json)
            wf_report_json(&b, rc, p, WF_EXIT_OK, be->ops->now_ms(be->self) - t0, false);
        wf_out_buf(&r->pf->out, WF_STDOUT, &b);
        wf_buf_release(&b);
        return WF_EXIT_OK;
    }

    if (r->question && !r->yes && r->pf->interactive && !confirmed(r)) {
        if (r->declined)
            *r->declined = true;
        wf_buf_release(&b);
        return WF_EXIT_OK;
    }

    /* On the heap: a journal holds every fix's values whole (megabytes). */
    struct wf_journal *j = calloc(1, sizeof(*j));
    char when[32] = "";
    r->pf->timestamp(r->pf->self, when, sizeof(when));
    if (j) {
        wf_journal_from_plan(j, p, r->command, when, r->pf->pid);
        if (ch->undoes)
            wf_journal_undoes(j, ch->undoes);
        if (fixes)
            wf_journal_add_fixes(j, fixes);
        if (aside && !ch->aside_back)
            wf_journal_add_fixes(j, aside);
    }
    wf_err saved = j ? wf_journal_save(j, &r->pf->store) : WF_E_NOMEM;
    if (saved != WF_OK) {
        free(j);
        wf_buf_release(&b);
        if (saved == WF_E_BUSY)
            return wf_run_journal_unread(r, saved);
        wf_out_puts(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_WRITE_THE_JOURNAL_2));
        return WF_EXIT_SYSTEM;
    }

    struct live live = {.r = r, .rc = rc};
    struct wf_engine_events ev = {.step_end = live_step_end,
                                  .tick = live_tick,
                                  .ctx = &live,
                                  .tick_ms = r->pf->out.console ? PROGRESS_TICK_MS : 0};
    struct wf_engine_opts eo = {.timeout_ms = r->timeout_s * 1000u,
                                .force = r->force,
                                .events = text ? &ev : NULL,
                                .host = &r->pf->host};
    if (text)
        wf_out_puts(&r->pf->out, WF_STDOUT, "\n");
    wf_err e = WF_OK, back = WF_OK;
    if (fixes) {
        e = wf_repair_apply(fixes, be, &r->pf->host);
        if (e != WF_OK) {
            wf_out_printf(&r->pf->out, WF_STDERR, WF_M(M_WUFIX_A_REPAIR_COULD_NOT), wf_err_token(e));
            back = wf_repair_revert(fixes, be, &r->pf->host);
        } else if (text && fixes->n) {
            wf_out_printf(&r->pf->out, WF_STDOUT, WF_M(M_MADE_U_CHANGE_S_N), (unsigned)fixes->n,
                          fixes->n == 1 ? "" : "s");
        }
    }
    if (e == WF_OK)
        e = aside ? run_around(r, p, &eo, ch) : wf_engine_run(p, be, &eo);
    /* Undo goes on past a cache it cannot put back: its services run again. */
    bool undo_partial = aside && ch->aside_back && e != WF_OK && any_applied(aside);
    if (undo_partial)
        back = e; /* what could not be put back is reported above */
    else if (e != WF_OK && back == WF_OK) {
        if (text) {
            live_erase(&live);
            wf_out_puts(&r->pf->out, WF_STDOUT, WF_M(M_PUTTING_BACK_WHAT_WAS_CHANGED));
        }
        back = put_back(r, p, &eo, fixes, ch->aside_back ? NULL : aside);
    }
    live_erase(&live);

    /* Interrupted means everything was put back; when putting back failed,
     * the run failed, and its journal stays open for the next run to finish
     * putting back (never "interrupted", which promises it was done). */
    bool stuck = e == WF_E_INTERRUPTED && back != WF_OK;
    j->open = stuck;
    wf_strlcpy(j->outcome,
               e == WF_OK                        ? "ok"
               : e == WF_E_INTERRUPTED && !stuck ? WF_M(M_INTERRUPTED)
               : back == WF_OK                   ? WF_M(M_ROLLED_BACK)
                                                 : "failed",
               sizeof(j->outcome));
    bool closed = close_journal(r, j);
    free(j);

    wf_engine_query_after(p, be);
    uint64_t elapsed = be->ops->now_ms(be->self) - t0;
    rcode = stuck ? WF_EXIT_FAILED : wf_err_exit_code(e, r->pf->elevated);
    if (!closed && (rcode == WF_EXIT_OK || rcode == WF_EXIT_REBOOT))
        rcode = WF_EXIT_SYSTEM; /* never 0: the record of this run is not what it should be */
    if (r->json) {
        if (!r->defer_json)
            wf_report_json(&b, rc, p, rcode, elapsed, true);
    } else {
        if (text) {
            wf_buf_puts(&b, "\nAfter:\n");
            wf_report_table(&b, rc, p, WF_TABLE_AFTER);
            wf_buf_puts(&b, "\n");
            if (aside && !ch->aside_back && e == WF_OK) {
                wf_buf_puts(&b, WF_M(M_SET_ASIDE_DELETE_THEM_ONCE));
                for (size_t i = 0; i < aside->n; i++)
                    change_line(&b, rc, &aside->fix[i]);
                wf_buf_puts(&b, "\n");
            }
        } else {
            struct wf_buf err;
            wf_buf_init(&err);
            for (size_t i = 0; i < p->naction; i++)
                if (p->action[i].err != WF_OK)
                    wf_report_error(&err, rc, p, &p->action[i]);
            wf_out_buf(&r->pf->out, WF_STDERR, &err);
            wf_buf_release(&err);
        }
        if (text || !r->defer_quiet || e != WF_OK)
            wf_report_summary(&b, rc, p, e, wf_report_steps(p, aside != NULL),
                              changes_made(fixes, aside, ch->aside_back), elapsed);
    }
    wf_out_buf(&r->pf->out, WF_STDOUT, &b);
    wf_buf_release(&b);
    return rcode;
}

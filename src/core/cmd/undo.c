/* SPDX-License-Identifier: MIT */
/* undo.c - put back the last completed run that changed something, from the
 * journal: the last run, or an earlier one kept there because it changed
 * configuration (a run that only moved services never takes its place). */
#include "common.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/hosts.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/repair.h"
#include "wufix/mech/trust.h"

/* Why run `j` cannot be put back, or NULL when it can. */
static const char *not_undoable(const struct wf_journal *j)
{
    if (strcmp(j->command, "undo") == 0)
        return WF_M(M_WAS_AN_UNDO);
    if (strcmp(j->outcome, "ok") != 0)
        return WF_M(M_DID_NOT_COMPLETE_AND_WAS);
    return NULL;
}

/* A plan taking each service of `j` back to the state it had before. */
static wf_err states_back(const struct wf_run *run, const struct wf_journal *j, struct wf_plan **pp)
{
    enum wf_state cur[WF_PLAN_MAX], want[WF_PLAN_MAX];
    wf_err e = wf_run_plan_from_journal(run, j, pp);
    if (e != WF_OK)
        return e;
    struct wf_plan *p = *pp;
    for (size_t i = 0; i < p->nsvc; i++) {
        cur[i] = p->svc[i].before.state;
        want[i] = j->svc[i].state == WF_STATE_RUNNING || j->svc[i].state == WF_STATE_STOPPED
                      ? j->svc[i].state
                      : WF_STATE_UNKNOWN;
    }
    return wf_plan_build_towards(p, cur, want);
}

/* Journal fix `f` the other way: from the value there now (read live) back
 * to the one it replaced. False when there is nothing to put back (the value
 * is already the one it replaced, or none was recorded); WF_E_* in *e when
 * the value now cannot be read. */
static bool reverse(const struct wf_run *run, const struct wf_fix *f, struct wf_fix *out, wf_err *e)
{
    const struct wf_backend *b = run->backend;
    const struct wf_host *h = &run->pf->host;
    struct wf_svc_config *c = NULL;
    *e = WF_OK;
    *out = *f;
    out->applied = false;
    if (f->kind == WF_FIX_HOSTS) {
        /* From the content wufix wrote back to the copy's. */
        wf_strlcpy(out->key, f->value, sizeof(out->key));
        wf_strlcpy(out->value, f->key, sizeof(out->value));
        out->files = 0;
        return true;
    }
    memset(&out->will, 0, sizeof(out->will));
    memset(&out->was, 0, sizeof(out->was));
    out->will = f->was;
    if (f->kind != WF_FIX_REG && f->kind != WF_FIX_SDDL) {
        c = calloc(1, sizeof(*c));
        *e = c ? b->ops->config(b->self, f->service, c) : WF_E_NOMEM;
    }
    if (*e == WF_OK)
        switch (f->kind) {
        case WF_FIX_START:
            out->was_start = c->start_type;
            out->will_start = f->was_start;
            break;
        case WF_FIX_IMAGE: wf_strlcpy(out->was.str, c->image_path, sizeof(out->was.str)); break;
        case WF_FIX_ACCOUNT: wf_strlcpy(out->was.str, c->account, sizeof(out->was.str)); break;
        case WF_FIX_DEPS: wf_repair_deps(c, out->was.str, sizeof(out->was.str)); break;
        case WF_FIX_SDDL:
            /* An empty descriptor read back (Wine) cannot be written back. */
            if (!f->was.str[0])
                return false;
            *e = b->ops->security(b->self, f->service, out->was.str, sizeof(out->was.str));
            break;
        case WF_FIX_REG:
            /* One that cannot be read whole (too long to record) is not changed. */
            *e = h->ops->reg_read(h->self, f->key, f->value, &out->was);
            break;
        case WF_FIX_RENAME:
        case WF_FIX_HOSTS: *e = WF_E_BAD_DATA; break;
        }
    free(c);
    if (*e != WF_OK)
        return false;
    if (f->kind == WF_FIX_START)
        return out->was_start != out->will_start;
    if (f->kind == WF_FIX_REG)
        return out->was.type != out->will.type ||
               (out->will.type == WF_REG_DWORD ? out->was.dword != out->will.dword
                                               : strcmp(out->was.str, out->will.str) != 0);
    return strcmp(out->was.str, out->will.str) != 0;
}

/* The configuration `j` changed, as changes from now back to before it;
 * its caches set aside, to be renamed back. */
static wf_err changes_back(const struct wf_run *run, const struct wf_journal *j, struct wf_repair *fixes,
                           struct wf_repair *aside)
{
    struct wf_repair *all = calloc(2, sizeof(*all));
    if (!all)
        return WF_E_NOMEM;
    wf_run_journal_changes(j, &all[0], aside);
    memset(fixes, 0, sizeof(*fixes));
    wf_err e = WF_OK;
    for (size_t i = 0; i < all[0].n && e == WF_OK; i++)
        if (reverse(run, &all[0].fix[i], &fixes->fix[fixes->n], &e))
            fixes->n++;
    free(all);
    return e;
}

/* Run `n` of the journal's text, trusted as the last run is; WF_E_NO_SERVICE
 * when there is none (or it is not trusted: it is not acted on). */
static wf_err earlier(const struct wf_run *run, const char *text, size_t n, struct wf_journal *j)
{
    char why[512], safe[1024];
    wf_err e = wf_journal_parse_run(text, n, j);
    if (e != WF_OK)
        return e == WF_E_NO_SERVICE ? e : WF_E_JOURNAL;
    if (wf_trust_journal(j, &run->pf->host, why, sizeof(why)) != WF_OK) {
        wf_out_printf(&run->pf->out, WF_STDERR, WF_M(M_WUFIX_WARNING_AN_EARLIER_RUN),
                      wf_text_safe(why, safe, sizeof(safe)));
        return WF_E_NO_SERVICE;
    }
    return WF_OK;
}

/* How many values a run's journal changed, in words. */
static void what_changed(const struct wf_journal *j, const struct wf_plan *p, char *out, size_t size)
{
    size_t values = 0, caches = 0;
    for (size_t i = 0; i < j->nfix; i++)
        if (j->fix[i].kind == WF_FIX_RENAME)
            caches++;
        else
            values++;
    int n = 0;
    out[0] = '\0';
    if (values)
        n = snprintf(out, size, WF_M(M_U_CONFIGURATION_VALUE_S), (unsigned)values, values == 1 ? "" : "s");
    if (caches && n >= 0 && (size_t)n < size)
        n += snprintf(out + n, size - (size_t)n, WF_M(M_S_U_CACHE_S_SET), values ? ", " : "",
                      (unsigned)caches, caches == 1 ? "" : "s");
    if (p && p->nstep && n >= 0 && (size_t)n < size)
        snprintf(out + n, size - (size_t)n, WF_M(M_SSERVICE_STATES), values || caches ? ", " : "");
}

/* The run to put back: the newest that completed and changed something.
 * With `list`, each one is shown instead (newest first). Returns its number
 * in the journal's text (or -1: none), its plan in *pp. */
static int pick(const struct wf_run *run, const char *text, struct wf_journal *j0, bool list,
                struct wf_journal *j, struct wf_plan **pp, const char **why_not, wf_err *err)
{
    const struct wf_out *o = &run->pf->out;
    int found = -1;
    *why_not = not_undoable(j0);
    *err = WF_OK;
    for (size_t n = 0;; n++) {
        struct wf_plan *p = NULL;
        if (n == 0)
            *j = *j0;
        else if (earlier(run, text, n, j) != WF_OK)
            break;
        if (not_undoable(j))
            continue;
        wf_err e = states_back(run, j, &p);
        if (e != WF_OK) {
            wf_plan_free(p);
            *err = e;
            return -1;
        }
        if (j->nfix == 0 && p->nstep == 0) {
            if (n == 0)
                *why_not = WF_M(M_LEFT_EVERY_SERVICE_AS_IT);
            wf_plan_free(p);
            continue;
        }
        if (!list) {
            *pp = p;
            return (int)n;
        }
        char words[128], started[sizeof(j->started) * 4];
        what_changed(j, p, words, sizeof(words));
        if (found < 0)
            wf_out_puts(o, WF_STDOUT, WF_M(M_RUNS_WUFIX_UNDO_CAN_PUT));
        wf_out_printf(o, WF_STDOUT, WF_M(M_S_8S_S_N), wf_when_text(j->started, started, sizeof(started)),
                      j->command, words);
        found = (int)n;
        wf_plan_free(p);
    }
    return found;
}

/* Put back what the last completed changing run changed, from its journal. */
int wf_cmd_undo(struct wf_ctx *ctx)
{
    const struct wf_out *o = &ctx->pf->out;
    struct wf_journal *j = calloc(2, sizeof(*j)), *j0 = j ? &j[1] : NULL;
    struct wf_plan *p = NULL;
    struct wf_buf text;
    bool locked = false;
    wf_buf_init(&text);
    if (!j)
        return WF_EXIT_SYSTEM;
    bool list = ctx->opt.list;
    if (list)
        ctx->opt.dry_run = true; /* only reads: no lock */
    int rcode = wf_cmd_prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK) {
        free(j);
        return rcode;
    }
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    struct wf_run run;
    wf_cmd_run_init(ctx, &run);
    wf_err e = wf_run_load_journal(&run, j0);
    if (e == WF_OK && j0->open) {
        rcode = wf_run_recover(&run); /* that is the undo of an unfinished run */
        goto out;
    }
    if (e == WF_E_NO_SERVICE) {
        wf_out_puts(o, WF_STDOUT, WF_M(M_NOTHING_TO_UNDO_NO_CHANGING));
        goto out;
    }
    if (wf_run_journal_denied(&run, e)) {
        wf_out_puts(o, WF_STDOUT, WF_M(M_DRY_RUN_WHAT_UNDO_WOULD));
        goto out;
    }
    char why[512];
    if (e == WF_OK)
        e = wf_journal_load_text(&ctx->pf->store, &text, why, sizeof(why));
    if (e != WF_OK) {
        rcode = wf_run_journal_unread(&run, e);
        goto out;
    }
    const char *why_not;
    int at = pick(&run, wf_buf_str(&text), j0, list, j, &p, &why_not, &e);
    if (e != WF_OK) {
        rcode = wf_err_exit_code(e, ctx->pf->elevated);
        wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_CANNOT_READ_THE_SERVICES), wf_err_token(e));
        goto out;
    }
    char started[sizeof(j0->started) * 4];
    wf_when_text(j0->started, started, sizeof(started));
    if (at < 0) {
        /* --json: the one object (the services as they are, nothing done);
         * the words go to stderr. */
        wf_out_printf(o, ctx->opt.json ? WF_STDERR : WF_STDOUT, WF_M(M_NOTHING_TO_UNDO_THE_LAST), j0->command,
                      started, why_not ? why_not : WF_M(M_CHANGED_NOTHING),
                      wf_journal_keeps(j0) ? "" : WF_M(M_AND_NO_EARLIER_RUN_THAT));
        if (ctx->opt.json && states_back(&run, j0, &p) == WF_OK) {
            struct wf_report_ctx rc;
            struct wf_buf b;
            wf_cmd_report_ctx(ctx, &rc);
            wf_buf_init(&b);
            wf_report_json(&b, &rc, p, WF_EXIT_OK, ctx->backend.ops->now_ms(ctx->backend.self) - t0, false);
            wf_cmd_emit(ctx, WF_STDOUT, &b);
            wf_buf_release(&b);
        }
        goto out;
    }
    if (list)
        goto out;
    struct wf_repair *r = calloc(2, sizeof(*r));
    if (!r) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    e = changes_back(&run, j, &r[0], &r[1]);
    if (e != WF_OK) {
        free(r);
        wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_CANNOT_READ_WHAT_THE), wf_err_token(e));
        rcode = wf_err_exit_code(e, ctx->pf->elevated);
        goto out;
    }
    /* A hosts file changed since wufix wrote it is not overwritten: nothing is. */
    for (size_t i = 0; i < r[0].n; i++) {
        char said[WF_TEXT_MAX], safe[WF_TEXT_MAX];
        if (r[0].fix[i].kind == WF_FIX_HOSTS &&
            (e = wf_hosts_ready(&ctx->pf->host, &r[0].fix[i], said, sizeof(said))) != WF_OK) {
            wf_out_printf(o, WF_STDERR, WF_M(M_WUFIX_CANNOT_UNDO_S_NOTHING),
                          wf_text_safe(said, safe, sizeof(safe)));
            free(r);
            rcode = wf_err_exit_code(e, ctx->pf->elevated);
            goto out;
        }
    }
    if (wf_cmd_text_mode(ctx)) {
        wf_when_text(j->started, started, sizeof(started));
        wf_out_printf(o, WF_STDOUT, WF_M(M_UNDOING_S_OF_S_N), j->command, started);
    }
    struct wf_report_ctx rc;
    wf_cmd_report_ctx(ctx, &rc);
    struct wf_run_changes ch = {
        .fixes = r[0].n ? &r[0] : NULL, .aside = r[1].n ? &r[1] : NULL, .aside_back = true, .undoes = j};
    rcode = wf_run_execute(&run, p, &rc, t0, &ch);
    free(r);
out:
    wf_buf_release(&text);
    wf_plan_free(p);
    free(j);
    wf_cmd_finish_up(ctx, locked, true);
    return rcode;
}

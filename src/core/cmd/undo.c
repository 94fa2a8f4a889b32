/* SPDX-License-Identifier: MIT */
/* undo.c - put back what the last completed changing run changed. */
#include "common.h"

#include <stdlib.h>
#include <string.h>

#include "wufix/mech/journal.h"

/* Put back what the last completed changing run changed, from its journal. */
int wf_cmd_undo(struct wf_ctx *ctx)
{
    const struct wf_out *o = &ctx->pf->out;
    struct wf_journal j;
    struct wf_plan *p = NULL;
    bool locked;
    int rcode = wf_cmd_prepare(ctx, &locked);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    struct wf_run run;
    wf_cmd_run_init(ctx, &run);
    wf_err e = wf_run_load_journal(&run, &j);
    if (e == WF_OK && j.open) {
        rcode = wf_run_recover(&run); /* that is the undo of an unfinished run */
        goto out;
    }
    if (e == WF_E_NO_SERVICE) {
        wf_out_puts(o, WF_STDOUT, "Nothing to undo: no changing run is recorded on this machine.\n");
        goto out;
    }
    if (wf_run_journal_denied(&run, e)) {
        wf_out_puts(o, WF_STDOUT,
                    "Dry run: what undo would put back is in that journal; nothing was changed.\n");
        goto out;
    }
    if (e != WF_OK) {
        rcode = wf_run_journal_unread(&run, e);
        goto out;
    }
    if (strcmp(j.command, "undo") == 0 || strcmp(j.outcome, "ok") != 0) {
        wf_out_printf(o, WF_STDOUT, "Nothing to undo: the last run ('%s', %s) %s.\n", j.command, j.started,
                      strcmp(j.command, "undo") == 0 ? "was an undo"
                                                     : "did not complete and was put back already");
        goto out;
    }
    e = wf_run_plan_from_journal(&run, &j, &p);
    if (e != WF_OK) {
        rcode = p ? wf_cmd_gather_failed(ctx, p, e) : wf_err_exit_code(e, ctx->pf->elevated);
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
        rcode = wf_cmd_gather_failed(ctx, p, e);
        goto out;
    }
    if (wf_cmd_text_mode(ctx))
        wf_out_printf(o, WF_STDOUT, "Undoing '%s' of %s.\n", j.command, j.started);
    struct wf_report_ctx rc;
    wf_cmd_report_ctx(ctx, &rc);
    struct wf_repair *r = calloc(2, sizeof(*r));
    if (!r) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    wf_run_journal_changes(&j, &r[0], &r[1]);
    struct wf_run_changes ch = {.aside = &r[1], .aside_back = true};
    rcode = wf_run_execute(&run, p, &rc, t0, &ch);
    free(r);
    if (rcode == WF_EXIT_OK && !ctx->opt.dry_run && j.nfix) {
        if (wf_run_revert_fixes(&run, &j) != WF_OK) {
            wf_out_puts(o, WF_STDERR, "wufix: some configuration could not be put back\n");
            rcode = WF_EXIT_FAILED;
        } else if (wf_cmd_text_mode(ctx)) {
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
    wf_cmd_finish_up(ctx, locked, true);
    return rcode;
}

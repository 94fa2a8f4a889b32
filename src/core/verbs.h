/* SPDX-License-Identifier: MIT */
/* verbs.h - what the command handlers share (internal to src/core). */
#ifndef WUFIX_CORE_VERBS_H
#define WUFIX_CORE_VERBS_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/cli.h"
#include "wufix/journal.h"
#include "wufix/plan.h"
#include "wufix/repair.h"
#include "wufix/report.h"

/* Write the buffer to a stream and empty it. */
void wf_verb_emit(struct wf_ctx *ctx, enum wf_stream s, struct wf_buf *b);
/* The services a command works on: --service, or the default set (+ --all);
 * for status and check the read-only ones too. */
wf_err wf_verb_fill_set(struct wf_ctx *ctx, struct wf_plan *p);
/* Connect to the SCM; an exit code (WF_EXIT_OK to go on). */
int wf_verb_open_backend(struct wf_ctx *ctx);
void wf_verb_report_ctx(struct wf_ctx *ctx, struct wf_report_ctx *rc);
/* Report why gathering failed; its exit code. */
int wf_verb_gather_failed(struct wf_ctx *ctx, const struct wf_plan *p, wf_err e);
/* A service to start that is missing or disabled blocks the run (exit 5). */
wf_err wf_verb_preflight(struct wf_ctx *ctx, const struct wf_plan *p, struct wf_buf *msg);
/* "wufix COMMAND on PC", then the before-table. */
void wf_verb_before(struct wf_ctx *ctx, const struct wf_report_ctx *rc, const struct wf_plan *p,
                    struct wf_buf *b);
/* Neither --json nor --quiet. */
bool wf_verb_text_mode(const struct wf_ctx *ctx);
/* Rights, the machine's lock and the SCM; on WF_EXIT_OK, wf_verb_finish_up
 * releases them. On failure nothing is left held. */
int wf_verb_prepare(struct wf_ctx *ctx, bool *locked);
void wf_verb_finish_up(struct wf_ctx *ctx, bool locked, bool backend_open);
/* A plan over the services a journal lists, read live. */
wf_err wf_verb_plan_from_journal(struct wf_ctx *ctx, const struct wf_journal *j, struct wf_plan **out);
/* Split a journal's changes into configuration fixes and caches set aside. */
void wf_verb_journal_changes(const struct wf_journal *j, struct wf_repair *fixes, struct wf_repair *aside);
/* Put back the configuration a journal's fixes changed (not its caches). */
wf_err wf_verb_revert_fixes(struct wf_ctx *ctx, const struct wf_journal *j);
/* Put back what a killed run left in an open journal. */
int wf_verb_recover(struct wf_ctx *ctx);
/* What a changing run does beside moving services. */
struct wf_run_changes {
    struct wf_repair *fixes; /* configuration, applied before the first step */
    struct wf_repair *aside; /* caches renamed while every service is stopped */
    bool aside_back;         /* undo: rename them back instead (not journaled) */
};
/* Show the plan; unless --dry-run: journal, apply the changes (`ch` may be
 * NULL), run the steps, put everything back on failure, close the journal,
 * report. */
int wf_verb_execute(struct wf_ctx *ctx, struct wf_plan *p, struct wf_report_ctx *rc, uint64_t t0,
                    const struct wf_run_changes *ch);

int wf_verb_check(struct wf_ctx *ctx);
int wf_verb_repair(struct wf_ctx *ctx);
int wf_verb_reset(struct wf_ctx *ctx);

#endif

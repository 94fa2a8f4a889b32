/* SPDX-License-Identifier: MIT */
/* common.h - what the command handlers share, and the handlers the table
 * names (internal to src/core/cmd). */
#ifndef WUFIX_CMD_COMMON_H
#define WUFIX_CMD_COMMON_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/base/platform.h"
#include "wufix/cli.h"
#include "wufix/mech/check.h"
#include "wufix/mech/plan.h"
#include "wufix/mech/report.h"
#include "wufix/run/run.h"

/* One command's world: the platform, its options, the SCM once connected. */
struct wf_ctx {
    const struct wf_platform *pf;
    struct wf_options opt;
    struct wf_backend backend;
    const struct wf_cmd_table *table;
};

/* Write the buffer to a stream and empty it. */
void wf_cmd_emit(struct wf_ctx *ctx, enum wf_stream s, struct wf_buf *b);
/* The services a command works on: --service, or the default set (+ --all);
 * for status and check the read-only ones too. */
wf_err wf_cmd_fill_set(struct wf_ctx *ctx, struct wf_plan *p);
/* Connect to the SCM; an exit code (WF_EXIT_OK to go on). */
int wf_cmd_open_backend(struct wf_ctx *ctx);
void wf_cmd_report_ctx(struct wf_ctx *ctx, struct wf_report_ctx *rc);
/* What the run machinery needs of this command. */
void wf_cmd_run_init(struct wf_ctx *ctx, struct wf_run *r);
/* Report why gathering failed; its exit code. */
int wf_cmd_gather_failed(struct wf_ctx *ctx, const struct wf_plan *p, wf_err e);
/* Before anything moves: a service of the set that is missing, marked for
 * deletion, or (unless stopping) disabled blocks the whole run (exit 5).
 * Each such service gets `blocked`, a line in `msg` with the next step, and
 * (when `why` is not NULL) a problem in `why`. */
wf_err wf_cmd_preflight(struct wf_ctx *ctx, struct wf_plan *p, struct wf_check *why, struct wf_buf *msg);
/* Neither --json nor --quiet. */
bool wf_cmd_text_mode(const struct wf_ctx *ctx);
/* The run cannot go on (a preflight or ordering error `e`, its lines in
 * `msg`): the before-table and the lines, or with --json the one object
 * (rc->check holds the problems that say why). Returns the exit code. */
int wf_cmd_refused(struct wf_ctx *ctx, const struct wf_report_ctx *rc, struct wf_plan *p, wf_err e,
                   struct wf_buf *msg, uint64_t t0);
/* Rights, the machine's lock and the SCM; on WF_EXIT_OK, wf_cmd_finish_up
 * releases them. On failure nothing is left held. */
int wf_cmd_prepare(struct wf_ctx *ctx, bool *locked);
/* Its first half: rights and the machine's lock, no SCM. */
int wf_cmd_prepare_rights(struct wf_ctx *ctx, bool *locked);
void wf_cmd_finish_up(struct wf_ctx *ctx, bool locked, bool backend_open);
/* Gather the set (op decides which) and check its health; *pp is the plan
 * (free it with wf_plan_free) even on failure. */
wf_err wf_cmd_health(struct wf_ctx *ctx, enum wf_op op, struct wf_plan **pp, struct wf_check *c);

/* Connect and check the health of what status shows: on WF_EXIT_OK, *c and
 * *p hold the check and its plan, rc is ready, *t0 is when it began, and wf_cmd_checked_release
 * gives them back and disconnects; otherwise nothing is held. */
int wf_cmd_checked(struct wf_ctx *ctx, struct wf_check **c, struct wf_plan **p, struct wf_report_ctx *rc,
                   uint64_t *t0);
void wf_cmd_checked_release(struct wf_ctx *ctx, struct wf_check *c, struct wf_plan *p);

/* restart and reset wait for no install (SPEC 6): when Windows is
 * installing, say what is in progress and return WF_EXIT_BUSY (with --json,
 * the run object with an install_in_progress problem); with --force or
 * --dry-run, a warning and WF_EXIT_OK. Before anything changes: call it
 * once the SCM is open, before a killed run is put back. */
int wf_cmd_not_while_installing(struct wf_ctx *ctx, enum wf_op op, uint64_t t0);

/* The handlers, one file per family. */
int wf_cmd_help(struct wf_ctx *ctx);    /* info.c */
int wf_cmd_version(struct wf_ctx *ctx); /* info.c */
int wf_cmd_status(struct wf_ctx *ctx);  /* read.c: nothing changes */
int wf_cmd_check(struct wf_ctx *ctx);   /* read.c */
int wf_cmd_stop(struct wf_ctx *ctx);    /* move.c: services move */
int wf_cmd_start(struct wf_ctx *ctx);   /* move.c */
int wf_cmd_restart(struct wf_ctx *ctx); /* move.c */
int wf_cmd_repair(struct wf_ctx *ctx);  /* health.c: configuration and caches */
int wf_cmd_reset(struct wf_ctx *ctx);   /* health.c */
int wf_cmd_undo(struct wf_ctx *ctx);    /* undo.c */
int wf_cmd_history(struct wf_ctx *ctx); /* history.c: nothing changes */
int wf_cmd_collect(struct wf_ctx *ctx); /* collect.c: nothing changes; one new zip */
int wf_cmd_guided(struct wf_ctx *ctx);  /* guided.c: no command, a double-click */
/* fleet.c: --computer: the command on each machine named, on workers. */
int wf_cmd_fleet(struct wf_ctx *ctx);

#endif

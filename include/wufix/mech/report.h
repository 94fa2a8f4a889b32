/* SPDX-License-Identifier: MIT */
/* report.h - what a run shows: before/after tables, the plan, progress, JSON. */
#ifndef WUFIX_REPORT_H
#define WUFIX_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/buf.h"
#include "wufix/mech/engine.h"
#include "wufix/base/out.h"
#include "wufix/mech/check.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/plan.h"
#include "wufix/mech/repair.h"

struct wf_report_ctx {
    const char *command; /* "restart", ... */
    char computer[WF_TEXT_MAX];
    char time[32]; /* when the run began, UTC ("2026-11-22T10:15:00Z"); "" when not known */
    bool color;
    size_t width; /* long lines wrapped to this many columns (the console's); 0: not wrapped */
    const struct wf_backend *backend;   /* for the system's words on error codes */
    const struct wf_repair *fixes;      /* JSON "changes": configuration (may be NULL) */
    const struct wf_repair *aside;      /* JSON "changes": caches set aside (may be NULL) */
    const struct wf_check *check;       /* JSON "problems": what was found (may be NULL) */
    const struct wf_updating *updating; /* JSON "updating" where check's is not (status; may be NULL) */
};

enum wf_table_when { WF_TABLE_BEFORE, WF_TABLE_AFTER };

/* The service table: name, display name, state, start type, PID, and the
 * last exit code when it is not zero. */
void wf_report_table(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                     enum wf_table_when when);

/* The plan as numbered lines ("1. stop UsoSvc", ...), dependents named, a
 * service already where a step takes it said so on its line.
 * With `between` (reset's caches; may be NULL), every stop first, then those
 * set aside (or with `back`, put back), then every start. */
void wf_report_plan(struct wf_buf *b, const struct wf_plan *p, const struct wf_repair *between, bool back);
/* The plan's numbered lines, counted as wf_report_plan numbers them (`mid`:
 * with the caches' step between). */
unsigned wf_report_steps(const struct wf_plan *p, bool mid);

/* One line for a finished action ("  stopped  UsoSvc  0.31 s"); none for a
 * service the plan already said was where its step takes it. */
void wf_report_action(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                      const struct wf_action *a);

/* The build and the latest successful check for updates and install, a line
 * each where known (check's and status's). */
void wf_report_updating(struct wf_buf *b, const struct wf_updating *u);

/* The closing sentence: on success the plan's `steps` and the `changes` of
 * configuration and caches made, the same numbers the plan and the changes
 * listed before it say; else what was put back. */
void wf_report_summary(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                       wf_err result, unsigned steps, unsigned changes, uint64_t elapsed_ms);

/* The whole run as one JSON object (SPEC section 7); report_json.c. */
void wf_report_json(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p, int exit_code,
                    uint64_t elapsed_ms, bool with_after);

/* The live line while services move ("Stopping UsoSvc, wuauserv... 1.2 s"). */
void wf_report_progress(struct wf_buf *b, const struct wf_plan *p, uint64_t elapsed_ms);

/* "failed to stop 'wuauserv': the service did not respond (1053)" and the like. */
void wf_report_error(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                     const struct wf_action *a);

/* Why a run cannot move a service (the preflight's verdicts): the problem it
 * is, the system's code for it, and the words with the next step, one table
 * for the text, the JSON error and the problem. */
struct wf_block {
    wf_err err;       /* WF_E_NO_SERVICE, WF_E_DISABLED, WF_E_MARKED_DELETE */
    uint32_t syscode; /* 1060, 1058, 1072 */
    const char *code; /* the problem's code */
    bool fixable;
    const char *found, *expected;
    uint16_t words; /* enum wf_message, said with wf_m: "the service is disabled; 'wufix repair'
                       turns it back on" */
};
const struct wf_block *wf_report_block(wf_err e);

/* A usage error as the one JSON object of SPEC 7: `command` (NULL: none was
 * named), exit_code 2, no services, and `error` with the message. */
void wf_report_json_usage(struct wf_buf *b, const char *command, const char *message);

/* --computer: the one object (SPEC 7's schema) for a machine wufix could not
 * reach: no services, the error that says why (`token`, the system code,
 * the words). */
void wf_report_json_unreached(struct wf_buf *b, const char *command, const char *computer, int exit_code,
                              uint64_t elapsed_ms, const char *token, uint32_t syscode, const char *message);

/* "wufix COMMAND on PC", then the before-table. */
void wf_report_before(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p);

/* The check's problems, one line each with the evidence under it (a failed
 * last run with the system's words for its code, through c's backend). */
void wf_report_problems(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_check *chk);

/* The event a changing run leaves in the system's log: the command, its
 * outcome and exit code, what it changed (from its journal `j`; NULL when
 * it wrote none, so nothing changed), and where the journal is. */
void wf_report_event(struct wf_buf *b, const char *command, const struct wf_journal *j, int exit_code,
                     const char *journal_where);

/* One line of outcome, green when good, red when not (with colour on). */
void wf_report_outcome(struct wf_buf *b, const struct wf_report_ctx *c, bool good, const char *text);

/* "error", "warning", "info". */
const char *wf_report_severity(enum wf_severity s);

/* "stop", "start": an action as the plan and the JSON name it. */
const char *wf_report_verb(enum wf_step_kind k);

/* The system's words for a problem's code (a failed last run's), through
 * c's backend; "" for none. */
void wf_report_system_words(const struct wf_report_ctx *c, const struct wf_problem *pr, char *buf,
                            size_t size);

#endif

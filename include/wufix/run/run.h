/* SPDX-License-Identifier: MIT */
/* run.h - a changing run: the journal around it, live progress, rollback when
 * it fails, recovery of a run that was killed, and putting a journal back.
 * Commands call it with what it needs as data; it never calls them back. */
#ifndef WUFIX_RUN_H
#define WUFIX_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/base/fix.h"
#include "wufix/base/platform.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/plan.h"
#include "wufix/mech/report.h"

/* Who runs, on what, and how: filled by the command, read by the run. */
struct wf_run {
    const struct wf_platform *pf;
    const struct wf_backend *backend; /* connected */
    const char *command;              /* the journal's and the report's name for it */
    uint32_t timeout_s;               /* per service transition */
    bool dry_run, json, quiet, force, no_color;
    bool defer_json;  /* the caller prints the JSON (its exit code comes later) */
    bool defer_quiet; /* with quiet: the caller prints the one line, after its check */
    /* Asked after the plan is shown, at an interactive console only, unless
     * `yes`: anything but y or yes changes nothing. NULL: nothing to ask. */
    const char *question;
    bool yes;
    bool *declined; /* with a question: set when the answer was no (may be NULL) */
};

/* What a changing run does beside moving services. */
struct wf_run_changes {
    struct wf_repair *fixes;         /* configuration, applied before the first step */
    struct wf_repair *aside;         /* caches renamed while every service is stopped */
    bool aside_back;                 /* undo: rename them back instead (not journaled) */
    const struct wf_journal *undoes; /* undo: the run it puts back, named in its journal */
};

/* Neither --json nor --quiet: words for people. */
bool wf_run_text_mode(const struct wf_run *r);

/* Show the plan; unless dry_run: journal, apply the changes (`ch` may be
 * NULL), run the steps, put everything back on failure, close the journal,
 * report. Returns the exit code (SPEC 3). */
int wf_run_execute(const struct wf_run *r, struct wf_plan *p, struct wf_report_ctx *rc, uint64_t t0,
                   const struct wf_run_changes *ch);

/* The journal, if wufix wrote it and every line of it is one wufix writes
 * (wf_trust_journal). One that is not is reported, renamed aside unless
 * dry_run (never deleted, never read as instructions) and taken as none:
 * WF_E_NO_SERVICE. WF_E_JOURNAL when it cannot be parsed. */
wf_err wf_run_load_journal(const struct wf_run *r, struct wf_journal *j);

/* The last run's journal could not be read (`e`: WF_E_BUSY when another
 * process holds it open): says so and returns the exit code (6 for busy);
 * the journal is never replaced or set aside, so the caller changes nothing. */
int wf_run_journal_unread(const struct wf_run *r, wf_err e);
/* A dry run without administrator rights whose state folder refuses it
 * (`e` WF_E_ACCESS): says so and returns true (the dry run goes on). */
bool wf_run_journal_denied(const struct wf_run *r, wf_err e);

/* A journal left open means a run was killed (the caller holds the lock, so
 * its owner is gone): put its services and changes back. dry_run only says
 * so. Returns an exit code; WF_EXIT_OK to go on. */
int wf_run_recover(const struct wf_run *r);

/* A plan over the services a journal lists, read live; free it with
 * wf_plan_free. On failure *out is NULL. */
wf_err wf_run_plan_from_journal(const struct wf_run *r, const struct wf_journal *j, struct wf_plan **out);

/* Split a journal's changes into configuration fixes and caches set aside,
 * marked applied. */
void wf_run_journal_changes(const struct wf_journal *j, struct wf_repair *fixes, struct wf_repair *aside);

/* Put back the configuration a journal's fixes changed (not its caches). */
wf_err wf_run_revert_fixes(const struct wf_run *r, const struct wf_journal *j);

#endif

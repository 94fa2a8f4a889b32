/* SPDX-License-Identifier: MIT */
/* journal.h - what a changing run found before it changed anything, kept on disk
 * so a failed, interrupted or killed run can be put back, and `undo` can put
 * back the last completed one. */
#ifndef WUFIX_JOURNAL_H
#define WUFIX_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/buf.h"
#include "wufix/base/err.h"
#include "wufix/mech/plan.h"
#include "wufix/base/fix.h"
#include "wufix/base/platform.h"
#include "wufix/base/sha256.h"

#define WF_JOURNAL_VERSION 2
/* A repair's fixes and a reset's renames, each up to WF_FIXES_MAX. */
#define WF_JOURNAL_FIXES ((size_t)2 * WF_FIXES_MAX)

struct wf_journal_svc {
    char name[WF_NAME_MAX];
    bool in_set;
    enum wf_state state;           /* before the run */
    enum wf_start_type start_type; /* before the run */
};

struct wf_journal {
    char command[32];
    char started[32]; /* UTC, ISO 8601 */
    uint32_t pid;
    bool open;        /* the run has not finished: put it back */
    char outcome[32]; /* ok, rolled_back, interrupted, failed, recovered, undone */
    struct wf_journal_svc svc[WF_PLAN_MAX];
    size_t nsvc;
    struct wf_fix fix[WF_JOURNAL_FIXES]; /* changes, with the values they replace */
    size_t nfix;
};

/* A new open journal of the plan's services as they were before the run. */
void wf_journal_from_plan(struct wf_journal *j, const struct wf_plan *p, const char *command,
                          const char *started, uint32_t pid);

/* Record the fixes a repair will apply (their old values), before applying. */
void wf_journal_add_fixes(struct wf_journal *j, const struct wf_repair *r);

/* Text form: a line per field, "key value". */
void wf_journal_format(const struct wf_journal *j, struct wf_buf *out);

/* Parse the text form. WF_E_JOURNAL when it is not a wufix journal of this
 * version or a line is malformed. An empty text gives WF_E_NO_SERVICE: no journal. */
wf_err wf_journal_parse(const char *text, struct wf_journal *j);

/* Format, anchor (the text's SHA-256 recorded first) and save through the
 * store. WF_E_JOURNAL when either cannot be written. */
wf_err wf_journal_save(const struct wf_journal *j, const struct wf_store *st);
/* Save the journal of a run that has finished (closed): as wf_journal_save,
 * but a file that cannot be written leaves the anchor naming the closed
 * journal, so the open one still on disk is read as finished (its outcome
 * "unrecorded") and never put back. Try again with the same journal. */
wf_err wf_journal_close(const struct wf_journal *j, const struct wf_store *st);

/* Load and parse a journal wufix wrote: its SHA-256 must be the anchor's last
 * or the one before (a run killed between anchoring and writing leaves the
 * one before on disk). WF_E_NO_SERVICE when there is no journal;
 * WF_E_UNTRUSTED, with the reason in `why`, when nothing vouches for it or
 * its folder is not trusted; WF_E_JOURNAL when it cannot be parsed. */
wf_err wf_journal_load(struct wf_journal *j, const struct wf_store *st, char *why, size_t size);

#endif

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

#define WF_JOURNAL_VERSION 3
/* Earlier runs kept for `undo` beside the last one: at most this many. */
#define WF_JOURNAL_KEPT 8
/* ...and while the whole text stays under this (the store reads at most 1 MiB). */
#define WF_JOURNAL_KEPT_BYTES ((size_t)256 * 1024)
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
    /* An undo: the run it puts back (the SHA-256 of its lines); "" for others. */
    char undoes[WF_SHA256_HEX];
    struct wf_journal_svc svc[WF_PLAN_MAX];
    size_t nsvc;
    struct wf_fix fix[WF_JOURNAL_FIXES]; /* changes, with the values they replace */
    size_t nfix;
};

/* A new open journal of the plan's services as they were before the run. */
void wf_journal_from_plan(struct wf_journal *j, const struct wf_plan *p, const char *command,
                          const char *started, uint32_t pid);

/* An undo's journal names the run it puts back. */
void wf_journal_undoes(struct wf_journal *j, const struct wf_journal *run);

/* Record the fixes a repair will apply (their old values), before applying. */
void wf_journal_add_fixes(struct wf_journal *j, const struct wf_repair *r);

/* Text form: a line per field, "key value" (the run alone, no earlier runs). */
void wf_journal_format(const struct wf_journal *j, struct wf_buf *out);

/* Parse the text form's last run (earlier runs after it are not read).
 * WF_E_JOURNAL when it is not a wufix journal of this version or a line is
 * malformed. An empty text gives WF_E_NO_SERVICE: no journal. */
wf_err wf_journal_parse(const char *text, struct wf_journal *j);

/* Run `n` of a journal's text: 0 the last run, 1 and on the earlier runs kept
 * for undo, newest first. WF_E_NO_SERVICE when there is no such run. */
wf_err wf_journal_parse_run(const char *text, size_t n, struct wf_journal *j);

/* A run kept for undo once a later run takes its place: it completed and
 * changed configuration (a run that only moved services never is). */
bool wf_journal_keeps(const struct wf_journal *j);

/* Format, anchor (the text's SHA-256 recorded first) and save through the
 * store. The runs kept for undo go along: from the journal on disk (only
 * when the anchor vouches for it), its last run when a later one takes its
 * place and wf_journal_keeps it, never more than WF_JOURNAL_KEPT, and
 * without the run a completed undo put back. WF_E_JOURNAL when the text or
 * the anchor cannot be written. */
wf_err wf_journal_save(const struct wf_journal *j, const struct wf_store *st);
/* Save the journal of a run that has finished (closed): as wf_journal_save,
 * but a file that cannot be written leaves the anchor naming the closed
 * journal, so the open one still on disk is read as finished (its outcome
 * "unrecorded") and never put back. Try again with the same journal. */
wf_err wf_journal_close(const struct wf_journal *j, const struct wf_store *st);

/* The journal's whole text, when the anchor vouches for it (as
 * wf_journal_load judges it). WF_E_NO_SERVICE when there is none. */
wf_err wf_journal_load_text(const struct wf_store *st, struct wf_buf *out, char *why, size_t size);

/* Load and parse a journal wufix wrote: its SHA-256 must be the anchor's last
 * or the one before (a run killed between anchoring and writing leaves the
 * one before on disk). WF_E_NO_SERVICE when there is no journal;
 * WF_E_UNTRUSTED, with the reason in `why`, when nothing vouches for it or
 * its folder is not trusted; WF_E_JOURNAL when it cannot be parsed. */
wf_err wf_journal_load(struct wf_journal *j, const struct wf_store *st, char *why, size_t size);

#endif

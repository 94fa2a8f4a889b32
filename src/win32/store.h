/* SPDX-License-Identifier: MIT */
/* store.h - the journal's home, %ProgramData%\wufix\, and the machine's lock. */
#ifndef WUFIX_WIN32_STORE_H
#define WUFIX_WIN32_STORE_H

#include <stddef.h>

#include "wufix/base/platform.h"

/* The store over %ProgramData%\wufix\journal.txt (ProgramData as HKLM names
 * it), anchored under HKLM\SOFTWARE\wufix. The folder is used only when
 * trusted (wf_trust_folder, judged on a handle held for the whole run). */
void wf_win_store_init(struct wf_store *st);

/* The store of the journal kept here for another machine (--computer):
 * journal-NAME.txt beside this machine's, anchored by its own values
 * (JournalSha256-NAME). `machine` is a checked name; where the journal is,
 * for people, into `where`. Free with wf_win_store_free. */
wf_err wf_win_store_for(const char *machine, struct wf_store *st, char *where, size_t size);
void wf_win_store_free(struct wf_store *st);

/* The machine-wide lock: %ProgramData%\wufix\lock, open with no sharing and
 * deleted on close, so it dies with its process. Takes (and if need be sets
 * aside and makes anew) the state folder first; see struct wf_platform's
 * lock. WF_E_BUSY when another wufix holds it. */
wf_err wf_win_lock(char *note, size_t size);
void wf_win_unlock(void);

/* UTC now, ISO 8601. */
void wf_win_timestamp(char *buf, size_t size);

#endif

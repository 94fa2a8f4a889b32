/* SPDX-License-Identifier: MIT */
/* store.h - the journal's home, %ProgramData%\wufix\, and the machine's lock. */
#ifndef WUFIX_WIN32_STORE_H
#define WUFIX_WIN32_STORE_H

#include "wufix/mech/journal.h"

/* The store over %ProgramData%\wufix\journal.txt. The folder is created on
 * first save, readable by Users, writable by SYSTEM and Administrators only. */
void wf_win_store_init(struct wf_store *st);

/* The machine-wide lock (a named mutex, Global\). WF_E_BUSY when another
 * process holds it. An abandoned one (its owner was killed) is taken over. */
wf_err wf_win_lock(void);
void wf_win_unlock(void);

/* UTC now, ISO 8601. */
void wf_win_timestamp(char *buf, size_t size);

#endif

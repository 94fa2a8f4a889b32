/* SPDX-License-Identifier: MIT */
/* trust.h - what an elevated wufix may believe of state on disk: whether the
 * state folder is one only SYSTEM, Administrators and TrustedInstaller can
 * write, and whether a journal asks only for what wufix itself changes. */
#ifndef WUFIX_TRUST_H
#define WUFIX_TRUST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/err.h"
#include "wufix/base/host.h"
#include "wufix/base/sddl.h"
#include "wufix/mech/journal.h"

#define WF_SID_TRUSTED_INSTALLER "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"

/* Every right that lets a holder change what is in a folder or who may:
 * FILE_WRITE_DATA/ADD_FILE, FILE_APPEND_DATA/ADD_SUBDIRECTORY, FILE_WRITE_EA,
 * FILE_DELETE_CHILD, FILE_WRITE_ATTRIBUTES, DELETE, WRITE_DAC, WRITE_OWNER,
 * MAXIMUM_ALLOWED, GENERIC_ALL, GENERIC_WRITE. */
#define WF_WRITE_RIGHTS 0x520D0156u

/* WF_OK when the owner is SYSTEM, Administrators or TrustedInstaller (or
 * `also`, when not NULL: the platform's own account under Wine, where every
 * file has it as owner), no other SID is allowed any of WF_WRITE_RIGHTS, and
 * it is a folder and not a link. Otherwise WF_E_UNTRUSTED and, in `why`,
 * the first reason ("its owner is S-1-5-21-...", "S-1-5-32-545 may write
 * to it (0x00000006)"). */
wf_err wf_trust_folder(const struct wf_folder_sec *s, const char *also, char *why, size_t size);

/* Whether a SID is one the folder may be owned by (SYSTEM, Administrators,
 * TrustedInstaller). */
bool wf_trust_sid(const char *sid);

/* Every line of a journal is one wufix itself writes: services of its
 * table (a service outside it only unchanged in configuration and outside
 * the set: a dependent that was stopped), registry values only those repair
 * changes (WubLock and ServiceDll of a table service, a Debugger of an update
 * program wufix checks), renames only between a cache's path and its
 * NAME.wufix-YYYYMMDD-HHMMSS names. WF_OK, or WF_E_UNTRUSTED with the first
 * line that is not in `why`. `h` expands the caches' paths. */
wf_err wf_trust_journal(const struct wf_journal *j, const struct wf_host *h, char *why, size_t size);

#endif

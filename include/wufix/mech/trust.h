/* SPDX-License-Identifier: MIT */
/* trust.h - what an elevated wufix may believe of state on disk: whether the
 * state folder is one only SYSTEM, Administrators and TrustedInstaller can
 * write, whether a key or the exe's folder is, and whether a journal asks
 * only for what wufix itself changes. */
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

/* What is judged: a right's bit means something else on each type (0x10 is
 * FILE_WRITE_EA on a file or folder, KEY_NOTIFY, a read right, on a key,
 * SERVICE_START on a service), so each is judged by its own type's rights. */
enum wf_object {
    WF_OBJ_FILE,
    WF_OBJ_FOLDER,
    WF_OBJ_KEY,
    WF_OBJ_SERVICE,
    WF_OBJ_PARENT /* a folder on the way to one judged: what it holds must not be renamed */
};

/* The rights that change an object of that type or who may (winnt.h,
 * winsvc.h; Microsoft Learn, "File Security and Access Rights", "Registry
 * Key Security and Access Rights", "Service Security and Access Rights"):
 *   file:    FILE_WRITE_DATA 0x2, FILE_APPEND_DATA 0x4, FILE_WRITE_EA 0x10,
 *            FILE_WRITE_ATTRIBUTES 0x100
 *   folder:  the file's (FILE_ADD_FILE, FILE_ADD_SUBDIRECTORY, ...) and
 *            FILE_DELETE_CHILD 0x40
 *   key:     KEY_SET_VALUE 0x2, KEY_CREATE_SUB_KEY 0x4, KEY_CREATE_LINK 0x20
 *   service: SERVICE_CHANGE_CONFIG 0x2
 *   parent:  FILE_DELETE_CHILD 0x40 (a folder on the way: anyone who may
 *            rename what it holds, or the folder itself, can put another
 *            folder in the place of the one judged)
 * and for all DELETE 0x10000, WRITE_DAC 0x40000, WRITE_OWNER 0x80000, and
 * MAXIMUM_ALLOWED 0x02000000 (never meaningful in an entry: judged as all).
 * Generic bits are mapped first (wf_rights_map). */
uint32_t wf_rights_write(enum wf_object type);

/* `mask` with GENERIC_READ/WRITE/EXECUTE/ALL replaced by what the type's
 * generic mapping gives (winnt.h FILE_GENERIC_*, FILE_ALL_ACCESS, KEY_READ,
 * KEY_WRITE, KEY_EXECUTE, KEY_ALL_ACCESS; winsvc.h for services). */
uint32_t wf_rights_map(enum wf_object type, uint32_t mask);

/* WF_OK when the owner is SYSTEM, Administrators or TrustedInstaller (or
 * `also`, when not NULL: the platform's own account under Wine, where every
 * object has it as owner), no other SID is allowed a write right of the
 * type on the object itself, and a folder is a folder and not a link (a
 * file, a file and not a link). An inherit-only entry does not apply to the
 * object: it is judged only when `children` is true (a folder or key wufix
 * writes into), and then as what its children get, CREATOR OWNER being
 * whoever creates them (only the trusted can). Otherwise WF_E_UNTRUSTED and,
 * in `why`, the first reason ("its owner is S-1-5-21-...", "S-1-5-32-545 may
 * write to it (rights 0x00000006)"). */
wf_err wf_trust_object(const struct wf_folder_sec *s, enum wf_object type, bool children, const char *also,
                       char *why, size_t size);

/* The state folder: wf_trust_object as a folder, its children judged. */
wf_err wf_trust_folder(const struct wf_folder_sec *s, const char *also, char *why, size_t size);

/* Whether an allow entry names anyone but SYSTEM, Administrators,
 * TrustedInstaller (or `also`): a trusted state folder an earlier wufix made
 * (Users could list it) whose list wufix narrows to its own. */
bool wf_trust_names_others(const struct wf_folder_sec *s, const char *also);

/* An SDDL text read into what the judge reads (its owner, DACL and entries;
 * aliases as they are). WF_E_BAD_DATA when it is not SDDL. */
wf_err wf_trust_from_sddl(const char *sddl, struct wf_folder_sec *out);

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

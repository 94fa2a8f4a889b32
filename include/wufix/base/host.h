/* SPDX-License-Identifier: MIT */
/* host.h - the seam to the rest of the machine a health check reads and a
 * repair writes: registry values under HKLM, files, free space. */
#ifndef WUFIX_HOST_H
#define WUFIX_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "wufix/base/err.h"
#include "wufix/base/svc.h"

enum wf_reg_type { WF_REG_NONE = 0, WF_REG_SZ, WF_REG_EXPAND_SZ, WF_REG_DWORD };

struct wf_reg {
    enum wf_reg_type type; /* NONE: the value (or its key) does not exist */
    uint32_t dword;
    char str[WF_TEXT_MAX]; /* SZ and EXPAND_SZ, unexpanded, UTF-8 */
};

/* Keys are paths under HKEY_LOCAL_MACHINE ("SYSTEM\\CurrentControlSet\\..."). */
struct wf_host_ops {
    wf_err (*reg_read)(void *self, const char *key, const char *value, struct wf_reg *out);
    wf_err (*reg_write)(void *self, const char *key, const char *value, const struct wf_reg *v);
    /* Deleting a value that does not exist is success. */
    wf_err (*reg_delete)(void *self, const char *key, const char *value);
    /* WF_E_NO_SERVICE when the key does not exist. */
    wf_err (*reg_key_exists)(void *self, const char *key);
    /* The key's security descriptor as SDDL ("" when unreadable). */
    wf_err (*reg_key_sddl)(void *self, const char *key, char *sddl, size_t size);
    /* Environment strings expanded (%SystemRoot% ...). */
    wf_err (*expand)(void *self, const char *in, char *out, size_t size);
    /* Whether the file (expanded path) exists: WF_OK or WF_E_NO_SERVICE. */
    wf_err (*file_exists)(void *self, const char *path);
    /* Free bytes on the system drive. */
    wf_err (*disk_free)(void *self, uint64_t *bytes);
    /* Whether a file or folder (expanded path) exists: WF_OK or WF_E_NO_SERVICE. */
    wf_err (*path_exists)(void *self, const char *path);
    /* Rename a file or folder on its volume, never a copy: WF_E_NO_SERVICE when
     * `from` does not exist, WF_E_IN_USE or WF_E_ACCESS when something holds it
     * open, WF_E_SYSTEM when `to` exists. */
    wf_err (*rename)(void *self, const char *from, const char *to);
    /* Bytes and files under a folder (or of a file), links not followed. */
    wf_err (*tree_size)(void *self, const char *path, uint64_t *bytes, uint64_t *files);
    /* Names of the files in `dir` matching a wildcard ("qmgr*.dat"), up to `max`. */
    wf_err (*list)(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX], size_t max,
                   size_t *n);
    /* A text file's content as UTF-8 (UTF-16 with a byte order mark is
     * converted), cut to size - 1 bytes. */
    wf_err (*read_text)(void *self, const char *path, char *out, size_t size);
    /* Wait a while (between tries of a rename something holds open). */
    void (*sleep_ms)(void *self, uint32_t ms);
};

struct wf_host {
    const struct wf_host_ops *ops;
    void *self;
};

#endif

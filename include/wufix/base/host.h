/* SPDX-License-Identifier: MIT */
/* host.h - the seam to the rest of the machine a health check reads and a
 * repair writes: registry values under HKLM, files, free space. */
#ifndef WUFIX_HOST_H
#define WUFIX_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/addr.h"
#include "wufix/base/err.h"
#include "wufix/base/sddl.h"
#include "wufix/base/svc.h"

enum wf_reg_type {
    WF_REG_NONE = 0,
    WF_REG_SZ,
    WF_REG_EXPAND_SZ,
    WF_REG_DWORD,
    WF_REG_MULTI_SZ /* .str holds the strings joined by '|'; one holding '|' cannot be read */
};

struct wf_reg {
    enum wf_reg_type type; /* NONE: the value (or its key) does not exist */
    uint32_t dword;
    char str[WF_VALUE_MAX]; /* SZ and EXPAND_SZ, unexpanded, UTF-8, whole (a longer value is WF_E_LIMIT) */
    bool cut;               /* read as WF_E_LIMIT: .str is only the value's start, for display */
};

/* Keys are paths under HKEY_LOCAL_MACHINE ("SYSTEM\\CurrentControlSet\\..."), or
 * under HKEY_USERS when they start with WF_KEY_USERS (read only). */
#define WF_KEY_USERS "HKEY_USERS\\"

#define WF_TRUST_ACES_MAX 64

enum wf_ace_kind {
    WF_ACE_ALLOW, /* any allow type: plain, object, callback */
    WF_ACE_DENY,  /* any deny type: takes rights away, never gives */
    WF_ACE_OTHER  /* a type wufix does not know: judged as an allow */
};

struct wf_ace {
    enum wf_ace_kind kind;
    bool inherit_only;    /* applies to children only: judged only for what is created in it */
    uint32_t mask;        /* the access mask as stored (generic bits unmapped) */
    char sid[WF_SID_MAX]; /* S-1-... */
};

/* A folder's owner, DACL and attributes, read from an opened handle. */
struct wf_folder_sec {
    char owner[WF_SID_MAX]; /* S-1-...; "" when it could not be read */
    bool has_dacl;          /* false: a NULL DACL, which lets everyone do anything */
    struct wf_ace ace[WF_TRUST_ACES_MAX];
    size_t nace;
    bool more_aces;  /* more entries than fit, or one that cannot be read: judged untrusted */
    bool reparse;    /* a junction or a symbolic link */
    bool not_folder; /* a file where the folder should be */
};

/* What the Task Scheduler says of a task asked by its name. */
enum wf_task_state { WF_TASK_MISSING, WF_TASK_DISABLED, WF_TASK_ENABLED };
/* A process that holds a file open or runs a service, as the Restart
 * Manager names it. */
struct wf_holder {
    uint32_t pid;
    char image[WF_NAME_MAX]; /* "MsMpEng.exe"; "" when it could not be read */
    char name[WF_NAME_MAX];  /* the application's or service's display name; "" for none */
};

/* A recovery or system partition's volume, as its partition table types it. */
enum wf_part { WF_PART_RECOVERY = 1, WF_PART_SYSTEM };
struct wf_volume {
    uint64_t free, total;   /* bytes */
    int kind;               /* enum wf_part */
    bool measured;          /* free and total read */
    char path[WF_NAME_MAX]; /* \\?\Volume{GUID}\ (trailing backslash) */
};

struct wf_host_ops {
    /* WF_E_LIMIT when a text value is longer than .str holds: then .type is
     * set and .str holds its first bytes, cut on a character boundary, for
     * display only (never compared as the value, never recorded). */
    wf_err (*reg_read)(void *self, const char *key, const char *value, struct wf_reg *out);
    wf_err (*reg_write)(void *self, const char *key, const char *value, const struct wf_reg *v);
    /* Deleting a value that does not exist is success. */
    wf_err (*reg_delete)(void *self, const char *key, const char *value);
    /* WF_E_NO_SERVICE when the key does not exist. */
    wf_err (*reg_key_exists)(void *self, const char *key);
    /* The names of a key's subkeys (`values` false) or of its values (true),
     * at most `max`; a key that does not exist has none. */
    wf_err (*reg_enum)(void *self, const char *key, bool values, char (*names)[WF_NAME_MAX], size_t max,
                       size_t *n);
    /* The key's security descriptor as SDDL ("" when unreadable). */
    wf_err (*reg_key_sddl)(void *self, const char *key, char *sddl, size_t size);
    /* %SystemRoot%, %windir%, %SystemDrive%, %ProgramData% and %ALLUSERSPROFILE%
     * expanded from what only administrators can change (never the
     * environment, which the caller sets); any other %NAME% is left as it is. */
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
     * converted). WF_E_LIMIT when it does not fit whole in `size`: a file is
     * never read cut short. */
    wf_err (*read_text)(void *self, const char *path, char *out, size_t size);
    /* A folder's owner, DACL and attributes, read from a handle opened without
     * following a link (a file there gives not_folder). WF_E_NO_SERVICE when
     * nothing is there. */
    wf_err (*folder_security)(void *self, const char *path, struct wf_folder_sec *out);
    /* Wait a while (between tries of a rename something holds open). */
    void (*sleep_ms)(void *self, uint32_t ms);
    /* The last `size` bytes of a file (expanded path), or all of a smaller
     * one, as they are; its whole length in *total. WF_E_NO_SERVICE when
     * it does not exist. */
    wf_err (*read_tail)(void *self, const char *path, uint8_t *out, size_t size, size_t *n, uint64_t *total);
    /* A REG_BINARY value's bytes; *n is 0 when the value does not exist.
     * WF_E_LIMIT when it is longer than `size`. */
    wf_err (*reg_read_bytes)(void *self, const char *key, const char *value, uint8_t *out, size_t size,
                             size_t *n);
    /* Whether TCP `port` of `host` (a name, resolved by DNS alone, or an
     * address) takes a connection within `ms`, the name's resolution
     * included: WF_OK; WF_E_NO_SERVICE when DNS says the name does not exist;
     * else WF_E_UNREACHABLE; what happened in `why`.
     * NULL where an answer here says nothing of the machine checked
     * (another machine's host). */
    wf_err (*probe)(void *self, const char *host, unsigned port, uint32_t ms, char *why, size_t size);
    /* A name's addresses (IPv4 and IPv6) as DNS alone gives them, within `ms`:
     * WF_E_NO_SERVICE when DNS says the name does not exist; WF_E_UNREACHABLE
     * when no answer came in time or the question failed. NULL, as probe,
     * where an answer here says nothing of the machine checked. */
    wf_err (*resolve)(void *self, const char *name, uint32_t ms, struct wf_addrs *out);
    /* Now in UTC: "YYYY-MM-DDTHH:MM:SSZ". */
    void (*utc_now)(void *self, char *buf, size_t size);
    /* When a key was last written, in UTC as utc_now gives it: WF_E_NO_SERVICE
     * when the key does not exist. */
    wf_err (*reg_key_time)(void *self, const char *key, char *buf, size_t size);
    /* Whether a process of that image name ("TiWorker.exe", case ignored)
     * runs on this machine: WF_OK when one does, WF_E_NO_SERVICE when none.
     * NULL where the answer would not be of the machine checked (another
     * machine's host). */
    wf_err (*process_running)(void *self, const char *image);
    /* Names of the folders in `dir` (expanded path) matching a wildcard
     * ("SoftwareDistribution.wufix-*"), up to `max`; links (junctions,
     * symbolic links) left out. */
    wf_err (*list_folders)(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX],
                           size_t max, size_t *n);
    /* Write `n` bytes to a file (expanded path) opened without following a
     * link, a plain file with one name: with `create` a new one (WF_E_SYSTEM
     * when something is there), else the one there, in place (it keeps its
     * own descriptor), cut to `n` bytes. */
    wf_err (*write_file)(void *self, const char *path, const uint8_t *data, size_t n, bool create);
    /* The state of `n` tasks of a Task Scheduler folder
     * ("\\Microsoft\\Windows\\WaaSMedic"), each asked of the Task Scheduler by
     * its name (a hidden one too): WF_E_NO_SERVICE when the folder does not
     * exist; any other failure (WF_E_ACCESS: the caller may not read them
     * all) says why in `why`. */
    wf_err (*tasks)(void *self, const char *folder, const char *const *names, size_t n,
                    enum wf_task_state *state, char *why, size_t size);
    /* The processes that hold `path` (expanded: a file, or the files under a
     * folder) open or, with `service` (path NULL), that run that service, at
     * most `max`. NULL where it cannot be asked (another machine's host). */
    wf_err (*holders)(void *self, const char *path, const char *service, struct wf_holder *out, size_t max,
                      size_t *n);
    /* The recovery partitions and the system partition (the EFI system
     * partition, or MBR's active NTFS one that is not Windows' own: System
     * Reserved) among this machine's volumes, at most `max`. WF_E_SYSTEM
     * when no volume says its partition's type (then none was measured).
     * NULL where it cannot be asked (another machine's host). */
    wf_err (*volumes)(void *self, struct wf_volume *out, size_t max, size_t *n);
    /* As probe, and once connected a plain HTTP HEAD of "/" for `host` sent
     * and the reply's first bytes, at most rsize - 1, NUL-ended ("" when
     * none came), in `reply`: all within `ms`. NULL where probe is. */
    wf_err (*head)(void *self, const char *host, unsigned port, uint32_t ms, char *why, size_t size,
                   char *reply, size_t rsize);
};

struct wf_host {
    const struct wf_host_ops *ops;
    void *self;
    /* Another machine's host: why its registry (RemoteRegistry) or its files
     * (the admin share) cannot be read; NULL when they can. The check says
     * which checks it skipped and why. */
    const char *no_registry, *no_files;
};

#endif

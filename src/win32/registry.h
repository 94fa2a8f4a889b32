/* SPDX-License-Identifier: MIT */
/* registry.h - the host seam's registry on Windows (host.c puts these in
 * its table of host operations). `self` is the host's: NULL for this
 * machine, a struct win_remote for another. */
#ifndef WUFIX_WIN32_REGISTRY_H
#define WUFIX_WIN32_REGISTRY_H

#include <windows.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/cli.h"

/* Another machine's host (self): its HKLM through RegConnectRegistryW, its
 * files through the admin shares (C:\X is \\NAME\C$\X). This machine's: NULL. */
struct win_remote {
    HKEY hklm;                       /* NULL: the registry there does not answer */
    HKEY hku;                        /* its HKEY_USERS; NULL when it does not answer */
    WCHAR name[WF_MACHINE_NAME_MAX]; /* the machine */
    WCHAR system_root[MAX_PATH];     /* its %SystemRoot%, "C:\Windows" */
};

/* A key as the host seam names it: under HKEY_USERS when it starts with
 * WF_KEY_USERS, else under HKLM; the rest of its name in *rest. NULL when
 * that hive cannot be reached. */
HKEY wf_win_key_root(void *self, const char *key, const char **rest);

/* See struct wf_host_ops. */
wf_err wf_win_reg_read(void *self, const char *key, const char *value, struct wf_reg *out);
wf_err wf_win_reg_write(void *self, const char *key, const char *value, const struct wf_reg *in);
wf_err wf_win_reg_delete(void *self, const char *key, const char *value);
wf_err wf_win_reg_key_exists(void *self, const char *key);
wf_err wf_win_reg_key_time(void *self, const char *key, char *buf, size_t size);
wf_err wf_win_reg_enum(void *self, const char *key, bool values, char (*names)[WF_NAME_MAX], size_t max,
                       size_t *n);
wf_err wf_win_reg_key_sddl(void *self, const char *key, char *sddl, size_t size);
wf_err wf_win_reg_read_bytes(void *self, const char *key, const char *value, uint8_t *out, size_t size,
                             size_t *n);

#endif

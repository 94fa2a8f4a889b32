/* SPDX-License-Identifier: MIT */
/* scm_admin.h - the backend operations of repair and --force (scm_admin.c),
 * for scm.c's operations table. */
#ifndef WUFIX_WIN32_SCM_ADMIN_H
#define WUFIX_WIN32_SCM_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/backend.h"

wf_err wf_scm_process_services(void *self, uint32_t pid, struct wf_dependent *out, size_t cap, size_t *n);
wf_err wf_scm_terminate(void *self, const char *name, uint32_t pid);
wf_err wf_scm_security(void *self, const char *name, char *sddl, size_t size);
wf_err wf_scm_set_security(void *self, const char *name, const char *sddl);
wf_err wf_scm_set_start(void *self, const char *name, enum wf_start_type t);
wf_err wf_scm_set_image(void *self, const char *name, const char *path);
wf_err wf_scm_set_deps(void *self, const char *name, const char *csv);
wf_err wf_scm_set_account(void *self, const char *name, const char *account);

wf_err wf_scm_marked_for_delete(void *self, const char *name, bool *marked);

#endif

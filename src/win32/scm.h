/* SPDX-License-Identifier: MIT */
/* scm.h - the Win32 implementation of wf_backend over the Service Control Manager. */
#ifndef WUFIX_WIN32_SCM_H
#define WUFIX_WIN32_SCM_H

#include <stdint.h>

#include "wufix/base/backend.h"

/* Connect to the SCM of `machine` (NULL: this computer) with SC_MANAGER_CONNECT.
 * Release with wf_scm_close. WF_E_ACCESS, WF_E_UNREACHABLE, WF_E_NOMEM or
 * WF_E_SYSTEM on failure. */
wf_err wf_scm_open(const char *machine, struct wf_backend *out);
/* The same, asking for the SCM rights in `also` beside SC_MANAGER_CONNECT,
 * with the system's code of a failure in *syscode. */
wf_err wf_scm_open_code(const char *machine, uint32_t also, struct wf_backend *out, uint32_t *syscode);
void wf_scm_close(struct wf_backend *b);

/* Ctrl+C: each backend's wait ends once with WF_E_INTERRUPTED (the next one,
 * or the one running). Safe from the console control handler's thread; the
 * caller also wakes the waiting threads (an APC) so it is seen at once. */
void wf_scm_interrupt(void);
/* How often it was pressed. */
long wf_scm_interrupts(void);

#endif

/* SPDX-License-Identifier: MIT */
/* repair.h - the least changes that fix what the health check found, each with
 * the value it replaces, so it can be journaled first and put back. */
#ifndef WUFIX_REPAIR_H
#define WUFIX_REPAIR_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/backend.h"
#include "wufix/base/fix.h"
#include "wufix/base/buf.h"
#include "wufix/mech/check.h"
#include "wufix/base/host.h"

/* The fixes for the check's fixable problems, reading the current values. */
wf_err wf_repair_plan(const struct wf_check *c, const struct wf_plan *p, const struct wf_backend *b,
                      const struct wf_host *h, struct wf_repair *out);

/* "wuauserv: start type disabled -> manual" (one line, no newline). */
void wf_repair_describe(const struct wf_fix *f, struct wf_buf *b);

/* A service's dependencies as the SCM gives them, comma-separated (cut to `size`). */
void wf_repair_deps(const struct wf_svc_config *c, char *buf, size_t size);

/* Apply the fixes in order; the first failure stops there (WF_OK or its error). */
wf_err wf_repair_apply(struct wf_repair *r, const struct wf_backend *b, const struct wf_host *h);

/* Put back every applied fix, last first, best effort. */
wf_err wf_repair_revert(struct wf_repair *r, const struct wf_backend *b, const struct wf_host *h);

#endif

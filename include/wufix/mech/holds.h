/* SPDX-License-Identifier: MIT */
/* holds.h - why a feature update is held back (check's information). */
#ifndef WUFIX_HOLDS_H
#define WUFIX_HOLDS_H

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* The target release's safeguard hold or red reason, the policies that pin,
 * defer or unguard feature updates, and SetupDiag's last result, each an
 * information problem in `c` (c->build and c->updating.version read first). */
void wf_holds_check(const struct wf_host *h, struct wf_check *c);

#endif

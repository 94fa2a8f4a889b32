/* SPDX-License-Identifier: MIT */
/* machine.h - what around the services Windows Update needs: the clock's
 * service, and the partitions behind 0x80070643 and 0x800F0922. */
#ifndef WUFIX_MACHINE_H
#define WUFIX_MACHINE_H

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* The Windows Time service disabled, or its Parameters\Type NoSync: a
 * warning each in `c`; after a failure 0x80070643 (the WinRE update), WinRE's
 * state and the recovery partition's free space; after 0x800F0922, the
 * system partition's. Read only: nothing is changed. Call it after the
 * failures are in `c`. */
void wf_machine_check(const struct wf_host *h, struct wf_check *c);

#endif

/* SPDX-License-Identifier: MIT */
/* machine.h - what around the services Windows Update needs: the clock's
 * service. */
#ifndef WUFIX_MACHINE_H
#define WUFIX_MACHINE_H

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* The Windows Time service disabled, or its Parameters\Type NoSync: a
 * warning each in `c`. Read only: nothing is changed. */
void wf_machine_check(const struct wf_host *h, struct wf_check *c);

#endif

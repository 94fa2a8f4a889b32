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

/* What of an HTTP reply is read: its header section's first bytes. */
#define WF_HTTP_REPLY 2048

/* The Date field (RFC 9110 section 6.6.1) of an HTTP reply no one vouches
 * for, as "YYYY-MM-DDTHH:MM:SSZ" in out[21]: read only in the header
 * section, from a whole line, in any of the three HTTP-date formats (RFC
 * 9110 section 5.6.7); `year` (this one) places a two-digit year. */
bool wf_http_date(const char *reply, int year, char *out);

/* The clock against the Date that `host` answered in `reply`: beyond 5
 * minutes either way a warning in `c` (clock_skew), naming both times. */
void wf_machine_clock(const struct wf_host *h, struct wf_check *c, const char *host, const char *reply);

#endif

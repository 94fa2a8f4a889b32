/* SPDX-License-Identifier: MIT */
/* machine.c - what around the services Windows Update needs: the clock.
 * A clock that drifts fails HTTPS (0x80072F8F, a certificate's dates
 * judged against a wrong clock): the Windows Time service keeps it right.
 * Reported, never changed. */
#include "wufix/mech/machine.h"

#include "wufix/base/prose.h"

#include <stdio.h>

#include "wufix/base/svc.h"

#define WF_KEY_W32TIME "SYSTEM\\CurrentControlSet\\Services\\W32Time"

void wf_machine_check(const struct wf_host *h, struct wf_check *c)
{
    struct wf_reg v;
    if (h->no_registry)
        return;
    /* The service's Start value, as the SCM keeps it: 4 is SERVICE_DISABLED
     * (winnt.h). */
    struct wf_problem *pr = NULL;
    if (h->ops->reg_read(h->self, WF_KEY_W32TIME, "Start", &v) == WF_OK && v.type == WF_REG_DWORD &&
        v.dword == 4)
        pr = wf_check_add(c, "", WF_M(M_TIME_SERVICE_DISABLED), WF_SEV_WARNING, false,
                          "HKLM\\" WF_KEY_W32TIME "\\Start=4 (disabled)", "not disabled");
    if (pr)
        pr->remedy = WF_M(M_TURN_THE_WINDOWS_TIME_SERVICE);
    /* Parameters\Type: NoSync, "the time service doesn't synchronize with
     * other sources"; NTP by default on stand-alone machines, NT5DS on
     * domain members (Microsoft Learn, "Windows Time service tools and
     * settings"). */
    if (h->ops->reg_read(h->self, WF_KEY_W32TIME "\\Parameters", "Type", &v) == WF_OK &&
        (v.type == WF_REG_SZ || v.type == WF_REG_EXPAND_SZ) && wf_name_cmp(v.str, "NoSync") == 0)
        pr = wf_check_add(c, "", "time_sync_off", WF_SEV_WARNING, false,
                          "HKLM\\" WF_KEY_W32TIME "\\Parameters\\Type=NoSync", WF_M(M_NTP_OR_NT5DS_IN_A));
    else
        pr = NULL;
    /* w32tm /config /syncfromflags: MANUAL sets NTP, DOMHIER NT5DS (the same page). */
    if (pr)
        pr->remedy = WF_M(M_RUN_W32TM_CONFIG_SYNCFROMFLAGS_DOMHIER);
}

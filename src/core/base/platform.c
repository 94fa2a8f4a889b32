/* SPDX-License-Identifier: MIT */
/* platform.c - the one way wufix asks a person a question. */
#include "wufix/base/platform.h"

#include "wufix/base/prose.h"

#include "wufix/base/svc.h"

bool wf_platform_ask(const struct wf_platform *pf, enum wf_stream s, const char *question, bool default_yes)
{
    char answer[64] = "";
    wf_out_printf(&pf->out, s, "%s %s ", question, default_yes ? "[Y/n]" : "[y/N]");
    bool yes = pf->read_line(pf->self, answer, sizeof(answer)) == WF_OK &&
               ((default_yes && answer[0] == '\0') || wf_name_cmp(answer, "y") == 0 ||
                wf_name_cmp(answer, "yes") == 0);
    if (!yes)
        wf_out_puts(&pf->out, s, WF_M(M_NOTHING_WAS_CHANGED_N));
    return yes;
}

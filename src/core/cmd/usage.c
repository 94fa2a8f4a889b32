/* SPDX-License-Identifier: MIT */
/* usage.c - how a usage error is told. */
#include "wufix/cmd/usage.h"

#include "wufix/cli.h"
#include "wufix/mech/report.h"

int wf_cmd_usage_error(const struct wf_platform *pf, const char *command, bool json, const char *err)
{
    wf_out_printf(&pf->out, WF_STDERR, "wufix: %s\n%s\n", err, wf_cli_usage());
    if (json) {
        struct wf_buf b;
        wf_buf_init(&b);
        wf_report_json_usage(&b, command, err);
        wf_out_buf(&pf->out, WF_STDOUT, &b);
        wf_buf_release(&b);
    }
    return WF_EXIT_USAGE;
}

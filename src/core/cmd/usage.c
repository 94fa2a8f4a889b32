/* SPDX-License-Identifier: MIT */
/* usage.c - how a usage error is told. */
#include "wufix/cmd/usage.h"

#include "wufix/base/prose.h"

#include "wufix/cli.h"
#include "wufix/mech/report.h"

int wf_cmd_usage_error(const struct wf_platform *pf, const struct wf_command *cmd, const char *command,
                       bool json, const char *err)
{
    struct wf_buf b;
    wf_buf_init(&b);
    /* The command's own usage line: what was being typed. */
    wf_buf_printf(&b, WF_M(M_WUFIX_S_N), err);
    wf_cli_usage_of(&b, cmd);
    wf_buf_puts(&b, "\n");
    wf_out_buf(&pf->out, WF_STDERR, &b);
    wf_buf_release(&b);
    if (json) {
        wf_buf_init(&b);
        wf_report_json_usage(&b, command, err);
        wf_out_buf(&pf->out, WF_STDOUT, &b);
        wf_buf_release(&b);
    }
    return WF_EXIT_USAGE;
}

/* SPDX-License-Identifier: MIT */
/* main.c - wufix's main: parse against the one table, run the command. */
#include "wufix/wufix.h"

#include <string.h>

#include "wufix/cli.h"
#include "wufix/cmd/commands.h"

int wf_main(int argc, char **argv, const struct wf_platform *pf)
{
    const struct wf_cmd_table *t = wf_cmd_table();
    struct wf_options opt;
    char err[WF_TEXT_MAX];
    if (wf_cli_parse(t, argc, argv, &opt, err, sizeof(err)) != WF_OK) {
        wf_out_printf(&pf->out, WF_STDERR, "wufix: %s\n%s\n", err, wf_cli_usage());
        return WF_EXIT_USAGE;
    }
    if (opt.version)
        opt.cmd = wf_cli_find(t, "version");
    else if (opt.help) {
        if (opt.cmd_given && strcmp(opt.cmd->name, "help") != 0)
            opt.help_topic = opt.cmd->name;
        opt.cmd = wf_cli_find(t, "help");
    }
    return wf_cmd_run(&opt, pf);
}

/* SPDX-License-Identifier: MIT */
/* commands.c - the one command table, and running a command from it. */
#include "wufix/cmd/commands.h"

#include <string.h>

#include "common.h"

#define REMOTE_OPTS (WF_OPT_COMPUTER | WF_OPT_PARALLEL | WF_OPT_CONNECT)
#define COMMON_OPTS                                                                                          \
    (WF_OPT_SERVICE | WF_OPT_ALL | WF_OPT_JSON | WF_OPT_QUIET | WF_OPT_NO_COLOR | WF_OPT_HELP | WF_OPT_LOG | \
     REMOTE_OPTS)
#define CHANGE_OPTS (COMMON_OPTS | WF_OPT_TIMEOUT | WF_OPT_DRY_RUN | WF_OPT_FORCE | WF_OPT_YES)
/* reset always covers the extended set (each of its services holds a cache):
 * --all is accepted and changes nothing; --service is refused. reset and
 * undo work on this machine only. */
#define RESET_OPTS (CHANGE_OPTS & ~(unsigned)(WF_OPT_SERVICE | REMOTE_OPTS))
#define UNDO_OPTS                                                                                            \
    ((CHANGE_OPTS & ~(unsigned)(WF_OPT_SERVICE | WF_OPT_ALL | WF_OPT_FORCE | REMOTE_OPTS)) | WF_OPT_LIST)

#define CMD(name, args, opts, changes, handler, summary, examples) {name, args, opts, changes, handler},
static const struct wf_command commands[] = {
#include "commands.inc"
};
#undef CMD

static const struct wf_cmd_table table = {commands, sizeof(commands) / sizeof(commands[0])};

const struct wf_cmd_table *wf_cmd_table(void)
{
    return &table;
}

int wf_cmd_run(const struct wf_options *opt, const struct wf_platform *pf)
{
    struct wf_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    ctx.pf = pf;
    ctx.opt = *opt;
    ctx.table = &table;
    /* No command, double-clicked: the guided repair (SPEC 2). */
    if (opt->ncomputers && !opt->help && !opt->version)
        return wf_cmd_fleet(&ctx);
    if (!opt->cmd_given && !opt->help && !opt->version && pf->alone)
        return wf_cmd_guided(&ctx);
    return ctx.opt.cmd->handler(&ctx);
}

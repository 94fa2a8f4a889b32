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

/* In the order people use them: look, then act, then put back; help lists
 * them so, with examples (no line of help is longer than 79 columns: a test
 * holds it). */
static const struct wf_command commands[] = {
    {"status", "", COMMON_OPTS, false, wf_cmd_status,
     "show each service's state, start type and process ID (and its last exit code when it ended with one)",
     "wufix status\nwufix status --all\nwufix status --computer PC042 --json\n"},
    {"check", "", COMMON_OPTS | WF_OPT_MAX_AGE | WF_OPT_BRIEF, false, wf_cmd_check,
     "find what is wrong with the update services and the machine; exit 1 if anything is",
     "wufix check\nwufix check --all -q\nwufix check --json --brief\n"},
    {"history", "[-n N]", WF_OPT_JSON | WF_OPT_NO_COLOR | WF_OPT_HELP | WF_OPT_COUNT, false, wf_cmd_history,
     "the last update results (default 20), from ReportingEvents.log and the copies reset set aside",
     "wufix history\nwufix history -n 50\nwufix history --json\n"},
    {"collect", "[--output PATH]", WF_OPT_OUTPUT | WF_OPT_NO_COLOR | WF_OPT_HELP, false, wf_cmd_collect,
     "one zip for the helpdesk: check's JSON, the journal, update and setup logs, registry values, a "
     "manifest",
     "wufix collect\nwufix collect --output C:\\Temp\\pc042.zip\n"},
    {"restart", "", CHANGE_OPTS, true, wf_cmd_restart,
     "stop, then start the update services, in dependency order (the standard fix)",
     "wufix restart\nwufix restart -s wuauserv,UsoSvc\nwufix restart --all --dry-run\n"},
    {"repair", "", CHANGE_OPTS | WF_OPT_POLICIES, true, wf_cmd_repair,
     "fix what check finds (start types, image paths, service DLLs, dependencies, permissions, "
     "blocker marks), then restart",
     "wufix repair --dry-run\nwufix repair --yes\nwufix repair --policies --dry-run\n"},
    {"reset", "", RESET_OPTS, true, wf_cmd_reset,
     "repair, then with the services stopped rename SoftwareDistribution, catroot2 and BITS' queue files "
     "aside (never deleted), then restart",
     "wufix reset --dry-run\nwufix reset --yes\n"},
    {"undo", "", UNDO_OPTS, true, wf_cmd_undo,
     "put back the last completed run that changed something (a restart never takes the place of a "
     "repair), from its journal",
     "wufix undo --list\nwufix undo --dry-run\nwufix undo\n"},
    {"stop", "", CHANGE_OPTS, true, wf_cmd_stop, "stop the update services, dependents first",
     "wufix stop\nwufix stop --all --timeout 60\n"},
    {"start", "", CHANGE_OPTS, true, wf_cmd_start, "start the update services, dependencies first",
     "wufix start\nwufix start -s BITS\n"},
    {"help", "[COMMAND]", WF_OPT_HELP, false, wf_cmd_help, "show help for wufix or one command",
     "wufix help\nwufix help repair\nwufix restart /?\n"},
    {"version", "", WF_OPT_HELP, false, wf_cmd_version, "print the version", "wufix version\n"},
};

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

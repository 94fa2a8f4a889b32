/* SPDX-License-Identifier: MIT */
/* commands.h - the one command table, and running one of its commands. */
#ifndef WUFIX_COMMANDS_H
#define WUFIX_COMMANDS_H

#include "wufix/base/platform.h"
#include "wufix/cli.h"

/* The table, sorted by name; help is generated from it. */
const struct wf_cmd_table *wf_cmd_table(void);

/* Run the command the options name (opt->cmd, a row of wf_cmd_table());
 * returns the process exit code (SPEC 3). */
int wf_cmd_run(const struct wf_options *opt, const struct wf_platform *pf);

#endif

/* SPDX-License-Identifier: MIT */
/* usage.h - how a usage error is told, wherever it is found: by the parser
 * (wf_main) or once the names of --computer are read (the fleet). */
#ifndef WUFIX_CMD_USAGE_H
#define WUFIX_CMD_USAGE_H

#include <stdbool.h>

#include "wufix/base/platform.h"

struct wf_command;

/* "wufix: ERR" and the usage line on stderr (`cmd`'s own, or the general one
 * when NULL), and with `json` the one JSON object saying so (`command` the
 * name typed, may be NULL). Returns exit 2. */
int wf_cmd_usage_error(const struct wf_platform *pf, const struct wf_command *cmd, const char *command,
                       bool json, const char *err);

#endif

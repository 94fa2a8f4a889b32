/* SPDX-License-Identifier: MIT */
/* usage.h - how a usage error is told, wherever it is found: by the parser
 * (wf_main) or once the names of --computer are read (the fleet). */
#ifndef WUFIX_CMD_USAGE_H
#define WUFIX_CMD_USAGE_H

#include <stdbool.h>

#include "wufix/base/platform.h"

/* "wufix: ERR" and the usage line on stderr, and with `json` the one JSON
 * object saying so (`command` may be NULL). Returns exit 2. */
int wf_cmd_usage_error(const struct wf_platform *pf, const char *command, bool json, const char *err);

#endif

/* SPDX-License-Identifier: MIT */
/* wufix.h - wufix's main: what a platform's entry point calls. */
#ifndef WUFIX_WUFIX_H
#define WUFIX_WUFIX_H

#include "wufix/base/platform.h"

/* Parse argv (UTF-8, argv[0] is the program) against the command table, run
 * the command, return the process exit code (SPEC 3). */
int wf_main(int argc, char **argv, const struct wf_platform *pf);

#endif

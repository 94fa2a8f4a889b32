/* SPDX-License-Identifier: MIT */
/* elevate.h - UAC self-elevation with the output in the caller's console, and
 * the double-click test. */
#ifndef WUFIX_WIN32_ELEVATE_H
#define WUFIX_WIN32_ELEVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/err.h"

/* The argument that marks the elevated half, followed by the caller's PID;
 * the second one: whose output goes nowhere. */
#define WF_ATTACH_ARG        L"--attach-console"
#define WF_ATTACH_SILENT_ARG L"--attach-silent"

/* Run this exe again elevated ("runas", one UAC prompt) with `args` (UTF-8),
 * quoted by CommandLineToArgvW's rules, after WF_ATTACH_ARG and this PID;
 * wait for it; its exit code in *code. Ctrl+C is left to the elevated half
 * meanwhile. With `silent`, its output goes nowhere. WF_E_ACCESS when UAC
 * was refused (1223). */
wf_err wf_win_elevate(const char *const *args, size_t n, bool silent, int *code);

/* In the elevated half: write into the caller's console (process `pid`),
 * or with `silent` nowhere (attached still, for Ctrl+C); read nothing from it. */
void wf_win_attach_to(unsigned long pid, bool silent);

/* The console is this process's alone and shown to a person: a double-click
 * (or Win+R), whose window closes when wufix ends. Asked before anything
 * else attaches to it. */
bool wf_win_alone_on_console(void);

#endif

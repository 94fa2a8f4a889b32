/* SPDX-License-Identifier: MIT */
/* eventlog.h - one Application-log event per changing run (source "wufix"). */
#ifndef WUFIX_WIN32_EVENTLOG_H
#define WUFIX_WIN32_EVENTLOG_H

#include <stdbool.h>

#include "wufix/base/platform.h"

/* Report `text` (UTF-8). When elevated, the source is registered first
 * (HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Application\wufix, this
 * exe as its message file) so Event Viewer shows the text. */
void wf_win_event(enum wf_event_type type, const char *text, bool elevated);

#endif

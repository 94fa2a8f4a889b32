/* SPDX-License-Identifier: MIT */
/* eventlog.c - the Application event log, where admins and their monitoring
 * look first. The message table (messages.mc) holds one message a severity
 * whose whole text is the insertion string. */
#include <windows.h>

#include <stdlib.h>
#include <wchar.h>

#include "eventlog.h"
#include "messages.h"
#include "winutil.h"

#define SOURCE_KEY L"SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\wufix"

/* The source with this exe as its message file (administrators only). */
static void register_source(void)
{
    WCHAR exe[MAX_PATH];
    DWORD types = EVENTLOG_ERROR_TYPE | EVENTLOG_WARNING_TYPE | EVENTLOG_INFORMATION_TYPE;
    DWORD n = GetModuleFileNameW(NULL, exe, MAX_PATH);
    HKEY k;
    if (n == 0 || n >= MAX_PATH ||
        RegCreateKeyExW(HKEY_LOCAL_MACHINE, SOURCE_KEY, 0, NULL, 0, KEY_SET_VALUE | KEY_WOW64_64KEY, NULL, &k,
                        NULL) != ERROR_SUCCESS)
        return;
    RegSetValueExW(k, L"EventMessageFile", 0, REG_EXPAND_SZ, (const BYTE *)exe, (n + 1) * sizeof(WCHAR));
    RegSetValueExW(k, L"TypesSupported", 0, REG_DWORD, (const BYTE *)&types, sizeof(types));
    RegCloseKey(k);
}

void wf_win_event(enum wf_event_type type, const char *text, bool elevated)
{
    size_t n = strlen(text) + 1;
    WCHAR *w = calloc(n, sizeof(WCHAR));
    if (!w)
        return;
    if (elevated)
        register_source();
    HANDLE h = wf_w_from_utf8(text, w, n) ? RegisterEventSourceW(NULL, L"wufix") : NULL;
    if (h) {
        const WCHAR *strings[1] = {w};
        WORD kind = type == WF_EVENT_ERROR     ? EVENTLOG_ERROR_TYPE
                    : type == WF_EVENT_WARNING ? EVENTLOG_WARNING_TYPE
                                               : EVENTLOG_INFORMATION_TYPE;
        DWORD id = type == WF_EVENT_ERROR     ? WF_MSG_ERROR
                   : type == WF_EVENT_WARNING ? WF_MSG_WARNING
                                              : WF_MSG_INFO;
        ReportEventW(h, kind, 0, id, NULL, 1, 0, strings, NULL);
        DeregisterEventSource(h);
    }
    free(w);
}

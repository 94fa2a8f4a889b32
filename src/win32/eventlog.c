/* SPDX-License-Identifier: MIT */
/* eventlog.c - the Application event log, where admins and their monitoring
 * look first. The message table (messages.mc) holds one message a severity
 * whose whole text is the insertion string. */
#include <windows.h>

#include <stdlib.h>
#include <wchar.h>

#include "eventlog.h"
#include "host.h"
#include "security.h"
#include "messages.h"
#include "winutil.h"
#include "wufix/mech/trust.h"

#define SOURCE_KEY L"SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\wufix"

/* Whether `path` is one only administrators can change, judged on a handle
 * as the state folder is, as `type`: the exe (a file), its folder (nobody
 * else may write into it), or a folder on the way there (nobody else may
 * rename what it holds: a user-owned C:\Tools with Authenticated Users'
 * modify could rename an admin-only folder in it away and put its own in
 * its place). The message file decides how every wufix event reads in Event
 * Viewer and in what collects the log, so whoever could replace it must not
 * be anyone. */
static bool admins_only(const WCHAR *path, enum wf_object type)
{
    struct wf_folder_sec s;
    char why[256], wine[WF_SID_MAX];
    HANDLE h =
        CreateFileW(path, READ_CONTROL | FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                    OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return false;
    wf_win_folder_security(h, &s);
    CloseHandle(h);
    if (type == WF_OBJ_FILE && s.not_folder)
        s.not_folder = false; /* the exe itself: a file is what it should be */
    else if (type == WF_OBJ_FILE)
        return false; /* a folder where the exe should be */
    return wf_trust_object(&s, type, false, wf_win_wine_account(wine, sizeof(wine)) ? wine : NULL, why,
                           sizeof(why)) == WF_OK;
}

/* The exe's folder, and every folder above it up to the drive's root. */
static bool folders_admins_only(WCHAR *dir)
{
    if (!admins_only(dir, WF_OBJ_FOLDER))
        return false;
    for (WCHAR *cut = wcsrchr(dir, L'\\'); cut; cut = wcsrchr(dir, L'\\')) {
        WCHAR keep = cut[1];
        bool root = cut == dir + 2 && dir[1] == L':';
        if (root)
            cut[1] = L'\0'; /* "C:\\" */
        else
            *cut = L'\0';
        bool ok = admins_only(dir, WF_OBJ_PARENT);
        if (root) {
            cut[1] = keep;
            return ok;
        }
        if (!ok)
            return false;
    }
    return false; /* not a path on a drive */
}

/* The source with this exe as its message file (administrators only), when
 * the exe and its folder are administrators' alone; otherwise an existing
 * registration is left where it points, never moved somewhere weaker. */
static void register_source(void)
{
    WCHAR exe[MAX_PATH], dir[MAX_PATH];
    DWORD types = EVENTLOG_ERROR_TYPE | EVENTLOG_WARNING_TYPE | EVENTLOG_INFORMATION_TYPE;
    DWORD n = GetModuleFileNameW(NULL, exe, MAX_PATH);
    HKEY k;
    WCHAR *slash = n && n < MAX_PATH ? wcsrchr(exe, L'\\') : NULL;
    if (!slash || (size_t)(slash - exe) >= MAX_PATH)
        return;
    wmemcpy(dir, exe, (size_t)(slash - exe));
    dir[slash - exe] = L'\0';
    if (!admins_only(exe, WF_OBJ_FILE) || !folders_admins_only(dir))
        return;
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

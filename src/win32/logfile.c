/* SPDX-License-Identifier: MIT */
/* logfile.c - the file --log appends to: opened once, with FILE_APPEND_DATA
 * only (every write lands at the end, even with another writer), shared for
 * reading so CMTrace can follow it live. */
#include <windows.h>

#include <stdio.h>

#include "callerpath.h"
#include "logfile.h"
#include "winutil.h"

static HANDLE log_file = INVALID_HANDLE_VALUE;

wf_err wf_win_log_open(const char *path, char *why, size_t size)
{
    /* The whole path judged: an elevated wufix appends only to a plain disk
     * file the caller's path really names (callerpath.c). */
    HANDLE h = wf_win_caller_open(path, true, why, size);
    if (h == INVALID_HANDLE_VALUE)
        return WF_E_UNTRUSTED;
    log_file = h;
    return WF_OK;
}

void wf_win_log_write(const char *text, size_t n)
{
    DWORD done;
    if (log_file != INVALID_HANDLE_VALUE)
        WriteFile(log_file, text, (DWORD)n, &done, NULL);
}

void wf_win_log_close(void)
{
    if (log_file == INVALID_HANDLE_VALUE)
        return;
    FlushFileBuffers(log_file);
    CloseHandle(log_file);
    log_file = INVALID_HANDLE_VALUE;
}

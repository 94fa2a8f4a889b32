/* SPDX-License-Identifier: MIT */
/* logfile.c - the file --log appends to: opened once, with FILE_APPEND_DATA
 * only (every write lands at the end, even with another writer), shared for
 * reading so CMTrace can follow it live. */
#include <windows.h>

#include <stdio.h>

#include "logfile.h"
#include "winutil.h"

static HANDLE log_file = INVALID_HANDLE_VALUE;

wf_err wf_win_log_open(const char *path, char *why, size_t size)
{
    WCHAR w[MAX_PATH + 1];
    BY_HANDLE_FILE_INFORMATION fi;
    if (!wf_w_from_utf8(path, w, MAX_PATH + 1))
        return snprintf(why, size, "not a file name Windows accepts"), WF_E_BAD_DATA;
    HANDLE h = CreateFileW(w, FILE_APPEND_DATA | SYNCHRONIZE | FILE_READ_ATTRIBUTES,
                           FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        wf_win_describe(code, why, size);
        return wf_err_from_syscode(code);
    }
    /* An elevated wufix appends only to a plain file, never where a link
     * someone made points. */
    if (!GetFileInformationByHandle(h, &fi) ||
        (fi.dwFileAttributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY))) {
        CloseHandle(h);
        snprintf(why, size, "it is a folder or a link, not a file");
        return WF_E_UNTRUSTED;
    }
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

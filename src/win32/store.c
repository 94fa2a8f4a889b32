/* SPDX-License-Identifier: MIT */
/* store.c - journal files and the one-wufix-at-a-time lock. */
#include <windows.h>
#include <sddl.h>

#include <stdio.h>
#include <wchar.h>

#include "store.h"
#include "winutil.h"

#define LOCK_NAME L"Global\\wufix-machine-lock"
/* SYSTEM and Administrators: full control; Users: read. Inherited by the journal. */
#define DIR_SDDL L"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FR;;;BU)"

static HANDLE lock_handle;

static bool dir_path(WCHAR *out, size_t cap)
{
    WCHAR base[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"ProgramData", base, MAX_PATH);
    if (n == 0 || n >= MAX_PATH)
        wcscpy(base, L"C:\\ProgramData");
    return swprintf(out, cap, L"%ls\\wufix", base) > 0;
}

static bool file_path(WCHAR *out, size_t cap, const WCHAR *leaf)
{
    WCHAR dir[MAX_PATH];
    return dir_path(dir, MAX_PATH) && swprintf(out, cap, L"%ls\\%ls", dir, leaf) > 0;
}

static wf_err load(void *self, struct wf_buf *out)
{
    (void)self;
    WCHAR path[MAX_PATH + 32];
    char chunk[4096];
    DWORD got;
    if (!file_path(path, MAX_PATH + 32, L"journal.txt"))
        return WF_E_JOURNAL;
    HANDLE h =
        CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND ? WF_OK : WF_E_JOURNAL;
    }
    while (ReadFile(h, chunk, sizeof(chunk), &got, NULL) && got > 0 && out->len < 1u << 20)
        wf_buf_add(out, chunk, got);
    CloseHandle(h);
    return WF_OK;
}

static void make_dir(void)
{
    WCHAR dir[MAX_PATH];
    PSECURITY_DESCRIPTOR sd = NULL;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, FALSE};
    if (!dir_path(dir, MAX_PATH))
        return;
    if (ConvertStringSecurityDescriptorToSecurityDescriptorW(DIR_SDDL, SDDL_REVISION_1, &sd, NULL))
        sa.lpSecurityDescriptor = sd;
    CreateDirectoryW(dir, &sa);
    if (sd)
        LocalFree(sd);
}

/* Write a temporary file, flush it, and rename it over the journal. */
static wf_err save(void *self, const char *data, size_t n)
{
    (void)self;
    WCHAR tmp[MAX_PATH + 32], path[MAX_PATH + 32];
    DWORD done = 0;
    if (!file_path(tmp, MAX_PATH + 32, L"journal.tmp") || !file_path(path, MAX_PATH + 32, L"journal.txt"))
        return WF_E_JOURNAL;
    make_dir();
    HANDLE h = CreateFileW(tmp, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return WF_E_JOURNAL;
    BOOL ok = WriteFile(h, data, (DWORD)n, &done, NULL) && done == n && FlushFileBuffers(h);
    CloseHandle(h);
    if (!ok || !MoveFileExW(tmp, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        DeleteFileW(tmp);
        return WF_E_JOURNAL;
    }
    return WF_OK;
}

void wf_win_store_init(struct wf_store *st)
{
    st->load = load;
    st->save = save;
    st->self = NULL;
}

wf_err wf_win_lock(void)
{
    HANDLE h = CreateMutexW(NULL, FALSE, LOCK_NAME);
    if (!h)
        return WF_E_SYSTEM;
    DWORD r = WaitForSingleObject(h, 0);
    if (r == WAIT_OBJECT_0 || r == WAIT_ABANDONED) {
        lock_handle = h;
        return WF_OK;
    }
    CloseHandle(h);
    return r == WAIT_TIMEOUT ? WF_E_BUSY : WF_E_SYSTEM;
}

void wf_win_unlock(void)
{
    if (!lock_handle)
        return;
    ReleaseMutex(lock_handle);
    CloseHandle(lock_handle);
    lock_handle = NULL;
}

void wf_win_timestamp(char *buf, size_t size)
{
    SYSTEMTIME t;
    GetSystemTime(&t);
    snprintf(buf, size, "%04u-%02u-%02uT%02u:%02u:%02uZ", t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute,
             t.wSecond);
}

/* SPDX-License-Identifier: MIT */
/* host.c - the host seam on Windows: files, free space, probes and the clock
 * for check and repair (the registry is registry.c's), of this machine or
 * of another through its admin share. */
#include <winsock2.h> /* before windows.h: net.h needs it */
#include <windows.h>
#include <tlhelp32.h>
#include <restartmanager.h>
#include <winioctl.h>

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>
#include <string.h>

#include "host.h"

#include "wufix/base/prose.h"
#include "net.h"
#include "registry.h"
#include "security.h"
#include "tasks.h"
#include "winutil.h"
#include "wufix/cli.h"

static bool wide(const char *in, WCHAR *out, size_t cap)
{
    return wf_w_from_utf8(in, out, cap);
}

/* A path of that machine ("C:\\...") as this machine reaches it. */
static bool file_w(void *self, const char *in, WCHAR *out, size_t cap)
{
    const struct win_remote *r = self;
    WCHAR w[WF_TEXT_MAX];
    if (!r)
        return wide(in, out, cap);
    if (!wide(in, w, WF_TEXT_MAX) || !iswalpha(w[0]) || w[1] != L':' || w[2] != L'\\')
        return false;
    WCHAR drive[2] = {w[0], L'\0'};
    return wf_w_join(out, cap, L"\\\\", r->name, L"\\", drive, L"$\\", w + 3, (const WCHAR *)NULL);
}

static wf_err h_folder_security(void *self, const char *path, struct wf_folder_sec *out)
{
    WCHAR w[WF_TEXT_MAX];
    memset(out, 0, sizeof(*out));
    if (!file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    HANDLE h = CreateFileW(w, READ_CONTROL | FILE_READ_ATTRIBUTES,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND ? WF_E_NO_SERVICE
                                                                            : wf_err_from_syscode(code);
    }
    wf_win_folder_security(h, out);
    CloseHandle(h);
    return WF_OK;
}

static wf_err h_expand(void *self, const char *in, char *out, size_t size)
{
    WCHAR w[WF_TEXT_MAX], x[WF_TEXT_MAX];
    const struct win_remote *r = self;
    if (!wide(in, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    /* Not ExpandEnvironmentStringsW: the environment is the caller's to set;
     * another machine's paths expand with its own %SystemRoot%. */
    if (!(r ? wf_win_expand_with(w, r->system_root, x, WF_TEXT_MAX)
            : wf_win_expand_trusted(w, x, WF_TEXT_MAX)))
        return WF_E_BAD_DATA;
    wf_utf8_from_w(x, out, size);
    return WF_OK;
}

static wf_err h_file_exists(void *self, const char *path)
{
    WCHAR w[WF_TEXT_MAX];
    if (!file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    DWORD a = GetFileAttributesW(w);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY) ? WF_OK : WF_E_NO_SERVICE;
}

static wf_err h_disk_free(void *self, uint64_t *bytes)
{
    WCHAR dir[MAX_PATH + WF_MACHINE_NAME_MAX];
    ULARGE_INTEGER avail;
    const struct win_remote *r = self;
    WCHAR drive[2] = {r ? r->system_root[0] : L'\0', L'\0'};
    UINT n = r ? (wf_w_join(dir, MAX_PATH + WF_MACHINE_NAME_MAX, L"\\\\", r->name, L"\\", drive, L"$\\",
                            (const WCHAR *)NULL)
                      ? (UINT)wcslen(dir)
                      : 0)
               : GetWindowsDirectoryW(dir, MAX_PATH);
    if (n < 3 || n >= MAX_PATH + WF_MACHINE_NAME_MAX)
        return WF_E_SYSTEM;
    if (!r)
        dir[3] = L'\0'; /* "C:\" */
    if (!GetDiskFreeSpaceExW(dir, &avail, NULL, NULL))
        return wf_err_from_syscode(GetLastError());
    *bytes = avail.QuadPart;
    return WF_OK;
}

static wf_err h_path_exists(void *self, const char *path)
{
    WCHAR w[WF_TEXT_MAX];
    if (!file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    return GetFileAttributesW(w) != INVALID_FILE_ATTRIBUTES ? WF_OK : WF_E_NO_SERVICE;
}

/* On the same volume only (no MOVEFILE_COPY_ALLOWED): a rename, never a copy
 * that could half-finish. An existing target is never replaced. */
static wf_err h_rename(void *self, const char *from, const char *to)
{
    WCHAR f[WF_TEXT_MAX], t[WF_TEXT_MAX];
    if (!file_w(self, from, f, WF_TEXT_MAX) || !file_w(self, to, t, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    if (MoveFileExW(f, t, MOVEFILE_WRITE_THROUGH))
        return WF_OK;
    DWORD code = GetLastError();
    if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND)
        return WF_E_NO_SERVICE;
    if (code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS)
        return WF_E_SYSTEM;
    return wf_err_from_syscode(code);
}

/* Depth-first over a folder; reparse points (junctions, links) are counted
 * as themselves, never followed. */
static void walk(WCHAR *path, size_t len, unsigned depth, uint64_t *bytes, uint64_t *files)
{
    WIN32_FIND_DATAW fd;
    if (depth > 64 || len + 3 >= WF_TEXT_MAX)
        return;
    wcscpy(path + len, L"\\*");
    HANDLE h =
        FindFirstFileExW(path, FindExInfoBasic, &fd, FindExSearchNameMatch, NULL, FIND_FIRST_EX_LARGE_FETCH);
    path[len] = L'\0';
    if (h == INVALID_HANDLE_VALUE)
        return;
    do {
        if (!wcscmp(fd.cFileName, L".") || !wcscmp(fd.cFileName, L".."))
            continue;
        bool dir = (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
        if (dir && !(fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)) {
            size_t n = wcslen(fd.cFileName);
            if (len + 1 + n + 3 < WF_TEXT_MAX) {
                path[len] = L'\\';
                wcscpy(path + len + 1, fd.cFileName);
                walk(path, len + 1 + n, depth + 1, bytes, files);
                path[len] = L'\0';
            }
        } else if (!dir) {
            *bytes += ((uint64_t)fd.nFileSizeHigh << 32) | fd.nFileSizeLow;
            ++*files;
        }
    } while (FindNextFileW(h, &fd));
    FindClose(h);
}

static wf_err h_tree_size(void *self, const char *path, uint64_t *bytes, uint64_t *files)
{
    WCHAR w[WF_TEXT_MAX];
    WIN32_FILE_ATTRIBUTE_DATA a;
    *bytes = *files = 0;
    if (!file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    if (!GetFileAttributesExW(w, GetFileExInfoStandard, &a))
        return wf_err_from_syscode(GetLastError());
    if (!(a.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) {
        *bytes = ((uint64_t)a.nFileSizeHigh << 32) | a.nFileSizeLow;
        *files = 1;
        return WF_OK;
    }
    walk(w, wcslen(w), 0, bytes, files);
    return WF_OK;
}

static wf_err list_in(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX],
                      size_t max, size_t *n, bool folders)
{
    WCHAR w[WF_TEXT_MAX], p[WF_NAME_MAX];
    WIN32_FIND_DATAW fd;
    *n = 0;
    if (!file_w(self, dir, w, WF_TEXT_MAX) || !wide(pattern, p, WF_NAME_MAX) ||
        wcslen(w) + wcslen(p) + 2 >= WF_TEXT_MAX)
        return WF_E_BAD_DATA;
    wcscat(w, L"\\");
    wcscat(w, p);
    HANDLE h = FindFirstFileExW(w, FindExInfoBasic, &fd, FindExSearchNameMatch, NULL, 0);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND ? WF_OK
                                                                            : wf_err_from_syscode(code);
    }
    do {
        bool folder = fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY;
        bool link = fd.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT;
        bool dots = wcscmp(fd.cFileName, L".") == 0 || wcscmp(fd.cFileName, L"..") == 0;
        if (folder == folders && !(folders && (link || dots)) && *n < max)
            wf_utf8_from_w(fd.cFileName, names[(*n)++], WF_NAME_MAX);
    } while (*n < max && FindNextFileW(h, &fd));
    FindClose(h);
    return WF_OK;
}

static wf_err h_list(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX], size_t max,
                     size_t *n)
{
    return list_in(self, dir, pattern, names, max, n, false);
}

static wf_err h_list_folders(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX],
                             size_t max, size_t *n)
{
    return list_in(self, dir, pattern, names, max, n, true);
}

static wf_err h_read_text(void *self, const char *path, char *out, size_t size)
{
    WCHAR w[WF_TEXT_MAX];
    if (size < 4 || !file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    HANDLE h = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return wf_err_from_syscode(GetLastError());
    return wf_win_read_text(h, out, size);
}

wf_err wf_win_read_text(HANDLE h, char *out, size_t size)
{
    DWORD got = 0;
    LARGE_INTEGER bytes;
    if (!GetFileSizeEx(h, &bytes) || bytes.QuadPart > (LONGLONG)(size - 2)) {
        CloseHandle(h);
        return WF_E_LIMIT; /* more than fits: never read cut short */
    }
    BYTE *raw = malloc(size);
    BOOL ok = raw && ReadFile(h, raw, (DWORD)(size - 2), &got, NULL);
    DWORD code = GetLastError();
    CloseHandle(h);
    if (!ok) {
        free(raw);
        return raw ? wf_err_from_syscode(code) : WF_E_NOMEM;
    }
    if (got >= 2 && raw[0] == 0xFF && raw[1] == 0xFE) { /* UTF-16LE, as Windows writes these files */
        size_t chars = (got - 2) / 2;
        WCHAR *text = malloc((chars + 1) * sizeof(WCHAR));
        if (!text) {
            free(raw);
            return WF_E_NOMEM;
        }
        memcpy(text, raw + 2, chars * sizeof(WCHAR));
        text[chars] = L'\0';
        int need = chars ? WideCharToMultiByte(CP_UTF8, 0, text, (int)chars, NULL, 0, NULL, NULL) : 0;
        int n = need > 0 && (size_t)need < size
                    ? WideCharToMultiByte(CP_UTF8, 0, text, (int)chars, out, (int)size - 1, NULL, NULL)
                    : 0;
        out[n > 0 ? n : 0] = '\0';
        free(text);
        if (need < 0 || (size_t)need >= size) {
            free(raw);
            return WF_E_LIMIT;
        }
    } else {
        size_t skip = got >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF ? 3 : 0;
        memcpy(out, raw + skip, got - skip);
        out[got - skip] = '\0';
    }
    free(raw);
    return WF_OK;
}

static void h_sleep_ms(void *self, uint32_t ms)
{
    (void)self;
    Sleep(ms);
}

static wf_err h_read_tail(void *self, const char *path, uint8_t *out, size_t size, size_t *n, uint64_t *total)
{
    WCHAR w[WF_TEXT_MAX];
    LARGE_INTEGER bytes, at;
    DWORD got = 0;
    *n = 0;
    *total = 0;
    if (!file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    HANDLE h = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD e = GetLastError();
        return e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND ? WF_E_NO_SERVICE
                                                                      : wf_err_from_syscode(e);
    }
    if (!GetFileSizeEx(h, &bytes) || bytes.QuadPart < 0) {
        CloseHandle(h);
        return WF_E_SYSTEM;
    }
    size_t want = (uint64_t)bytes.QuadPart < size ? (size_t)bytes.QuadPart : size;
    at.QuadPart = bytes.QuadPart - (LONGLONG)want;
    BOOL ok = SetFilePointerEx(h, at, NULL, FILE_BEGIN) && ReadFile(h, out, (DWORD)want, &got, NULL);
    DWORD e = GetLastError();
    CloseHandle(h);
    if (!ok)
        return wf_err_from_syscode(e);
    *n = got;
    *total = (uint64_t)at.QuadPart + got; /* as read: a file still growing is judged on what was read */
    return WF_OK;
}

/* Opened without following a link, judged on the handle (a plain file with
 * one name) before a byte is written; an existing file is written in place,
 * so it keeps its own descriptor. */
static wf_err h_write_file(void *self, const char *path, const uint8_t *data, size_t n, bool create)
{
    WCHAR w[WF_TEXT_MAX];
    BY_HANDLE_FILE_INFORMATION fi;
    DWORD put = 0;
    if (n > MAXDWORD || !file_w(self, path, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    HANDLE h = CreateFileW(w, GENERIC_WRITE | FILE_READ_ATTRIBUTES, FILE_SHARE_READ, NULL,
                           create ? CREATE_NEW : OPEN_EXISTING,
                           FILE_FLAG_OPEN_REPARSE_POINT | FILE_FLAG_WRITE_THROUGH, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD e = GetLastError();
        return e == ERROR_FILE_EXISTS || e == ERROR_ALREADY_EXISTS ? WF_E_SYSTEM : wf_err_from_syscode(e);
    }
    wf_err r = WF_E_UNTRUSTED;
    if (GetFileInformationByHandle(h, &fi) && fi.nNumberOfLinks == 1 &&
        !(fi.dwFileAttributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY)))
        r = WriteFile(h, data, (DWORD)n, &put, NULL) && put == n && SetEndOfFile(h) && FlushFileBuffers(h)
                ? WF_OK
                : wf_err_from_syscode(GetLastError());
    CloseHandle(h);
    return r;
}

static wf_err h_probe(void *self, const char *host, unsigned port, uint32_t ms, char *why, size_t size)
{
    (void)self;
    return wf_win_probe(host, port, ms, why, size);
}

static wf_err h_head(void *self, const char *host, unsigned port, uint32_t ms, char *why, size_t size,
                     char *reply, size_t rsize)
{
    (void)self;
    return wf_win_head(host, port, ms, why, size, reply, rsize);
}

static wf_err h_resolve(void *self, const char *name, uint32_t ms, struct wf_addrs *out)
{
    (void)self;
    return wf_win_lookup(name, ms, out);
}

static void h_utc_now(void *self, char *buf, size_t size)
{
    SYSTEMTIME t;
    (void)self;
    GetSystemTime(&t);
    snprintf(buf, size, WF_M(M_04U_02U_02UT_02U_02U), t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute,
             t.wSecond);
}

/* Toolhelp32 (KERNEL32): every process's image name, as Task Manager lists
 * them (Microsoft Learn: CreateToolhelp32Snapshot, PROCESSENTRY32W). */
static wf_err h_process_running(void *self, const char *image)
{
    WCHAR want[MAX_PATH];
    PROCESSENTRY32W pe;
    wf_err found = WF_E_NO_SERVICE;
    (void)self;
    if (!wide(image, want, MAX_PATH))
        return WF_E_BAD_DATA;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        return wf_err_from_syscode(code);
    }
    memset(&pe, 0, sizeof(pe));
    pe.dwSize = sizeof(pe);
    for (BOOL more = Process32FirstW(snap, &pe); more && found != WF_OK; more = Process32NextW(snap, &pe))
        if (CompareStringOrdinal(pe.szExeFile, -1, want, -1, TRUE) == CSTR_EQUAL)
            found = WF_OK;
    CloseHandle(snap);
    return found;
}

/* The files under a folder (or the file itself), at most HOLD_FILES, depth
 * first, links never followed: what the Restart Manager is asked about. */
#define HOLD_FILES 1024
static void hold_files(WCHAR *path, size_t len, unsigned depth, LPCWSTR *files, UINT *n)
{
    WIN32_FIND_DATAW fd;
    DWORD a = GetFileAttributesW(path);
    if (a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY)) {
        if (*n < HOLD_FILES && (files[*n] = _wcsdup(path)) != NULL)
            ++*n;
        return;
    }
    if (depth > 16 || a == INVALID_FILE_ATTRIBUTES || (a & FILE_ATTRIBUTE_REPARSE_POINT) ||
        len + 3 >= WF_TEXT_MAX)
        return;
    wcscpy(path + len, L"\\*");
    HANDLE h = FindFirstFileW(path, &fd);
    path[len] = L'\0';
    if (h == INVALID_HANDLE_VALUE)
        return;
    do {
        size_t k = wcslen(fd.cFileName);
        if (!wcscmp(fd.cFileName, L".") || !wcscmp(fd.cFileName, L"..") || len + 1 + k + 3 >= WF_TEXT_MAX)
            continue;
        path[len] = L'\\';
        wcscpy(path + len + 1, fd.cFileName);
        hold_files(path, len + 1 + k, depth + 1, files, n);
        path[len] = L'\0';
    } while (*n < HOLD_FILES && FindNextFileW(h, &fd));
    FindClose(h);
}

typedef DWORD(WINAPI *rm_start_fn)(DWORD *, DWORD, WCHAR *);
typedef DWORD(WINAPI *rm_register_fn)(DWORD, UINT, LPCWSTR *, UINT, RM_UNIQUE_PROCESS *, UINT, LPCWSTR *);
typedef DWORD(WINAPI *rm_list_fn)(DWORD, UINT *, UINT *, RM_PROCESS_INFO *, DWORD *);
typedef DWORD(WINAPI *rm_end_fn)(DWORD);

/* The Restart Manager (Microsoft Learn: RmStartSession, RmRegisterResources,
 * RmGetList, RmEndSession), rstrtmgr.dll loaded from System32 only now. A
 * holder's image is read from its process, whose start time must be the
 * one the Restart Manager gave (a PID used again names no one). */
static wf_err h_holders(void *self, const char *path, const char *service, struct wf_holder *out, size_t max,
                        size_t *n)
{
    WCHAR w[WF_TEXT_MAX], key[CCH_RM_SESSION_KEY + 1];
    LPCWSTR files[HOLD_FILES];
    LPCWSTR svc[1] = {w};
    UINT nfiles = 0, need = 0, got = 0;
    DWORD session, reasons = 0;
    RM_PROCESS_INFO *info = NULL;
    wf_err e = WF_E_SYSTEM;
    *n = 0;
    if (path ? !file_w(self, path, w, WF_TEXT_MAX) : !wide(service, w, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    HMODULE rm = LoadLibraryExW(L"rstrtmgr.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    rm_start_fn start = rm ? (rm_start_fn)(void (*)(void))GetProcAddress(rm, WF_M(M_RMSTARTSESSION)) : NULL;
    rm_register_fn reg =
        rm ? (rm_register_fn)(void (*)(void))GetProcAddress(rm, WF_M(M_RMREGISTERRESOURCES)) : NULL;
    rm_list_fn list = rm ? (rm_list_fn)(void (*)(void))GetProcAddress(rm, "RmGetList") : NULL;
    rm_end_fn end = rm ? (rm_end_fn)(void (*)(void))GetProcAddress(rm, WF_M(M_RMENDSESSION)) : NULL;
    if (!start || !reg || !list || !end || start(&session, 0, key) != ERROR_SUCCESS) {
        if (rm)
            FreeLibrary(rm);
        return e;
    }
    if (path)
        hold_files(w, wcslen(w), 0, files, &nfiles);
    DWORD r = reg(session, nfiles, files, 0, NULL, path ? 0 : 1, path ? NULL : svc);
    if (r == ERROR_SUCCESS)
        r = list(session, &need, &got, NULL, &reasons); /* how many: ERROR_MORE_DATA, or none */
    if (r == ERROR_SUCCESS)
        e = WF_OK;
    got = need;
    if (r == ERROR_MORE_DATA && need && (info = calloc(need, sizeof(*info))) != NULL &&
        list(session, &need, &got, info, &reasons) == ERROR_SUCCESS) {
        e = WF_OK;
        for (UINT i = 0; i < got && *n < max; i++) {
            struct wf_holder *o = &out[(*n)++];
            WCHAR image[MAX_PATH];
            DWORD len = MAX_PATH;
            FILETIME made, x1, x2, x3;
            memset(o, 0, sizeof(*o));
            o->pid = info[i].Process.dwProcessId;
            wf_utf8_from_w(info[i].strAppName, o->name, sizeof(o->name));
            HANDLE p = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, o->pid);
            if (p && GetProcessTimes(p, &made, &x1, &x2, &x3) &&
                CompareFileTime(&made, &info[i].Process.ProcessStartTime) == 0 &&
                QueryFullProcessImageNameW(p, 0, image, &len)) {
                WCHAR *base = wcsrchr(image, L'\\');
                wf_utf8_from_w(base ? base + 1 : image, o->image, sizeof(o->image));
            }
            if (p)
                CloseHandle(p);
        }
    }
    free(info);
    while (nfiles)
        free((void *)(uintptr_t)files[--nfiles]); /* _wcsdup's */
    end(session);
    FreeLibrary(rm);
    return e;
}

/* The partition types (Microsoft Learn, PARTITION_INFORMATION_GPT, and
 * winioctl.h's PARTITION_MSFT_RECOVERY_GUID and PARTITION_SYSTEM_GUID): the
 * Windows Recovery Environment's and the EFI system partition's. MBR's:
 * 0x27 recovery (winioctl.h's PARTITION_MSFT_RECOVERY), 0x07 an NTFS one
 * (PARTITION_IFS), which System Reserved is, active (Microsoft Learn,
 * "Configure BIOS/MBR-based hard drive partitions"). */
static const GUID part_recovery = {
    0xde94bba4, 0x06d1, 0x4d40, {0xa1, 0x6a, 0xbf, 0xd5, 0x01, 0x79, 0xd6, 0xac}};
static const GUID part_esp = {0xc12a7328, 0xf81f, 0x11d2, {0xba, 0x4b, 0x00, 0xa0, 0xc9, 0x3e, 0xc9, 0x3b}};

/* Each volume (FindFirstVolumeW), its partition asked of the volume opened
 * without its trailing backslash and with no access asked
 * (IOCTL_DISK_GET_PARTITION_INFO_EX is FILE_ANY_ACCESS), its space asked
 * with the backslash (GetDiskFreeSpaceExW). Wine answers the control with
 * 50 (ERROR_NOT_SUPPORTED): when no volume says its type, WF_E_SYSTEM. */
static wf_err h_volumes(void *self, struct wf_volume *out, size_t max, size_t *n)
{
    WCHAR name[MAX_PATH], win[MAX_PATH], mine[MAX_PATH] = L"";
    bool typed = false;
    (void)self;
    *n = 0;
    if (GetSystemWindowsDirectoryW(name, MAX_PATH) && GetVolumePathNameW(name, win, MAX_PATH))
        GetVolumeNameForVolumeMountPointW(win, mine, MAX_PATH);
    HANDLE f = FindFirstVolumeW(name, MAX_PATH);
    if (f == INVALID_HANDLE_VALUE)
        return WF_E_SYSTEM;
    do {
        size_t len = wcslen(name);
        PARTITION_INFORMATION_EX pi;
        DWORD got;
        int kind = 0;
        if (len < 2 || name[len - 1] != L'\\')
            continue;
        name[len - 1] = L'\0';
        HANDLE v = CreateFileW(name, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        name[len - 1] = L'\\';
        if (v == INVALID_HANDLE_VALUE)
            continue;
        if (DeviceIoControl(v, IOCTL_DISK_GET_PARTITION_INFO_EX, NULL, 0, &pi, sizeof(pi), &got, NULL)) {
            typed = true;
            if (pi.PartitionStyle == PARTITION_STYLE_GPT)
                kind = !memcmp(&pi.Gpt.PartitionType, &part_recovery, sizeof(GUID)) ? WF_PART_RECOVERY
                       : !memcmp(&pi.Gpt.PartitionType, &part_esp, sizeof(GUID))    ? WF_PART_SYSTEM
                                                                                    : 0;
            else if (pi.PartitionStyle == PARTITION_STYLE_MBR)
                kind = pi.Mbr.PartitionType == 0x27 ? WF_PART_RECOVERY
                       : pi.Mbr.PartitionType == PARTITION_IFS && pi.Mbr.BootIndicator &&
                               _wcsicmp(name, mine) != 0
                           ? WF_PART_SYSTEM
                           : 0;
        }
        CloseHandle(v);
        ULARGE_INTEGER fr, tot;
        if (kind && *n < max) {
            struct wf_volume *o = &out[(*n)++];
            memset(o, 0, sizeof(*o));
            wf_utf8_from_w(name, o->path, sizeof(o->path));
            o->kind = kind;
            o->measured = GetDiskFreeSpaceExW(name, &fr, &tot, NULL) != 0;
            o->free = o->measured ? fr.QuadPart : 0;
            o->total = o->measured ? tot.QuadPart : 0;
        }
    } while (FindNextVolumeW(f, name, MAX_PATH));
    FindVolumeClose(f);
    return typed ? WF_OK : WF_E_SYSTEM;
}

#define HOST_OPS                                                                                             \
    .reg_read = wf_win_reg_read, .reg_write = wf_win_reg_write, .reg_delete = wf_win_reg_delete,             \
    .reg_key_exists = wf_win_reg_key_exists, .reg_key_time = wf_win_reg_key_time,                            \
    .reg_enum = wf_win_reg_enum, .reg_key_sddl = wf_win_reg_key_sddl, .expand = h_expand,                    \
    .folder_security = h_folder_security, .file_exists = h_file_exists, .disk_free = h_disk_free,            \
    .path_exists = h_path_exists, .rename = h_rename, .tree_size = h_tree_size, .list = h_list,              \
    .list_folders = h_list_folders, .read_text = h_read_text, .sleep_ms = h_sleep_ms,                        \
    .read_tail = h_read_tail, .reg_read_bytes = wf_win_reg_read_bytes, .utc_now = h_utc_now,                 \
    .write_file = h_write_file, .tasks = wf_win_tasks

/* This machine's; another machine's cannot probe (an answer here says nothing of there). */
static const struct wf_host_ops win_host_ops = {HOST_OPS,
                                                .probe = h_probe,
                                                .resolve = h_resolve,
                                                .process_running = h_process_running,
                                                .holders = h_holders,
                                                .volumes = h_volumes,
                                                .head = h_head};
static const struct wf_host_ops remote_host_ops = {HOST_OPS};

void wf_win_host_init(struct wf_host *h)
{
    memset(h, 0, sizeof(*h));
    h->ops = &win_host_ops;
}

wf_err wf_win_host_remote(const char *machine, const char *no_smb, struct wf_host *h, char *no_registry,
                          char *no_files, size_t size)
{
    struct win_remote *r = calloc(1, sizeof(*r));
    WCHAR unc[WF_MACHINE_NAME_MAX + 4];
    char words[256];
    if (!r)
        return WF_E_NOMEM;
    if (!wf_w_from_utf8(machine, r->name, WF_MACHINE_NAME_MAX)) {
        free(r);
        return WF_E_BAD_DATA;
    }
    memset(h, 0, sizeof(*h));
    h->ops = &remote_host_ops;
    h->self = r;
    wf_w_join(r->system_root, MAX_PATH, L"C:\\Windows", (const WCHAR *)NULL);
    if (no_smb) {
        snprintf(no_registry, size, WF_M(M_S_ITS_REGISTRY_IS_REACHED), no_smb);
        snprintf(no_files, size, WF_M(M_S_THE_FIREWALL_RULE_GROUP), no_smb);
        h->no_registry = no_registry;
        h->no_files = no_files;
        return WF_OK;
    }
    wf_w_join(unc, WF_MACHINE_NAME_MAX + 4, L"\\\\", r->name, (const WCHAR *)NULL);
    LSTATUS code = RegConnectRegistryW(unc, HKEY_LOCAL_MACHINE, &r->hklm);
    if (code == ERROR_SUCCESS && RegConnectRegistryW(unc, HKEY_USERS, &r->hku) != ERROR_SUCCESS)
        r->hku = NULL;
    if (code != ERROR_SUCCESS) {
        r->hklm = NULL;
        wf_win_describe((uint32_t)code, words, sizeof(words));
        snprintf(no_registry, size, WF_M(M_ITS_REGISTRY_DOES_NOT_ANSWER), (unsigned long)code, words);
        h->no_registry = no_registry;
    } else {
        WCHAR v[MAX_PATH];
        DWORD bytes = sizeof(v);
        if (RegGetValueW(r->hklm, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"SystemRoot",
                         RRF_RT_REG_SZ, NULL, v, &bytes) == ERROR_SUCCESS &&
            iswalpha(v[0]) && v[1] == L':' && v[2] == L'\\')
            wf_w_join(r->system_root, MAX_PATH, v, (const WCHAR *)NULL);
    }
    WCHAR share[MAX_PATH + WF_MACHINE_NAME_MAX];
    WCHAR root_drive[2] = {r->system_root[0], L'\0'};
    wf_w_join(share, MAX_PATH + WF_MACHINE_NAME_MAX, L"\\\\", r->name, L"\\", root_drive, L"$\\",
              r->system_root + 3, (const WCHAR *)NULL);
    if (GetFileAttributesW(share) == INVALID_FILE_ATTRIBUTES) {
        DWORD e = GetLastError();
        char share8[MAX_PATH * 3];
        wf_win_describe(e, words, sizeof(words));
        if (!wf_utf8_from_w(share, share8, sizeof(share8)))
            share8[0] = '\0';
        snprintf(no_files, size, WF_M(M_S_CANNOT_BE_READ_LU), share8, (unsigned long)e, words);
        h->no_files = no_files;
    }
    return WF_OK;
}

void wf_win_host_free(struct wf_host *h)
{
    struct win_remote *r = h->self;
    if (r && r->hklm)
        RegCloseKey(r->hklm);
    if (r && r->hku)
        RegCloseKey(r->hku);
    free(r);
    h->self = NULL;
}

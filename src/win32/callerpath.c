/* SPDX-License-Identifier: MIT */
/* callerpath.c - opening a file the caller named (--log, --computer @FILE)
 * as an elevated process may: the whole path judged on handles.
 *
 * A folder anyone may create (anything under C:\, a user's own folders) can
 * be swapped for a junction to \RPC Control plus an object symbolic link,
 * sending the elevated wufix's write wherever the user likes, and a named
 * pipe at the path would hand its server wufix's token to impersonate. So:
 * a drive-letter path, made absolute; every folder on the way opened without
 * following a reparse point and refused when it is one, each kept open
 * with a right that counts in sharing (listing, or traversing) and without
 * delete sharing, so none can be renamed or replaced, until the file is
 * open; the file opened without following a link and with
 * SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION; then it must be a plain
 * disk file with one link whose final path, asked of the handle, is the one
 * asked for. Anything else: refused, naming the component, nothing written
 * (a file this open made is removed again). */
#include <windows.h>

#include <stdio.h>
#include <wchar.h>

#include "callerpath.h"

#include "wufix/base/prose.h"
#include "winutil.h"

#define DEPTH_MAX 64

static void name_it(const WCHAR *w, char *out, size_t size)
{
    if (!wf_utf8_from_w(w, out, size))
        snprintf(out, size, "(a name)");
}

/* A folder held so that it cannot be renamed while it is held: Windows
 * checks a new open's sharing only against handles that have read, write
 * or delete access (FILE_READ_DATA/FILE_LIST_DIRECTORY or FILE_EXECUTE/
 * FILE_TRAVERSE, FILE_WRITE_DATA, FILE_APPEND_DATA, DELETE: [MS-FSA]
 * 2.1.5.1.2.2, "Algorithm to Check Sharing Access to an Existing Stream or
 * Directory"), so a handle with FILE_READ_ATTRIBUTES alone denies
 * nothing. Listing it, or else traversing it, without FILE_SHARE_DELETE
 * does: a rename opens the folder for DELETE and meets a sharing violation. */
static HANDLE hold_folder(const WCHAR *path)
{
    static const DWORD access[] = {FILE_LIST_DIRECTORY, FILE_TRAVERSE};
    HANDLE d = INVALID_HANDLE_VALUE;
    for (size_t i = 0; i < 2 && d == INVALID_HANDLE_VALUE; i++) {
        d = CreateFileW(path, access[i] | FILE_READ_ATTRIBUTES | SYNCHRONIZE,
                        FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                        FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
        if (d == INVALID_HANDLE_VALUE && GetLastError() != ERROR_ACCESS_DENIED)
            break;
    }
    return d;
}

enum open_mode { OPEN_READ, OPEN_APPEND, OPEN_CREATE };

static HANDLE open_judged(const char *path, enum open_mode mode, char *why, size_t size)
{
    bool append = mode != OPEN_READ; /* written to */
    WCHAR asked[MAX_PATH + 1], full[MAX_PATH + 1], final[MAX_PATH + 8];
    char part[MAX_PATH * 3];
    HANDLE dirs[DEPTH_MAX], h = INVALID_HANDLE_VALUE;
    size_t ndirs = 0;
    bool made = false;
    if (!wf_w_from_utf8(path, asked, MAX_PATH + 1)) {
        snprintf(why, size, "%s", WF_M(M_NOT_A_FILE_NAME_WINDOWS));
        return INVALID_HANDLE_VALUE;
    }
    DWORD n = GetFullPathNameW(asked, MAX_PATH + 1, full, NULL);
    if (n == 0 || n > MAX_PATH || !iswalpha(full[0]) || full[1] != L':' || full[2] != L'\\') {
        snprintf(why, size, "%s", WF_M(M_IT_MUST_BE_A_FILE));
        return INVALID_HANDLE_VALUE;
    }
    /* Each folder on the way, from the drive's root down. */
    for (WCHAR *sep = wcschr(full + 3, L'\\'); sep; sep = wcschr(sep + 1, L'\\')) {
        *sep = L'\0';
        HANDLE d = ndirs < DEPTH_MAX ? hold_folder(full) : INVALID_HANDLE_VALUE;
        BY_HANDLE_FILE_INFORMATION fi;
        bool ok = d != INVALID_HANDLE_VALUE && GetFileInformationByHandle(d, &fi) &&
                  (fi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) &&
                  !(fi.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT);
        name_it(full, part, sizeof(part));
        *sep = L'\\';
        if (!ok) {
            snprintf(why, size, "%s is %s", part,
                     d == INVALID_HANDLE_VALUE ? WF_M(M_NOT_A_FOLDER_THAT_CAN)
                                               : WF_M(M_A_LINK_OR_JUNCTION_A));
            if (d != INVALID_HANDLE_VALUE)
                CloseHandle(d);
            goto out;
        }
        dirs[ndirs++] = d;
    }
    DWORD flags = FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT | SECURITY_SQOS_PRESENT |
                  SECURITY_IDENTIFICATION;
    DWORD access = (append ? FILE_APPEND_DATA : GENERIC_READ) | SYNCHRONIZE | FILE_READ_ATTRIBUTES | DELETE;
    if (mode == OPEN_CREATE) {
        /* Never over anything: CREATE_NEW fails on a file, a link or a folder there. */
        h = CreateFileW(full, access, FILE_SHARE_READ, NULL, CREATE_NEW, flags, NULL);
        made = h != INVALID_HANDLE_VALUE;
        if (!made && (GetLastError() == ERROR_FILE_EXISTS || GetLastError() == ERROR_ALREADY_EXISTS)) {
            snprintf(why, size, "%s", WF_M(M_IT_EXISTS_WUFIX_NEVER_WRITES));
            goto out;
        }
    } else {
        h = CreateFileW(full, access, FILE_SHARE_READ | (append ? FILE_SHARE_WRITE : 0), NULL, OPEN_EXISTING,
                        flags, NULL);
    }
    if (h == INVALID_HANDLE_VALUE && mode == OPEN_APPEND && GetLastError() == ERROR_FILE_NOT_FOUND) {
        h = CreateFileW(full, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, CREATE_NEW, flags, NULL);
        made = h != INVALID_HANDLE_VALUE;
    }
    if (h == INVALID_HANDLE_VALUE) {
        wf_win_describe(GetLastError(), why, size);
        goto out;
    }
    BY_HANDLE_FILE_INFORMATION fi;
    DWORD got = GetFinalPathNameByHandleW(h, final, MAX_PATH + 8, FILE_NAME_NORMALIZED | VOLUME_NAME_DOS);
    const WCHAR *plain = got > 4 && wcsncmp(final, L"\\\\?\\", 4) == 0 ? final + 4 : final;
    const char *wrong = GetFileType(h) != FILE_TYPE_DISK      ? WF_M(M_NOT_A_FILE_ON_A)
                        : !GetFileInformationByHandle(h, &fi) ? WF_M(M_A_FILE_WHOSE_KIND_CANNOT)
                        : (fi.dwFileAttributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY))
                            ? WF_M(M_A_LINK_OR_A_FOLDER)
                        : fi.nNumberOfLinks != 1 ? WF_M(M_A_FILE_WITH_MORE_THAN)
                        : got == 0 || got >= MAX_PATH + 8 || _wcsicmp(plain, full) != 0
                            ? WF_M(M_REACHED_THROUGH_A_LINK_ITS)
                            : NULL;
    if (wrong) {
        snprintf(why, size, "%s", wrong);
        if (made) {
            FILE_DISPOSITION_INFO gone = {TRUE};
            SetFileInformationByHandle(h, FileDispositionInfo, &gone, sizeof(gone));
        }
        CloseHandle(h);
        h = INVALID_HANDLE_VALUE;
    }
out:
    while (ndirs)
        CloseHandle(dirs[--ndirs]);
    return h;
}

HANDLE wf_win_caller_open(const char *path, bool append, char *why, size_t size)
{
    return open_judged(path, append ? OPEN_APPEND : OPEN_READ, why, size);
}

HANDLE wf_win_caller_create(const char *path, char *why, size_t size)
{
    return open_judged(path, OPEN_CREATE, why, size);
}

/* SPDX-License-Identifier: MIT */
/* store.c - wufix's state folder (%ProgramData%\wufix), the journal in it,
 * the anchor that vouches for the journal (HKLM\SOFTWARE\wufix), and the
 * one-wufix-at-a-time lock.
 *
 * The folder is judged on a handle, not by its path: opened without following
 * a reparse point, its attributes and descriptor read from that handle, and
 * the handle kept open without FILE_SHARE_DELETE for the rest of the run, so
 * the folder judged is the folder used. One that fails is renamed aside,
 * never read, and made anew with an explicit owner and a protected DACL. */
#include <windows.h>
#include <aclapi.h>
#include <sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "host.h"

#include "wufix/base/prose.h"
#include "security.h"
#include "store.h"
#include "winutil.h"
#include "wufix/base/descriptors.h"
#include "wufix/cli.h"
#include "wufix/mech/trust.h"

/* The descriptors (wufix/base/descriptors.h, where the portable suites hold
 * the judge against them), as the wide strings the API takes. */
#define DIR_SDDL      L"" WF_SDDL_STATE_DIR
#define FILE_SDDL     L"" WF_SDDL_JOURNAL
#define ANCHOR_KEY    L"SOFTWARE\\wufix"
#define ANCHOR_LAST   L"JournalSha256"
#define ANCHOR_BEFORE L"JournalSha256Before"
#define ANCHOR_CLOSED L"JournalClosed"
#define JOURNAL_LEAF  L"journal.txt"
#define LOCK_LEAF     L"lock"
#define PATH_CAP      (MAX_PATH + 64)

struct win_store {
    WCHAR dir[PATH_CAP];
    HANDLE dir_handle; /* held while wufix runs: the folder cannot be renamed under it */
    HANDLE lock;
};

static struct win_store store = {{0}, INVALID_HANDLE_VALUE, INVALID_HANDLE_VALUE};
/* Workers for other machines reach the folder at the same time. */
static SRWLOCK folder_lock = SRWLOCK_INIT;

/* Whose journal: this machine's, or one kept here for another machine
 * (--computer): its own file and its own anchor values. */
struct journal_names {
    const WCHAR *leaf;   /* journal.txt, journal-NAME.txt */
    const WCHAR *stem;   /* journal, journal-NAME (for the ones set aside) */
    const WCHAR *last;   /* JournalSha256[-NAME] */
    const WCHAR *before; /* JournalSha256Before[-NAME] */
    const WCHAR *closed; /* JournalClosed[-NAME]: 1 when `last` is a closing save's */
};

/* Another machine's names, and the text they point into. */
#define NAMES_CAP (WF_MACHINE_NAME_MAX + 32)
struct target_names {
    struct journal_names n;
    WCHAR text[5][NAMES_CAP];
};

static struct journal_names local_names = {JOURNAL_LEAF, L"journal", ANCHOR_LAST, ANCHOR_BEFORE,
                                           ANCHOR_CLOSED};

static bool leaf_path(const WCHAR *leaf, WCHAR *out)
{
    return wf_w_join(out, PATH_CAP, store.dir, L"\\", leaf, (const WCHAR *)NULL);
}

static void utf8(const WCHAR *w, char *out, size_t size)
{
    if (!wf_utf8_from_w(w, out, size) && size)
        out[0] = '\0';
}

static void stamp(WCHAR *out, size_t cap)
{
    SYSTEMTIME t;
    GetSystemTime(&t);
    WCHAR n[6][24];
    wf_w_join(out, cap, wf_w_num(n[0], t.wYear, 4), wf_w_num(n[1], t.wMonth, 2), wf_w_num(n[2], t.wDay, 2),
              L"-", wf_w_num(n[3], t.wHour, 2), wf_w_num(n[4], t.wMinute, 2), wf_w_num(n[5], t.wSecond, 2),
              (const WCHAR *)NULL);
}

/* The handle wufix holds: what it needs to judge the folder and no more
 * (no WRITE_DAC: a folder whose list does not give it to administrators is
 * still usable). */
static HANDLE open_dir(void)
{
    /* FILE_LIST_DIRECTORY makes the hold count: Windows checks sharing only
     * against handles with data or delete access, so without it the folder
     * could be renamed while held. */
    return CreateFileW(store.dir, READ_CONTROL | FILE_READ_ATTRIBUTES | FILE_LIST_DIRECTORY | SYNCHRONIZE,
                       FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                       FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
}

/* WF_OK and the handle kept when trusted; else the reason. `others`: a
 * trusted folder whose list names someone else too (an earlier wufix's let
 * Users list it). */
static wf_err judge(HANDLE h, char *why, size_t size, bool *others)
{
    struct wf_folder_sec s;
    char wine[WF_SID_MAX];
    const char *also = wf_win_wine_account(wine, sizeof(wine)) ? wine : NULL;
    wf_win_folder_security(h, &s);
    wf_err e = wf_trust_folder(&s, also, why, size);
    /* Under Wine a folder's list is made from its Unix mode: never narrowed. */
    *others = e == WF_OK && !also && wf_trust_names_others(&s, also);
    return e;
}

/* The folder's list made DIR_SDDL's (protected): a standard user who could
 * list it could hold it open without sharing write and make the rename of a
 * new journal fail. Best effort through a second handle that asks WRITE_DAC
 * (the folder is trusted either way); 0, or the error that stopped it. */
static DWORD narrow(void)
{
    PSECURITY_DESCRIPTOR sd = NULL;
    BOOL present = FALSE, defaulted = FALSE;
    PACL dacl = NULL;
    DWORD code = ERROR_SUCCESS;
    HANDLE h = CreateFileW(store.dir, WRITE_DAC | READ_CONTROL | SYNCHRONIZE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
                           FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return GetLastError();
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(DIR_SDDL, SDDL_REVISION_1, &sd, NULL))
        code = GetLastError();
    else if (!GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) || !present)
        code = ERROR_INVALID_SECURITY_DESCR;
    else
        code = SetSecurityInfo(h, SE_FILE_OBJECT,
                               DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, NULL, NULL,
                               dacl, NULL);
    if (sd)
        LocalFree(sd);
    CloseHandle(h);
    return code;
}

static bool make_dir(void)
{
    PSECURITY_DESCRIPTOR sd = NULL;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, FALSE};
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(DIR_SDDL, SDDL_REVISION_1, &sd, NULL))
        return false;
    sa.lpSecurityDescriptor = sd;
    BOOL ok = CreateDirectoryW(store.dir, &sa);
    LocalFree(sd);
    return ok != 0;
}

/* Open and judge the state folder once per process. With `create`, a
 * missing one is made, and one that fails is renamed aside (its contents
 * never read) and made anew, which `note` tells. */
static wf_err take_folder_locked(bool create, char *note, size_t size);

static wf_err take_folder(bool create, char *note, size_t size)
{
    AcquireSRWLockExclusive(&folder_lock);
    wf_err e = take_folder_locked(create, note, size);
    ReleaseSRWLockExclusive(&folder_lock);
    return e;
}

static wf_err take_folder_locked(bool create, char *note, size_t size)
{
    char path[PATH_CAP * 3], why[512];
    if (store.dir_handle != INVALID_HANDLE_VALUE)
        return WF_OK;
    if (!store.dir[0]) {
        WCHAR data[MAX_PATH];
        if (!wf_win_program_data(data, MAX_PATH) ||
            !wf_w_join(store.dir, PATH_CAP, data, L"\\wufix", (const WCHAR *)NULL))
            return snprintf(note, size, "%s", WF_M(M_THE_PROGRAMDATA_FOLDER_CANNOT_BE)), WF_E_SYSTEM;
    }
    utf8(store.dir, path, sizeof(path));
    HANDLE h = open_dir();
    bool others = false;
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        if (code != ERROR_FILE_NOT_FOUND && code != ERROR_PATH_NOT_FOUND)
            return snprintf(note, size, WF_M(M_S_CANNOT_BE_OPENED_ERROR), path, (unsigned long)code),
                   code == ERROR_ACCESS_DENIED ? WF_E_ACCESS : WF_E_SYSTEM;
        if (!create)
            return WF_OK; /* nothing there: no journal */
        if (!make_dir() || (h = open_dir()) == INVALID_HANDLE_VALUE)
            return snprintf(note, size, WF_M(M_S_CANNOT_BE_CREATED_ERROR), path,
                            (unsigned long)GetLastError()),
                   WF_E_SYSTEM;
    }
    if (judge(h, why, sizeof(why), &others) == WF_OK) {
        DWORD code = others && create ? narrow() : ERROR_SUCCESS;
        if (code != ERROR_SUCCESS)
            snprintf(note, size, WF_M(M_THE_LIST_OF_S_COULD), path, (unsigned long)code);
        store.dir_handle = h;
        return WF_OK;
    }
    CloseHandle(h);
    if (!create)
        return snprintf(note, size, "%s: %s", path, why), WF_E_UNTRUSTED;
    /* Set it aside: a new name beside it, never deleted. */
    WCHAR aside[PATH_CAP], when[32];
    stamp(when, 32);
    bool moved = false;
    for (unsigned k = 1; k < 100 && !moved; k++) {
        WCHAR num[24];
        wf_w_join(aside, PATH_CAP, store.dir, L".untrusted-", when, k == 1 ? L"" : L"-",
                  k == 1 ? L"" : wf_w_num(num, k, 1), (const WCHAR *)NULL);
        moved = MoveFileExW(store.dir, aside, 0) != 0;
        if (!moved && GetLastError() != ERROR_ALREADY_EXISTS && GetLastError() != ERROR_FILE_EXISTS)
            break;
    }
    if (!moved)
        return snprintf(note, size, WF_M(M_S_CANNOT_BE_USED_S), path, why, (unsigned long)GetLastError()),
               WF_E_UNTRUSTED;
    char aside8[PATH_CAP * 3];
    utf8(aside, aside8, sizeof(aside8));
    if (!make_dir() || (h = open_dir()) == INVALID_HANDLE_VALUE)
        return snprintf(note, size, WF_M(M_S_WAS_SET_ASIDE_AS), path, aside8, why,
                        (unsigned long)GetLastError()),
               WF_E_UNTRUSTED;
    char still[512];
    if (judge(h, still, sizeof(still), &others) != WF_OK) {
        CloseHandle(h);
        return snprintf(note, size, WF_M(M_S_CANNOT_BE_MADE_SAFE), path, still), WF_E_UNTRUSTED;
    }
    store.dir_handle = h;
    snprintf(note, size, WF_M(M_S_WAS_NOT_SAFE_TO), path, why, aside8);
    return WF_OK;
}

static wf_err load(void *self, struct wf_buf *out, char *why, size_t size)
{
    const struct journal_names *jn = self;
    WCHAR path[PATH_CAP];
    char chunk[4096];
    DWORD got;
    BY_HANDLE_FILE_INFORMATION fi;
    wf_err e = take_folder(false, why, size);
    if (e != WF_OK || store.dir_handle == INVALID_HANDLE_VALUE)
        return e;
    if (!leaf_path(jn->leaf, path))
        return WF_E_JOURNAL;
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                           FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD code = GetLastError();
        if (code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND)
            return WF_OK;
        if (code == ERROR_SHARING_VIOLATION || code == ERROR_LOCK_VIOLATION) {
            snprintf(why, size, "%s", WF_M(M_ANOTHER_PROCESS_HOLDS_IT_OPEN));
            return WF_E_BUSY;
        }
        snprintf(why, size, WF_M(M_IT_CANNOT_BE_OPENED_LU), (unsigned long)code);
        return WF_E_JOURNAL;
    }
    if (!GetFileInformationByHandle(h, &fi) ||
        (fi.dwFileAttributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY))) {
        CloseHandle(h);
        snprintf(why, size, "%s", WF_M(M_THE_JOURNAL_IS_A_LINK));
        return WF_E_UNTRUSTED;
    }
    while (ReadFile(h, chunk, sizeof(chunk), &got, NULL) && got > 0 && out->len < 1u << 20)
        wf_buf_add(out, chunk, got);
    CloseHandle(h);
    return WF_OK;
}

/* A new temporary file (never an existing name, never through a link),
 * flushed, then renamed over the journal. */
static wf_err save(void *self, const char *data, size_t n)
{
    const struct journal_names *jn = self;
    WCHAR tmp[PATH_CAP], path[PATH_CAP], leaf[64];
    DWORD done = 0;
    char note[512];
    if (take_folder(true, note, sizeof(note)) != WF_OK || !leaf_path(jn->leaf, path))
        return WF_E_JOURNAL;
    WCHAR num[3][24];
    wf_w_join(leaf, 64, L"journal-", wf_w_num(num[0], GetCurrentProcessId(), 1), L"-",
              wf_w_num(num[1], GetCurrentThreadId(), 1), L"-", wf_w_num(num[2], GetTickCount64(), 1), L".tmp",
              (const WCHAR *)NULL);
    if (!leaf_path(leaf, tmp))
        return WF_E_JOURNAL;
    PSECURITY_DESCRIPTOR sd = NULL;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(FILE_SDDL, SDDL_REVISION_1, &sd, NULL))
        return WF_E_JOURNAL;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), sd, FALSE};
    HANDLE h = CreateFileW(tmp, GENERIC_WRITE, 0, &sa, CREATE_NEW,
                           FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    LocalFree(sd);
    if (h == INVALID_HANDLE_VALUE)
        return WF_E_JOURNAL;
    BOOL ok = WriteFile(h, data, (DWORD)n, &done, NULL) && done == n && FlushFileBuffers(h);
    CloseHandle(h);
    if (!ok || !MoveFileExW(tmp, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        DWORD code = GetLastError();
        DeleteFileW(tmp); /* wufix's own temporary file, never the journal */
        /* Another process holds the journal open: busy, not broken. */
        return ok && (code == ERROR_SHARING_VIOLATION || code == ERROR_ACCESS_DENIED) ? WF_E_BUSY
                                                                                      : WF_E_JOURNAL;
    }
    return WF_OK;
}

/* The anchor's key: made with a descriptor of its own (only SYSTEM and
 * Administrators may change it), and used only when judged as a key (its
 * owner one of them, nobody else allowed a right that writes to a key:
 * KEY_SET_VALUE, KEY_CREATE_SUB_KEY, KEY_CREATE_LINK, DELETE, WRITE_DAC,
 * WRITE_OWNER, generic bits mapped by the key's mapping): a key someone else
 * owns vouches for nothing. One an administrator owns whose access list came
 * from HKLM\SOFTWARE (CREATOR OWNER full control for subkeys) is given the
 * protected list, then judged. */
#define KEY_SDDL L"" WF_SDDL_ANCHOR_KEY
static bool key_trusted(HKEY k, const char *also, struct wf_folder_sec *s)
{
    char why[256];
    wf_win_key_security(k, s);
    return wf_trust_object(s, WF_OBJ_KEY, true, also, why, sizeof(why)) == WF_OK;
}

static HKEY anchor_key(REGSAM access, bool create)
{
    HKEY k = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(KEY_SDDL, SDDL_REVISION_1, &sd, NULL))
        return NULL;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), sd, FALSE};
    REGSAM want = access | READ_CONTROL | WRITE_DAC | KEY_WOW64_64KEY;
    LSTATUS r = create ? RegCreateKeyExW(HKEY_LOCAL_MACHINE, ANCHOR_KEY, 0, NULL, 0, want, &sa, &k, NULL)
                       : RegOpenKeyExW(HKEY_LOCAL_MACHINE, ANCHOR_KEY, 0, want, &k);
    struct wf_folder_sec s;
    char wine[WF_SID_MAX];
    const char *also = wf_win_wine_account(wine, sizeof(wine)) ? wine : NULL;
    bool ok = r == ERROR_SUCCESS && key_trusted(k, also, &s);
    if (r == ERROR_SUCCESS && !ok && s.owner[0] &&
        (wf_trust_sid(s.owner) || (also && !strcmp(s.owner, also)))) {
        BOOL present = FALSE, defaulted = FALSE;
        PACL dacl = NULL;
        ok = GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) && present &&
             SetSecurityInfo((HANDLE)k, SE_REGISTRY_KEY,
                             DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, NULL, NULL,
                             dacl, NULL) == ERROR_SUCCESS &&
             key_trusted(k, also, &s);
    }
    LocalFree(sd);
    if (r == ERROR_SUCCESS && !ok) {
        RegCloseKey(k);
        return NULL;
    }
    return r == ERROR_SUCCESS ? k : NULL;
}

static void read_hex(HKEY k, const WCHAR *name, char *out, size_t size)
{
    WCHAR w[WF_SHA256_HEX + 1];
    DWORD bytes = sizeof(w);
    out[0] = '\0';
    if (RegGetValueW(k, NULL, name, RRF_RT_REG_SZ, NULL, w, &bytes) == ERROR_SUCCESS)
        utf8(w, out, size);
}

static wf_err anchor_get(void *self, char *last, char *before, size_t size, bool *closed)
{
    const struct journal_names *jn = self;
    DWORD mark = 0, bytes = sizeof(mark);
    last[0] = before[0] = '\0';
    if (closed)
        *closed = false;
    HKEY k = anchor_key(KEY_QUERY_VALUE, false);
    if (!k)
        return WF_OK; /* none: nothing is vouched for */
    read_hex(k, jn->last, last, size);
    read_hex(k, jn->before, before, size);
    if (closed && RegGetValueW(k, NULL, jn->closed, RRF_RT_REG_DWORD, NULL, &mark, &bytes) == ERROR_SUCCESS)
        *closed = mark == 1;
    RegCloseKey(k);
    return WF_OK;
}

static bool set_mark(HKEY k, const WCHAR *name, DWORD mark)
{
    return RegSetValueExW(k, name, 0, REG_DWORD, (const BYTE *)&mark, sizeof(mark)) == ERROR_SUCCESS;
}

/* The closed mark is cleared before the hashes move and set only after
 * them: cut short in between, the anchor never says closed for a journal
 * no closing save wrote. */
static wf_err anchor_set(void *self, const char *last, const char *before, bool closed)
{
    const struct journal_names *jn = self;
    WCHAR w_last[WF_SHA256_HEX], w_before[WF_SHA256_HEX];
    HKEY k = anchor_key(KEY_QUERY_VALUE | KEY_SET_VALUE, true);
    if (!k)
        return WF_E_JOURNAL;
    bool ok = wf_w_from_utf8(last, w_last, WF_SHA256_HEX) &&
              wf_w_from_utf8(before, w_before, WF_SHA256_HEX) && set_mark(k, jn->closed, 0) &&
              RegSetValueExW(k, jn->before, 0, REG_SZ, (const BYTE *)w_before,
                             (DWORD)((wcslen(w_before) + 1) * sizeof(WCHAR))) == ERROR_SUCCESS &&
              RegSetValueExW(k, jn->last, 0, REG_SZ, (const BYTE *)w_last,
                             (DWORD)((wcslen(w_last) + 1) * sizeof(WCHAR))) == ERROR_SUCCESS &&
              (!closed || set_mark(k, jn->closed, 1));
    /* On disk before the journal it vouches for replaces the one before:
     * left to the registry's lazy flusher, a power cut could keep the new
     * file and lose the anchor, and a journal nothing vouches for is never
     * acted on. RegFlushKey "returns only when all the data for the hive
     * that contains the specified key has been written to the registry
     * store on disk" (Microsoft Learn, RegFlushKey); the file is written
     * through after it (FlushFileBuffers, MOVEFILE_WRITE_THROUGH). */
    ok = ok && RegFlushKey(k) == ERROR_SUCCESS;
    RegCloseKey(k);
    return ok ? WF_OK : WF_E_JOURNAL;
}

static wf_err set_aside(void *self, char *where, size_t size)
{
    const struct journal_names *jn = self;
    WCHAR from[PATH_CAP], to[PATH_CAP], leaf[WF_MACHINE_NAME_MAX + 64], when[32];
    char note[512];
    if (take_folder(true, note, sizeof(note)) != WF_OK || !leaf_path(jn->leaf, from))
        return WF_E_JOURNAL;
    stamp(when, 32);
    for (unsigned k = 1; k < 100; k++) {
        WCHAR num[24];
        wf_w_join(leaf, WF_MACHINE_NAME_MAX + 64, jn->stem, L".untrusted-", when, k == 1 ? L"" : L"-",
                  k == 1 ? L"" : wf_w_num(num, k, 1), L".txt", (const WCHAR *)NULL);
        if (!leaf_path(leaf, to))
            return WF_E_JOURNAL;
        if (MoveFileExW(from, to, 0)) {
            utf8(to, where, size);
            return WF_OK;
        }
        DWORD code = GetLastError();
        if (code != ERROR_ALREADY_EXISTS && code != ERROR_FILE_EXISTS)
            return WF_E_JOURNAL;
    }
    return WF_E_JOURNAL;
}

void wf_win_store_init(struct wf_store *st)
{
    st->load = load;
    st->save = save;
    st->anchor_get = anchor_get;
    st->anchor_set = anchor_set;
    st->set_aside = set_aside;
    st->self = &local_names;
}

wf_err wf_win_store_for(const char *machine, struct wf_store *st, char *where, size_t size)
{
    WCHAR w[WF_MACHINE_NAME_MAX];
    struct target_names *tn = calloc(1, sizeof(*tn));
    if (!tn)
        return WF_E_NOMEM;
    struct journal_names *jn = &tn->n;
    /* The name was checked (letters, digits, '-', '.', '_'): safe in a file
     * name and a value name; lower case, so PC042 and pc042 are one. */
    if (!wf_w_from_utf8(machine, w, WF_MACHINE_NAME_MAX)) {
        free(tn);
        return WF_E_BAD_DATA;
    }
    for (WCHAR *c = w; *c; c++)
        if (*c >= L'A' && *c <= L'Z')
            *c = (WCHAR)(*c - L'A' + L'a');
    wf_w_join(tn->text[0], NAMES_CAP, L"journal-", w, L".txt", (const WCHAR *)NULL);
    wf_w_join(tn->text[1], NAMES_CAP, L"journal-", w, (const WCHAR *)NULL);
    wf_w_join(tn->text[2], NAMES_CAP, ANCHOR_LAST, L"-", w, (const WCHAR *)NULL);
    wf_w_join(tn->text[3], NAMES_CAP, ANCHOR_BEFORE, L"-", w, (const WCHAR *)NULL);
    wf_w_join(tn->text[4], NAMES_CAP, ANCHOR_CLOSED, L"-", w, (const WCHAR *)NULL);
    jn->leaf = tn->text[0];
    jn->stem = tn->text[1];
    jn->last = tn->text[2];
    jn->before = tn->text[3];
    jn->closed = tn->text[4];
    wf_win_store_init(st);
    st->self = tn;
    char leaf8[WF_MACHINE_NAME_MAX + 32];
    utf8(jn->leaf, leaf8, sizeof(leaf8));
    snprintf(where, size, WF_M(M_PROGRAMDATA_WUFIX_S), leaf8);
    return WF_OK;
}

void wf_win_store_free(struct wf_store *st)
{
    if (st->self != &local_names)
        free(st->self);
    st->self = NULL;
}

wf_err wf_win_lock(char *note, size_t size)
{
    WCHAR path[PATH_CAP];
    wf_err e = take_folder(true, note, size);
    if (e != WF_OK)
        return e;
    if (!leaf_path(LOCK_LEAF, path))
        return WF_E_SYSTEM;
    /* No sharing: a second opener gets 32. Delete on close: Windows removes
     * it when this process ends, however it ends, so a lock never outlives
     * its wufix. Only administrators can create files in the folder. */
    for (int tries = 0; tries < 5; tries++) {
        HANDLE h = CreateFileW(
            path, GENERIC_READ | GENERIC_WRITE | DELETE, 0, NULL, OPEN_ALWAYS,
            FILE_ATTRIBUTE_NORMAL | FILE_FLAG_DELETE_ON_CLOSE | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
        if (h != INVALID_HANDLE_VALUE) {
            store.lock = h;
            return WF_OK;
        }
        DWORD code = GetLastError();
        if (code == ERROR_SHARING_VIOLATION)
            return WF_E_BUSY;
        if (code != ERROR_ACCESS_DENIED)
            return WF_E_SYSTEM;
        Sleep(50); /* the last holder's file is being deleted */
    }
    return WF_E_BUSY;
}

void wf_win_unlock(void)
{
    if (store.lock == INVALID_HANDLE_VALUE)
        return;
    CloseHandle(store.lock);
    store.lock = INVALID_HANDLE_VALUE;
}

void wf_win_timestamp(char *buf, size_t size)
{
    SYSTEMTIME t;
    GetSystemTime(&t);
    snprintf(buf, size, WF_M(M_04U_02U_02UT_02U_02U), t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute,
             t.wSecond);
}

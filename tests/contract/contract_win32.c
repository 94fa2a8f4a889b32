/* SPDX-License-Identifier: MIT */
/* contract_win32.c - the contract suite against the Win32 backend, run under Wine
 * in the sandbox (services wfct_slow and wfct_disabled). Prints a line a case
 * and "N passed, N failed"; exits 1 on any failure. */
#include <windows.h>

#include <stdio.h>

#include "contract.h"
#include "host.h"
#include "scm.h"

/* A fresh C:\wfct\cache holding a.txt ("hello"). */
static BOOL scratch(void)
{
    CreateDirectoryW(L"C:\\wfct", NULL);
    DeleteFileW(L"C:\\wfct\\cache.wufix-20261122-000000\\a.txt");
    RemoveDirectoryW(L"C:\\wfct\\cache.wufix-20261122-000000");
    CreateDirectoryW(L"C:\\wfct\\cache", NULL);
    CreateDirectoryW(L"C:\\ProgramData\\wfct", NULL); /* made the ordinary way */
    HANDLE h = CreateFileW(L"C:\\wfct\\cache\\a.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD done = 0;
    BOOL ok = h != INVALID_HANDLE_VALUE && WriteFile(h, "hello", 5, &done, NULL) && done == 5;
    if (h != INVALID_HANDLE_VALUE)
        CloseHandle(h);
    return ok;
}

/* CommandLineToArgvW itself (shell32, loaded from System32). */
typedef LPWSTR *(WINAPI *to_argv)(LPCWSTR, int *);

static size_t split(const char *line, char out[][256], size_t max)
{
    WCHAR w[4096] = L"x ";
    size_t n = 0;
    int argc = 0;
    HMODULE shell = LoadLibraryExW(L"shell32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    to_argv fn = shell ? (to_argv)(void (*)(void))GetProcAddress(shell, "CommandLineToArgvW") : NULL;
    if (!fn || !MultiByteToWideChar(CP_UTF8, 0, line, -1, w + 2, 4094))
        return 0;
    LPWSTR *argv = fn(w, &argc);
    for (int i = 1; argv && i < argc && n < max; i++)
        WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, out[n++], 256, NULL, NULL);
    LocalFree(argv);
    FreeLibrary(shell);
    return n;
}

int main(void)
{
    struct ct_env env = {.dir = "C:\\wfct\\cache",
                         .data = "C:\\ProgramData\\wfct",
                         .slow = "wfct_slow",
                         .slow_display = "wufix contract slow service",
                         .disabled = "wfct_disabled",
                         .missing = "wfct_missing",
                         .split = split};
    unsigned passed = 0, failed = 0, skipped = 0;
    /* Wine's ntdll says so; on Windows every case runs. */
    BOOL wine = GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version") != NULL;
    if (wf_scm_open(NULL, &env.b) != WF_OK || !scratch()) {
        printf("cannot open the service control manager or make C:\\wfct\\cache\n");
        return 1;
    }
    wf_win_host_init(&env.h);
    for (size_t i = 0; i < ct_ncases; i++) {
        struct ct_result r = {0};
        if (wine && ct_cases[i].windows_only) {
            skipped++;
            printf("skip   %s: Windows only: %s\n", ct_cases[i].name, ct_cases[i].windows_only);
            continue;
        }
        ct_cases[i].fn(&env, &r);
        if (r.failures == 0 && r.checks > 0) {
            passed++;
            printf("ok     %s (%u checks)\n", ct_cases[i].name, r.checks);
        } else {
            failed++;
            printf("FAILED %s: %u of %u checks; first: %s\n", ct_cases[i].name, r.failures, r.checks,
                   r.first);
        }
    }
    wf_scm_close(&env.b);
    printf("%u passed, %u failed, %u skipped (not counted as passed)\n", passed, failed, skipped);
    return failed ? 1 : 0;
}

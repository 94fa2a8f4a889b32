/* SPDX-License-Identifier: MIT */
/* elevate.c - one UAC prompt for a changing command at an interactive
 * console: the same arguments again through ShellExecuteExW "runas"; the
 * elevated half frees its own console and attaches to the caller's, so its
 * output lands where the command was typed, and reads no input from it. */
#include <windows.h>

#include <shellapi.h>
#include <stdlib.h>
#include <wchar.h>

#include "console.h"

#include "wufix/base/prose.h"
#include "elevate.h"
#include "winutil.h"
#include "wufix/base/cmdline.h"

typedef BOOL(WINAPI *shell_execute_ex)(SHELLEXECUTEINFOW *);

wf_err wf_win_elevate(const char *const *args, size_t n, bool silent, int *code)
{
    WCHAR exe[MAX_PATH], dir[MAX_PATH];
    struct wf_buf line;
    wf_err e = WF_E_SYSTEM;
    wf_buf_init(&line);
    wf_buf_printf(&line, WF_M(M_ATTACH_S_LU), silent ? "silent" : "console",
                  (unsigned long)GetCurrentProcessId());
    for (size_t i = 0; i < n; i++)
        wf_cmdline_append(&line, args[i]);
    /* CreateProcess takes at most 32767 characters, the program's path
     * included: all the arguments or none, never a shortened list. */
    if (line.oom || line.len + MAX_PATH + 3 > 32767) {
        wf_buf_release(&line);
        return WF_E_LIMIT;
    }
    WCHAR *params = line.oom ? NULL : calloc(line.len + 1, sizeof(WCHAR));
    /* shell32 only now, and only from System32. */
    HMODULE shell = LoadLibraryExW(L"shell32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    shell_execute_ex run =
        shell ? (shell_execute_ex)(void (*)(void))GetProcAddress(shell, WF_M(M_SHELLEXECUTEEXW)) : NULL;
    DWORD got = GetModuleFileNameW(NULL, exe, MAX_PATH);
    if (!params || !run || got == 0 || got >= MAX_PATH ||
        !wf_w_from_utf8(wf_buf_str(&line), params, line.len + 1) || !GetCurrentDirectoryW(MAX_PATH, dir))
        goto out;
    SHELLEXECUTEINFOW sei = {.cbSize = sizeof(sei),
                             .fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI,
                             .lpVerb = L"runas",
                             .lpFile = exe,
                             .lpParameters = params,
                             .lpDirectory = dir,
                             .nShow = SW_HIDE};
    if (!run(&sei)) {
        e = GetLastError() == ERROR_CANCELLED ? WF_E_ACCESS : WF_E_SYSTEM;
        goto out;
    }
    if (!sei.hProcess)
        goto out;
    /* Ctrl+C belongs to the elevated half now: it puts services back. */
    SetConsoleCtrlHandler(NULL, TRUE);
    DWORD status = WF_EXIT_SYSTEM;
    WaitForSingleObject(sei.hProcess, INFINITE);
    if (GetExitCodeProcess(sei.hProcess, &status) && status != STILL_ACTIVE)
        *code = (int)status;
    else
        *code = WF_EXIT_SYSTEM;
    CloseHandle(sei.hProcess);
    SetConsoleCtrlHandler(NULL, FALSE);
    e = WF_OK;
out:
    free(params);
    wf_buf_release(&line);
    if (shell)
        FreeLibrary(shell);
    return e;
}

static HANDLE open_console(const WCHAR *name, DWORD access)
{
    return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
}

void wf_win_attach_to(unsigned long pid, bool silent)
{
    FreeConsole();
    HANDLE out = AttachConsole((DWORD)pid) && !silent ? open_console(L"CONOUT$", GENERIC_READ | GENERIC_WRITE)
                                                      : INVALID_HANDLE_VALUE;
    /* Silent: every word to NUL (the caller says what happened). */
    if (silent)
        out = CreateFileW(L"NUL", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0,
                          NULL);
    if (out != INVALID_HANDLE_VALUE) {
        SetStdHandle(STD_OUTPUT_HANDLE, out);
        SetStdHandle(STD_ERROR_HANDLE, out);
    }
    /* Nothing typed at the caller's console reaches the elevated half. */
    HANDLE none =
        CreateFileW(L"NUL", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    SetStdHandle(STD_INPUT_HANDLE, none);
}

typedef HWINSTA(WINAPI *get_winsta)(void);
typedef BOOL(WINAPI *get_object_info)(HANDLE, int, PVOID, DWORD, LPDWORD);

bool wf_win_alone_on_console(void)
{
    DWORD list[2];
    if (GetConsoleProcessList(list, 2) != 1 || !wf_console_interactive())
        return false;
    /* A window a person can see (not a service's desktop). user32 only now. */
    bool visible = false;
    HMODULE user = LoadLibraryExW(L"user32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    get_winsta station =
        user ? (get_winsta)(void (*)(void))GetProcAddress(user, WF_M(M_GETPROCESSWINDOWSTATION)) : NULL;
    get_object_info info =
        user ? (get_object_info)(void (*)(void))GetProcAddress(user, WF_M(M_GETUSEROBJECTINFORMATIONW))
             : NULL;
    USEROBJECTFLAGS flags = {0};
    DWORD needed = 0;
    if (station && info && info(station(), UOI_FLAGS, &flags, sizeof(flags), &needed))
        visible = (flags.dwFlags & WSF_VISIBLE) != 0;
    if (user)
        FreeLibrary(user);
    return visible;
}

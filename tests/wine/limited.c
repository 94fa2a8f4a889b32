/* SPDX-License-Identifier: MIT */
/* limited.c - run a program with the limited half of this process's token,
 * as a standard user, or an administrator whose UAC prompt has not been
 * answered, runs it:
 *
 *   limited PROGRAM [ARGS...]   exits with PROGRAM's exit code
 *
 * GetTokenInformation(TokenLinkedToken) gives the other half of a split
 * administrator token; under Wine that is the limited one (not elevated),
 * and CreateProcessAsUserW with it starts a process that is not elevated.
 * The child inherits this process's console and standard handles, so it is
 * at a console in a terminal and redirected in a pipe, as started. */
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* One argument onto a command line, quoted as CommandLineToArgvW reads it. */
static void append(wchar_t *line, size_t cap, const wchar_t *arg)
{
    size_t n = wcslen(line);
    if (n && n + 1 < cap)
        line[n++] = L' ';
    if (n + 1 < cap)
        line[n++] = L'"';
    for (const wchar_t *p = arg; *p && n + 3 < cap; p++) {
        size_t slashes = 0;
        while (p[slashes] == L'\\')
            slashes++;
        if (p[slashes] == L'"' || p[slashes] == L'\0') {
            for (size_t k = 0; k < slashes * 2 && n + 3 < cap; k++)
                line[n++] = L'\\';
            p += slashes;
            if (!*p)
                break;
            line[n++] = L'\\';
            line[n++] = L'"';
            continue;
        }
        line[n++] = *p;
    }
    if (n + 1 < cap)
        line[n++] = L'"';
    line[n] = L'\0';
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    HANDLE token = NULL;
    TOKEN_LINKED_TOKEN linked = {0};
    TOKEN_ELEVATION elevation = {0};
    DWORD got = 0;
    static wchar_t line[32768];
    if (argc < 2) {
        fprintf(stderr, "usage: limited PROGRAM [ARGS...]\n");
        return 2;
    }
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token) ||
        !GetTokenInformation(token, TokenLinkedToken, &linked, sizeof(linked), &got)) {
        fprintf(stderr, "limited: no linked token (%lu)\n", (unsigned long)GetLastError());
        return 125;
    }
    if (GetTokenInformation(linked.LinkedToken, TokenElevation, &elevation, sizeof(elevation), &got) &&
        elevation.TokenIsElevated) {
        fprintf(stderr, "limited: the linked token is the elevated one\n");
        return 125;
    }
    for (int i = 1; i < argc; i++)
        append(line, sizeof(line) / sizeof(line[0]), argv[i]);
    STARTUPINFOW si;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    if (!CreateProcessAsUserW(linked.LinkedToken, NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        fprintf(stderr, "limited: CreateProcessAsUser failed (%lu)\n", (unsigned long)GetLastError());
        return 125;
    }
    DWORD code = 125;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return (int)code;
}

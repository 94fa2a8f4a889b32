/* SPDX-License-Identifier: MIT */
/* console.c - correct Unicode on the console and in files and pipes. */
#include <windows.h>

#include <stdlib.h>

#include "console.h"
#include "winutil.h"

#ifndef ENABLE_VIRTUAL_TERMINAL_PROCESSING
#define ENABLE_VIRTUAL_TERMINAL_PROCESSING 0x0004
#endif

static bool is_console(HANDLE h)
{
    DWORD mode;
    return h && h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode);
}

static void write_stream(void *self, enum wf_stream s, const char *text, size_t n)
{
    (void)self;
    HANDLE h = GetStdHandle(s == WF_STDOUT ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE);
    if (!h || h == INVALID_HANDLE_VALUE || n == 0)
        return;
    if (is_console(h)) {
        /* WriteConsoleW shows every script whatever the console code page. */
        int wn = MultiByteToWideChar(CP_UTF8, 0, text, (int)n, NULL, 0);
        WCHAR *w = wn > 0 ? malloc((size_t)wn * sizeof(WCHAR)) : NULL;
        if (w) {
            DWORD done;
            MultiByteToWideChar(CP_UTF8, 0, text, (int)n, w, wn);
            WriteConsoleW(h, w, (DWORD)wn, &done, NULL);
            free(w);
            return;
        }
    }
    DWORD done;
    WriteFile(h, text, (DWORD)n, &done, NULL);
}

bool wf_console_interactive(void)
{
    return is_console(GetStdHandle(STD_INPUT_HANDLE)) && is_console(GetStdHandle(STD_OUTPUT_HANDLE));
}

wf_err wf_console_read_line(char *buf, size_t size)
{
    WCHAR w[256];
    DWORD got = 0;
    HANDLE h = GetStdHandle(STD_INPUT_HANDLE);
    if (!is_console(h) || !ReadConsoleW(h, w, 255, &got, NULL))
        return WF_E_SYSTEM;
    while (got && (w[got - 1] == L'\n' || w[got - 1] == L'\r'))
        got--;
    w[got] = L'\0';
    return wf_utf8_from_w(w, buf, size) ? WF_OK : WF_E_BAD_DATA;
}

void wf_console_init(struct wf_out *out)
{
    HANDLE h = GetStdHandle(STD_OUTPUT_HANDLE);
    out->write = write_stream;
    out->self = NULL;
    out->console = is_console(h);
    out->color = false;
    /* The window's width, not the buffer's (which may be far wider); the
     * core keeps 79 when there is none (redirected). */
    CONSOLE_SCREEN_BUFFER_INFO info;
    out->cols = out->console && GetConsoleScreenBufferInfo(h, &info)
                    ? (unsigned)(info.srWindow.Right - info.srWindow.Left + 1)
                    : 0;
    /* no-color.org: NO_COLOR set and not empty turns colour off. */
    WCHAR nc[2];
    if (out->console && GetEnvironmentVariableW(L"NO_COLOR", nc, 2) == 0) {
        DWORD mode = 0;
        GetConsoleMode(h, &mode);
        out->color = SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
    }
}

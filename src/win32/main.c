/* SPDX-License-Identifier: MIT */
/* main.c - wufix.exe: UTF-16 arguments in, the portable core does the rest. */
#include <windows.h>

#include <stdlib.h>

#include "console.h"
#include "scm.h"
#include "winutil.h"
#include "wufix/cli.h"

static wf_err open_local(void *self, struct wf_backend *out)
{
    (void)self;
    return wf_scm_open(NULL, out);
}

static void close_local(void *self, struct wf_backend *b)
{
    (void)self;
    wf_scm_close(b);
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    /* DLLs come from System32 only, never from the current or exe directory. */
    SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_SYSTEM32);

    struct wf_platform pf = {.open_backend = open_local, .close_backend = close_local};
    wf_console_init(&pf.out);
    pf.elevated = wf_win_elevated();

    char **args = calloc((size_t)argc + 1, sizeof(char *));
    if (!args)
        return WF_EXIT_SYSTEM;
    for (int i = 0; i < argc; i++) {
        args[i] = wf_utf8_dup_w(argv[i]);
        if (!args[i])
            return WF_EXIT_SYSTEM;
    }
    int code = wf_cli_main(argc, args, &pf);
    for (int i = 0; i < argc; i++)
        free(args[i]);
    free(args);
    return code;
}

/* SPDX-License-Identifier: MIT */
/* main.c - wufix.exe: UTF-16 arguments in, the portable core does the rest. */
#include <winsock2.h> /* before windows.h: net.h needs it */
#include <windows.h>

#include <stdlib.h>

#include "console.h"

#include "wufix/base/prose.h"
#include "elevate.h"
#include "eventlog.h"
#include "host.h"
#include "callerpath.h"
#include "logfile.h"
#include "net.h"
#include "remote.h"
#include "scm.h"
#include "store.h"
#include "winutil.h"
#include "workers.h"
#include "wufix/cli.h"
#include "wufix/wufix.h"

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

static wf_err lock(void *self, char *note, size_t size)
{
    (void)self;
    return wf_win_lock(note, size);
}

static void unlock(void *self)
{
    (void)self;
    wf_win_unlock();
}

static wf_err read_caller_file(void *self, const char *path, char *out, size_t size, char *why, size_t wsize)
{
    (void)self;
    HANDLE h = wf_win_caller_open(path, false, why, wsize);
    return h == INVALID_HANDLE_VALUE ? WF_E_UNTRUSTED : wf_win_read_text(h, out, size);
}

static wf_err write_new(void *self, const char *path, const void *data, size_t n, char *why, size_t size)
{
    (void)self;
    HANDLE h = wf_win_caller_create(path, why, size);
    if (h == INVALID_HANDLE_VALUE)
        return WF_E_UNTRUSTED;
    const char *p = data;
    BOOL ok = TRUE;
    while (ok && n) {
        DWORD chunk = n > (1u << 24) ? 1u << 24 : (DWORD)n, done = 0;
        ok = WriteFile(h, p, chunk, &done, NULL) && done == chunk;
        p += done;
        n -= done;
    }
    DWORD code = ok ? 0 : GetLastError();
    ok = ok && FlushFileBuffers(h);
    if (!ok) { /* nothing half written is left behind */
        wf_win_describe(code ? code : GetLastError(), why, size);
        FILE_DISPOSITION_INFO gone = {TRUE};
        SetFileInformationByHandle(h, FileDispositionInfo, &gone, sizeof(gone));
    }
    CloseHandle(h);
    return ok ? WF_OK : WF_E_SYSTEM;
}

static wf_err log_open(void *self, const char *path, char *why, size_t size)
{
    (void)self;
    return wf_win_log_open(path, why, size);
}

static void log_write(void *self, const char *text, size_t n)
{
    (void)self;
    wf_win_log_write(text, n);
}

static void log_close(void *self)
{
    (void)self;
    wf_win_log_close();
}

static wf_err elevate(void *self, const char *const *args, size_t n, bool silent, int *code)
{
    (void)self;
    return wf_win_elevate(args, n, silent, code);
}

static bool process_elevated;

static void event(void *self, enum wf_event_type type, const char *text)
{
    (void)self;
    wf_win_event(type, text, process_elevated);
}

static wf_err target_open(void *self, const char *name, const struct wf_addrs *addrs, uint32_t connect_ms,
                          bool change, struct wf_target *t, char *why, size_t size, uint32_t *syscode)
{
    (void)self;
    return wf_win_target_open(name, addrs, connect_ms, change, t, why, size, syscode);
}

static void target_close(void *self, struct wf_target *t)
{
    (void)self;
    wf_win_target_close(t);
}

static wf_err resolve(void *self, const char *name, struct wf_addrs *out, uint32_t *syscode)
{
    (void)self;
    return wf_win_resolve(name, out, syscode);
}

static void local_addrs(void *self, struct wf_addrs *out)
{
    (void)self;
    wf_win_local_addrs(out);
}

static wf_err read_line(void *self, char *buf, size_t size)
{
    (void)self;
    return wf_console_read_line(buf, size);
}

static void timestamp(void *self, char *buf, size_t size)
{
    (void)self;
    wf_win_timestamp(buf, size);
}

/* Ctrl+C, Ctrl+Break and closing the console: the engine stops starting
 * steps, puts services back, and wufix exits 7. The handler runs on its own
 * thread: it raises the flag and wakes the main thread's alertable wait. */
static HANDLE main_thread;
static HANDLE finished;

static VOID CALLBACK wake(ULONG_PTR arg)
{
    (void)arg;
}

static BOOL WINAPI on_console_event(DWORD type)
{
    wf_scm_interrupt();
    if (main_thread)
        QueueUserAPC(wake, main_thread, 0);
    wf_win_workers_wake_all();
    if (type == CTRL_CLOSE_EVENT || type == CTRL_LOGOFF_EVENT || type == CTRL_SHUTDOWN_EVENT)
        /* Windows ends the process when this returns (after about 5 s):
         * give the rollback that time. */
        WaitForSingleObject(finished, 4500);
    return TRUE;
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    /* DLLs come from System32 only, never from the current or exe directory. */
    SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_SYSTEM32);

    /* The elevated half of a relaunch: write into the caller's console, or
     * (silent) nowhere. */
    bool silent = argc >= 3 && wcscmp(argv[1], WF_ATTACH_SILENT_ARG) == 0;
    bool attached = silent || (argc >= 3 && wcscmp(argv[1], WF_ATTACH_ARG) == 0);
    if (attached) {
        wf_win_attach_to(wcstoul(argv[2], NULL, 10), silent);
        argv[2] = argv[0];
        argv += 2;
        argc -= 2;
    }

    /* Static, as everything a worker thread may touch: a worker given up at
     * its connect deadline may still be inside target_open when wmain
     * returns, and must never find the platform gone (nor the arguments,
     * which stay until the process ends). */
    static struct wf_platform pf;
    pf = (struct wf_platform){.open_backend = open_local,
                              .close_backend = close_local,
                              .lock = lock,
                              .unlock = unlock,
                              .timestamp = timestamp,
                              .read_line = read_line,
                              .log_open = log_open,
                              .read_caller_file = read_caller_file,
                              .write_new = write_new,
                              .log_write = log_write,
                              .log_close = log_close,
                              .elevate = elevate,
                              .event = event,
                              .target_open = target_open,
                              .target_close = target_close,
                              .resolve = resolve,
                              .local_addrs = local_addrs,
                              .journal_where = WF_M(M_PROGRAMDATA_WUFIX_JOURNAL_TXT)};
    static char computer[64];
    WCHAR wname[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD wlen = MAX_COMPUTERNAME_LENGTH + 1;
    if (GetComputerNameW(wname, &wlen) && wf_utf8_from_w(wname, computer, sizeof(computer)))
        pf.computer = computer;
    static char dns[WF_MACHINE_NAME_MAX];
    WCHAR wdns[WF_MACHINE_NAME_MAX];
    DWORD dlen = WF_MACHINE_NAME_MAX;
    if (GetComputerNameExW(ComputerNameDnsFullyQualified, wdns, &dlen) &&
        wf_utf8_from_w(wdns, dns, sizeof(dns)))
        pf.computer_dns = dns;
    wf_win_workers_init(&pf.workers);
    wf_console_init(&pf.out);
    wf_win_store_init(&pf.store);
    wf_win_host_init(&pf.host);
    pf.elevated = process_elevated = wf_win_elevated();
    pf.interactive = wf_console_interactive();
    pf.alone = !attached && wf_win_alone_on_console();
    pf.relaunched = attached;
    pf.pid = GetCurrentProcessId();
    DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &main_thread, 0, FALSE,
                    DUPLICATE_SAME_ACCESS);
    finished = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetConsoleCtrlHandler(on_console_event, TRUE);

    char **args = calloc((size_t)argc + 1, sizeof(char *));
    if (!args)
        return WF_EXIT_SYSTEM;
    for (int i = 0; i < argc; i++) {
        args[i] = wf_utf8_dup_w(argv[i]);
        if (!args[i])
            return WF_EXIT_SYSTEM;
    }
    int code = wf_main(argc, args, &pf);
    SetEvent(finished);
    return code;
}

/* SPDX-License-Identifier: MIT */
/* standin.c - a real Win32 service that stands in for wuauserv, UsoSvc, ... under
 * Wine. Built twice: standin.exe, its own process, taking its behaviour from its
 * command line (the service's image path); and standin.dll, loaded by svchost
 * through the service's Parameters\ServiceDll exactly as Windows hosts the real
 * services, taking the same arguments from Parameters\StandinArgs.
 *
 *   --name NAME [--start-ms N] [--stop-ms N] [--hint-ms N] [--cp-ms N]
 *   [--hang-stop] [--refuse-stop] [--fail-start CODE] [--crash-after-ms N] [--requires A,B]
 *   [--journal FILE] [--hold FILE]
 *
 * --cp-ms advances dwCheckPoint every N ms while pending (0: never);
 * --requires refuses to start (exit 1068) unless the named services run,
 * which is Windows' dependency enforcement that Wine lacks. --hang-stop stays in
 * STOP_PENDING until the file JOURNAL.release appears. --refuse-stop answers
 * every stop with 5 (access denied) and stays running until then, as Windows
 * refuses an unprotected caller's stop of a launch-protected service, which
 * Wine does not know (and Wine's ControlService does not pass a handler's
 * error back: it answers TRUE, so a wufix that sent the stop would wait it
 * out, and the journal's "stop-refused" line shows it was sent). --hold keeps FILE open
 * while running, shared for reading and writing but not for deleting or
 * renaming, made again if missing: a service's cache, as Windows Update keeps
 * its own. The journal gets one
 * line per event: "<unix ms> <name> <event> [detail]". */
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

struct standin {
    WCHAR name[257];
    DWORD start_ms, stop_ms, hint_ms, cp_ms, crash_ms, fail_code;
    BOOL hang_stop, refuse_stop;
    WCHAR requires[1024];
    WCHAR journal[MAX_PATH];
    WCHAR hold[MAX_PATH];
    HANDLE held;
    SERVICE_STATUS_HANDLE handle;
    SERVICE_STATUS status;
    HANDLE stop_event;
};

static void journal(const struct standin *s, const char *event, DWORD detail)
{
    if (!s->journal[0])
        return;
    FILETIME ft;
    GetSystemTimePreciseAsFileTime(&ft);
    ULONGLONG t = ((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) / 10000ULL - 11644473600000ULL;
    char name[257];
    WideCharToMultiByte(CP_UTF8, 0, s->name, -1, name, sizeof(name), NULL, NULL);
    char line[400];
    int n = detail ? snprintf(line, sizeof(line), "%llu %s %s %lu\n", t, name, event, (unsigned long)detail)
                   : snprintf(line, sizeof(line), "%llu %s %s\n", t, name, event);
    /* FILE_APPEND_DATA: each line lands whole at the end, whoever else writes. */
    HANDLE h = CreateFileW(s->journal, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return;
    DWORD done;
    WriteFile(h, line, (DWORD)n, &done, NULL);
    CloseHandle(h);
}

static void report(struct standin *s, DWORD state, DWORD exit_code)
{
    s->status.dwServiceType = SERVICE_WIN32;
    s->status.dwCurrentState = state;
    s->status.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP : 0;
    s->status.dwWin32ExitCode = exit_code;
    s->status.dwWaitHint = (state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING) ? s->hint_ms : 0;
    if (state == SERVICE_RUNNING || state == SERVICE_STOPPED)
        s->status.dwCheckPoint = 0;
    SetServiceStatus(s->handle, &s->status);
}

/* Spend `ms` in the current pending state, showing progress every cp_ms. */
static void pending_for(struct standin *s, DWORD ms)
{
    DWORD step = s->cp_ms ? s->cp_ms : ms;
    for (DWORD spent = 0; spent < ms; spent += step) {
        Sleep(ms - spent < step ? ms - spent : step);
        if (s->cp_ms) {
            s->status.dwCheckPoint++;
            SetServiceStatus(s->handle, &s->status);
        }
    }
}

static BOOL required_running(const struct standin *s)
{
    WCHAR list[1024];
    wcscpy(list, s->requires);
    if (!list[0])
        return TRUE;
    SC_HANDLE mgr = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    BOOL ok = TRUE;
    for (WCHAR *tok = list; tok && *tok && ok;) {
        WCHAR *comma = wcschr(tok, L',');
        if (comma)
            *comma = L'\0';
        SC_HANDLE h = mgr ? OpenServiceW(mgr, tok, SERVICE_QUERY_STATUS) : NULL;
        tok = comma ? comma + 1 : NULL;
        SERVICE_STATUS st;
        if (!h || !QueryServiceStatus(h, &st) || st.dwCurrentState != SERVICE_RUNNING)
            ok = FALSE;
        if (h)
            CloseServiceHandle(h);
    }
    if (mgr)
        CloseServiceHandle(mgr);
    return ok;
}

/* The sandbox lets go of a hung or refusing stand-in by making JOURNAL.release. */
static BOOL released(const struct standin *s)
{
    WCHAR release[MAX_PATH + 16];
    swprintf(release, MAX_PATH + 16, L"%ls.release", s->journal);
    return GetFileAttributesW(release) != INVALID_FILE_ATTRIBUTES;
}

static DWORD WINAPI handler(DWORD control, DWORD type, LPVOID data, LPVOID context)
{
    struct standin *s = context;
    (void)type;
    (void)data;
    if (control == SERVICE_CONTROL_STOP && s->refuse_stop && !released(s)) {
        journal(s, "stop-refused", ERROR_ACCESS_DENIED);
        return ERROR_ACCESS_DENIED;
    }
    if (control == SERVICE_CONTROL_STOP) {
        journal(s, "stop-received", 0);
        SetEvent(s->stop_event);
        return NO_ERROR;
    }
    if (control == SERVICE_CONTROL_INTERROGATE)
        return NO_ERROR;
    return ERROR_CALL_NOT_IMPLEMENTED;
}

static DWORD num(const WCHAR *s)
{
    return (DWORD)wcstoul(s, NULL, 10);
}

/* Arguments into a stand-in; FALSE on one it does not know. */
static BOOL configure(struct standin *s, int argc, WCHAR **argv)
{
    s->start_ms = 200;
    s->stop_ms = 200;
    s->hint_ms = 3000;
    for (int i = 0; i < argc; i++) {
        const WCHAR *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : L"";
        if (!wcscmp(a, L"--hang-stop")) {
            s->hang_stop = TRUE;
            continue;
        }
        if (!wcscmp(a, L"--refuse-stop")) {
            s->refuse_stop = TRUE;
            continue;
        }
        i++;
        if (!wcscmp(a, L"--name"))
            wcsncpy(s->name, v, 256);
        else if (!wcscmp(a, L"--start-ms"))
            s->start_ms = num(v);
        else if (!wcscmp(a, L"--stop-ms"))
            s->stop_ms = num(v);
        else if (!wcscmp(a, L"--hint-ms"))
            s->hint_ms = num(v);
        else if (!wcscmp(a, L"--cp-ms"))
            s->cp_ms = num(v);
        else if (!wcscmp(a, L"--fail-start"))
            s->fail_code = num(v);
        else if (!wcscmp(a, L"--crash-after-ms"))
            s->crash_ms = num(v);
        else if (!wcscmp(a, L"--requires"))
            wcsncpy(s->requires, v, 1023);
        else if (!wcscmp(a, L"--journal"))
            wcsncpy(s->journal, v, MAX_PATH - 1);
        else if (!wcscmp(a, L"--hold"))
            wcsncpy(s->hold, v, MAX_PATH - 1);
        else
            return FALSE;
    }
    return TRUE;
}

static void run(struct standin *s)
{
    s->handle = RegisterServiceCtrlHandlerExW(s->name, handler, s);
    if (!s->handle)
        return;
    s->stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    journal(s, "start-pending", 0);
    report(s, SERVICE_START_PENDING, NO_ERROR);
    if (!required_running(s)) {
        journal(s, "failed", ERROR_SERVICE_DEPENDENCY_FAIL);
        report(s, SERVICE_STOPPED, ERROR_SERVICE_DEPENDENCY_FAIL);
        return;
    }
    pending_for(s, s->start_ms);
    if (s->fail_code) {
        journal(s, "failed", s->fail_code);
        report(s, SERVICE_STOPPED, s->fail_code);
        return;
    }
    if (s->hold[0]) {
        s->held = CreateFileW(s->hold, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                              OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
        journal(s, s->held != INVALID_HANDLE_VALUE ? "holding" : "hold-failed", 0);
    }
    /* Journal first: whoever sees the new state finds its line already there. */
    journal(s, "running", 0);
    report(s, SERVICE_RUNNING, NO_ERROR);
    if (WaitForSingleObject(s->stop_event, s->crash_ms ? s->crash_ms : INFINITE) == WAIT_TIMEOUT) {
        journal(s, "crashed", 0);
        ExitProcess(3);
    }
    report(s, SERVICE_STOP_PENDING, NO_ERROR);
    if (s->hang_stop) {
        /* Hung, showing no progress, until the sandbox drops JOURNAL.release
         * (Wine does not notice a killed service, so the test must let go). */
        journal(s, "hung", 0);
        while (!released(s))
            Sleep(100);
        journal(s, "released", 0);
    }
    pending_for(s, s->stop_ms);
    if (s->held && s->held != INVALID_HANDLE_VALUE)
        CloseHandle(s->held);
    s->held = NULL;
    journal(s, "stopped", 0);
    report(s, SERVICE_STOPPED, NO_ERROR);
    CloseHandle(s->stop_event);
}

#ifdef STANDIN_DLL
/* Split "a \"b c\" d" as a command line would be. */
static int split(WCHAR *line, WCHAR **argv, int max)
{
    int argc = 0;
    WCHAR *p = line;
    while (*p && argc < max) {
        while (*p == L' ')
            p++;
        if (!*p)
            break;
        WCHAR *out = p;
        argv[argc++] = out;
        BOOL quoted = FALSE;
        for (; *p && (quoted || *p != L' '); p++) {
            if (*p == L'"')
                quoted = !quoted;
            else
                *out++ = *p;
        }
        if (*p)
            p++;
        *out = L'\0';
    }
    return argc;
}

/* svchost calls this with the service's name in argv[0]. */
__declspec(dllexport) void WINAPI ServiceMain(DWORD argc, LPWSTR *argv);
__declspec(dllexport) void WINAPI WUServiceMain(DWORD argc, LPWSTR *argv);

void WINAPI ServiceMain(DWORD argc, LPWSTR *argv)
{
    struct standin *s = calloc(1, sizeof(*s));
    WCHAR key[400], line[2048], *args[64];
    DWORD size = sizeof(line);
    if (!s || argc < 1)
        return;
    swprintf(key, 400, L"SYSTEM\\CurrentControlSet\\Services\\%ls\\Parameters", argv[0]);
    if (RegGetValueW(HKEY_LOCAL_MACHINE, key, L"StandinArgs", RRF_RT_REG_SZ, NULL, line, &size) !=
        ERROR_SUCCESS)
        line[0] = L'\0';
    wcsncpy(s->name, argv[0], 256);
    if (configure(s, split(line, args, 64), args))
        run(s);
    free(s);
}

void WINAPI WUServiceMain(DWORD argc, LPWSTR *argv)
{
    ServiceMain(argc, argv);
}
#else
static struct standin self;

static void WINAPI service_main(DWORD argc, LPWSTR *argv)
{
    (void)argc;
    (void)argv;
    run(&self);
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    /* standin --linger MS: a plain process that lives MS milliseconds, the
     * stand-in for a worker process such as TiWorker.exe (copied under its
     * name). */
    if (argc == 3 && wcscmp(argv[1], L"--linger") == 0) {
        Sleep((DWORD)wcstoul(argv[2], NULL, 10));
        return 0;
    }
    if (!configure(&self, argc - 1, argv + 1)) {
        fwprintf(stderr, L"standin: unknown argument\n");
        return 2;
    }
    SERVICE_TABLE_ENTRYW table[] = {{self.name, service_main}, {NULL, NULL}};
    if (!StartServiceCtrlDispatcherW(table)) {
        fwprintf(stderr, L"standin: not started as a service (%lu)\n", GetLastError());
        return 1;
    }
    return 0;
}
#endif

/* SPDX-License-Identifier: MIT */
/* standin.c - a real Win32 service that stands in for wuauserv, UsoSvc, ... under
 * Wine. Its behaviour comes from its command line (the service's image path):
 *
 *   standin.exe --name NAME [--start-ms N] [--stop-ms N] [--hint-ms N]
 *               [--cp-ms N] [--hang-stop] [--fail-start CODE]
 *               [--crash-after-ms N] [--requires A,B] [--journal FILE]
 *
 * --cp-ms advances dwCheckPoint every N ms while pending (0: never);
 * --requires refuses to start (exit 1068) unless the named services run,
 * which is Windows' dependency enforcement that Wine lacks. --hang-stop stays in
 * STOP_PENDING until the file JOURNAL.release appears. The journal gets
 * one line per event: "<unix ms> <name> <event> [detail]". */
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static struct {
    WCHAR name[257];
    DWORD start_ms, stop_ms, hint_ms, cp_ms, crash_ms, fail_code;
    BOOL hang_stop;
    WCHAR requires[1024];
    WCHAR journal[MAX_PATH];
} cfg = {.start_ms = 200, .stop_ms = 200, .hint_ms = 3000, .cp_ms = 0, .crash_ms = 0};

static SERVICE_STATUS_HANDLE status_handle;
static SERVICE_STATUS status;
static HANDLE stop_event;

static void journal(const char *event, DWORD detail)
{
    if (!cfg.journal[0])
        return;
    FILETIME ft;
    GetSystemTimePreciseAsFileTime(&ft);
    ULONGLONG t = ((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) / 10000ULL - 11644473600000ULL;
    char name[257];
    WideCharToMultiByte(CP_UTF8, 0, cfg.name, -1, name, sizeof(name), NULL, NULL);
    char line[400];
    int n = detail ? snprintf(line, sizeof(line), "%llu %s %s %lu\n", t, name, event, (unsigned long)detail)
                   : snprintf(line, sizeof(line), "%llu %s %s\n", t, name, event);
    /* FILE_APPEND_DATA: each line lands whole at the end, whoever else writes. */
    HANDLE h = CreateFileW(cfg.journal, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return;
    DWORD done;
    WriteFile(h, line, (DWORD)n, &done, NULL);
    CloseHandle(h);
}

static void report(DWORD state, DWORD exit_code)
{
    status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
    status.dwCurrentState = state;
    status.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP : 0;
    status.dwWin32ExitCode = exit_code;
    status.dwWaitHint = (state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING) ? cfg.hint_ms : 0;
    if (state == SERVICE_RUNNING || state == SERVICE_STOPPED)
        status.dwCheckPoint = 0;
    SetServiceStatus(status_handle, &status);
}

/* Spend `ms` in the current pending state, showing progress every cp_ms. */
static void pending_for(DWORD ms)
{
    DWORD step = cfg.cp_ms ? cfg.cp_ms : ms;
    for (DWORD spent = 0; spent < ms; spent += step) {
        DWORD slice = ms - spent < step ? ms - spent : step;
        Sleep(slice);
        if (cfg.cp_ms) {
            status.dwCheckPoint++;
            SetServiceStatus(status_handle, &status);
        }
    }
}

static BOOL required_running(DWORD *missing_code)
{
    WCHAR list[1024];
    wcscpy(list, cfg.requires);
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
    *missing_code = ERROR_SERVICE_DEPENDENCY_FAIL;
    return ok;
}

static DWORD WINAPI handler(DWORD control, DWORD type, LPVOID data, LPVOID context)
{
    (void)type;
    (void)data;
    (void)context;
    if (control == SERVICE_CONTROL_STOP) {
        journal("stop-received", 0);
        SetEvent(stop_event);
        return NO_ERROR;
    }
    if (control == SERVICE_CONTROL_INTERROGATE)
        return NO_ERROR;
    return ERROR_CALL_NOT_IMPLEMENTED;
}

static void WINAPI service_main(DWORD argc, LPWSTR *argv)
{
    (void)argc;
    (void)argv;
    DWORD code;
    status_handle = RegisterServiceCtrlHandlerExW(cfg.name, handler, NULL);
    if (!status_handle)
        return;
    stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
    journal("start-pending", 0);
    report(SERVICE_START_PENDING, NO_ERROR);
    if (!required_running(&code)) {
        journal("failed", code);
        report(SERVICE_STOPPED, code);
        return;
    }
    pending_for(cfg.start_ms);
    if (cfg.fail_code) {
        journal("failed", cfg.fail_code);
        report(SERVICE_STOPPED, cfg.fail_code);
        return;
    }
    report(SERVICE_RUNNING, NO_ERROR);
    journal("running", 0);
    if (WaitForSingleObject(stop_event, cfg.crash_ms ? cfg.crash_ms : INFINITE) == WAIT_TIMEOUT) {
        journal("crashed", 0);
        ExitProcess(3);
    }
    report(SERVICE_STOP_PENDING, NO_ERROR);
    if (cfg.hang_stop) {
        /* Hung, showing no progress, until the sandbox drops JOURNAL.release
         * (Wine does not notice a killed service, so the test must let go). */
        WCHAR release[MAX_PATH + 16];
        journal("hung", 0);
        swprintf(release, MAX_PATH + 16, L"%ls.release", cfg.journal);
        while (GetFileAttributesW(release) == INVALID_FILE_ATTRIBUTES)
            Sleep(100);
        journal("released", 0);
    }
    pending_for(cfg.stop_ms);
    journal("stopped", 0);
    report(SERVICE_STOPPED, NO_ERROR);
}

static DWORD num(const WCHAR *s)
{
    return (DWORD)wcstoul(s, NULL, 10);
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    for (int i = 1; i < argc; i++) {
        const WCHAR *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : L"";
        if (!wcscmp(a, L"--hang-stop")) {
            cfg.hang_stop = TRUE;
            continue;
        }
        i++;
        if (!wcscmp(a, L"--name"))
            wcsncpy(cfg.name, v, 256);
        else if (!wcscmp(a, L"--start-ms"))
            cfg.start_ms = num(v);
        else if (!wcscmp(a, L"--stop-ms"))
            cfg.stop_ms = num(v);
        else if (!wcscmp(a, L"--hint-ms"))
            cfg.hint_ms = num(v);
        else if (!wcscmp(a, L"--cp-ms"))
            cfg.cp_ms = num(v);
        else if (!wcscmp(a, L"--fail-start"))
            cfg.fail_code = num(v);
        else if (!wcscmp(a, L"--crash-after-ms"))
            cfg.crash_ms = num(v);
        else if (!wcscmp(a, L"--requires"))
            wcsncpy(cfg.requires, v, 1023);
        else if (!wcscmp(a, L"--journal"))
            wcsncpy(cfg.journal, v, MAX_PATH - 1);
        else {
            fwprintf(stderr, L"standin: unknown argument %ls\n", a);
            return 2;
        }
    }
    SERVICE_TABLE_ENTRYW table[] = {{cfg.name, service_main}, {NULL, NULL}};
    if (!StartServiceCtrlDispatcherW(table)) {
        fwprintf(stderr, L"standin: not started as a service (%lu)\n", GetLastError());
        return 1;
    }
    return 0;
}

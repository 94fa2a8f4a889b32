/* SPDX-License-Identifier: MIT */
/* benchtool.c - the yardsticks wufix's restart is measured against, each doing
 * the same job (restart wuauserv, UsoSvc, BITS, CryptSvc, DoSvc with UsoSvc
 * stopped before wuauserv and started after it):
 *
 *   benchtool critpath     event driven: stop all at once (wuauserv once UsoSvc
 *                          is down), wait; start all at once (UsoSvc once
 *                          wuauserv runs), wait. The floor for the job.
 *   benchtool sequential   one service at a time, polling every 250 ms, as
 *                          typical repair scripts do.
 *   benchtool mssample     one at a time, Microsoft's sample loop: poll every
 *                          wait hint / 10, clamped to 1-10 s.
 *
 * Prints "elapsed_ms N" (from the first control to the last service settled). */
#include <windows.h>

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define N 5
static const WCHAR *const stop_order[N] = {L"UsoSvc", L"wuauserv", L"BITS", L"CryptSvc", L"DoSvc"};
static const WCHAR *const start_order[N] = {L"wuauserv", L"UsoSvc", L"BITS", L"CryptSvc", L"DoSvc"};

static SC_HANDLE mgr;
static LARGE_INTEGER freq;

static double now_ms(void)
{
    LARGE_INTEGER c;
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart * 1000.0 / (double)freq.QuadPart;
}

static SC_HANDLE open_svc(const WCHAR *name)
{
    SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_START | SERVICE_STOP | SERVICE_QUERY_STATUS);
    if (!h) {
        fprintf(stderr, "benchtool: cannot open %ls (%lu)\n", name, GetLastError());
        ExitProcess(1);
    }
    return h;
}

static SERVICE_STATUS_PROCESS query(SC_HANDLE h)
{
    SERVICE_STATUS_PROCESS s = {0};
    DWORD need;
    QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (LPBYTE)&s, sizeof(s), &need);
    return s;
}

static void control(SC_HANDLE h, BOOL start)
{
    SERVICE_STATUS ss;
    if (start)
        StartServiceW(h, 0, NULL);
    else
        ControlService(h, SERVICE_CONTROL_STOP, &ss);
}

/* Event driven: wait until every handle in hs is in `target`. */
struct watch {
    SC_HANDLE h;
    SERVICE_NOTIFYW n;
    volatile LONG armed;
};

static VOID CALLBACK fired(PVOID p)
{
    ((struct watch *)((SERVICE_NOTIFYW *)p)->pContext)->armed = 0;
}

static void wait_all(SC_HANDLE *hs, int n, DWORD target)
{
    struct watch w[N];
    memset(w, 0, sizeof(w));
    for (;;) {
        int done = 0;
        for (int i = 0; i < n; i++) {
            DWORD st = query(hs[i]).dwCurrentState;
            if (st == target) {
                done++;
                continue;
            }
            if (!w[i].armed) {
                w[i].h = hs[i];
                w[i].n.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
                w[i].n.pfnNotifyCallback = fired;
                w[i].n.pContext = &w[i];
                DWORD mask = (target == SERVICE_STOPPED ? SERVICE_NOTIFY_STOPPED : SERVICE_NOTIFY_RUNNING);
                if (NotifyServiceStatusChangeW(hs[i], mask, &w[i].n) == ERROR_SUCCESS)
                    w[i].armed = 1;
            }
        }
        if (done == n)
            break;
        SleepEx(1000, TRUE);
    }
    SleepEx(0, TRUE);
}

static void critpath(void)
{
    SC_HANDLE h[N];
    for (int i = 0; i < N; i++)
        h[i] = open_svc(stop_order[i]); /* h[0] UsoSvc, h[1] wuauserv */
    double t0 = now_ms();
    control(h[0], FALSE);
    for (int i = 2; i < N; i++)
        control(h[i], FALSE);
    wait_all(&h[0], 1, SERVICE_STOPPED);
    control(h[1], FALSE);
    wait_all(h, N, SERVICE_STOPPED);
    control(h[1], TRUE);
    for (int i = 2; i < N; i++)
        control(h[i], TRUE);
    wait_all(&h[1], 1, SERVICE_RUNNING);
    control(h[0], TRUE);
    wait_all(h, N, SERVICE_RUNNING);
    printf("elapsed_ms %.0f\n", now_ms() - t0);
}

static void one_by_one(BOOL ms_sample)
{
    SC_HANDLE h[N];
    double t0 = now_ms();
    for (int phase = 0; phase < 2; phase++) {
        BOOL start = phase == 1;
        for (int i = 0; i < N; i++) {
            SC_HANDLE s = open_svc(start ? start_order[i] : stop_order[i]);
            h[i] = s;
            DWORD target = start ? SERVICE_RUNNING : SERVICE_STOPPED;
            control(s, start);
            for (;;) {
                SERVICE_STATUS_PROCESS st = query(s);
                if (st.dwCurrentState == target)
                    break;
                DWORD wait = 250;
                if (ms_sample) {
                    wait = st.dwWaitHint / 10;
                    wait = wait < 1000 ? 1000 : wait > 10000 ? 10000 : wait;
                }
                Sleep(wait);
            }
            CloseServiceHandle(s);
        }
    }
    (void)h;
    printf("elapsed_ms %.0f\n", now_ms() - t0);
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    QueryPerformanceFrequency(&freq);
    mgr = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (!mgr || argc < 2)
        return 2;
    if (!wcscmp(argv[1], L"critpath"))
        critpath();
    else if (!wcscmp(argv[1], L"sequential"))
        one_by_one(FALSE);
    else if (!wcscmp(argv[1], L"mssample"))
        one_by_one(TRUE);
    else
        return 2;
    return 0;
}

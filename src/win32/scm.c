/* SPDX-License-Identifier: MIT */
/* scm.c - wf_backend over the Service Control Manager.
 *
 * Each operation opens the service with the least access it needs and closes
 * it again; only watches keep a SERVICE_QUERY_STATUS handle, because
 * NotifyServiceStatusChangeW needs it until the notification fires (and
 * `query` uses it meanwhile). The
 * notification is an APC, so `wait` sleeps alertably. A service whose
 * notification cannot be armed is polled instead. */
#include <windows.h>
#include <sddl.h>

#include <stdlib.h>
#include <string.h>

#include "scm.h"
#include "scm_admin.h"
#include "scm_util.h"
#include "winutil.h"
#include "wufix/mech/plan.h"

/* Counted by the console control handler, never reset: each backend (one
 * per machine with --computer) hears each press once, at its next wait. The
 * handler has no context pointer, hence the one static. */
static volatile LONG interrupts;

void wf_scm_interrupt(void)
{
    InterlockedIncrement(&interrupts);
}

long wf_scm_interrupts(void)
{
    return InterlockedCompareExchange(&interrupts, 0, 0);
}

static bool heard(struct scm *s)
{
    LONG now = wf_scm_interrupts();
    if (now == s->heard)
        return false;
    s->heard = now;
    return true;
}

static struct watch *watch_of(struct scm *s, const char *name)
{
    for (size_t i = 0; i < s->nwatch; i++)
        if (wf_name_cmp(s->watch[i].name, name) == 0)
            return &s->watch[i];
    return NULL;
}

static wf_err s_query(void *self, const char *name, struct wf_svc_status *out)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    SERVICE_STATUS_PROCESS ssp = {0};
    DWORD needed = 0;
    /* A watched service's handle has SERVICE_QUERY_STATUS already: while it
     * moves, it is asked on that handle, not opened again for each query
     * (a notification pending on the handle does not stand in the way). */
    struct watch *w = watch_of(s, name);
    SC_HANDLE h = w ? w->h : wf_scm_open_svc(s, name, SERVICE_QUERY_STATUS, &e);
    if (!h)
        return e;
    if (!QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (LPBYTE)&ssp, sizeof(ssp), &needed)) {
        DWORD code = GetLastError();
        e = wf_scm_fail(s, code);
        goto out;
    }
    memset(out, 0, sizeof(*out));
    out->state = wf_scm_map_state(ssp.dwCurrentState);
    out->pid = ssp.dwProcessId;
    out->checkpoint = ssp.dwCheckPoint;
    out->wait_hint_ms = ssp.dwWaitHint;
    out->accepts_stop = (ssp.dwControlsAccepted & SERVICE_ACCEPT_STOP) != 0;
    if (ssp.dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR) {
        out->exit_code = ssp.dwServiceSpecificExitCode;
        out->exit_service_specific = true;
    } else {
        out->exit_code = ssp.dwWin32ExitCode;
    }
out:
    if (!w)
        CloseServiceHandle(h);
    return e;
}

/* The layouts of SERVICE_LAUNCH_PROTECTED_INFO and SERVICE_TRIGGER_INFO
 * (winsvc.h), which not every SDK's headers have. */
#ifndef SERVICE_CONFIG_LAUNCH_PROTECTED
#define SERVICE_CONFIG_LAUNCH_PROTECTED 12
#endif
struct launch_protected_info {
    DWORD level;
};
struct trigger_info {
    DWORD count;
    void *triggers;
    BYTE *reserved;
};

/* The service key of this machine's registry, for what an SCM that does not
 * know a QueryServiceConfig2W level (Wine answers 124) keeps there. Another
 * machine's SCM knows every level wufix asks. */
static HKEY service_key(struct scm *s, const char *name, const WCHAR *sub)
{
    WCHAR key[WF_NAME_MAX + 64] = L"SYSTEM\\CurrentControlSet\\Services\\";
    size_t at = wcslen(key);
    HKEY k = NULL;
    if (!s->local || !wf_w_from_utf8(name, key + at, WF_NAME_MAX))
        return NULL;
    if (sub) { /* a subkey that does not fit is not read: never the key above it instead */
        if (wcslen(key) + wcslen(sub) + 2 > sizeof(key) / sizeof(key[0]))
            return NULL;
        wcscat(key, L"\\");
        wcscat(key, sub);
    }
    return RegOpenKeyExW(HKEY_LOCAL_MACHINE, key, 0, KEY_READ, &k) == ERROR_SUCCESS ? k : NULL;
}

/* A DWORD of the service key; `fallback` when it cannot be read. */
static DWORD service_dword(struct scm *s, const char *name, const WCHAR *value, DWORD fallback)
{
    HKEY k = service_key(s, name, NULL);
    DWORD v = 0, size = sizeof(v);
    if (!k)
        return fallback;
    LSTATUS st = RegGetValueW(k, NULL, value, RRF_RT_REG_DWORD, NULL, &v, &size);
    RegCloseKey(k);
    return st == ERROR_SUCCESS ? v : fallback;
}

/* A QueryServiceConfig2W level the SCM does not know. */
static bool unknown_level(void)
{
    DWORD code = GetLastError();
    return code == ERROR_INVALID_LEVEL || code == ERROR_INVALID_PARAMETER || code == ERROR_NOT_SUPPORTED;
}

/* The delayed flag, from the SCM or (level unknown) the DelayedAutostart value. */
static bool delayed_flag(struct scm *s, SC_HANDLE h, const char *name)
{
    SERVICE_DELAYED_AUTO_START_INFO info = {0};
    DWORD needed = 0;
    if (QueryServiceConfig2W(h, SERVICE_CONFIG_DELAYED_AUTO_START_INFO, (LPBYTE)&info, sizeof(info), &needed))
        return info.fDelayedAutostart != FALSE;
    return unknown_level() && service_dword(s, name, L"DelayedAutostart", 0) != 0;
}

/* Launch protection, from the SCM or (level unknown) the LaunchProtected value. */
static int protection(struct scm *s, SC_HANDLE h, const char *name)
{
    struct launch_protected_info info = {0};
    DWORD needed = 0;
    if (QueryServiceConfig2W(h, SERVICE_CONFIG_LAUNCH_PROTECTED, (LPBYTE)&info, sizeof(info), &needed))
        return (int)info.level;
    if (!unknown_level())
        return WF_PROTECTION_UNKNOWN;
    DWORD v = service_dword(s, name, L"LaunchProtected", (DWORD)-1);
    return v == (DWORD)-1 ? (s->local ? WF_PROTECTION_NONE : WF_PROTECTION_UNKNOWN) : (int)v;
}

/* How many start triggers the service has, from the SCM or (level unknown)
 * the TriggerInfo key's subkeys; -1 when neither answers. */
static int triggers(struct scm *s, SC_HANDLE h, const char *name)
{
    DWORD needed = 0;
    int n = -1;
    if (!QueryServiceConfig2W(h, SERVICE_CONFIG_TRIGGER_INFO, NULL, 0, &needed) &&
        GetLastError() == ERROR_INSUFFICIENT_BUFFER) {
        struct trigger_info *ti = malloc(needed);
        if (ti && QueryServiceConfig2W(h, SERVICE_CONFIG_TRIGGER_INFO, (LPBYTE)ti, needed, &needed))
            n = (int)ti->count;
        free(ti);
        return n;
    }
    if (!unknown_level())
        return -1;
    HKEY k = service_key(s, name, L"TriggerInfo");
    DWORD subkeys = 0;
    if (!k)
        return s->local ? 0 : -1;
    if (RegQueryInfoKeyW(k, NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL, NULL, NULL) ==
        ERROR_SUCCESS)
        n = (int)subkeys;
    RegCloseKey(k);
    return n;
}

/* The FailureActions value, where the SCM does not know the level: absent
 * is none set; one that cannot be read whole is not known. */
static wf_err value_recovery(struct scm *s, const char *name, struct wf_recovery *out)
{
    BYTE buf[20 + 8 * 64];
    DWORD size = sizeof(buf);
    HKEY k = service_key(s, name, NULL);
    if (!k)
        return wf_scm_fail(s, ERROR_FILE_NOT_FOUND);
    LSTATUS st = RegGetValueW(k, NULL, L"FailureActions", RRF_RT_REG_BINARY, NULL, buf, &size);
    RegCloseKey(k);
    if (st == ERROR_FILE_NOT_FOUND)
        return WF_OK;
    if (st == ERROR_SUCCESS && !wf_recovery_parse(buf, size, out))
        st = ERROR_INVALID_DATA;
    return st == ERROR_SUCCESS ? WF_OK : wf_scm_fail(s, (DWORD)st);
}

static wf_err s_recovery(void *self, const char *name, struct wf_recovery *out)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    DWORD needed = 0;
    SERVICE_FAILURE_ACTIONSW *fa = NULL;
    memset(out, 0, sizeof(*out));
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_QUERY_CONFIG, &e);
    if (!h)
        return e;
    if (!QueryServiceConfig2W(h, SERVICE_CONFIG_FAILURE_ACTIONS, NULL, 0, &needed) &&
        GetLastError() == ERROR_INSUFFICIENT_BUFFER && (fa = malloc(needed)) != NULL &&
        QueryServiceConfig2W(h, SERVICE_CONFIG_FAILURE_ACTIONS, (LPBYTE)fa, needed, &needed)) {
        out->reset = fa->dwResetPeriod;
        out->n = fa->lpsaActions ? fa->cActions : 0;
        for (DWORD i = 0; i < out->n; i++) {
            out->acts |= fa->lpsaActions[i].Type != SC_ACTION_NONE;
            if (i < WF_RECOVERY_MAX) {
                out->type[i] = (uint32_t)fa->lpsaActions[i].Type;
                out->delay[i] = fa->lpsaActions[i].Delay;
            }
        }
    } else {
        e = unknown_level() ? value_recovery(s, name, out) : wf_scm_fail(s, GetLastError());
    }
    free(fa);
    CloseServiceHandle(h);
    return e;
}

static enum wf_start_type map_start(DWORD t, bool delayed)
{
    switch (t) {
    case SERVICE_BOOT_START: return WF_START_BOOT;
    case SERVICE_SYSTEM_START: return WF_START_SYSTEM;
    case SERVICE_AUTO_START: return delayed ? WF_START_AUTO_DELAYED : WF_START_AUTO;
    case SERVICE_DEMAND_START: return WF_START_MANUAL;
    case SERVICE_DISABLED: return WF_START_DISABLED;
    default: return WF_START_UNKNOWN;
    }
}

/* QueryServiceConfigW and the delayed flag; with `traits`, launch protection
 * and start triggers too, on the same handle (plan reads them all at once). */
static wf_err config_of(void *self, const char *name, struct wf_svc_config *out, bool traits)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    QUERY_SERVICE_CONFIGW *qc = NULL;
    DWORD needed = 0;
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_QUERY_CONFIG, &e);
    if (!h)
        return e;
    if (!QueryServiceConfigW(h, NULL, 0, &needed)) {
        DWORD code = GetLastError();
        if (code != ERROR_INSUFFICIENT_BUFFER) {
            e = wf_scm_fail(s, code);
            goto out;
        }
    }
    qc = malloc(needed);
    if (!qc) {
        e = wf_scm_fail(s, ERROR_NOT_ENOUGH_MEMORY);
        goto out;
    }
    if (!QueryServiceConfigW(h, qc, needed, &needed)) {
        DWORD code = GetLastError();
        e = wf_scm_fail(s, code);
        goto out;
    }
    memset(out, 0, sizeof(*out));
    if (qc->lpDisplayName)
        wf_utf8_from_w(qc->lpDisplayName, out->display_name, sizeof(out->display_name));
    /* A value wufix could not record exactly (too long, not UTF-16) is not
     * known: the configuration reads as unreadable, and nothing is changed. */
    bool exact = (!qc->lpBinaryPathName ||
                  wf_utf8_from_w(qc->lpBinaryPathName, out->image_path, sizeof(out->image_path))) &&
                 (!qc->lpServiceStartName ||
                  wf_utf8_from_w(qc->lpServiceStartName, out->account, sizeof(out->account)));
    if (!exact) {
        e = wf_scm_fail(s, ERROR_INVALID_DATA);
        goto out;
    }
    out->start_type =
        map_start(qc->dwStartType, qc->dwStartType == SERVICE_AUTO_START && delayed_flag(s, h, name));
    out->protection = WF_PROTECTION_UNKNOWN;
    out->triggers = -1;
    /* Dependencies: a double-NUL list; "+name" entries are load order groups. */
    for (const WCHAR *d = qc->lpDependencies; d && *d && out->ndeps < WF_DEPS_MAX; d += wcslen(d) + 1)
        if (*d != SC_GROUP_IDENTIFIERW)
            wf_utf8_from_w(d, out->deps[out->ndeps++], WF_NAME_MAX);
    if (traits) {
        out->protection = protection(s, h, name);
        out->triggers = triggers(s, h, name);
    }
out:
    free(qc);
    CloseServiceHandle(h);
    return e;
}

static wf_err s_config(void *self, const char *name, struct wf_svc_config *out)
{
    return config_of(self, name, out, false);
}

static wf_err s_traits(void *self, const char *name, struct wf_svc_config *out)
{
    return config_of(self, name, out, true);
}

static wf_err s_dependents(void *self, const char *name, struct wf_dependent *out, size_t cap, size_t *n)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    ENUM_SERVICE_STATUSW *list = NULL;
    DWORD needed = 0, count = 0;
    *n = 0;
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_ENUMERATE_DEPENDENTS, &e);
    if (!h)
        return e;
    if (EnumDependentServicesW(h, SERVICE_STATE_ALL, NULL, 0, &needed, &count))
        goto out; /* none */
    DWORD code = GetLastError();
    if (code != ERROR_MORE_DATA) {
        e = wf_scm_fail(s, code);
        goto out;
    }
    list = malloc(needed);
    if (!list) {
        e = wf_scm_fail(s, ERROR_NOT_ENOUGH_MEMORY);
        goto out;
    }
    if (!EnumDependentServicesW(h, SERVICE_STATE_ALL, list, needed, &needed, &count)) {
        code = GetLastError();
        e = wf_scm_fail(s, code);
        goto out;
    }
    for (DWORD i = 0; i < count && i < cap; i++) {
        wf_utf8_from_w(list[i].lpServiceName, out[i].name, sizeof(out[i].name));
        out[i].state = wf_scm_map_state(list[i].ServiceStatus.dwCurrentState);
    }
    *n = count;
    if (count > cap)
        e = WF_E_LIMIT;
out:
    free(list);
    CloseServiceHandle(h);
    return e;
}

static wf_err s_start(void *self, const char *name)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_START, &e);
    if (!h)
        return e;
    if (!StartServiceW(h, 0, NULL)) {
        DWORD code = GetLastError();
        e = wf_scm_fail(s, code);
    }
    CloseServiceHandle(h);
    return e;
}

static wf_err s_stop(void *self, const char *name)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    SERVICE_STATUS ss;
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_STOP, &e);
    if (!h)
        return e;
    if (!ControlService(h, SERVICE_CONTROL_STOP, &ss)) {
        DWORD code = GetLastError();
        e = wf_scm_fail(s, code);
    }
    CloseServiceHandle(h);
    return e;
}

static VOID CALLBACK on_notify(PVOID param)
{
    SERVICE_NOTIFYW *n = param;
    struct watch *w = n->pContext;
    w->armed = false;
    w->owner->fired = true;
}

static DWORD mask_except(enum wf_state current)
{
    DWORD all = SERVICE_NOTIFY_STOPPED | SERVICE_NOTIFY_START_PENDING | SERVICE_NOTIFY_STOP_PENDING |
                SERVICE_NOTIFY_RUNNING | SERVICE_NOTIFY_CONTINUE_PENDING | SERVICE_NOTIFY_PAUSE_PENDING |
                SERVICE_NOTIFY_PAUSED;
    switch (current) {
    case WF_STATE_STOPPED: return all & ~(DWORD)SERVICE_NOTIFY_STOPPED;
    case WF_STATE_START_PENDING: return all & ~(DWORD)SERVICE_NOTIFY_START_PENDING;
    case WF_STATE_STOP_PENDING: return all & ~(DWORD)SERVICE_NOTIFY_STOP_PENDING;
    case WF_STATE_RUNNING: return all & ~(DWORD)SERVICE_NOTIFY_RUNNING;
    case WF_STATE_CONTINUE_PENDING: return all & ~(DWORD)SERVICE_NOTIFY_CONTINUE_PENDING;
    case WF_STATE_PAUSE_PENDING: return all & ~(DWORD)SERVICE_NOTIFY_PAUSE_PENDING;
    case WF_STATE_PAUSED: return all & ~(DWORD)SERVICE_NOTIFY_PAUSED;
    default: return all;
    }
}

static wf_err s_watch(void *self, const char *name, enum wf_state current)
{
    struct scm *s = self;
    struct watch *w = watch_of(s, name);
    wf_err e = WF_OK;
    if (!w) {
        if (s->nwatch >= WATCH_MAX)
            return wf_scm_fail(s, ERROR_NOT_ENOUGH_MEMORY);
        w = &s->watch[s->nwatch];
        memset(w, 0, sizeof(*w));
        w->h = wf_scm_open_svc(s, name, SERVICE_QUERY_STATUS, &e);
        if (!w->h)
            return e;
        wf_strlcpy(w->name, name, sizeof(w->name));
        w->owner = s;
        s->nwatch++;
    }
    /* An outstanding request fires on any state but the one it was armed
     * in; if the state has moved since, it fires at once: a spurious wake. */
    if (w->armed || w->polled)
        return WF_OK;
    memset(&w->notify, 0, sizeof(w->notify));
    w->notify.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
    w->notify.pfnNotifyCallback = on_notify;
    w->notify.pContext = w;
    DWORD r = NotifyServiceStatusChangeW(w->h, mask_except(current), &w->notify);
    if (r == ERROR_SUCCESS) {
        w->armed = true;
        return WF_OK;
    }
    /* ERROR_SERVICE_NOTIFY_CLIENT_LAGGING, ERROR_SERVICE_MARKED_FOR_DELETE or
     * an SCM without notifications: poll this service from now on. */
    w->polled = true;
    s->last = r;
    return WF_OK;
}

static void s_unwatch_all(void *self)
{
    struct scm *s = self;
    for (size_t i = 0; i < s->nwatch; i++)
        CloseServiceHandle(s->watch[i].h); /* cancels an outstanding request */
    /* Let a callback already queued run now, while its memory is still ours. */
    SleepEx(0, TRUE);
    s->nwatch = 0;
}

static uint64_t s_now(void *self)
{
    struct scm *s = self;
    LARGE_INTEGER c;
    QueryPerformanceCounter(&c);
    return (uint64_t)(c.QuadPart / (s->freq.QuadPart / 1000));
}

static wf_err s_wait(void *self, uint64_t deadline_ms, uint32_t poll_ms)
{
    struct scm *s = self;
    bool polling = s->nwatch == 0;
    for (size_t i = 0; i < s->nwatch; i++)
        polling |= s->watch[i].polled;
    s->fired = false;
    for (;;) {
        if (heard(s))
            return WF_E_INTERRUPTED;
        uint64_t now = s_now(s);
        if (now >= deadline_ms)
            return WF_OK;
        uint64_t left = deadline_ms - now;
        if (polling && left > poll_ms)
            left = poll_ms;
        DWORD r = SleepEx((DWORD)left, TRUE);
        if (heard(s))
            return WF_E_INTERRUPTED;
        if (s->fired || r == WAIT_IO_COMPLETION || polling)
            return WF_OK;
    }
}

static uint32_t s_last(void *self)
{
    return ((struct scm *)self)->last;
}

static void s_describe(void *self, uint32_t code, char *buf, size_t size)
{
    (void)self;
    wf_win_describe(code, buf, size);
}

static void s_computer(void *self, char *buf, size_t size)
{
    wf_strlcpy(buf, ((struct scm *)self)->computer, size);
}

static const struct wf_backend_ops scm_ops = {
    .query = s_query,
    .config = s_config,
    .traits = s_traits,
    .dependents = s_dependents,
    .start = s_start,
    .stop = s_stop,
    .watch = s_watch,
    .unwatch_all = s_unwatch_all,
    .wait = s_wait,
    .now_ms = s_now,
    .last_syscode = s_last,
    .describe = s_describe,
    .computer = s_computer,
    .process_services = wf_scm_process_services,
    .terminate = wf_scm_terminate,
    .security = wf_scm_security,
    .set_security = wf_scm_set_security,
    .set_start = wf_scm_set_start,
    .set_image = wf_scm_set_image,
    .set_deps = wf_scm_set_deps,
    .set_account = wf_scm_set_account,
    .marked_for_delete = wf_scm_marked_for_delete,
    .recovery = s_recovery,
};

wf_err wf_scm_open(const char *machine, struct wf_backend *out)
{
    uint32_t code;
    return wf_scm_open_code(machine, 0, out, &code);
}

wf_err wf_scm_open_code(const char *machine, uint32_t also, struct wf_backend *out, uint32_t *syscode)
{
    struct scm *s = calloc(1, sizeof(*s));
    WCHAR wm[WF_TEXT_MAX + 2] = L"\\\\";
    *syscode = 0;
    if (!s)
        return WF_E_NOMEM;
    s->local = machine == NULL;
    if (machine && !wf_w_from_utf8(machine, wm + 2, WF_TEXT_MAX)) {
        free(s);
        return WF_E_USAGE;
    }
    /* SC_MANAGER_CONNECT is all the operations need (and all a remote account
     * that is not an administrator is granted): each service is then opened
     * with the rights its operation needs. `also` is the caller's. */
    s->mgr = OpenSCManagerW(machine ? wm : NULL, NULL, SC_MANAGER_CONNECT | also);
    if (!s->mgr) {
        DWORD code = GetLastError();
        free(s);
        *syscode = code;
        return wf_err_from_syscode(code);
    }
    QueryPerformanceFrequency(&s->freq);
    if (machine) {
        wf_strlcpy(s->computer, machine, sizeof(s->computer));
    } else {
        WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
        DWORD len = MAX_COMPUTERNAME_LENGTH + 1;
        if (GetComputerNameW(name, &len))
            wf_utf8_from_w(name, s->computer, sizeof(s->computer));
    }
    out->ops = &scm_ops;
    out->self = s;
    return WF_OK;
}

void wf_scm_close(struct wf_backend *b)
{
    struct scm *s = b->self;
    if (!s)
        return;
    s_unwatch_all(s);
    CloseServiceHandle(s->mgr);
    free(s);
    b->self = NULL;
}

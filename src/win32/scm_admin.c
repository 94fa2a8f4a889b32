/* SPDX-License-Identifier: MIT */
/* scm_admin.c - the SCM operations of repair and --force: a service's security
 * descriptor and configuration, the services a process hosts, ending one. */
#include <windows.h>
#include <sddl.h>

#include <stdlib.h>
#include <string.h>

#include "scm_admin.h"
#include "scm_util.h"
#include "winutil.h"

wf_err wf_scm_process_services(void *self, uint32_t pid, struct wf_dependent *out, size_t cap, size_t *n)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    BYTE *buf = NULL;
    DWORD needed = 0, count = 0, resume = 0;
    SC_HANDLE mgr = OpenSCManagerW(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE);
    *n = 0;
    if (!mgr)
        return wf_scm_fail(s, GetLastError());
    EnumServicesStatusExW(mgr, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_ACTIVE, NULL, 0, &needed, &count,
                          &resume, NULL);
    buf = malloc(needed ? needed : 1);
    resume = 0;
    if (!buf) {
        e = wf_scm_fail(s, ERROR_NOT_ENOUGH_MEMORY);
        goto out;
    }
    if (!EnumServicesStatusExW(mgr, SC_ENUM_PROCESS_INFO, SERVICE_WIN32, SERVICE_ACTIVE, buf, needed, &needed,
                               &count, &resume, NULL)) {
        DWORD code = GetLastError();
        e = wf_scm_fail(s, code);
        goto out;
    }
    const ENUM_SERVICE_STATUS_PROCESSW *list = (const ENUM_SERVICE_STATUS_PROCESSW *)(const void *)buf;
    for (DWORD i = 0; i < count; i++) {
        if (list[i].ServiceStatusProcess.dwProcessId != pid)
            continue;
        if (*n < cap) {
            wf_utf8_from_w(list[i].lpServiceName, out[*n].name, sizeof(out[*n].name));
            out[*n].state = wf_scm_map_state(list[i].ServiceStatusProcess.dwCurrentState);
        }
        (*n)++;
    }
    if (*n > cap)
        e = WF_E_LIMIT;
out:
    free(buf);
    CloseServiceHandle(mgr);
    return e;
}

/* Whether process `pid` is `name`'s and hosts no other service that is not
 * stopped, asked of the SCM now. */
static bool hosts_it_alone(struct scm *s, const char *name, uint32_t pid)
{
    SERVICE_STATUS_PROCESS ssp = {0};
    DWORD needed = 0;
    struct wf_dependent in[2];
    size_t n = 0;
    wf_err e = WF_OK;
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_QUERY_STATUS, &e);
    if (!h)
        return false;
    BOOL ok = QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (LPBYTE)&ssp, sizeof(ssp), &needed);
    CloseServiceHandle(h);
    return ok && ssp.dwProcessId == pid && wf_scm_process_services(s, pid, in, 2, &n) == WF_OK && n == 1 &&
           wf_name_cmp(in[0].name, name) == 0;
}

wf_err wf_scm_terminate(void *self, const char *name, uint32_t pid)
{
    struct scm *s = self;
    /* A process ID of another machine means nothing here: never end one. */
    if (!s->local)
        return wf_scm_fail(s, ERROR_NOT_SUPPORTED);
    /* Open first: while the handle is open the ID cannot be given to another
     * process. Then confirm, from the SCM, that it is still this service's
     * process alone: the service may have ended and its ID been reused since
     * the engine looked. */
    HANDLE h = OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, FALSE, pid);
    if (!h)
        return wf_scm_fail(s, GetLastError());
    wf_err e = WF_E_GONE;
    if (hosts_it_alone(s, name, pid)) {
        e = TerminateProcess(h, ERROR_PROCESS_ABORTED) ? WF_OK : wf_scm_fail(s, GetLastError());
    }
    CloseHandle(h);
    return e;
}

wf_err wf_scm_security(void *self, const char *name, char *sddl, size_t size)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    BYTE small[1];
    BYTE *buf = NULL;
    DWORD needed = 0;
    WCHAR *text = NULL;
    const SECURITY_INFORMATION what = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    SC_HANDLE h = wf_scm_open_svc(s, name, READ_CONTROL, &e);
    if (size)
        sddl[0] = '\0';
    if (!h)
        return e;
    if (!QueryServiceObjectSecurity(h, what, small, 0, &needed) &&
        GetLastError() != ERROR_INSUFFICIENT_BUFFER) {
        e = wf_scm_fail(s, GetLastError());
        goto out;
    }
    buf = needed ? malloc(needed) : NULL;
    if (!buf || !QueryServiceObjectSecurity(h, what, buf, needed, &needed)) {
        /* Nothing to read (an empty descriptor): "" says "could not be read". */
        goto out;
    }
    if (ConvertSecurityDescriptorToStringSecurityDescriptorW(buf, SDDL_REVISION_1, what, &text, NULL)) {
        /* Longer than the caller holds: never given as a shorter descriptor. */
        if (!wf_utf8_from_w(text, sddl, size))
            e = WF_E_LIMIT;
        LocalFree(text);
    }
out:
    free(buf);
    CloseServiceHandle(h);
    return e;
}

wf_err wf_scm_set_security(void *self, const char *name, const char *sddl)
{
    struct scm *s = self;
    wf_err e = WF_OK;
    WCHAR w[WF_VALUE_MAX]; /* a recorded descriptor, whole */
    PSECURITY_DESCRIPTOR sd = NULL;
    if (!wf_w_from_utf8(sddl, w, WF_VALUE_MAX) ||
        !ConvertStringSecurityDescriptorToSecurityDescriptorW(w, SDDL_REVISION_1, &sd, NULL))
        return wf_scm_fail(s, ERROR_INVALID_PARAMETER);
    SC_HANDLE h = wf_scm_open_svc(s, name, WRITE_DAC, &e);
    if (h) {
        if (!SetServiceObjectSecurity(h, DACL_SECURITY_INFORMATION, sd)) {
            DWORD code = GetLastError();
            e = wf_scm_fail(s, code);
        }
        CloseServiceHandle(h);
    }
    LocalFree(sd);
    return e;
}

/* The delayed flag: ChangeServiceConfig2W, or where the SCM does not know
 * the level (Wine: 124), the DelayedAutostart value it reads back. */
static wf_err set_delayed(struct scm *s, SC_HANDLE h, const char *name, bool delayed)
{
    SERVICE_DELAYED_AUTO_START_INFO info = {delayed};
    if (ChangeServiceConfig2W(h, SERVICE_CONFIG_DELAYED_AUTO_START_INFO, &info))
        return WF_OK;
    DWORD code = GetLastError();
    if (code != ERROR_INVALID_LEVEL || !s->local)
        return wf_scm_fail(s, code);
    WCHAR key[WF_NAME_MAX + 64] = L"SYSTEM\\CurrentControlSet\\Services\\";
    size_t at = wcslen(key);
    DWORD v = delayed ? 1 : 0;
    if (!wf_w_from_utf8(name, key + at, WF_NAME_MAX))
        return wf_scm_fail(s, ERROR_INVALID_NAME);
    LSTATUS r = RegSetKeyValueW(HKEY_LOCAL_MACHINE, key, L"DelayedAutostart", REG_DWORD, &v, sizeof(v));
    return r == ERROR_SUCCESS ? WF_OK : wf_scm_fail(s, (DWORD)r);
}

static wf_err change_config(struct scm *s, const char *name, DWORD start, const WCHAR *path,
                            const WCHAR *deps, const WCHAR *account, int delayed)
{
    wf_err e = WF_OK;
    SC_HANDLE h = wf_scm_open_svc(s, name, SERVICE_CHANGE_CONFIG, &e);
    if (!h)
        return e;
    /* A built-in account (LocalSystem, NetworkService, LocalService) takes
     * an empty password. */
    if (!ChangeServiceConfigW(h, SERVICE_NO_CHANGE, start, SERVICE_NO_CHANGE, path, NULL, NULL, deps, account,
                              account ? L"" : NULL, NULL)) {
        DWORD code = GetLastError();
        e = wf_scm_fail(s, code);
    } else if (delayed >= 0) {
        e = set_delayed(s, h, name, delayed != 0);
    }
    CloseServiceHandle(h);
    return e;
}

wf_err wf_scm_set_start(void *self, const char *name, enum wf_start_type t)
{
    static const DWORD codes[] = {
        [WF_START_BOOT] = SERVICE_BOOT_START,     [WF_START_SYSTEM] = SERVICE_SYSTEM_START,
        [WF_START_AUTO] = SERVICE_AUTO_START,     [WF_START_AUTO_DELAYED] = SERVICE_AUTO_START,
        [WF_START_MANUAL] = SERVICE_DEMAND_START, [WF_START_DISABLED] = SERVICE_DISABLED};
    if (t == WF_START_UNKNOWN || (size_t)t >= sizeof(codes) / sizeof(codes[0]))
        return wf_scm_fail(self, ERROR_INVALID_PARAMETER);
    int delayed = t == WF_START_AUTO_DELAYED ? 1 : t == WF_START_AUTO ? 0 : -1;
    return change_config(self, name, codes[t], NULL, NULL, NULL, delayed);
}

wf_err wf_scm_set_image(void *self, const char *name, const char *path)
{
    WCHAR w[WF_VALUE_MAX]; /* a recorded image path, whole */
    if (!wf_w_from_utf8(path, w, WF_VALUE_MAX))
        return wf_scm_fail(self, ERROR_INVALID_PARAMETER);
    return change_config(self, name, SERVICE_NO_CHANGE, w, NULL, NULL, -1);
}

/* "rpcss,BITS" as the double-NUL-terminated list ChangeServiceConfigW takes
 * ("" clears the list). */
wf_err wf_scm_set_deps(void *self, const char *name, const char *csv)
{
    WCHAR w[WF_TEXT_MAX + 1];
    if (!wf_w_from_utf8(csv, w, WF_TEXT_MAX))
        return wf_scm_fail(self, ERROR_INVALID_PARAMETER);
    size_t n = wcslen(w);
    w[n + 1] = L'\0';
    for (size_t i = 0; i < n; i++)
        if (w[i] == L',')
            w[i] = L'\0';
    return change_config(self, name, SERVICE_NO_CHANGE, NULL, w, NULL, -1);
}

wf_err wf_scm_set_account(void *self, const char *name, const char *account)
{
    WCHAR w[WF_VALUE_MAX]; /* a recorded account, whole */
    if (!wf_w_from_utf8(account, w, WF_VALUE_MAX))
        return wf_scm_fail(self, ERROR_INVALID_PARAMETER);
    return change_config(self, name, SERVICE_NO_CHANGE, NULL, NULL, w, -1);
}

wf_err wf_scm_marked_for_delete(void *self, const char *name, bool *marked)
{
    wf_err e = WF_OK;
    *marked = false;
    SC_HANDLE h = wf_scm_open_svc(self, name, SERVICE_CHANGE_CONFIG, &e);
    if (!h)
        return e;
    /* Changes nothing; the SCM refuses it with 1072 for a service marked
     * for deletion (and SetServiceObjectSecurity or a stop would complete
     * the deletion). */
    if (!ChangeServiceConfigW(h, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, NULL, NULL, NULL,
                              NULL, NULL, NULL, NULL)) {
        DWORD code = GetLastError();
        if (code == ERROR_SERVICE_MARKED_FOR_DELETE)
            *marked = true;
        else
            e = wf_scm_fail(self, code);
    }
    CloseServiceHandle(h);
    return *marked ? WF_OK : e;
}

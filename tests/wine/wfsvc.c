/* SPDX-License-Identifier: MIT */
/* wfsvc.c - the sandbox's service tool: register, reconfigure, move and inspect
 * services through the SCM, for the Wine test scripts.
 *
 *   wfsvc create NAME DISPLAY auto|delayed|manual|disabled BINPATH [DEP,DEP] [share]
 *   wfsvc delete NAME          wfsvc binpath NAME BINPATH
 *   wfsvc starttype NAME auto|delayed|manual|disabled
 *   wfsvc account NAME ACCOUNT  the account it runs as (a built-in one: no password)
 *   wfsvc display NAME TEXT     its display name
 *   wfsvc hold PATH MS          open a file with no sharing at all, hold it MS ms (prints "held")
 *   wfsvc config NAME           prints "<start type> <account>"
 *   wfsvc start NAME           wfsvc stop NAME
 *   wfsvc wait NAME running|stopped TIMEOUT_MS
 *   wfsvc state NAME           prints "<state> <pid>" or "not_installed"
 *   wfsvc dependents NAME      prints one dependent per line
 *   wfsvc reg HKLM|HKCU KEY VALUE sz|expand|multi|dword DATA   (multi: comma-separated)
 *   wfsvc regdel HKLM KEY VALUE
 *   wfsvc regget HKLM KEY VALUE   prints a string value, or "absent"
 *   wfsvc keysddl HKLM KEY [SDDL]  lays SDDL (owner and protected DACL) on the key, made if
 *                                  missing, as Windows keeps what RegCreateKeyEx is given;
 *                                  then prints the key's owner and DACL as SDDL
 *
 * Exit 0 on success, else the Win32 error code (truncated by Wine to 8 bits). */
#include <windows.h>
#include <sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static SC_HANDLE mgr;

static int fail(const char *what, DWORD code)
{
    fprintf(stderr, "wfsvc: %s failed: %lu\n", what, (unsigned long)code);
    return code ? (int)code : 1;
}

static DWORD start_type(const WCHAR *t, BOOL *delayed)
{
    *delayed = !wcscmp(t, L"delayed");
    if (!wcscmp(t, L"auto") || *delayed)
        return SERVICE_AUTO_START;
    if (!wcscmp(t, L"manual"))
        return SERVICE_DEMAND_START;
    if (!wcscmp(t, L"disabled"))
        return SERVICE_DISABLED;
    return (DWORD)-1;
}

/* The delayed flag through the API, and the registry value Wine reads back. */
static void set_delayed(SC_HANDLE h, const WCHAR *name, BOOL delayed)
{
    SERVICE_DELAYED_AUTO_START_INFO info = {delayed};
    ChangeServiceConfig2W(h, SERVICE_CONFIG_DELAYED_AUTO_START_INFO, &info);
    WCHAR key[400];
    swprintf(key, 400, L"SYSTEM\\CurrentControlSet\\Services\\%ls", name);
    DWORD v = delayed ? 1 : 0;
    RegSetKeyValueW(HKEY_LOCAL_MACHINE, key, L"DelayedAutostart", REG_DWORD, &v, sizeof(v));
}

static const char *state_name(DWORD s)
{
    switch (s) {
    case SERVICE_STOPPED: return "stopped";
    case SERVICE_START_PENDING: return "start_pending";
    case SERVICE_STOP_PENDING: return "stop_pending";
    case SERVICE_RUNNING: return "running";
    default: return "other";
    }
}

static int query(const WCHAR *name, SERVICE_STATUS_PROCESS *ssp)
{
    SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_QUERY_STATUS);
    DWORD need;
    if (!h)
        return (int)GetLastError();
    BOOL ok = QueryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, (LPBYTE)ssp, sizeof(*ssp), &need);
    DWORD e = GetLastError();
    CloseServiceHandle(h);
    return ok ? 0 : (int)e;
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: wfsvc COMMAND NAME ...\n");
        return 2;
    }
    const WCHAR *cmd = argv[1], *name = argv[2];
    mgr = OpenSCManagerW(NULL, NULL, SC_MANAGER_ALL_ACCESS);
    if (!mgr)
        return fail("OpenSCManager", GetLastError());
    if (!wcscmp(cmd, L"create") && argc >= 6) {
        BOOL delayed;
        DWORD st = start_type(argv[4], &delayed);
        WCHAR deps[1024] = {0};
        if (argc >= 7) {
            wcsncpy(deps, argv[6], 1020);
            for (WCHAR *p = deps; *p; p++)
                if (*p == L',')
                    *p = L'\0';
        }
        SC_HANDLE h = CreateServiceW(mgr, name, argv[3], SERVICE_ALL_ACCESS, SERVICE_WIN32_OWN_PROCESS, st,
                                     SERVICE_ERROR_NORMAL, argv[5], NULL, NULL,
                                     argc >= 7 && argv[6][0] ? deps : NULL, NULL, NULL);
        if (!h)
            return fail("CreateService", GetLastError());
        set_delayed(h, name, delayed);
        CloseServiceHandle(h);
        return 0;
    }
    if (!wcscmp(cmd, L"delete")) {
        SC_HANDLE h = OpenServiceW(mgr, name, DELETE);
        if (!h)
            return GetLastError() == ERROR_SERVICE_DOES_NOT_EXIST ? 0 : fail("OpenService", GetLastError());
        BOOL ok = DeleteService(h);
        DWORD e = GetLastError();
        CloseServiceHandle(h);
        return ok ? 0 : fail("DeleteService", e);
    }
    if ((!wcscmp(cmd, L"binpath") || !wcscmp(cmd, L"starttype")) && argc >= 4) {
        SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_CHANGE_CONFIG);
        BOOL delayed = FALSE, bin = !wcscmp(cmd, L"binpath");
        DWORD st = bin ? SERVICE_NO_CHANGE : start_type(argv[3], &delayed);
        if (!h)
            return fail("OpenService", GetLastError());
        if (!ChangeServiceConfigW(h, SERVICE_NO_CHANGE, st, SERVICE_NO_CHANGE, bin ? argv[3] : NULL, NULL,
                                  NULL, NULL, NULL, NULL, NULL))
            return fail("ChangeServiceConfig", GetLastError());
        if (!bin)
            set_delayed(h, name, delayed);
        CloseServiceHandle(h);
        return 0;
    }
    if (!wcscmp(cmd, L"hold") && argc >= 4) {
        HANDLE f = CreateFileW(name, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
        if (f == INVALID_HANDLE_VALUE)
            return fail("CreateFile", GetLastError());
        printf("held\n");
        fflush(stdout);
        Sleep((DWORD)wcstoul(argv[3], NULL, 10));
        CloseHandle(f);
        return 0;
    }
    if (!wcscmp(cmd, L"display") && argc >= 4) {
        SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_CHANGE_CONFIG);
        if (!h)
            return fail("OpenService", GetLastError());
        BOOL ok = ChangeServiceConfigW(h, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, NULL, NULL,
                                       NULL, NULL, NULL, NULL, argv[3]);
        DWORD e = GetLastError();
        CloseServiceHandle(h);
        return ok ? 0 : fail("ChangeServiceConfig", e);
    }
    if (!wcscmp(cmd, L"account") && argc >= 4) {
        SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_CHANGE_CONFIG);
        if (!h)
            return fail("OpenService", GetLastError());
        BOOL ok = ChangeServiceConfigW(h, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, NULL, NULL,
                                       NULL, NULL, argv[3], L"", NULL);
        DWORD e = GetLastError();
        CloseServiceHandle(h);
        return ok ? 0 : fail("ChangeServiceConfig", e);
    }
    if (!wcscmp(cmd, L"config")) {
        SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_QUERY_CONFIG);
        BYTE buf[8192];
        QUERY_SERVICE_CONFIGW *qc = (QUERY_SERVICE_CONFIGW *)buf;
        DWORD need = 0;
        if (!h)
            return fail("OpenService", GetLastError());
        BOOL ok = QueryServiceConfigW(h, qc, sizeof(buf), &need);
        DWORD e = GetLastError();
        CloseServiceHandle(h);
        if (!ok)
            return fail("QueryServiceConfig", e);
        static const char *const types[] = {"boot", "system", "auto", "manual", "disabled"};
        printf("%s %ls\n", qc->dwStartType <= 4 ? types[qc->dwStartType] : "other",
               qc->lpServiceStartName ? qc->lpServiceStartName : L"");
        return 0;
    }
    if (!wcscmp(cmd, L"start") || !wcscmp(cmd, L"stop")) {
        BOOL start = !wcscmp(cmd, L"start");
        SC_HANDLE h = OpenServiceW(mgr, name, start ? SERVICE_START : SERVICE_STOP);
        SERVICE_STATUS ss;
        if (!h)
            return fail("OpenService", GetLastError());
        BOOL ok = start ? StartServiceW(h, 0, NULL) : ControlService(h, SERVICE_CONTROL_STOP, &ss);
        DWORD e = GetLastError();
        CloseServiceHandle(h);
        return ok ? 0 : fail(start ? "StartService" : "ControlService", e);
    }
    if (!wcscmp(cmd, L"wait") && argc >= 5) {
        DWORD want = !wcscmp(argv[3], L"running") ? SERVICE_RUNNING : SERVICE_STOPPED;
        DWORD limit = (DWORD)wcstoul(argv[4], NULL, 10), t0 = GetTickCount();
        SERVICE_STATUS_PROCESS ssp;
        for (;;) {
            int e = query(name, &ssp);
            if (e)
                return fail("QueryServiceStatusEx", (DWORD)e);
            if (ssp.dwCurrentState == want)
                return 0;
            if (GetTickCount() - t0 > limit) {
                fprintf(stderr, "wfsvc: %ls still %s\n", name, state_name(ssp.dwCurrentState));
                return 1;
            }
            Sleep(20);
        }
    }
    if (!wcscmp(cmd, L"state")) {
        SERVICE_STATUS_PROCESS ssp;
        int e = query(name, &ssp);
        if (e == ERROR_SERVICE_DOES_NOT_EXIST) {
            printf("not_installed\n");
            return 0;
        }
        if (e)
            return fail("QueryServiceStatusEx", (DWORD)e);
        printf("%s %lu\n", state_name(ssp.dwCurrentState), (unsigned long)ssp.dwProcessId);
        return 0;
    }
    if (!wcscmp(cmd, L"dependents")) {
        SC_HANDLE h = OpenServiceW(mgr, name, SERVICE_ENUMERATE_DEPENDENTS);
        static BYTE buf[65536];
        DWORD need = 0, count = 0;
        if (!h)
            return fail("OpenService", GetLastError());
        if (!EnumDependentServicesW(h, SERVICE_STATE_ALL, (ENUM_SERVICE_STATUSW *)buf, sizeof(buf), &need,
                                    &count))
            return fail("EnumDependentServices", GetLastError());
        for (DWORD i = 0; i < count; i++)
            printf("%ls\n", ((ENUM_SERVICE_STATUSW *)buf)[i].lpServiceName);
        return 0;
    }
    if (!wcscmp(cmd, L"reg") && argc >= 7) {
        HKEY root = !wcscmp(argv[2], L"HKCU") ? HKEY_CURRENT_USER : HKEY_LOCAL_MACHINE;
        const WCHAR *type = argv[5], *data = argv[6];
        WCHAR multi[2048] = {0};
        DWORD dword = (DWORD)wcstoul(data, NULL, 10), rtype = REG_SZ, size;
        const void *bytes = data;
        size = (DWORD)((wcslen(data) + 1) * sizeof(WCHAR));
        if (!wcscmp(type, L"expand")) {
            rtype = REG_EXPAND_SZ;
        } else if (!wcscmp(type, L"multi")) {
            size_t n = wcslen(data);
            if (n > 2040)
                return 2;
            wcscpy(multi, data);
            for (WCHAR *p = multi; *p; p++)
                if (*p == L',')
                    *p = L'\0';
            rtype = REG_MULTI_SZ;
            bytes = multi;
            size = (DWORD)((n + 2) * sizeof(WCHAR));
        } else if (!wcscmp(type, L"dword")) {
            rtype = REG_DWORD;
            bytes = &dword;
            size = sizeof(dword);
        }
        LSTATUS r = RegSetKeyValueW(root, argv[3], argv[4], rtype, bytes, size);
        return r == ERROR_SUCCESS ? 0 : fail("RegSetKeyValue", (DWORD)r);
    }
    if (!wcscmp(cmd, L"rename") && argc >= 4) { /* wfsvc rename FROM TO: a probe, like wufix renames */
        if (MoveFileExW(argv[2], argv[3], MOVEFILE_WRITE_THROUGH))
            return 0;
        return fail("MoveFileEx", GetLastError());
    }
    if (!wcscmp(cmd, L"regget") && argc >= 5) { /* any length: the whole value */
        const DWORD flags = RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND;
        DWORD size = 0;
        LSTATUS r = RegGetValueW(HKEY_LOCAL_MACHINE, argv[3], argv[4], flags, NULL, NULL, &size);
        WCHAR *data = r == ERROR_SUCCESS ? malloc(size + sizeof(WCHAR)) : NULL;
        if (data)
            r = RegGetValueW(HKEY_LOCAL_MACHINE, argv[3], argv[4], flags, NULL, data, &size);
        if (r == ERROR_FILE_NOT_FOUND) {
            printf("absent\n");
            return 0;
        }
        if (r != ERROR_SUCCESS || !data)
            return fail("RegGetValue", (DWORD)r);
        printf("%ls\n", data);
        free(data);
        return 0;
    }
    if (!wcscmp(cmd, L"keysddl") && argc >= 4) {
        HKEY k;
        SECURITY_INFORMATION what = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
        LSTATUS r = RegCreateKeyExW(HKEY_LOCAL_MACHINE, argv[3], 0, NULL, 0,
                                    READ_CONTROL | WRITE_DAC | WRITE_OWNER | KEY_WOW64_64KEY, NULL, &k, NULL);
        if (r != ERROR_SUCCESS)
            return fail("RegCreateKeyEx", (DWORD)r);
        PSECURITY_DESCRIPTOR sd = NULL;
        if (argc >= 5) {
            if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(argv[4], SDDL_REVISION_1, &sd, NULL))
                return fail("ConvertStringSecurityDescriptorToSecurityDescriptor", GetLastError());
            r = RegSetKeySecurity(k, what | PROTECTED_DACL_SECURITY_INFORMATION, sd);
            LocalFree(sd);
            if (r != ERROR_SUCCESS)
                return fail("RegSetKeySecurity", (DWORD)r);
        }
        BYTE buf[4096];
        DWORD size = sizeof(buf);
        LPWSTR text = NULL;
        r = RegGetKeySecurity(k, what, buf, &size);
        RegCloseKey(k);
        if (r != ERROR_SUCCESS)
            return fail("RegGetKeySecurity", (DWORD)r);
        if (!ConvertSecurityDescriptorToStringSecurityDescriptorW(buf, SDDL_REVISION_1, what, &text, NULL))
            return fail("ConvertSecurityDescriptorToStringSecurityDescriptor", GetLastError());
        printf("%ls\n", text);
        LocalFree(text);
        return 0;
    }
    if (!wcscmp(cmd, L"regdel") && argc >= 5) {
        LSTATUS r = RegDeleteKeyValueW(HKEY_LOCAL_MACHINE, argv[3], argv[4]);
        return r == ERROR_SUCCESS || r == ERROR_FILE_NOT_FOUND ? 0 : fail("RegDeleteKeyValue", (DWORD)r);
    }
    fprintf(stderr, "wfsvc: unknown command or missing arguments\n");
    return 2;
}

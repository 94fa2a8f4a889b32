/* SPDX-License-Identifier: MIT */
/* tasks.c - a Task Scheduler folder's tasks through the Task Scheduler's own
 * COM interface (Microsoft Learn, "Task Scheduler 2.0 Interfaces":
 * ITaskService::Connect and GetFolder, ITaskFolder::GetTask by name, which
 * finds hidden tasks too, IRegisteredTask::get_Enabled), of this machine or
 * of another (Connect with its name). Asked by name, not listed with
 * GetTasks: a deleted task is told from one the caller may not read (a
 * list leaves those out silently), and Wine (8.0) stubs the list's
 * get_Count, get_Item and _NewEnum. ole32 and oleaut32 are
 * loaded from System32 here only, when a check asks (SPEC 9: the exe
 * imports neither), and never unloaded (COM may still run threads of theirs). */
#include "tasks.h"

#include "wufix/base/prose.h"

#include <taskschd.h>

#include <stdio.h>
#include <string.h>

#include "registry.h"
#include "winutil.h"

typedef HRESULT(WINAPI *co_init_fn)(LPVOID, DWORD);
typedef HRESULT(WINAPI *co_security_fn)(PSECURITY_DESCRIPTOR, LONG, SOLE_AUTHENTICATION_SERVICE *, void *,
                                        DWORD, DWORD, void *, DWORD, void *);
typedef HRESULT(WINAPI *co_create_fn)(REFCLSID, LPUNKNOWN, DWORD, REFIID, LPVOID *);
typedef void(WINAPI *co_uninit_fn)(void);
typedef BSTR(WINAPI *sys_alloc_fn)(const OLECHAR *);
typedef void(WINAPI *sys_free_fn)(BSTR);

/* Their values in the Windows SDK's taskschd.h, here: no GUID library linked. */
static const GUID clsid_scheduler = {
    0x0f87369f, 0xa4e5, 0x4cfc, {0xbd, 0x3e, 0x73, 0xe6, 0x15, 0x45, 0x72, 0xdd}};
static const GUID iid_service = {
    0x2faba4c7, 0x4da9, 0x4013, {0x96, 0x97, 0x20, 0xcc, 0x3f, 0xd4, 0x0f, 0x85}};

#define PROC(m, name, type) ((type)(void (*)(void))GetProcAddress((m), (name)))

/* Whether the Task Scheduler's answer says the folder or task does not exist. */
static bool missing(HRESULT hr)
{
    return hr == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) || hr == HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND);
}

/* Another machine's Task Scheduler answers through Windows Firewall's predefined rule group
 * "Remote Scheduled Tasks Management" (RPC, RPC-EPMAP), which schtasks' own error text names. */
static wf_err fail(HRESULT hr, const struct win_remote *r, char *why, size_t size)
{
    if (missing(hr))
        return WF_E_NO_SERVICE;
    snprintf(why, size, WF_M(M_THE_TASK_SCHEDULER_ANSWERED_0X), (unsigned long)hr,
             r ? WF_M(M_THE_FIREWALL_RULE_GROUP_REMOTE) : "");
    /* A Win32 code in the HRESULT (access denied, RPC unavailable) becomes the project's error. */
    wf_err e = HRESULT_FACILITY(hr) == FACILITY_WIN32 ? wf_err_from_syscode((uint32_t)HRESULT_CODE(hr))
                                                      : WF_E_SYSTEM;
    return e == WF_OK || e == WF_E_NO_SERVICE ? WF_E_SYSTEM : e;
}

wf_err wf_win_tasks(void *self, const char *folder, const char *const *names, size_t n,
                    enum wf_task_state *state, char *why, size_t size)
{
    const struct win_remote *r = self;
    WCHAR w[WF_TEXT_MAX];
    if (!r && !wf_win_elevated()) {
        snprintf(why, size, "%s", WF_M(M_NOT_ELEVATED_A_STANDARD_USER));
        return WF_E_ACCESS;
    }
    HMODULE ole = LoadLibraryExW(L"ole32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    HMODULE aut = LoadLibraryExW(L"oleaut32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    co_init_fn init = ole ? PROC(ole, WF_M(M_COINITIALIZEEX), co_init_fn) : NULL;
    co_security_fn security = ole ? PROC(ole, WF_M(M_COINITIALIZESECURITY), co_security_fn) : NULL;
    co_create_fn create = ole ? PROC(ole, WF_M(M_COCREATEINSTANCE), co_create_fn) : NULL;
    co_uninit_fn uninit = ole ? PROC(ole, WF_M(M_COUNINITIALIZE), co_uninit_fn) : NULL;
    sys_alloc_fn alloc = aut ? PROC(aut, WF_M(M_SYSALLOCSTRING), sys_alloc_fn) : NULL;
    sys_free_fn bfree = aut ? PROC(aut, WF_M(M_SYSFREESTRING), sys_free_fn) : NULL;
    if (!init || !security || !create || !uninit || !alloc || !bfree) {
        snprintf(why, size, "%s", WF_M(M_OLE32_DLL_OR_OLEAUT32_DLL));
        return WF_E_SYSTEM;
    }
    if (!wf_w_from_utf8(folder, w, WF_TEXT_MAX))
        return fail(E_INVALIDARG, r, why, size);
    HRESULT com = init(NULL, COINIT_MULTITHREADED);
    /* As Microsoft's Task Scheduler samples set it; once per process (later calls fail, harmlessly). */
    security(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_IMP_LEVEL_IMPERSONATE, NULL, 0, NULL);
    ITaskService *svc = NULL;
    ITaskFolder *dir = NULL;
    VARIANT none, server;
    memset(&none, 0, sizeof(none)); /* VT_EMPTY: this machine, the caller's own account */
    server = none;
    BSTR path = alloc(w);
    if (r) {
        V_VT(&server) = VT_BSTR;
        V_BSTR(&server) = alloc(r->name);
    }
    HRESULT hr = !path || (r && !V_BSTR(&server))
                     ? E_OUTOFMEMORY
                     : create(&clsid_scheduler, NULL, CLSCTX_INPROC_SERVER, &iid_service, (void **)&svc);
    if (SUCCEEDED(hr))
        hr = svc->lpVtbl->Connect(svc, server, none, none, none);
    if (SUCCEEDED(hr))
        hr = svc->lpVtbl->GetFolder(svc, path, &dir);
    for (size_t i = 0; SUCCEEDED(hr) && i < n; i++) {
        IRegisteredTask *t = NULL;
        VARIANT_BOOL on = VARIANT_FALSE;
        BSTR name = wf_w_from_utf8(names[i], w, WF_TEXT_MAX) ? alloc(w) : NULL;
        hr = name ? dir->lpVtbl->GetTask(dir, name, &t) : E_OUTOFMEMORY;
        if (SUCCEEDED(hr))
            hr = t->lpVtbl->get_Enabled(t, &on);
        state[i] = missing(hr) ? WF_TASK_MISSING : on != VARIANT_FALSE ? WF_TASK_ENABLED : WF_TASK_DISABLED;
        if (missing(hr))
            hr = S_OK;
        bfree(name);
        if (t)
            t->lpVtbl->Release(t);
    }
    if (dir)
        dir->lpVtbl->Release(dir);
    if (svc)
        svc->lpVtbl->Release(svc);
    bfree(path);
    if (r)
        bfree(V_BSTR(&server));
    if (SUCCEEDED(com))
        uninit();
    return SUCCEEDED(hr) ? WF_OK : fail(hr, r, why, size);
}

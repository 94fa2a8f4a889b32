/* SPDX-License-Identifier: MIT */
/* tasks.c - a Task Scheduler folder's tasks through the Task Scheduler's own
 * COM interface (Microsoft Learn, "Task Scheduler 2.0 Interfaces":
 * ITaskService::Connect and GetFolder, ITaskFolder::GetTasks with
 * TASK_ENUM_HIDDEN, IRegisteredTask get_Name and get_Enabled), of this
 * machine or of another (Connect with its name). ole32 and oleaut32 are
 * loaded from System32 here only, when a check asks (SPEC 9: the exe
 * imports neither), and never unloaded (COM may still run threads of theirs). */
#include <windows.h>
#include <taskschd.h>

#include <stdio.h>
#include <string.h>

#include "host.h"
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

static wf_err fail(HRESULT hr, const struct win_remote *r, char *why, size_t size)
{
    if (hr == HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND) || hr == HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND))
        return WF_E_NO_SERVICE;
    snprintf(why, size, "the Task Scheduler answered 0x%08lX%s", (unsigned long)hr,
             r ? "; the firewall rule group \"Remote Scheduled Tasks Management\" must allow it" : "");
    return hr == E_ACCESSDENIED ? WF_E_ACCESS : WF_E_SYSTEM;
}

wf_err wf_win_tasks(void *self, const char *folder, struct wf_task *out, size_t max, size_t *n, char *why,
                    size_t size)
{
    const struct win_remote *r = self;
    WCHAR w[WF_TEXT_MAX];
    *n = 0;
    if (!r && !wf_win_elevated()) {
        snprintf(why, size, "not elevated: a standard user's list of tasks leaves out those it may not read");
        return WF_E_ACCESS;
    }
    HMODULE ole = LoadLibraryExW(L"ole32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    HMODULE aut = LoadLibraryExW(L"oleaut32.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    co_init_fn init = ole ? PROC(ole, "CoInitializeEx", co_init_fn) : NULL;
    co_security_fn security = ole ? PROC(ole, "CoInitializeSecurity", co_security_fn) : NULL;
    co_create_fn create = ole ? PROC(ole, "CoCreateInstance", co_create_fn) : NULL;
    co_uninit_fn uninit = ole ? PROC(ole, "CoUninitialize", co_uninit_fn) : NULL;
    sys_alloc_fn alloc = aut ? PROC(aut, "SysAllocString", sys_alloc_fn) : NULL;
    sys_free_fn bfree = aut ? PROC(aut, "SysFreeString", sys_free_fn) : NULL;
    if (!init || !security || !create || !uninit || !alloc || !bfree) {
        snprintf(why, size, "ole32.dll or oleaut32.dll could not be loaded from System32");
        return WF_E_SYSTEM;
    }
    if (!wf_w_from_utf8(folder, w, WF_TEXT_MAX))
        return fail(E_INVALIDARG, r, why, size);
    HRESULT com = init(NULL, COINIT_MULTITHREADED);
    /* As Microsoft's Task Scheduler samples set it; once per process (later calls fail, harmlessly). */
    security(NULL, -1, NULL, NULL, RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_IMP_LEVEL_IMPERSONATE, NULL, 0, NULL);
    ITaskService *svc = NULL;
    ITaskFolder *dir = NULL;
    IRegisteredTaskCollection *all = NULL;
    VARIANT none, server;
    LONG count = 0;
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
    if (SUCCEEDED(hr))
        hr = dir->lpVtbl->GetTasks(dir, TASK_ENUM_HIDDEN, &all);
    if (SUCCEEDED(hr))
        hr = all->lpVtbl->get_Count(all, &count);
    if (SUCCEEDED(hr) && (count < 0 || (size_t)count > max))
        hr = HRESULT_FROM_WIN32(ERROR_MORE_DATA); /* never a list cut short */
    for (LONG i = 1; SUCCEEDED(hr) && i <= count; i++) {
        IRegisteredTask *t = NULL;
        BSTR name = NULL;
        VARIANT_BOOL on = VARIANT_FALSE;
        VARIANT at = none;
        V_VT(&at) = VT_I4;
        V_I4(&at) = i;
        hr = all->lpVtbl->get_Item(all, at, &t);
        if (SUCCEEDED(hr))
            hr = t->lpVtbl->get_Name(t, &name);
        if (SUCCEEDED(hr))
            hr = t->lpVtbl->get_Enabled(t, &on);
        if (SUCCEEDED(hr) && (!name || !wf_utf8_from_w(name, out[*n].name, WF_NAME_MAX)))
            hr = E_UNEXPECTED;
        if (SUCCEEDED(hr))
            out[(*n)++].enabled = on != VARIANT_FALSE;
        bfree(name);
        if (t)
            t->lpVtbl->Release(t);
    }
    if (all)
        all->lpVtbl->Release(all);
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

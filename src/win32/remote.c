/* SPDX-License-Identifier: MIT */
/* remote.c - another machine for --computer.
 *
 * OpenSCManagerW has no timeout, and when TCP is filtered the RPC client
 * waits about 21 s before it tries named pipes. So first the name is
 * resolved and TCP 135 (RPC) and 445 (SMB) are probed, both at once, for a
 * short time: neither answering names the likely cause at once (the machine
 * is off, or the firewall rule groups are closed) instead of a long wait;
 * one of them answering is enough to go on. The core's worker keeps the
 * connect deadline over all of it. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "remote.h"
#include "scm.h"
#include "store.h"
#include "winutil.h"
#include "wufix/cli.h"

#define PROBE_MAX_MS 3000u

enum port_state { PORT_OPEN, PORT_REFUSED, PORT_SILENT };

static INIT_ONCE wsa_once = INIT_ONCE_STATIC_INIT;
static bool wsa_ok;

static BOOL CALLBACK wsa_init(PINIT_ONCE o, PVOID p, PVOID *ctx)
{
    WSADATA d;
    (void)o;
    (void)p;
    (void)ctx;
    wsa_ok = WSAStartup(MAKEWORD(2, 2), &d) == 0;
    return TRUE;
}

/* Connect to the ports (one or two) of one address at once, without
 * blocking; wait at most `ms` for the answers. */
static void probe(const ADDRINFOEXW *a, const unsigned short *ports, int nports, uint32_t ms, enum port_state st[2])
{
    SOCKET s[2] = {INVALID_SOCKET, INVALID_SOCKET};
    ULONGLONG end = GetTickCount64() + ms;
    for (int i = 0; i < nports; i++) {
        SOCKADDR_STORAGE addr;
        u_long on = 1;
        st[i] = PORT_SILENT;
        if (a->ai_addrlen > sizeof(addr))
            continue;
        memcpy(&addr, a->ai_addr, a->ai_addrlen);
        if (a->ai_family == AF_INET)
            ((SOCKADDR_IN *)&addr)->sin_port = htons(ports[i]);
        else
            ((SOCKADDR_IN6 *)&addr)->sin6_port = htons(ports[i]);
        s[i] = socket(a->ai_family, SOCK_STREAM, IPPROTO_TCP);
        if (s[i] == INVALID_SOCKET)
            continue;
        ioctlsocket(s[i], (long)FIONBIO, &on);
        if (connect(s[i], (SOCKADDR *)&addr, (int)a->ai_addrlen) == 0)
            st[i] = PORT_OPEN;
        else if (WSAGetLastError() != WSAEWOULDBLOCK)
            st[i] = PORT_REFUSED;
    }
    for (;;) {
        fd_set w, x;
        int n = 0;
        FD_ZERO(&w);
        FD_ZERO(&x);
        for (int i = 0; i < nports; i++)
            if (s[i] != INVALID_SOCKET && st[i] == PORT_SILENT) {
                FD_SET(s[i], &w);
                FD_SET(s[i], &x);
                n++;
            }
        ULONGLONG now = GetTickCount64();
        if (!n || now >= end)
            break;
        TIMEVAL tv = {(long)((end - now) / 1000), (long)((end - now) % 1000 * 1000)};
        if (select(0, NULL, &w, &x, &tv) <= 0)
            break;
        for (int i = 0; i < nports; i++) {
            if (s[i] == INVALID_SOCKET || st[i] != PORT_SILENT)
                continue;
            if (FD_ISSET(s[i], &w))
                st[i] = PORT_OPEN;
            else if (FD_ISSET(s[i], &x))
                st[i] = PORT_REFUSED;
        }
    }
    for (int i = 0; i < nports; i++)
        if (s[i] != INVALID_SOCKET)
            closesocket(s[i]);
}

static const char *port_words(enum port_state s)
{
    return s == PORT_OPEN ? "answers" : s == PORT_REFUSED ? "refused" : "no answer";
}

/* A socket address's bytes into the list. */
static void add_sockaddr(struct wf_addrs *out, const SOCKADDR *sa)
{
    if (sa->sa_family == AF_INET)
        wf_addrs_add(out, (const uint8_t *)&((const SOCKADDR_IN *)(const void *)sa)->sin_addr, 4);
    else if (sa->sa_family == AF_INET6)
        wf_addrs_add(out, (const uint8_t *)&((const SOCKADDR_IN6 *)(const void *)sa)->sin6_addr, 16);
}

wf_err wf_win_resolve(const char *name, struct wf_addrs *out, uint32_t *syscode)
{
    WCHAR w[WF_MACHINE_NAME_MAX];
    ADDRINFOEXW hints, *res = NULL;
    memset(out, 0, sizeof(*out));
    *syscode = 0;
    InitOnceExecuteOnce(&wsa_once, wsa_init, NULL, NULL);
    if (!wsa_ok || !wf_w_from_utf8(name, w, WF_MACHINE_NAME_MAX)) {
        *syscode = ERROR_INVALID_PARAMETER;
        return WF_E_SYSTEM;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    /* DNS alone, as target_open asks. */
    int r = GetAddrInfoExW(w, NULL, NS_DNS, NULL, &hints, &res, NULL, NULL, NULL, NULL);
    if (r != 0) {
        *syscode = r == WSAHOST_NOT_FOUND || r == WSANO_DATA ? WSAHOST_NOT_FOUND : (uint32_t)r;
        return WF_E_UNREACHABLE;
    }
    for (const ADDRINFOEXW *a = res; a; a = (const ADDRINFOEXW *)(const void *)a->ai_next)
        if (a->ai_addr)
            add_sockaddr(out, a->ai_addr);
    FreeAddrInfoExW(res);
    if (!out->n) {
        *syscode = WSAHOST_NOT_FOUND;
        return WF_E_UNREACHABLE;
    }
    return WF_OK;
}

/* The addresses of this machine's interfaces, per family, as Windows lists
 * them for sockets (SIO_ADDRESS_LIST_QUERY: no other DLL needed). */
void wf_win_local_addrs(struct wf_addrs *out)
{
    static const int families[2] = {AF_INET, AF_INET6};
    memset(out, 0, sizeof(*out));
    InitOnceExecuteOnce(&wsa_once, wsa_init, NULL, NULL);
    if (!wsa_ok)
        return;
    for (int f = 0; f < 2; f++) {
        union {
            SOCKET_ADDRESS_LIST list;
            char bytes[8192];
        } u;
        DWORD got = 0;
        SOCKET s = socket(families[f], SOCK_STREAM, IPPROTO_TCP);
        if (s == INVALID_SOCKET)
            continue;
        if (WSAIoctl(s, SIO_ADDRESS_LIST_QUERY, NULL, 0, &u, sizeof(u), &got, NULL, NULL) == 0)
            for (INT i = 0; i < u.list.iAddressCount; i++) {
                const SOCKET_ADDRESS *sa = &u.list.Address[i];
                if (sa->lpSockaddr && (size_t)((const char *)(sa + 1) - u.bytes) <= got)
                    add_sockaddr(out, sa->lpSockaddr);
            }
        closesocket(s);
    }
}

wf_err wf_win_target_open(const char *name, uint32_t connect_ms, bool change, struct wf_target *t, char *why,
                          size_t size, uint32_t *syscode)
{
    static const unsigned short rpc_smb[2] = {135, 445};
    WCHAR w[WF_MACHINE_NAME_MAX];
    ADDRINFOEXW hints, *res = NULL;
    enum port_state st[2] = {PORT_SILENT, PORT_SILENT};
    memset(t, 0, sizeof(*t));
    *syscode = 0;
    why[0] = '\0';
    InitOnceExecuteOnce(&wsa_once, wsa_init, NULL, NULL);
    if (!wsa_ok || !wf_w_from_utf8(name, w, WF_MACHINE_NAME_MAX)) {
        *syscode = ERROR_INVALID_PARAMETER;
        return WF_E_SYSTEM;
    }
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    /* DNS alone: an answer any machine on the LAN may give (LLMNR, NetBIOS
     * over TCP/IP) would receive this account's logon, NTLM included, when
     * the SCM is reached. A name DNS does not know does not resolve. */
    int r = GetAddrInfoExW(w, NULL, NS_DNS, NULL, &hints, &res, NULL, NULL, NULL, NULL);
    if (r != 0) {
        *syscode = r == WSAHOST_NOT_FOUND || r == WSANO_DATA ? WSAHOST_NOT_FOUND : (uint32_t)r;
        snprintf(why, size, "no address for '%s'", name);
        return WF_E_UNREACHABLE;
    }
    /* Each address in turn (IPv6 and IPv4 alike) until one answers, within
     * the probe's time. */
    uint32_t ms = connect_ms / 2 < PROBE_MAX_MS ? connect_ms / 2 : PROBE_MAX_MS;
    ULONGLONG end = GetTickCount64() + ms;
    /* (mingw-w64 declares ai_next as another struct's pointer: the same layout) */
    for (const ADDRINFOEXW *a = res; a; a = (const ADDRINFOEXW *)(const void *)a->ai_next) {
        ULONGLONG now = GetTickCount64();
        if (now >= end)
            break;
        if (a->ai_family != AF_INET && a->ai_family != AF_INET6)
            continue;
        probe(a, rpc_smb, 2, (uint32_t)(end - now), st);
        if (st[0] == PORT_OPEN || st[1] == PORT_OPEN)
            break;
    }
    FreeAddrInfoExW(res);
    if (st[0] != PORT_OPEN && st[1] != PORT_OPEN) {
        *syscode = RPC_S_SERVER_UNAVAILABLE;
        snprintf(why, size, "TCP 135 (RPC): %s, TCP 445 (SMB): %s, within %u ms", port_words(st[0]),
                 port_words(st[1]), (unsigned)ms);
        return WF_E_UNREACHABLE;
    }
    if (st[0] != PORT_OPEN)
        snprintf(t->note, sizeof(t->note),
                 "TCP 135 (RPC) %s: the connection goes through SMB named pipes, which can take about 21 s",
                 port_words(st[0]));
    else if (st[1] != PORT_OPEN)
        snprintf(t->note, sizeof(t->note), "TCP 445 (SMB) %s: its registry and admin share cannot be reached",
                 port_words(st[1]));
    /* Any account may connect to a service control manager; over the network
     * only administrators may also enumerate its services (remote
     * authenticated users are granted SC_MANAGER_CONNECT alone). A changing
     * run asks for that too, so an account that is not an administrator
     * there is refused now (5), not service by service. */
    uint32_t code = 0;
    wf_err e = wf_scm_open_code(name, change ? SC_MANAGER_ENUMERATE_SERVICE : 0, &t->backend, &code);
    if (e != WF_OK) {
        *syscode = code ? code : ERROR_NOT_ENOUGH_MEMORY;
        wf_win_describe(*syscode, why, size);
        return e;
    }
    /* Without SMB, the registry (a named pipe) and the share would only wait
     * for their own timeouts: the host says so instead of trying. */
    if (st[1] != PORT_OPEN)
        snprintf(why, size, "TCP 445 (SMB) %s", port_words(st[1]));
    e = wf_win_host_remote(name, st[1] == PORT_OPEN ? NULL : why, &t->host, t->no_registry, t->no_files,
                           sizeof(t->no_registry));
    why[0] = '\0';
    if (e == WF_OK)
        e = wf_win_store_for(name, &t->store, t->journal_where, sizeof(t->journal_where));
    if (e != WF_OK) {
        wf_win_target_close(t);
        *syscode = ERROR_NOT_ENOUGH_MEMORY;
        return e;
    }
    return WF_OK;
}

/* A name's resolution on a thread of its own, so that a probe keeps its
 * deadline (GetAddrInfoExW has none): the thread and the caller share the
 * record, and whichever ends last frees it. */
struct lookup {
    LONG refs;
    HANDLE done;
    int r;
    ADDRINFOEXW *res;
    WCHAR name[WF_MACHINE_NAME_MAX];
};

static void lookup_release(struct lookup *l)
{
    if (InterlockedDecrement(&l->refs))
        return;
    if (l->res)
        FreeAddrInfoExW(l->res);
    CloseHandle(l->done);
    free(l);
}

static DWORD WINAPI lookup_thread(void *arg)
{
    struct lookup *l = arg;
    ADDRINFOEXW hints;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    l->r = GetAddrInfoExW(l->name, NULL, NS_DNS, NULL, &hints, &l->res, NULL, NULL, NULL, NULL);
    SetEvent(l->done);
    lookup_release(l);
    return 0;
}

wf_err wf_win_probe(const char *host, unsigned port, uint32_t ms, char *why, size_t size)
{
    const unsigned short ports[1] = {(unsigned short)port};
    enum port_state st[2] = {PORT_SILENT, PORT_SILENT};
    ULONGLONG end = GetTickCount64() + ms;
    InitOnceExecuteOnce(&wsa_once, wsa_init, NULL, NULL);
    struct lookup *l = calloc(1, sizeof(*l));
    if (!wsa_ok || !l || !wf_w_from_utf8(host, l->name, WF_MACHINE_NAME_MAX) ||
        !(l->done = CreateEventW(NULL, TRUE, FALSE, NULL))) {
        free(l);
        snprintf(why, size, "it could not be probed");
        return WF_E_SYSTEM;
    }
    l->refs = 2;
    HANDLE t = CreateThread(NULL, 0, lookup_thread, l, 0, NULL);
    if (!t) {
        CloseHandle(l->done);
        free(l);
        snprintf(why, size, "it could not be probed");
        return WF_E_SYSTEM;
    }
    CloseHandle(t);
    if (WaitForSingleObject(l->done, ms) != WAIT_OBJECT_0) {
        snprintf(why, size, "its name did not resolve within %u ms", (unsigned)ms);
        lookup_release(l);
        return WF_E_UNREACHABLE;
    }
    if (l->r != 0) {
        snprintf(why, size, "its name does not resolve (DNS)");
        lookup_release(l);
        return WF_E_UNREACHABLE;
    }
    for (const ADDRINFOEXW *a = l->res; a && st[0] != PORT_OPEN;
         a = (const ADDRINFOEXW *)(const void *)a->ai_next) {
        ULONGLONG now = GetTickCount64();
        if (now >= end)
            break;
        if (a->ai_family == AF_INET || a->ai_family == AF_INET6)
            probe(a, ports, 1, (uint32_t)(end - now), st);
    }
    lookup_release(l);
    if (st[0] == PORT_OPEN)
        return WF_OK;
    snprintf(why, size, "TCP %u: %s, within %u ms", port, port_words(st[0]), (unsigned)ms);
    return WF_E_UNREACHABLE;
}

void wf_win_target_close(struct wf_target *t)
{
    if (t->backend.self)
        wf_scm_close(&t->backend);
    wf_win_host_free(&t->host);
    if (t->store.self)
        wf_win_store_free(&t->store);
}

/* SPDX-License-Identifier: MIT */
/* net.c - names and ports: a name resolved by DNS alone, this machine's own
 * addresses, a TCP port probed within a deadline (name resolution
 * included). --computer and the update source's probe use them. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net.h"
#include "winutil.h"
#include "wufix/cli.h"

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

bool wf_win_wsa(void)
{
    InitOnceExecuteOnce(&wsa_once, wsa_init, NULL, NULL);
    return wsa_ok;
}

/* Connect to the ports (one or two) of one address at once, without
 * blocking; wait at most `ms` for the answers. */
void wf_win_probe_ports(const ADDRINFOEXW *a, const unsigned short *ports, int nports, uint32_t ms,
                        enum port_state st[2])
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

const char *wf_win_port_words(enum port_state s)
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
    if (!wf_win_wsa() || !wf_w_from_utf8(name, w, WF_MACHINE_NAME_MAX)) {
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
    if (!wf_win_wsa())
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
    struct lookup *l = calloc(1, sizeof(*l));
    if (!wf_win_wsa() || !l || !wf_w_from_utf8(host, l->name, WF_MACHINE_NAME_MAX) ||
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
            wf_win_probe_ports(a, ports, 1, (uint32_t)(end - now), st);
    }
    lookup_release(l);
    if (st[0] == PORT_OPEN)
        return WF_OK;
    snprintf(why, size, "TCP %u: %s, within %u ms", port, wf_win_port_words(st[0]), (unsigned)ms);
    return WF_E_UNREACHABLE;
}

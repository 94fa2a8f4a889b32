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

#include "wufix/base/prose.h"
#include "wufix/base/svc.h"
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

/* One connection attempt, started without blocking. */
struct attempt {
    SOCKET s;
    int port; /* index into the ports */
    enum port_state st;
};

static void start_attempt(const struct wf_addr *a, unsigned short port, struct attempt *t)
{
    SOCKADDR_STORAGE addr;
    int len = a->len == 4 ? (int)sizeof(SOCKADDR_IN) : (int)sizeof(SOCKADDR_IN6);
    u_long on = 1;
    t->st = PORT_SILENT;
    memset(&addr, 0, sizeof(addr));
    if (a->len == 4) {
        SOCKADDR_IN *in = (SOCKADDR_IN *)&addr;
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        memcpy(&in->sin_addr, a->b, 4);
    } else {
        SOCKADDR_IN6 *in6 = (SOCKADDR_IN6 *)&addr;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        memcpy(&in6->sin6_addr, a->b, 16);
    }
    t->s = socket(addr.ss_family, SOCK_STREAM, IPPROTO_TCP);
    if (t->s == INVALID_SOCKET) { /* no stack for that family here: that address cannot answer */
        t->st = PORT_REFUSED;
        return;
    }
    ioctlsocket(t->s, (long)FIONBIO, &on);
    if (connect(t->s, (SOCKADDR *)&addr, len) == 0)
        t->st = PORT_OPEN;
    else if (WSAGetLastError() != WSAEWOULDBLOCK)
        t->st = PORT_REFUSED;
}

/* Every address the name has, each port (one or two), connected to at once
 * and waited on together within `ms`: an address that drops the packets
 * (an IPv6 address first in the list, its route gone) costs no time of the
 * others. A port answers when any address takes the connection; it is
 * refused when every address refused it; else no answer came in time.
 * With `keep`, the first port's first connection is kept there, open. */
static void probe_addrs(const struct wf_addrs *as, const unsigned short *ports, int nports, uint32_t ms,
                        enum port_state st[2], SOCKET *keep)
{
    struct attempt t[WF_ADDRS_MAX * 2];
    size_t n = 0;
    ULONGLONG end = GetTickCount64() + ms;
    for (size_t i = 0; i < as->n && i < WF_ADDRS_MAX; i++)
        for (int p = 0; p < nports && p < 2; p++) {
            t[n].port = p;
            start_attempt(&as->a[i], ports[p], &t[n]);
            n++;
        }
    for (;;) {
        bool open[2] = {false, false};
        fd_set w, x;
        int waiting = 0;
        FD_ZERO(&w);
        FD_ZERO(&x);
        for (size_t i = 0; i < n; i++)
            open[t[i].port] |= t[i].st == PORT_OPEN;
        for (size_t i = 0; i < n; i++)
            if (t[i].s != INVALID_SOCKET && t[i].st == PORT_SILENT && !open[t[i].port] &&
                waiting < FD_SETSIZE) {
                FD_SET(t[i].s, &w);
                FD_SET(t[i].s, &x);
                waiting++;
            }
        ULONGLONG now = GetTickCount64();
        if (!waiting || now >= end)
            break;
        TIMEVAL tv = {(long)((end - now) / 1000), (long)((end - now) % 1000 * 1000)};
        if (select(0, NULL, &w, &x, &tv) <= 0)
            break;
        for (size_t i = 0; i < n; i++) {
            if (t[i].s == INVALID_SOCKET || t[i].st != PORT_SILENT)
                continue;
            if (FD_ISSET(t[i].s, &w))
                t[i].st = PORT_OPEN;
            else if (FD_ISSET(t[i].s, &x))
                t[i].st = PORT_REFUSED;
        }
    }
    for (int p = 0; p < 2; p++) {
        bool any = false, open = false, silent = false;
        for (size_t i = 0; i < n; i++)
            if (t[i].port == p) {
                any = true;
                open |= t[i].st == PORT_OPEN;
                silent |= t[i].st == PORT_SILENT;
            }
        st[p] = open ? PORT_OPEN : any && !silent ? PORT_REFUSED : PORT_SILENT;
    }
    for (size_t i = 0; i < n; i++)
        if (keep && *keep == INVALID_SOCKET && t[i].port == 0 && t[i].st == PORT_OPEN)
            *keep = t[i].s;
        else if (t[i].s != INVALID_SOCKET)
            closesocket(t[i].s);
}

void wf_win_probe_addrs(const struct wf_addrs *as, const unsigned short *ports, int nports, uint32_t ms,
                        enum port_state st[2])
{
    probe_addrs(as, ports, nports, ms, st, NULL);
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

/* The one question to DNS: the name's addresses into `out`; 0, or the system
 * code (11001 for a name DNS does not know). DNS alone: an answer any
 * machine on the LAN may give (LLMNR, NetBIOS over TCP/IP) would receive
 * this account's logon, NTLM included, when the SCM is reached. */
static uint32_t dns(const WCHAR *name, struct wf_addrs *out)
{
    ADDRINFOEXW hints, *res = NULL;
    memset(out, 0, sizeof(*out));
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    int r = GetAddrInfoExW(name, NULL, NS_DNS, NULL, &hints, &res, NULL, NULL, NULL, NULL);
    if (r != 0)
        return r == WSAHOST_NOT_FOUND || r == WSANO_DATA ? WSAHOST_NOT_FOUND : (uint32_t)r;
    /* (mingw-w64 declares ai_next as another struct's pointer: the same layout) */
    for (const ADDRINFOEXW *a = res; a; a = (const ADDRINFOEXW *)(const void *)a->ai_next)
        if (a->ai_addr)
            add_sockaddr(out, a->ai_addr);
    FreeAddrInfoExW(res);
    return out->n ? 0 : WSAHOST_NOT_FOUND;
}

wf_err wf_win_resolve(const char *name, struct wf_addrs *out, uint32_t *syscode)
{
    WCHAR w[WF_MACHINE_NAME_MAX];
    memset(out, 0, sizeof(*out));
    if (!wf_win_wsa() || !wf_w_from_utf8(name, w, WF_MACHINE_NAME_MAX)) {
        *syscode = ERROR_INVALID_PARAMETER;
        return WF_E_SYSTEM;
    }
    *syscode = dns(w, out);
    return *syscode ? WF_E_UNREACHABLE : WF_OK;
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
    uint32_t code;
    struct wf_addrs addrs;
    WCHAR name[WF_MACHINE_NAME_MAX];
};

static void lookup_release(struct lookup *l)
{
    if (InterlockedDecrement(&l->refs))
        return;
    CloseHandle(l->done);
    free(l);
}

static DWORD WINAPI lookup_thread(void *arg)
{
    struct lookup *l = arg;
    l->code = dns(l->name, &l->addrs);
    SetEvent(l->done);
    lookup_release(l);
    return 0;
}

wf_err wf_win_lookup(const char *name, uint32_t ms, struct wf_addrs *out)
{
    struct lookup *l = calloc(1, sizeof(*l));
    wf_err e = WF_E_SYSTEM;
    memset(out, 0, sizeof(*out));
    if (!wf_win_wsa() || !l || !wf_w_from_utf8(name, l->name, WF_MACHINE_NAME_MAX) ||
        !(l->done = CreateEventW(NULL, TRUE, FALSE, NULL))) {
        free(l);
        return e;
    }
    l->refs = 2;
    HANDLE t = CreateThread(NULL, 0, lookup_thread, l, 0, NULL);
    if (!t) {
        CloseHandle(l->done);
        free(l);
        return e;
    }
    CloseHandle(t);
    if (WaitForSingleObject(l->done, ms) != WAIT_OBJECT_0)
        e = WF_E_UNREACHABLE;
    else if (l->code)
        e = WF_E_NO_SERVICE; /* the name, not the network */
    else {
        *out = l->addrs;
        e = WF_OK;
    }
    lookup_release(l);
    return e;
}

/* See wf_win_probe; with `keep`, the connection made is kept there. */
static wf_err probe(const char *host, unsigned port, uint32_t ms, char *why, size_t size, SOCKET *keep)
{
    const unsigned short ports[1] = {(unsigned short)port};
    enum port_state st[2] = {PORT_SILENT, PORT_SILENT};
    ULONGLONG end = GetTickCount64() + ms;
    struct wf_addrs as;
    wf_err e = wf_win_lookup(host, ms, &as);
    if (e == WF_E_SYSTEM)
        wf_strlcpy(why, WF_M(M_IT_COULD_NOT_BE_PROBED), size);
    else if (e == WF_E_UNREACHABLE)
        snprintf(why, size, WF_M(M_ITS_NAME_DID_NOT_RESOLVE), (unsigned)ms);
    else if (e == WF_E_NO_SERVICE) /* the name, not the network: the remedy is DNS or the setting */
        snprintf(why, size, "%s", WF_M(M_ITS_NAME_DOES_NOT_RESOLVE));
    if (e != WF_OK)
        return e;
    ULONGLONG now = GetTickCount64();
    if (now < end)
        probe_addrs(&as, ports, 1, (uint32_t)(end - now), st, keep);
    if (st[0] == PORT_OPEN)
        return WF_OK;
    snprintf(why, size, WF_M(M_TCP_U_S_WITHIN_U), port, wf_win_port_words(st[0]), (unsigned)ms);
    return WF_E_UNREACHABLE;
}

wf_err wf_win_probe(const char *host, unsigned port, uint32_t ms, char *why, size_t size)
{
    return probe(host, port, ms, why, size, NULL);
}

wf_err wf_win_head(const char *host, unsigned port, uint32_t ms, char *why, size_t size, char *reply,
                   size_t rsize)
{
    char req[320];
    SOCKET s = INVALID_SOCKET;
    ULONGLONG end = GetTickCount64() + ms;
    size_t n = 0;
    wf_err e = probe(host, port, ms, why, size, &s);
    int len = snprintf(req, sizeof(req), WF_M(M_HEAD_HTTP_1_1_R), host);
    /* The request is small: a fresh connection takes it whole at once. */
    if (e == WF_OK && len > 0 && (size_t)len < sizeof(req) && send(s, req, len, 0) == len)
        for (;;) {
            ULONGLONG now = GetTickCount64();
            fd_set r;
            FD_ZERO(&r);
            FD_SET(s, &r);
            TIMEVAL tv = {(long)((end - now) / 1000), (long)((end - now) % 1000 * 1000)};
            int got;
            if (now >= end || n + 1 >= rsize || select(0, &r, NULL, NULL, &tv) <= 0 ||
                (got = recv(s, reply + n, (int)(rsize - 1 - n), 0)) <= 0)
                break;
            n += (size_t)got;
            reply[n] = '\0';
            if (strstr(reply, "\r\n\r\n"))
                break;
        }
    if (s != INVALID_SOCKET)
        closesocket(s);
    if (rsize)
        reply[n] = '\0';
    return e;
}

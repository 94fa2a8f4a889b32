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

#include "wufix/base/prose.h"
#include "net.h"
#include "remote.h"
#include "scm.h"
#include "store.h"
#include "winutil.h"
#include "wufix/cli.h"

#define PROBE_MAX_MS 3000u

wf_err wf_win_target_open(const char *name, const struct wf_addrs *addrs, uint32_t connect_ms, bool change,
                          struct wf_target *t, char *why, size_t size, uint32_t *syscode)
{
    static const unsigned short rpc_smb[2] = {135, 445};
    enum port_state st[2] = {PORT_SILENT, PORT_SILENT};
    memset(t, 0, sizeof(*t));
    *syscode = 0;
    why[0] = '\0';
    /* The addresses the core resolved (DNS alone: net.c), the ones it held
     * against the other machines named: probed, never asked of DNS again. */
    if (!addrs->n) {
        *syscode = WSAHOST_NOT_FOUND;
        snprintf(why, size, WF_M(M_NO_ADDRESS_FOR_S), name);
        return WF_E_UNREACHABLE;
    }
    if (!wf_win_wsa()) {
        *syscode = ERROR_INVALID_PARAMETER;
        return WF_E_SYSTEM;
    }
    uint32_t ms = connect_ms / 2 < PROBE_MAX_MS ? connect_ms / 2 : PROBE_MAX_MS;
    wf_win_probe_addrs(addrs, rpc_smb, 2, ms, st);
    if (st[0] != PORT_OPEN && st[1] != PORT_OPEN) {
        *syscode = RPC_S_SERVER_UNAVAILABLE;
        snprintf(why, size, WF_M(M_TCP_135_RPC_S_TCP), wf_win_port_words(st[0]), wf_win_port_words(st[1]),
                 (unsigned)ms);
        return WF_E_UNREACHABLE;
    }
    if (st[0] != PORT_OPEN)
        snprintf(t->note, sizeof(t->note), WF_M(M_TCP_135_RPC_S_THE), wf_win_port_words(st[0]));
    else if (st[1] != PORT_OPEN)
        snprintf(t->note, sizeof(t->note), WF_M(M_TCP_445_SMB_S_ITS), wf_win_port_words(st[1]));
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
        snprintf(why, size, WF_M(M_TCP_445_SMB_S), wf_win_port_words(st[1]));
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

void wf_win_target_close(struct wf_target *t)
{
    if (t->backend.self)
        wf_scm_close(&t->backend);
    wf_win_host_free(&t->host);
    if (t->store.self)
        wf_win_store_free(&t->store);
}

/* SPDX-License-Identifier: MIT */
/* net.h - names and ports: a name resolved by DNS alone, this machine's own
 * addresses, a TCP port probed within a deadline. */
#ifndef WUFIX_WIN32_NET_H
#define WUFIX_WIN32_NET_H

#include <winsock2.h>
#include <ws2tcpip.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/addr.h"
#include "wufix/base/err.h"

enum port_state { PORT_OPEN, PORT_REFUSED, PORT_SILENT };

/* Winsock started, once for the process. */
bool wf_win_wsa(void);

/* Connect to the ports (one or two) of each address in turn, until one
 * answers or `ms` pass; what each port did, in st. */
void wf_win_probe_addrs(const struct wf_addrs *as, const unsigned short *ports, int nports, uint32_t ms,
                        enum port_state st[2]);
/* "answers", "refused", "no answer". */
const char *wf_win_port_words(enum port_state s);

/* See struct wf_platform's resolve and local_addrs. */
wf_err wf_win_resolve(const char *name, struct wf_addrs *out, uint32_t *syscode);
void wf_win_local_addrs(struct wf_addrs *out);

/* A name's addresses by DNS alone within `ms` (the question asked on a
 * thread of its own): see struct wf_host_ops' resolve. */
wf_err wf_win_lookup(const char *name, uint32_t ms, struct wf_addrs *out);
/* See struct wf_host_ops' probe. */
wf_err wf_win_probe(const char *host, unsigned port, uint32_t ms, char *why, size_t size);
/* See struct wf_host_ops' head. */
wf_err wf_win_head(const char *host, unsigned port, uint32_t ms, char *why, size_t size, char *reply,
                   size_t rsize);

#endif

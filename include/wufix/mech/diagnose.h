/* SPDX-License-Identifier: MIT */
/* diagnose.h - why Windows Update failed (SPEC 5a): its last failures from
 * its own log, the update source (a WSUS server, the WinHTTP proxy) probed,
 * updates paused. */
#ifndef WUFIX_DIAGNOSE_H
#define WUFIX_DIAGNOSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/base/prose.h"
#include "wufix/mech/problems.h"

#define WF_WULOG_PATH  WF_M(M_SYSTEMROOT_SOFTWAREDISTRIBUTION_REPORTINGEVENT)
#define WF_KEY_WINHTTP "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections"
#define WF_KEY_UX      "SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings"
#define WF_PROBE_MS    3000u

/* Add what the evidence says to `c`. */
void wf_diagnose(const struct wf_host *h, struct wf_check *c);
/* Only c->updating (status's lines): the build, and the latest successes in
 * the tail of Windows Update's log (and the log a reset set aside), read as
 * wf_diagnose reads them; the log's failures land in `c` too. */
void wf_diagnose_updating(const struct wf_host *h, struct wf_check *c);

/* A WinHTTP proxy from WinHttpSettings' bytes: its host and port (80 when
 * none is given); false when no proxy is set or the bytes are not the layout. */
bool wf_diagnose_proxy(const uint8_t *b, size_t n, char *host, size_t size, unsigned *port);

/* An update server's URL ("http://wsus:8530/"): its host and port (80 for
 * http, 443 for https when none is given); false when it is not one. */
bool wf_diagnose_url(const char *url, char *host, size_t size, unsigned *port);

/* check --max-age-days: an error when no successful install (or scan) in
 * Windows Update's log is `days` days old or younger. */
void wf_diagnose_max_age(const struct wf_host *h, struct wf_check *c, unsigned days);

/* Seconds since 1970 (UTC) of "YYYY-MM-DDTHH:MM:SS" followed by "Z", an
 * offset "+HH:MM", or nothing (read as UTC); false when it is not one. */
bool wf_diagnose_epoch(const char *iso, int64_t *secs);

/* Whether the problem is a Windows Update failure whose remedy is reset's
 * (the cache class). */
bool wf_diagnose_needs_reset(const struct wf_problem *pr);

#endif

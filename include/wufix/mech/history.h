/* SPDX-License-Identifier: MIT */
/* history.h - Windows Update's results, newest first, from ReportingEvents.log
 * and the copies of it that reset set aside with SoftwareDistribution. */
#ifndef WUFIX_HISTORY_H
#define WUFIX_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/base/wulog.h"

#define WF_HISTORY_DEFAULT 20u    /* history -n */
#define WF_HISTORY_MAX     1000u  /* the largest -n */
#define WF_HISTORY_COPIES  16u    /* set-aside copies read, the newest */
#define WF_HISTORY_EVENTS  40000u /* events kept in all, whatever the logs hold */
#define WF_SD_ASIDE_GLOB   "SoftwareDistribution.wufix-*"

enum wf_wu_result {
    WF_WU_SUCCEEDED,
    WF_WU_FAILED,
    WF_WU_RESTART /* 201: installed, a restart of Windows finishes it */
};

struct wf_wu_event {
    int64_t at;    /* seconds since 1970-01-01 UTC, for ordering */
    char when[32]; /* ISO 8601 with the offset: "2026-11-20T14:02:11+01:00" */
    enum wf_wu_kind kind;
    enum wf_wu_result result;
    uint32_t hresult;
    char kb[16];     /* "KB5099999", or "" */
    char title[160]; /* the update's title as the message gives it, or "" (any bytes: print it escaped) */
    bool set_aside;  /* read from a copy that reset set aside */
    uint32_t seq;    /* the order read: the tie-breaker of events of one instant */
};

struct wf_history {
    struct wf_wu_event *ev; /* newest first once wf_history_read returns */
    size_t n, cap;
    size_t logs;       /* logs read: the current one and the copies */
    size_t unreadable; /* logs there that are not this format or could not be read */
};

/* Append the events of one log's last `n` bytes (its whole length `total`;
 * n == total: the whole file), in the file's order. WF_E_NOMEM when
 * memory runs out; events past WF_HISTORY_EVENTS are left out. */
wf_err wf_history_parse(const uint8_t *data, size_t n, uint64_t total, bool set_aside, struct wf_history *h);

/* Read %SystemRoot%\SoftwareDistribution\ReportingEvents.log and the same
 * file in the newest WF_HISTORY_COPIES folders %SystemRoot%\SoftwareDistribution.wufix-*
 * (links left out), each from its last WF_WULOG_TAIL bytes; the events
 * newest first. A log that is not there is no error. Free with
 * wf_history_release. */
wf_err wf_history_read(const struct wf_host *h, struct wf_history *out);
void wf_history_release(struct wf_history *h);

/* Sort newest first (by the instant, then by the order read). */
void wf_history_sort(struct wf_history *h);

/* "2026-11-20T14:02:11+01:00" (or "...Z") as seconds since 1970 UTC. */
bool wf_history_instant(const char *iso, int64_t *out);

/* "succeeded", "failed", "restart_pending". */
const char *wf_wu_result_word(enum wf_wu_result r);

#endif

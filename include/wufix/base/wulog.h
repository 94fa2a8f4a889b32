/* SPDX-License-Identifier: MIT */
/* wulog.h - Windows Update's own record of its results,
 * %windir%\SoftwareDistribution\ReportingEvents.log: UTF-16LE with a byte
 * order mark, CRLF, one event a line, tab-separated fields (2: the local
 * time with its offset, 4: "182 [AGENT_INSTALLING_FAILED]", 8: the HRESULT
 * in hex, 12: the message naming the update). Read from its end. */
#ifndef WUFIX_WULOG_H
#define WUFIX_WULOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How much of the file's end is read: the latest events, in bounded time
 * and memory whatever the file's size. */
#define WF_WULOG_TAIL ((size_t)512 * 1024)

enum wf_wu_kind { WF_WU_SCAN, WF_WU_DOWNLOAD, WF_WU_INSTALL, WF_WU_KINDS };

/* The latest failure of a kind that no later success of that kind followed. */
struct wf_wu_fail {
    bool found;
    uint32_t hresult;
    char when[32];   /* ISO 8601 with the offset: "2026-11-20T14:02:11+01:00" */
    char kb[16];     /* "KB5099999", or "" when the message names none */
    char title[160]; /* the update's title as the message gives it, or "" (any bytes: print it escaped) */
};

struct wf_wu_history {
    struct wf_wu_fail last[WF_WU_KINDS];
    size_t events;   /* lines read as events */
    size_t other;    /* non-empty lines that are not */
    bool unreadable; /* not this format: no line is an event, or the file has no byte order mark */
};

/* The last `n` bytes of the file, whose whole length is `total` (n ==
 * total: the whole file). A line cut by the tail's start is skipped. */
void wf_wulog_parse(const uint8_t *data, size_t n, uint64_t total, struct wf_wu_history *h);

/* "scan", "download", "install". */
const char *wf_wu_kind_word(enum wf_wu_kind k);

#endif

/* SPDX-License-Identifier: MIT */
/* wulog.h - Windows Update's own record of its results,
 * %windir%\SoftwareDistribution\ReportingEvents.log: UTF-16LE with a byte
 * order mark, CRLF, one event a line, tab-separated fields (2: the local
 * time with its offset, 4: "182 [AGENT_INSTALLING_FAILED]", 6: the update's
 * ID, 8: the HRESULT in hex, 12: the message naming the update). Read from
 * its end. */
#ifndef WUFIX_WULOG_H
#define WUFIX_WULOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How much of the file's end is read: the latest events, in bounded time
 * and memory whatever the file's size. */
#define WF_WULOG_TAIL ((size_t)512 * 1024)

/* Failures kept at once (one per update and kind); more are counted. */
#define WF_WU_OPEN_MAX 16

enum wf_wu_kind { WF_WU_SCAN, WF_WU_DOWNLOAD, WF_WU_INSTALL, WF_WU_KINDS };

/* One update's failures of one kind that no later success of the same
 * update followed (a scan's: no later successful scan). */
struct wf_wu_fail {
    enum wf_wu_kind kind;
    uint32_t hresult; /* of the latest */
    char when[32];    /* the latest, ISO 8601 with the offset: "2026-11-20T14:02:11+01:00" */
    char since[32];   /* the first of them in the log */
    unsigned count;   /* how many */
    char id[40];      /* the update's ID (field 6), or "" (a scan, or zeros) */
    char kb[16];      /* "KB5099999", or "" when the message names none */
    char title[160];  /* the update's title as the message gives it, or "" (any bytes: print it escaped) */
};

/* The latest success of a kind. */
struct wf_wu_ok {
    bool found;
    char when[32];
    char kb[16];
};

struct wf_wu_history {
    struct wf_wu_fail fail[WF_WU_OPEN_MAX]; /* oldest first */
    size_t nfail;
    size_t dropped; /* failing updates beyond WF_WU_OPEN_MAX, the oldest, not kept */
    /* The latest successful scan, download and install; an install of
     * Defender's definitions (KB2267602, several a day) is not counted as
     * one: it says nothing of Windows' own updates. */
    struct wf_wu_ok ok[WF_WU_KINDS];
    size_t events;   /* lines read as events */
    size_t other;    /* non-empty lines that are not */
    bool unreadable; /* not this format: no line is an event, or the file has no byte order mark */
};

/* The fields of one event of ReportingEvents.log, read as wf_wulog_parse reads
 * them (wufix history reads each event with these). */
/* A line's tab-separated fields, at most `max` (the line is cut in place):
 * how many. */
size_t wf_wulog_fields(char *line, char **f, size_t max);
/* Field 2, "2018-01-17 20:13:28:509+0900", as "2018-01-17T20:13:28+09:00". */
bool wf_wulog_when(const char *field, char *out, size_t size);
/* Field 8, the HRESULT in 1 to 8 hex digits without 0x. */
bool wf_wulog_hex(const char *field, uint32_t *out);
/* The KB the message names ("KB" and 6 to 8 digits standing alone), or "". */
void wf_wulog_kb(const char *msg, char *out, size_t size);
/* The update's title the message names, without its final full stop, cut
 * between UTF-8 characters; "" when it names none. */
void wf_wulog_title(const char *msg, char *out, size_t size);

/* Each line of the last `n` bytes of a ReportingEvents.log whose whole
 * length is `total` (n == total: the whole file), as UTF-8 without its line
 * end, to `fn`: `bad` for a line that is not text or longer than wufix reads
 * (a last line without its line end only when it is not). A tail's first
 * line is given only when it is a whole event: it begins with the event's
 * GUID and a tab (a line the tail's start cut never does). False, and no
 * line, when a whole file lacks its byte order mark. `fn` returns false to
 * stop. */
bool wf_wulog_lines(const uint8_t *data, size_t n, uint64_t total,
                    bool (*fn)(char *line, bool bad, void *ctx), void *ctx);

/* The last `n` bytes of the file, whose whole length is `total` (n ==
 * total: the whole file). The tail's first line is read only when it is a
 * whole event (a cut line is skipped). */
void wf_wulog_parse(const uint8_t *data, size_t n, uint64_t total, struct wf_wu_history *h);

/* "scan", "download", "install". */
const char *wf_wu_kind_word(enum wf_wu_kind k);

#endif

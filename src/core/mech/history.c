/* SPDX-License-Identifier: MIT */
/* history.c - every result ReportingEvents.log records, from the current log
 * and the copies reset set aside, newest first.
 *
 * The log's layout is wulog.h's (research/why-updates-fail.md, section 2):
 * UTF-16LE with a byte order mark, a line an event, tab-separated fields,
 * 2 the local time with its offset, 4 "182 [AGENT_INSTALLING_FAILED]", 8 the
 * HRESULT in hex, 12 the message. wulog.c keeps only the last failure of
 * each kind; the history needs every result, successes with their titles. */
#include "wufix/mech/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/svc.h"

#define LINE_MAX 4096u
#define FIELDS   14

const char *wf_wu_result_word(enum wf_wu_result r)
{
    return r == WF_WU_SUCCEEDED ? "succeeded" : r == WF_WU_FAILED ? "failed" : "restart_pending";
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int64_t leaps_before(int y)
{
    return (int64_t)(y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400;
}

/* Days from 1970-01-01 to a date of the Gregorian calendar (year 1970 on). */
static int64_t days_since_1970(int y, int m, int d)
{
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return (int64_t)(y - 1970) * 365 + leaps_before(y) - leaps_before(1970) + before[m - 1] +
           (m > 2 && leap(y)) + d - 1;
}

bool wf_history_instant(const char *f, int64_t *out)
{
    size_t n = strlen(f);
    if (n < 20 || !digits(f, 4) || f[4] != '-' || !digits(f + 5, 2) || f[7] != '-' || !digits(f + 8, 2) ||
        f[10] != 'T' || !digits(f + 11, 2) || f[13] != ':' || !digits(f + 14, 2) || f[16] != ':' ||
        !digits(f + 17, 2))
        return false;
    int mo = num(f + 5, 2), d = num(f + 8, 2), hh = num(f + 11, 2), mm = num(f + 14, 2), ss = num(f + 17, 2);
    if (num(f, 4) < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60)
        return false;
    int64_t off = 0;
    if (f[19] == '+' || f[19] == '-') {
        if (n < 25 || !digits(f + 20, 2) || f[22] != ':' || !digits(f + 23, 2))
            return false;
        off = (int64_t)num(f + 20, 2) * 3600 + (int64_t)num(f + 23, 2) * 60;
        if (f[19] == '-')
            off = -off;
    } else if (f[19] != 'Z') {
        return false;
    }
    *out = days_since_1970(num(f, 4), mo, d) * 86400 + (int64_t)hh * 3600 + (int64_t)mm * 60 + ss - off;
    return true;
}

static wf_err add(struct wf_history *h, const struct wf_wu_event *e)
{
    if (h->n >= WF_HISTORY_EVENTS)
        return WF_OK;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 256;
        struct wf_wu_event *ev = realloc(h->ev, cap * sizeof(*ev));
        if (!ev)
            return WF_E_NOMEM;
        h->ev = ev;
        h->cap = cap;
    }
    h->ev[h->n] = *e;
    h->ev[h->n].seq = (uint32_t)h->n;
    h->n++;
    return WF_OK;
}

/* One line: an event of a result, or nothing. */
static wf_err line_event(char *line, bool set_aside, struct wf_history *h, bool *is_event)
{
    char *f[FIELDS];
    size_t nf = 0;
    for (char *p = line; nf < FIELDS;) {
        f[nf++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    struct wf_wu_event e;
    memset(&e, 0, sizeof(e));
    unsigned long id = 0;
    size_t d = 0;
    while (nf >= 8 && d < 4 && f[3][d] >= '0' && f[3][d] <= '9')
        id = id * 10 + (unsigned long)(f[3][d++] - '0');
    *is_event = nf >= 8 && d && f[3][d] == ' ' && f[3][d + 1] == '[' &&
                wf_wulog_when(f[1], e.when, sizeof(e.when)) && wf_wulog_hex(f[7], &e.hresult) &&
                wf_history_instant(e.when, &e.at);
    if (!*is_event)
        return WF_OK;
    switch (id) {
    case 147: e.kind = WF_WU_SCAN, e.result = WF_WU_SUCCEEDED; break;
    case 148: e.kind = WF_WU_SCAN, e.result = WF_WU_FAILED; break;
    case 162: e.kind = WF_WU_DOWNLOAD, e.result = WF_WU_SUCCEEDED; break;
    case 161: e.kind = WF_WU_DOWNLOAD, e.result = WF_WU_FAILED; break;
    case 183: e.kind = WF_WU_INSTALL, e.result = WF_WU_SUCCEEDED; break;
    case 201: e.kind = WF_WU_INSTALL, e.result = WF_WU_RESTART; break;
    case 182: e.kind = WF_WU_INSTALL, e.result = WF_WU_FAILED; break;
    default: return WF_OK; /* started, and the rest: no result */
    }
    const char *msg = nf >= 12 ? f[11] : "";
    wf_wulog_kb(msg, e.kb, sizeof(e.kb));
    wf_wulog_title(msg, e.title, sizeof(e.title));
    e.set_aside = set_aside;
    return add(h, &e);
}

/* One UTF-16 code point as UTF-8 ('?' for a lone surrogate). */
static size_t put_utf8(char *out, uint32_t c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        out[0] = '?';
        return 1;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3F));
    out[2] = (char)(0x80 | (c >> 6 & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

wf_err wf_history_parse(const uint8_t *data, size_t n, uint64_t total, bool set_aside, struct wf_history *h)
{
    char line[LINE_MAX + 8];
    size_t i = 0, o = 0;
    bool whole = total <= n, skip = !whole, bad = false, any = false, events = false, ev;
    wf_err e = WF_OK;
    h->logs++;
    if (whole) {
        if (n < 2 || data[0] != 0xFF || data[1] != 0xFE) {
            h->unreadable += n > 0;
            return WF_OK;
        }
        i = 2;
    } else if ((total - n) & 1u) {
        i = 1; /* keep to the file's UTF-16 units */
    }
    for (; i + 1 < n && e == WF_OK; i += 2) {
        uint32_t c = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8;
        if (c >= 0xD800 && c <= 0xDBFF && i + 3 < n) {
            uint32_t lo = (uint32_t)data[i + 2] | (uint32_t)data[i + 3] << 8;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (c == '\n') {
            while (o && line[o - 1] == '\r')
                o--;
            line[o] = '\0';
            if (!skip && o && !bad) {
                any = true;
                e = line_event(line, set_aside, h, &ev);
                events |= ev;
            }
            any |= !skip && o;
            skip = bad = false;
            o = 0;
            continue;
        }
        if (c == 0 || o + 4 > LINE_MAX) {
            bad = true; /* not text, or too long: the line is no event */
            continue;
        }
        o += put_utf8(line + o, c);
    }
    if (e == WF_OK && !skip && o && !bad) { /* a last line without its line end */
        line[o] = '\0';
        any = true;
        e = line_event(line, set_aside, h, &ev);
        events |= ev;
    }
    h->unreadable += any && !events;
    return e;
}

static int newest_first(const void *a, const void *b)
{
    const struct wf_wu_event *x = a, *y = b;
    if (x->at != y->at)
        return x->at > y->at ? -1 : 1;
    return x->seq > y->seq ? -1 : x->seq < y->seq ? 1 : 0;
}

void wf_history_sort(struct wf_history *h)
{
    if (h->n > 1)
        qsort(h->ev, h->n, sizeof(h->ev[0]), newest_first);
}

static int name_desc(const void *a, const void *b)
{
    return -strcmp((const char *)a, (const char *)b);
}

/* One log, from its end. */
static wf_err read_log(const struct wf_host *h, const char *path, uint8_t *buf, bool set_aside,
                       struct wf_history *out)
{
    size_t n = 0;
    uint64_t total = 0;
    wf_err e = h->ops->read_tail(h->self, path, buf, WF_WULOG_TAIL, &n, &total);
    if (e == WF_E_NO_SERVICE)
        return WF_OK;
    if (e != WF_OK) {
        out->logs++;
        out->unreadable++;
        return WF_OK;
    }
    return wf_history_parse(buf, n, total, set_aside, out);
}

wf_err wf_history_read(const struct wf_host *h, struct wf_history *out)
{
    char root[WF_TEXT_MAX], path[WF_TEXT_MAX + WF_NAME_MAX + 32];
    char(*names)[WF_NAME_MAX] = NULL;
    size_t n = 0;
    memset(out, 0, sizeof(*out));
    uint8_t *buf = malloc(WF_WULOG_TAIL);
    wf_err e = buf ? h->ops->expand(h->self, "%SystemRoot%", root, sizeof(root)) : WF_E_NOMEM;
    if (e == WF_OK) {
        snprintf(path, sizeof(path), "%s\\SoftwareDistribution\\ReportingEvents.log", root);
        e = read_log(h, path, buf, false, out);
    }
    /* The copies reset set aside: their names end in the time they were
     * set aside (YYYYMMDD-HHMMSS), so the newest sort last. */
    if (e == WF_OK && h->ops->list_folders) {
        enum { LISTED = 256 };
        names = calloc(LISTED, sizeof(*names));
        if (!names)
            e = WF_E_NOMEM;
        else if (h->ops->list_folders(h->self, root, WF_SD_ASIDE_GLOB, names, LISTED, &n) != WF_OK)
            n = 0;
        if (n > 1)
            qsort(names, n, sizeof(names[0]), name_desc);
        for (size_t i = 0; e == WF_OK && i < n && i < WF_HISTORY_COPIES; i++) {
            snprintf(path, sizeof(path), "%s\\%s\\ReportingEvents.log", root, names[i]);
            e = read_log(h, path, buf, true, out);
        }
    }
    free(names);
    free(buf);
    if (e != WF_OK) {
        wf_history_release(out);
        return e;
    }
    wf_history_sort(out);
    return WF_OK;
}

void wf_history_release(struct wf_history *h)
{
    free(h->ev);
    memset(h, 0, sizeof(*h));
}

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

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/svc.h"
#include "wufix/mech/diagnose.h"

#define FIELDS 14

const char *wf_wu_result_word(enum wf_wu_result r)
{
    return r == WF_WU_SUCCEEDED ? "succeeded" : r == WF_WU_FAILED ? "failed" : WF_M(M_RESTART_PENDING);
}

bool wf_history_instant(const char *f, int64_t *out)
{
    return wf_diagnose_epoch(f, out); /* one reader of these instants */
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
    size_t nf = wf_wulog_fields(line, f, FIELDS);
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

struct walk {
    struct wf_history *h;
    bool set_aside, any, events;
    wf_err e;
};

static bool walk_line(char *line, bool bad, void *ctx)
{
    struct walk *w = ctx;
    bool ev = false;
    w->any = true;
    if (!bad)
        w->e = line_event(line, w->set_aside, w->h, &ev);
    w->events |= ev;
    return w->e == WF_OK;
}

wf_err wf_history_parse(const uint8_t *data, size_t n, uint64_t total, bool set_aside, struct wf_history *h)
{
    struct walk w = {.h = h, .set_aside = set_aside, .e = WF_OK};
    h->logs++;
    if (!wf_wulog_lines(data, n, total, walk_line, &w)) {
        h->unreadable += n > 0;
        return WF_OK;
    }
    h->unreadable += w.any && !w.events;
    return w.e;
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
    wf_err e = buf ? h->ops->expand(h->self, WF_M(M_SYSTEMROOT), root, sizeof(root)) : WF_E_NOMEM;
    if (e == WF_OK) {
        snprintf(path, sizeof(path), WF_M(M_S_SOFTWAREDISTRIBUTION_REPORTINGEVENTS_LOG), root);
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
            snprintf(path, sizeof(path), WF_M(M_S_S_REPORTINGEVENTS_LOG), root, names[i]);
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

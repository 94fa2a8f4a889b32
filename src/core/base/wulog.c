/* SPDX-License-Identifier: MIT */
/* wulog.c - the results Windows Update records in ReportingEvents.log.
 *
 * The format (../shared/research/why-updates-fail.md, section 2): Microsoft
 * Japan's WSUS team blog (2018) shows 12 fields, DLEAPP's parser 13 on
 * Windows 10 1709-2004 and Windows 11 22H2; the ids are the agent's
 * AGENT_* events: 147/148 detection finished/failed, 162/161 download
 * succeeded/failed, 183/182 installing succeeded/failed, 201 installing
 * pending (a restart finishes it: not a failure); field 6 the update's ID
 * (zeros for a scan). Still written on Windows 11 25H2 (a 26200.9457 log,
 * ../shared/research/facts-audit-2026.md), where Defender's definitions
 * (KB2267602) and Store apps go through it as ordinary 183/182 events,
 * several a day: a failure is over only when the same update (its ID or
 * its KB) later succeeds, never on another update's success. */
#include "wufix/base/wulog.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/svc.h"

#define LINE_MAX 4096u
#define FIELDS   14

const char *wf_wu_kind_word(enum wf_wu_kind k)
{
    return k == WF_WU_SCAN ? "scan" : k == WF_WU_DOWNLOAD ? "download" : "install";
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "2018-01-17 20:13:28:509+0900" as "2018-01-17T20:13:28+09:00". */
bool wf_wulog_when(const char *f, char *out, size_t size)
{
    size_t n = strlen(f);
    if (n < 28 || !digits(f, 4) || f[4] != '-' || !digits(f + 5, 2) || f[7] != '-' || !digits(f + 8, 2) ||
        f[10] != ' ' || !digits(f + 11, 2) || f[13] != ':' || !digits(f + 14, 2) || f[16] != ':' ||
        !digits(f + 17, 2) || f[19] != ':' || !digits(f + 20, 3) || (f[23] != '+' && f[23] != '-') ||
        !digits(f + 24, 4))
        return false;
    snprintf(out, size, WF_M(M_10ST_8S_C_2S_2S), f, f + 11, f[23], f + 24, f + 26);
    return true;
}

bool wf_wulog_hex(const char *f, uint32_t *out)
{
    uint32_t v = 0;
    size_t n = 0;
    for (; f[n]; n++) {
        char ch = f[n];
        unsigned d = ch >= '0' && ch <= '9'   ? (unsigned)(ch - '0')
                     : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
                     : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
                                              : 16u;
        if (d > 15 || n >= 8)
            return false;
        v = v << 4 | d;
    }
    *out = v;
    return n > 0;
}

/* "KB" and 6 to 8 digits, not inside a longer word or number. */
void wf_wulog_kb(const char *msg, char *out, size_t size)
{
    out[0] = '\0';
    for (const char *p = strstr(msg, "KB"); p; p = strstr(p + 2, "KB")) {
        size_t d = 0;
        while (p[2 + d] >= '0' && p[2 + d] <= '9')
            d++;
        bool alone = p == msg || !((p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= 'a' && p[-1] <= 'z'));
        if (alone && d >= 6 && d <= 8) {
            snprintf(out, size, "KB%.*s", (int)d, p + 2);
            return;
        }
    }
}

/* At most `size` - 1 bytes of `s`, cut on a UTF-8 character's boundary
 * (never a lone lead byte: 60 x U+30A2 must stay valid UTF-8). */
static void copy_cut(char *out, size_t size, const char *s, size_t n)
{
    if (n >= size) {
        n = size - 1;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* s[n] begins the character the cut would split */
    }
    memcpy(out, s, n);
    out[n] = '\0';
}

/* The update's title: "... with error 0x80242015: TITLE." on a failure,
 * "... the following update: TITLE" on a success; without a final full stop. */
void wf_wulog_title(const char *msg, char *out, size_t size)
{
    const char *at = strstr(msg, "error 0x");
    const char *colon = at ? strstr(at, ": ") : NULL;
    if (!colon && (at = strstr(msg, "update: ")) != NULL)
        colon = at + 6;
    out[0] = '\0';
    if (!colon)
        return;
    size_t n = strlen(colon + 2);
    if (n && colon[2 + n - 1] == '.')
        n--;
    copy_cut(out, size, colon + 2, n);
}

/* "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}": a GUID in braces. */
static bool guid(const char *s)
{
    for (size_t i = 0; i < 38; i++) {
        char ch = s[i];
        bool ok = i == 0    ? ch == '{'
                  : i == 37 ? ch == '}'
                  : i == 9 || i == 14 || i == 19 || i == 24
                      ? ch == '-'
                      : (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
        if (!ok)
            return false;
    }
    return true;
}

/* Whether two records name one update: the same ID, or the same KB. */
static bool same_update(const char *id1, const char *kb1, const char *title1, const char *id2,
                        const char *kb2, const char *title2)
{
    if (id1[0] && id2[0] && wf_name_cmp(id1, id2) == 0)
        return true;
    if (kb1[0] || kb2[0])
        return kb1[0] && strcmp(kb1, kb2) == 0;
    if (id1[0] || id2[0])
        return false;
    return strcmp(title1, title2) ==
           0; /* neither ID nor KB: the title, "" for both when the log gives none */
}

/* A success of `k` for the update: its failures of `k` are over (an
 * installed update's downloads too; any scan's for a scan). */
static void succeeded(struct wf_wu_history *h, enum wf_wu_kind k, const char *id, const char *kb,
                      const char *title)
{
    size_t o = 0;
    for (size_t i = 0; i < h->nfail; i++) {
        const struct wf_wu_fail *f = &h->fail[i];
        bool over = f->kind == WF_WU_SCAN ? k == WF_WU_SCAN
                    : f->kind == k || (k == WF_WU_INSTALL && f->kind == WF_WU_DOWNLOAD)
                        ? same_update(f->id, f->kb, f->title, id, kb, title)
                        : false;
        if (!over)
            h->fail[o++] = *f;
    }
    h->nfail = o;
}

static void failed(struct wf_wu_history *h, enum wf_wu_kind k, uint32_t hr, const char *when, const char *id,
                   const char *kb, const char *title)
{
    struct wf_wu_fail *f = NULL;
    for (size_t i = 0; i < h->nfail && !f; i++)
        if (h->fail[i].kind == k &&
            (k == WF_WU_SCAN || same_update(h->fail[i].id, h->fail[i].kb, h->fail[i].title, id, kb, title)))
            f = &h->fail[i];
    if (!f) {
        if (h->nfail == WF_WU_OPEN_MAX) { /* the oldest goes */
            memmove(&h->fail[0], &h->fail[1], sizeof(h->fail[0]) * (WF_WU_OPEN_MAX - 1));
            h->nfail--;
            h->dropped++;
        }
        f = &h->fail[h->nfail++];
        memset(f, 0, sizeof(*f));
        f->kind = k;
        wf_strlcpy(f->since, when, sizeof(f->since));
    }
    f->count++;
    f->hresult = hr;
    wf_strlcpy(f->when, when, sizeof(f->when));
    if (k != WF_WU_SCAN) {
        if (id[0])
            wf_strlcpy(f->id, id, sizeof(f->id));
        if (kb[0])
            wf_strlcpy(f->kb, kb, sizeof(f->kb));
        if (title[0])
            wf_strlcpy(f->title, title, sizeof(f->title));
    }
}

/* Defender's definition updates: one KB for all of them (Microsoft Learn,
 * "Microsoft Defender Antivirus security intelligence and product updates"). */
#define KB_DEFINITIONS "KB2267602"

size_t wf_wulog_fields(char *line, char **f, size_t max)
{
    size_t nf = 0;
    for (char *p = line; nf < max;) {
        f[nf++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return nf;
}

static void event(char *line, struct wf_wu_history *h)
{
    char *f[FIELDS];
    size_t nf = wf_wulog_fields(line, f, FIELDS);
    char when[32];
    uint32_t hr = 0;
    unsigned long id = 0;
    size_t d = 0;
    while (nf >= 8 && d < 4 && f[3][d] >= '0' && f[3][d] <= '9')
        id = id * 10 + (unsigned long)(f[3][d++] - '0');
    if (nf < 8 || !d || f[3][d] != ' ' || f[3][d + 1] != '[' || !wf_wulog_when(f[1], when, sizeof(when)) ||
        !wf_wulog_hex(f[7], &hr)) {
        h->other++;
        return;
    }
    h->events++;
    enum wf_wu_kind k;
    bool bad;
    switch (id) {
    case 147: k = WF_WU_SCAN, bad = false; break;
    case 148: k = WF_WU_SCAN, bad = true; break;
    case 162: k = WF_WU_DOWNLOAD, bad = false; break;
    case 161: k = WF_WU_DOWNLOAD, bad = true; break;
    case 183:
    case 201: k = WF_WU_INSTALL, bad = false; break; /* 201: installed, a restart finishes it */
    case 182: k = WF_WU_INSTALL, bad = true; break;
    default: return; /* started, and the rest: neither */
    }
    char uid[40] = "", kb[16], title[160];
    const char *msg = nf >= 12 ? f[11] : "";
    /* The update's ID; zeros (a scan's) name none. */
    if (guid(f[5]) && f[5][38] == '\0' && strcmp(f[5], WF_M(M_00000000_0000_0000_0000_000000000000)) != 0)
        wf_strlcpy(uid, f[5], sizeof(uid));
    wf_wulog_kb(msg, kb, sizeof(kb));
    wf_wulog_title(msg, title, sizeof(title));
    if (bad) {
        failed(h, k, hr, when, uid, kb, title);
        return;
    }
    succeeded(h, k, uid, kb, title);
    if (k == WF_WU_INSTALL && strcmp(kb, KB_DEFINITIONS) == 0)
        return;
    struct wf_wu_ok *ok = &h->ok[k];
    ok->found = true;
    wf_strlcpy(ok->when, when, sizeof(ok->when));
    wf_strlcpy(ok->kb, k == WF_WU_SCAN ? "" : kb, sizeof(ok->kb));
}

bool wf_wulog_lines(const uint8_t *data, size_t n, uint64_t total,
                    bool (*fn)(char *line, bool bad, void *ctx), void *ctx)
{
    char line[LINE_MAX + 8] = ""; /* zeroed: a field read past its end reads no stale bytes */
    size_t i = 0, o = 0;
    bool whole = total <= n, skip = !whole, longline = false, go = true;
    if (whole) {
        if (n < 2 || data[0] != 0xFF || data[1] != 0xFE)
            return false;
        i = 2;
    } else if ((total - n) & 1u) {
        i = 1; /* keep to the file's UTF-16 units */
    }
    for (; go && i + 1 < n; i += 2) {
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
            /* The tail's first line: only a whole event (it begins with the
             * event's GUID and a tab; a cut line never does: no other field
             * is a GUID followed by a time). */
            if (skip && o && !longline && guid(line) && line[38] == '\t')
                go = fn(line, false, ctx);
            else if (!skip && o)
                go = fn(line, longline, ctx);
            skip = longline = false;
            o = 0;
            continue;
        }
        if (c == 0 || o + 4 > LINE_MAX) {
            longline |= o + 4 > LINE_MAX || c == 0; /* not text: the line is no event */
            continue;
        }
        o += wf_utf8_put(line + o, c);
    }
    if (go && o && !longline) { /* a last line without its line end */
        line[o] = '\0';
        if (!skip || (guid(line) && line[38] == '\t'))
            fn(line, false, ctx);
    }
    return true;
}

struct parse {
    struct wf_wu_history *h;
    bool any; /* a line of any kind */
};

static bool parse_line(char *line, bool bad, void *ctx)
{
    struct parse *p = ctx;
    p->any = true;
    if (bad)
        p->h->other++;
    else
        event(line, p->h);
    return true;
}

void wf_wulog_parse(const uint8_t *data, size_t n, uint64_t total, struct wf_wu_history *h)
{
    struct parse p = {.h = h};
    memset(h, 0, sizeof(*h));
    if (!wf_wulog_lines(data, n, total, parse_line, &p)) {
        h->unreadable = n > 0;
        return;
    }
    h->unreadable = p.any && !h->events;
}

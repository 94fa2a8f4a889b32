/* SPDX-License-Identifier: MIT */
/* wulog.c - the results Windows Update records in ReportingEvents.log.
 *
 * The format (../shared/research/why-updates-fail.md, section 2): Microsoft
 * Japan's WSUS team blog (2018) shows 12 fields, DLEAPP's parser 13 on
 * Windows 10 1709-2004 and Windows 11 22H2; the ids are the agent's
 * AGENT_* events: 147/148 detection finished/failed, 162/161 download
 * succeeded/failed, 183/182 installing succeeded/failed, 201 installing
 * pending (a restart finishes it: not a failure). */
#include "wufix/base/wulog.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/svc.h"

#define LINE_MAX 4096u
#define FIELDS   14

const char *wf_wu_kind_word(enum wf_wu_kind k)
{
    return k == WF_WU_SCAN ? "scan" : k == WF_WU_DOWNLOAD ? "download" : "install";
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

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* "2018-01-17 20:13:28:509+0900" as "2018-01-17T20:13:28+09:00". */
static bool when_of(const char *f, char *out, size_t size)
{
    size_t n = strlen(f);
    if (n < 28 || !digits(f, 4) || f[4] != '-' || !digits(f + 5, 2) || f[7] != '-' || !digits(f + 8, 2) ||
        f[10] != ' ' || !digits(f + 11, 2) || f[13] != ':' || !digits(f + 14, 2) || f[16] != ':' ||
        !digits(f + 17, 2) || f[19] != ':' || !digits(f + 20, 3) || (f[23] != '+' && f[23] != '-') ||
        !digits(f + 24, 4))
        return false;
    snprintf(out, size, "%.10sT%.8s%c%.2s:%.2s", f, f + 11, f[23], f + 24, f + 26);
    return true;
}

static bool hex_of(const char *f, uint32_t *out)
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
static void kb_of(const char *msg, char *out, size_t size)
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

/* "... with error 0x80242015: TITLE." : TITLE, without the final full stop. */
static void title_of(const char *msg, char *out, size_t size)
{
    const char *at = strstr(msg, "error 0x");
    const char *colon = at ? strstr(at, ": ") : NULL;
    out[0] = '\0';
    if (!colon)
        return;
    size_t n = strlen(colon + 2);
    if (n && colon[2 + n - 1] == '.')
        n--;
    snprintf(out, size, "%.*s", (int)(n < size ? n : size - 1), colon + 2);
}

static void event(char *line, struct wf_wu_history *h)
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
    char when[32];
    uint32_t hr = 0;
    unsigned long id = 0;
    size_t d = 0;
    while (nf >= 8 && d < 4 && f[3][d] >= '0' && f[3][d] <= '9')
        id = id * 10 + (unsigned long)(f[3][d++] - '0');
    if (nf < 8 || !d || f[3][d] != ' ' || f[3][d + 1] != '[' || !when_of(f[1], when, sizeof(when)) ||
        !hex_of(f[7], &hr)) {
        h->other++;
        return;
    }
    h->events++;
    enum wf_wu_kind k;
    bool failed;
    switch (id) {
    case 147: k = WF_WU_SCAN, failed = false; break;
    case 148: k = WF_WU_SCAN, failed = true; break;
    case 162: k = WF_WU_DOWNLOAD, failed = false; break;
    case 161: k = WF_WU_DOWNLOAD, failed = true; break;
    case 183:
    case 201: k = WF_WU_INSTALL, failed = false; break;
    case 182: k = WF_WU_INSTALL, failed = true; break;
    default: return; /* started, and the rest: neither */
    }
    struct wf_wu_fail *x = &h->last[k];
    if (!failed) {
        memset(x, 0, sizeof(*x));
        return;
    }
    x->found = true;
    x->hresult = hr;
    wf_strlcpy(x->when, when, sizeof(x->when));
    const char *msg = nf >= 12 ? f[11] : "";
    kb_of(msg, x->kb, sizeof(x->kb));
    title_of(msg, x->title, sizeof(x->title));
}

void wf_wulog_parse(const uint8_t *data, size_t n, uint64_t total, struct wf_wu_history *h)
{
    char line[LINE_MAX + 8];
    memset(h, 0, sizeof(*h));
    size_t i = 0, o = 0;
    bool whole = total <= n, skip = !whole, longline = false, any = false;
    if (whole) {
        if (n < 2 || data[0] != 0xFF || data[1] != 0xFE) {
            h->unreadable = n > 0;
            return;
        }
        i = 2;
    } else if ((total - n) & 1u) {
        i = 1; /* keep to the file's UTF-16 units */
    }
    for (; i + 1 < n; i += 2) {
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
            if (!skip && o) {
                any = true;
                if (longline)
                    h->other++;
                else
                    event(line, h);
            }
            skip = longline = false;
            o = 0;
            continue;
        }
        if (c == 0 || o + 4 > LINE_MAX) {
            longline |= o + 4 > LINE_MAX || c == 0; /* not text: the line is no event */
            continue;
        }
        o += put_utf8(line + o, c);
    }
    if (!skip && o && !longline) { /* a last line without its line end */
        line[o] = '\0';
        any = true;
        event(line, h);
    }
    h->unreadable = any && !h->events;
}

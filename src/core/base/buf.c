/* SPDX-License-Identifier: MIT */
/* buf.c - growable text buffer; JSON escaping; UTF-8 column counting. */
#include "wufix/base/buf.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One UTF-16 code point as UTF-8 ('?' for a lone surrogate). */
size_t wf_utf8_put(char *out, uint32_t c)
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

bool wf_utf16_text(const uint8_t *in, size_t units, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < units; i++) {
        uint32_t c = (uint32_t)in[2 * i] | (uint32_t)in[2 * i + 1] << 8;
        if (c == 0)
            break;
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units) {
            uint32_t lo = (uint32_t)in[2 * i + 2] | (uint32_t)in[2 * i + 3] << 8;
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        if (o + 4 >= size)
            return false;
        o += wf_utf8_put(out + o, c);
    }
    if (!size)
        return false;
    out[o] = '\0';
    return true;
}

void wf_buf_init(struct wf_buf *b)
{
    memset(b, 0, sizeof(*b));
}

void wf_buf_release(struct wf_buf *b)
{
    free(b->data);
    wf_buf_init(b);
}

void wf_buf_clear(struct wf_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool grow(struct wf_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void wf_buf_add(struct wf_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void wf_buf_puts(struct wf_buf *b, const char *s)
{
    wf_buf_add(b, s, strlen(s));
}

void wf_buf_vprintf(struct wf_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    /* va_copy initialised ap2; the analyzer does not model it. */
    int n = vsnprintf(NULL, 0, fmt, ap2); // NOLINT(clang-analyzer-valist.Uninitialized)
    va_end(ap2);
    if (n < 0 || !grow(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void wf_buf_printf(struct wf_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wf_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

size_t wf_utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

const char *wf_when_text(const char *iso, char *out, size_t size)
{
    static const char shape[] = "0000-00-00T00:00";
    size_t n = 0;
    while (n < 16 && iso[n] &&
           (shape[n] == '0' ? iso[n] >= '0' && iso[n] <= '9'
            : n == 10       ? iso[n] == 'T' || iso[n] == ' '
                            : iso[n] == shape[n]))
        n++;
    if (n < 16)
        return wf_text_safe(iso, out, size);
    const char *zone = iso + 16 + strspn(iso + 16, WF_M(M_0123456789));
    snprintf(out, size, WF_M(M_10S_5S_S), iso, iso + 11, *zone == 'Z' ? " UTC" : "");
    return out;
}

void wf_buf_wrap(struct wf_buf *b, const char *text, size_t col, size_t indent, size_t width)
{
    bool first = true;
    for (const char *t = text + strspn(text, " "); *t; t += strspn(t, " ")) {
        size_t n = strcspn(t, " "), w = 0;
        for (size_t i = 0; i < n; i++)
            w += ((unsigned char)t[i] & 0xC0) != 0x80; /* one column per character */
        if (!first && col + 1 + w > width) {
            wf_buf_printf(b, "\n%*s", (int)indent, "");
            col = indent;
        } else if (!first) {
            wf_buf_puts(b, " ");
            col++;
        }
        first = false;
        /* A word wider than what is left of a whole line: cut where it ends. */
        while (col + w > width) {
            size_t k = 0, cols = 0;
            while (k < n && (col + cols < width || !k)) { /* at least one: never stuck */
                k++;
                while (k < n && ((unsigned char)t[k] & 0xC0) == 0x80)
                    k++;
                cols++;
            }
            wf_buf_add(b, t, k);
            wf_buf_printf(b, "\n%*s", (int)indent, "");
            t += k;
            n -= k;
            w -= cols;
            col = indent;
        }
        wf_buf_add(b, t, n);
        col += w;
        t += n;
    }
    wf_buf_puts(b, "\n");
}

void wf_buf_pad(struct wf_buf *b, const char *s, size_t width)
{
    wf_buf_puts(b, s);
    for (size_t w = wf_utf8_width(s); w < width; w++)
        wf_buf_add(b, " ", 1);
}

size_t wf_utf8_char(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    /* RFC 3629 section 4: no overlong forms, no surrogates, nothing above U+10FFFF. */
    unsigned char lo = 0x80, hi = 0xbf;
    size_t len;
    if (*p < 0x80)
        return 1;
    if (*p >= 0xc2 && *p <= 0xdf)
        len = 2;
    else if (*p >= 0xe0 && *p <= 0xef) {
        len = 3;
        lo = *p == 0xe0 ? 0xa0 : 0x80;
        hi = *p == 0xed ? 0x9f : 0xbf;
    } else if (*p >= 0xf0 && *p <= 0xf4) {
        len = 4;
        lo = *p == 0xf0 ? 0x90 : 0x80;
        hi = *p == 0xf4 ? 0x8f : 0xbf;
    } else
        return 0;
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if ((p[k] & 0xc0) != 0x80)
            return 0;
    return len;
}

size_t wf_utf8_cut(const char *s, size_t max)
{
    size_t n = 0;
    while (s[n]) {
        size_t len = wf_utf8_char(s + n);
        if (!len)
            len = 1; /* a stray byte is a character of its own: it is escaped where written */
        if (n + len > max)
            break;
        n += len;
    }
    return n;
}

size_t wf_utf8_copy(char *dst, size_t size, const char *src)
{
    if (!size)
        return 0;
    size_t n = wf_utf8_cut(src, size - 1);
    memmove(dst, src, n);
    dst[n] = '\0';
    return n;
}

void wf_buf_json_str(struct wf_buf *b, const char *s)
{
    wf_buf_add(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t len = wf_utf8_char((const char *)p);
        switch (*p) {
        case '"': wf_buf_add(b, "\\\"", 2); break;
        case '\\': wf_buf_add(b, "\\\\", 2); break;
        case '\n': wf_buf_add(b, "\\n", 2); break;
        case '\r': wf_buf_add(b, "\\r", 2); break;
        case '\t': wf_buf_add(b, "\\t", 2); break;
        default:
            if (*p < 0x20 || *p == 0x7f) /* C0 and DEL */
                wf_buf_printf(b, "\\u%04x", *p);
            else if (*p == 0xc2 && len == 2 && p[1] <= 0x9f) /* C1: U+0080-U+009F */
                wf_buf_printf(b, "\\u%04x", p[1]);
            else if (!len) /* not UTF-8: written as the text output writes it, "\xNN" */
                wf_buf_printf(b, "\\\\x%02x", *p);
            else
                wf_buf_add(b, (const char *)p, len);
        }
        p += len ? len : 1;
    }
    wf_buf_add(b, "\"", 1);
}

void wf_buf_json_kv(struct wf_buf *b, const char *key, const char *s)
{
    wf_buf_puts(b, key);
    if (s)
        wf_buf_json_str(b, s);
    else
        wf_buf_puts(b, "null");
}

void wf_buf_json_kv_or_null(struct wf_buf *b, const char *key, const char *s)
{
    wf_buf_json_kv(b, key, s && s[0] ? s : NULL);
}

/* The next character of `p` as it may be printed: its escape in `esc` (1..7
 * bytes) and how many input bytes it takes. */
static size_t safe_char(const unsigned char *p, char *esc, size_t *n)
{
    size_t len = wf_utf8_char((const char *)p);
    if (*p < 0x20 || *p == 0x7f) {
        snprintf(esc, 8, "\\x%02x", *p);
    } else if (*p == 0xc2 && len == 2 && p[1] <= 0x9f) {
        snprintf(esc, 8, "\\u%04x", p[1]);
    } else if (!len) { /* not UTF-8: a stray byte a terminal might read as a control */
        snprintf(esc, 8, "\\x%02x", *p);
        len = 1;
    } else {
        memcpy(esc, p, len);
        esc[len] = '\0';
    }
    *n = strlen(esc);
    return len;
}

const char *wf_text_safe(const char *in, char *out, size_t size)
{
    size_t o = 0;
    char esc[8];
    if (!size)
        return out;
    for (const unsigned char *p = (const unsigned char *)in; *p;) {
        size_t n, used = safe_char(p, esc, &n);
        if (o + n + 1 > size)
            break;
        memcpy(out + o, esc, n);
        o += n;
        p += used;
    }
    out[o] = '\0';
    return out;
}

void wf_buf_puts_safe(struct wf_buf *b, const char *s)
{
    char esc[8];
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n, used = safe_char(p, esc, &n);
        wf_buf_add(b, esc, n);
        p += used;
    }
}

const char *wf_buf_str(const struct wf_buf *b)
{
    return b->data ? b->data : "";
}

/* SPDX-License-Identifier: MIT */
/* addr.c - a machine's network addresses, compared. */
#include "wufix/base/addr.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

static const uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

bool wf_addrs_add(struct wf_addrs *s, const uint8_t *bytes, size_t len)
{
    struct wf_addr a;
    memset(&a, 0, sizeof(a));
    if (len == 16 && memcmp(bytes, mapped, sizeof(mapped)) == 0) {
        bytes += 12;
        len = 4;
    }
    if (len != 4 && len != 16)
        return false;
    a.len = (uint8_t)len;
    memcpy(a.b, bytes, len);
    for (size_t i = 0; i < s->n; i++)
        if (s->a[i].len == a.len && memcmp(s->a[i].b, a.b, a.len) == 0)
            return true;
    if (s->n >= WF_ADDRS_MAX)
        return false;
    s->a[s->n++] = a;
    return true;
}

bool wf_addr_parse4(const char *text, struct wf_addr *a)
{
    const char *p = text;
    memset(a, 0, sizeof(*a));
    for (int part = 0; part < 4; part++) {
        unsigned v = 0;
        const char *start = p;
        while (*p >= '0' && *p <= '9' && p - start < 3)
            v = v * 10u + (unsigned)(*p++ - '0');
        if (p == start || v > 255 || (p - start > 1 && *start == '0'))
            return false;
        a->b[part] = (uint8_t)v;
        if (part < 3 && *p++ != '.')
            return false;
    }
    if (*p)
        return false;
    a->len = 4;
    return true;
}

static int hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

bool wf_addr_parse(const char *text, size_t n, struct wf_addr *a)
{
    char s[48];
    uint8_t b[16];
    size_t at = 0, i = 0;
    int gap = -1;
    if (n >= sizeof(s))
        return false;
    memcpy(s, text, n);
    s[n] = '\0';
    if (!memchr(s, ':', n))
        return wf_addr_parse4(s, a);
    memset(a, 0, sizeof(*a));
    if (s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    } else if (s[0] == ':') {
        return false;
    }
    while (s[i]) {
        size_t k = 0;
        unsigned v = 0;
        if (at + 4 <= 16 && strchr(s + i, '.') && !strchr(s + i, ':')) {
            struct wf_addr t;
            if (!wf_addr_parse4(s + i, &t))
                return false;
            memcpy(b + at, t.b, 4);
            at += 4;
            break;
        }
        for (; k < 4 && hex(s[i + k]) >= 0; k++)
            v = v << 4 | (unsigned)hex(s[i + k]);
        if (!k || at + 2 > 16)
            return false;
        b[at++] = (uint8_t)(v >> 8);
        b[at++] = (uint8_t)v;
        i += k;
        if (s[i] == ':' && s[i + 1] == ':' && gap < 0) {
            gap = (int)at;
            i += 2;
        } else if (s[i] == ':' && s[i + 1]) {
            i++;
        } else if (s[i]) {
            return false;
        }
    }
    if (gap < 0 ? at != 16 : at > 14)
        return false;
    memset(a->b, 0, 16);
    if (gap < 0)
        gap = (int)at;
    memcpy(a->b, b, (size_t)gap);
    memcpy(a->b + 16 - (at - (size_t)gap), b + gap, at - (size_t)gap);
    a->len = 16;
    return true;
}

bool wf_addr_is_loopback(const struct wf_addr *a)
{
    static const uint8_t v4[4] = {127, 0, 0, 1};
    static const uint8_t v6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return (a->len == 4 && memcmp(a->b, v4, 4) == 0) || (a->len == 16 && memcmp(a->b, v6, 16) == 0);
}

bool wf_addr_is_unspecified(const struct wf_addr *a)
{
    uint8_t any = 0;
    for (size_t i = 0; i < a->len && i < sizeof(a->b); i++)
        any |= a->b[i];
    return a->len && !any;
}

bool wf_addrs_meet(const struct wf_addrs *x, const struct wf_addrs *y, struct wf_addr *same)
{
    for (size_t i = 0; i < x->n; i++)
        for (size_t j = 0; j < y->n; j++)
            if (x->a[i].len == y->a[j].len && memcmp(x->a[i].b, y->a[j].b, x->a[i].len) == 0) {
                if (same)
                    *same = x->a[i];
                return true;
            }
    return false;
}

void wf_addr_text(const struct wf_addr *a, char *buf, size_t size)
{
    if (!size)
        return;
    buf[0] = '\0';
    if (a->len == 4) {
        snprintf(buf, size, WF_M(M_U_U_U_U), a->b[0], a->b[1], a->b[2], a->b[3]);
        return;
    }
    if (a->len != 16)
        return;
    unsigned g[8];
    int best = -1, best_n = 1; /* a single zero group stays "0" */
    for (size_t i = 0; i < 8; i++)
        g[i] = (unsigned)a->b[2 * i] << 8 | a->b[2 * i + 1];
    for (int i = 0; i < 8;) {
        int n = 0;
        while (i + n < 8 && g[i + n] == 0)
            n++;
        if (n > best_n) {
            best = i;
            best_n = n;
        }
        i += n ? n : 1;
    }
    size_t at = 0;
    for (int i = 0; i < 8 && at < size; i++) {
        if (i == best) {
            at += (size_t)snprintf(buf + at, size - at, "::");
            i += best_n - 1;
            continue;
        }
        at += (size_t)snprintf(buf + at, size - at, "%s%x", i && i != best + best_n ? ":" : "", g[i]);
    }
}

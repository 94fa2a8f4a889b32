/* SPDX-License-Identifier: MIT */
/* aside.c - the caches reset renames aside, and putting them back.
 *
 * What is set aside follows Microsoft's documented reset procedure: the
 * SoftwareDistribution folder (Windows Update's download cache and database),
 * catroot2 (the catalog database CryptSvc keeps) and BITS' queue files
 * qmgr*.dat. Renamed on their volume, never copied, never deleted; the name
 * says who did it and when, so an admin can find and delete it later. */
#include "wufix/mech/aside.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/buf.h"

static const struct wf_cache caches[] = {
    {"%SystemRoot%\\SoftwareDistribution", NULL, "wuauserv, UsoSvc, BITS, DoSvc"},
    {"%SystemRoot%\\System32\\catroot2", NULL, "CryptSvc"},
    {"%ALLUSERSPROFILE%\\Microsoft\\Network\\Downloader", "qmgr*.dat", "BITS"},
};

const struct wf_cache *wf_aside_caches(size_t *n)
{
    *n = sizeof(caches) / sizeof(caches[0]);
    return caches;
}

void wf_aside_stamp(const char *iso, char *out, size_t size)
{
    char d[16];
    size_t n = 0;
    for (const char *s = iso; *s && n < 14; s++)
        if (*s >= '0' && *s <= '9')
            d[n++] = *s;
    while (n < 14)
        d[n++] = '0';
    snprintf(out, size, "%.8s-%.6s", d, d + 8);
}

void wf_aside_size_words(uint64_t bytes, char *out, size_t size)
{
    static const char *const units[] = {"KB", "MB", "GB", "TB"};
    if (bytes < 1024) {
        snprintf(out, size, WF_M(M_LLU_BYTE_S), (unsigned long long)bytes, bytes == 1 ? "" : "s");
        return;
    }
    double v = (double)bytes / 1024.0;
    size_t u = 0;
    while (v >= 1024.0 && u + 1 < sizeof(units) / sizeof(units[0])) {
        v /= 1024.0;
        u++;
    }
    snprintf(out, size, v < 10.0 ? "%.1f %s" : "%.0f %s", v, units[u]);
}

/* `base` itself if free, else base-2, base-3, ... */
static wf_err free_name(const struct wf_host *h, const char *base, char *out, size_t size)
{
    for (unsigned k = 1; k < 100; k++) {
        int n = k == 1 ? snprintf(out, size, "%s", base) : snprintf(out, size, "%s-%u", base, k);
        if (n < 0 || (size_t)n >= size)
            return WF_E_LIMIT;
        if (h->ops->path_exists(h->self, out) != WF_OK)
            return WF_OK;
    }
    return WF_E_LIMIT;
}

static wf_err add(const struct wf_host *h, const char *from, const char *stamp, struct wf_repair *out)
{
    char base[WF_TEXT_MAX + 32];
    struct wf_fix *f;
    if (out->n >= WF_FIXES_MAX)
        return WF_E_LIMIT;
    f = &out->fix[out->n];
    memset(f, 0, sizeof(*f));
    f->kind = WF_FIX_RENAME;
    snprintf(base, sizeof(base), WF_M(M_S_WUFIX_S), from, stamp);
    wf_err e = free_name(h, base, f->will.str, sizeof(f->will.str));
    if (e != WF_OK)
        return e;
    wf_strlcpy(f->was.str, from, sizeof(f->was.str));
    f->was.type = f->will.type = WF_REG_SZ;
    if (h->ops->tree_size(h->self, from, &f->bytes, &f->files) != WF_OK)
        f->bytes = f->files = 0; /* unknown size: still set aside */
    out->n++;
    return WF_OK;
}

wf_err wf_aside_plan(const struct wf_host *h, const char *stamp, struct wf_repair *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < sizeof(caches) / sizeof(caches[0]); i++) {
        char dir[WF_TEXT_MAX], path[WF_TEXT_MAX + WF_NAME_MAX + 1];
        wf_err e = h->ops->expand(h->self, caches[i].path, dir, sizeof(dir));
        if (e != WF_OK)
            return e;
        if (h->ops->path_exists(h->self, dir) != WF_OK)
            continue;
        if (!caches[i].pattern) {
            e = add(h, dir, stamp, out);
        } else {
            char names[8][WF_NAME_MAX];
            size_t n = 0;
            e = h->ops->list(h->self, dir, caches[i].pattern, names, 8, &n);
            for (size_t k = 0; k < n && e == WF_OK; k++) {
                snprintf(path, sizeof(path), "%s\\%s", dir, names[k]);
                e = add(h, path, stamp, out);
            }
        }
        if (e != WF_OK)
            return e;
    }
    return WF_OK;
}

wf_err wf_aside_move(const struct wf_host *h, const char *from, const char *to)
{
    uint32_t pause = 250;
    wf_err e = WF_OK;
    for (unsigned t = 1; t <= WF_ASIDE_TRIES; t++) {
        e = h->ops->rename(h->self, from, to);
        if (e != WF_E_IN_USE && e != WF_E_ACCESS)
            return e;
        if (t < WF_ASIDE_TRIES) {
            h->ops->sleep_ms(h->self, pause);
            pause *= 2;
        }
    }
    return e;
}

wf_err wf_aside_back(const struct wf_host *h, const struct wf_fix *f, bool surely_moved)
{
    if (h->ops->path_exists(h->self, f->will.str) != WF_OK)
        return !surely_moved && h->ops->path_exists(h->self, f->was.str) == WF_OK ? WF_OK : WF_E_GONE;
    if (h->ops->path_exists(h->self, f->was.str) == WF_OK) {
        char base[WF_TEXT_MAX + 16], moved[WF_TEXT_MAX];
        /* A path longer than wufix's paths (a journal's is checked) is never cut into another. */
        wf_err e = (size_t)snprintf(base, sizeof(base), WF_M(M_S_RECREATED), f->will.str) < sizeof(base)
                       ? free_name(h, base, moved, sizeof(moved))
                       : WF_E_LIMIT;
        if (e == WF_OK)
            e = wf_aside_move(h, f->was.str, moved);
        if (e != WF_OK)
            return e;
    }
    return wf_aside_move(h, f->will.str, f->was.str);
}

void wf_aside_holders(const struct wf_host *h, const char *path, const char *service, char *out, size_t size)
{
    struct wf_holder who[4];
    size_t n = 0, len = 0;
    out[0] = '\0';
    if (!h->ops->holders || h->ops->holders(h->self, path, service, who, 4, &n) != WF_OK)
        return;
    for (size_t i = 0; i < n && len + 1 < size; i++) {
        char image[WF_NAME_MAX], name[WF_NAME_MAX];
        wf_text_safe(who[i].image[0] ? who[i].image : "a process", image, sizeof(image));
        wf_text_safe(who[i].name, name, sizeof(name));
        snprintf(out + len, size - len, WF_M(M_S_S_PID_U_S), i ? ", " : "held by ", image,
                 (unsigned)who[i].pid, name[0] ? ", " : "", name);
        len = strlen(out);
    }
}

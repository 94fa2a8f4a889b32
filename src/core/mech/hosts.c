/* SPDX-License-Identifier: MIT */
/* hosts.c - the hosts file's lines that send Windows Update's servers elsewhere.
 *
 * Where: HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters\DataBasePath
 * (REG_EXPAND_SZ, %SystemRoot%\System32\drivers\etc when absent; Microsoft Learn,
 * "TCP/IP and NetBT configuration parameters", DataBasePath), a folder only
 * administrators can name; the file in it is read whole, or not at all.
 * What a line is: the address first, then the names, separated by spaces or
 * tabs; '#' begins a comment (the comments of the file Windows ships). The
 * resolver reads a file in ANSI or UTF-8 (Server Fault 452268, "Hosts file
 * ignored, how to troubleshoot": "ANSI or UTF-8 without BOM"): the bytes are
 * read as they are, a UTF-8 byte order mark skipped (a line after one is still
 * reported), and a UTF-16 file, which it does not read, is not judged.
 * Which names: Windows Update's servers as Microsoft lists them - Learn,
 * "Step 2: Configure WSUS", 2.1.1 (windowsupdate.microsoft.com,
 * *.update.microsoft.com, *.windowsupdate.com (ctldl.windowsupdate.com, which
 * serves the certificate trust lists, among them), download.microsoft.com,
 * wustat.windows.com, ntservicepack.microsoft.com, dl.delivery.mp.microsoft.com);
 * Learn, "Manage connection endpoints for Windows 11 Enterprise", Windows
 * Update (*.delivery.mp.microsoft.com, *.prod.do.dsp.mp.microsoft.com,
 * tsfe.trafficshaping.dsp.mp.microsoft.com, adl.windows.com, emdl.ws.microsoft.com)
 * and Delivery Optimization (*.do.dsp.mp.microsoft.com). go.microsoft.com,
 * on the WSUS list, is every Microsoft link's redirector: a line for it is
 * not Windows Update's and is left alone.
 * Repair comments such lines out (WF_HOSTS_MARK before each), every other
 * byte as it was; the file as it was is first copied aside beside it. */
#include "wufix/mech/hosts.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/sha256.h"
#include "wufix/mech/aside.h"

#define MARK_LEN (sizeof(WF_HOSTS_MARK) - 1)

static const char *const update_hosts[] = {
    "windowsupdate.com",         "update.microsoft.com",        "windowsupdate.microsoft.com",
    "delivery.mp.microsoft.com", "do.dsp.mp.microsoft.com",     "tsfe.trafficshaping.dsp.mp.microsoft.com",
    "adl.windows.com",           "emdl.ws.microsoft.com",       "download.microsoft.com",
    "wustat.windows.com",        "ntservicepack.microsoft.com",
};

static bool space(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* One of the names, or a name under one. */
static bool update_host(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < sizeof(update_hosts) / sizeof(update_hosts[0]); i++) {
        size_t k = strlen(update_hosts[i]);
        if (n >= k && (n == k || s[n - k - 1] == '.')) {
            size_t j = 0;
            for (; j < k; j++) {
                uint8_t c = s[n - k + j];
                if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (uint8_t)update_hosts[i][j])
                    break;
            }
            if (j == k)
                return true;
        }
    }
    return false;
}

/* A line (without its line break) with an address first and one of the names after it. */
static bool blocks(const uint8_t *s, size_t n)
{
    size_t i = 0, tokens = 0;
    for (;;) {
        while (i < n && space(s[i]))
            i++;
        size_t a = i;
        bool addr = true, sep = false;
        for (; i < n && !space(s[i]) && s[i] != '#'; i++) {
            uint8_t c = s[i];
            sep |= c == '.' || c == ':';
            addr &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' ||
                    c == ':' || c == '%';
        }
        if (i == a)
            return false; /* the end, or a comment */
        if (tokens++ == 0) {
            if (!addr || !sep)
                return false;
        } else if (update_host(s + a, i - a)) {
            return true;
        }
    }
}

size_t wf_hosts_scan(const uint8_t *t, size_t n, size_t *first, size_t *first_len, uint8_t *out,
                     size_t *out_n)
{
    size_t count = 0, o = 0, at = 0;
    *first = *first_len = 0;
    if (n >= 2 && ((t[0] == 0xFF && t[1] == 0xFE) || (t[0] == 0xFE && t[1] == 0xFF)))
        at = n; /* UTF-16: not read by the resolver, not judged */
    else if (n >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF)
        at = 3;
    if (out)
        memcpy(out, t, at);
    o = at;
    while (at < n) {
        const uint8_t *nl = memchr(t + at, '\n', n - at);
        size_t end = nl ? (size_t)(nl - t) : n, next = nl ? end + 1 : n;
        if (blocks(t + at, end - at)) {
            if (!count++) {
                *first = at;
                *first_len = end - at;
            }
            if (out)
                memcpy(out + o, WF_HOSTS_MARK, MARK_LEN);
            o += MARK_LEN;
        }
        if (out)
            memcpy(out + o, t + at, next - at);
        o += next - at;
        at = next;
    }
    *out_n = o;
    return count;
}

wf_err wf_hosts_path(const struct wf_host *h, char *out, size_t size)
{
    struct wf_reg v;
    char dir[WF_TEXT_MAX];
    if (h->ops->reg_read(h->self, WF_M(M_KEY_TCPIP_PARAMETERS), WF_M(M_DATABASEPATH), &v) != WF_OK ||
        (v.type != WF_REG_SZ && v.type != WF_REG_EXPAND_SZ) || !v.str[0])
        wf_strlcpy(v.str, WF_M(M_SYSTEMROOT_SYSTEM32_DRIVERS_ETC), sizeof(v.str));
    if (h->ops->expand(h->self, v.str, dir, sizeof(dir)) != WF_OK || strlen(dir) < 3 || dir[1] != ':' ||
        dir[2] != '\\')
        return WF_E_BAD_DATA; /* only a whole path: never one relative to where wufix runs */
    size_t k = strlen(dir);
    while (k > 3 && dir[k - 1] == '\\')
        dir[--k] = '\0';
    return wf_strlcpy(out, dir, size) && k + 7 < size ? (memcpy(out + k, "\\hosts", 7), WF_OK) : WF_E_LIMIT;
}

/* A file whole (on the heap), never a part of it: read once into 64 KB, or
 * again into its size when larger (a file still growing is not read). */
static wf_err load(const struct wf_host *h, const char *path, uint8_t **t, size_t *n)
{
    uint64_t total = 0;
    size_t cap = (size_t)1 << 16;
    wf_err e = WF_E_LIMIT;
    for (int i = 0; i < 2 && e == WF_E_LIMIT; i++) {
        *t = malloc(cap + 1);
        e = *t ? h->ops->read_tail(h->self, path, *t, cap + 1, n, &total) : WF_E_NOMEM;
        if (e == WF_OK && (*n > cap || total != *n))
            e = WF_E_LIMIT;
        if (e != WF_OK) {
            free(*t);
            *t = NULL;
        }
        if (total > WF_HOSTS_MAX)
            break;
        cap = (size_t)total;
    }
    return e;
}

/* The text with its lines commented out (on the heap). */
static uint8_t *commented(const uint8_t *t, size_t n, size_t *count, size_t *out_n)
{
    size_t first, len;
    *count = wf_hosts_scan(t, n, &first, &len, NULL, out_n);
    uint8_t *o = malloc(*out_n + 1);
    if (o)
        wf_hosts_scan(t, n, &first, &len, o, out_n);
    return o;
}

void wf_hosts_check(const struct wf_host *h, struct wf_check *c)
{
    char path[WF_TEXT_MAX], found[WF_TEXT_MAX];
    uint8_t *t;
    size_t n, first, len, on;
    if (h->no_registry || h->no_files || wf_hosts_path(h, path, sizeof(path)) != WF_OK)
        return;
    wf_err e = load(h, path, &t, &n);
    if (e != WF_OK) {
        snprintf(found, sizeof(found), WF_M(M_700S_S), path,
                 e == WF_E_LIMIT ? WF_M(M_OVER_16_MIB) : wf_err_token(e));
        if (e != WF_E_NO_SERVICE)
            wf_check_add(c, "", WF_M(M_HOSTS_UNREADABLE), WF_SEV_WARNING, false, found,
                         WF_M(M_A_FILE_WUFIX_READS_WHOLE));
        return;
    }
    size_t count = wf_hosts_scan(t, n, &first, &len, NULL, &on);
    if (count) {
        /* The line as it is, what is not printable ASCII as '?'. */
        int k = snprintf(found, sizeof(found), "%.700s: \"", path);
        while (len && t[first + len - 1] == '\r')
            len--;
        for (size_t i = 0; i < len && i < 200 && k > 0; i++) {
            uint8_t ch = t[first + i];
            found[k++] = (char)(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        if (k > 0)
            snprintf(found + k, sizeof(found) - (size_t)k, count > 1 ? WF_M(M_AND_U_MORE_LINES) : "\"",
                     (unsigned)(count - 1));
        struct wf_problem *pr = wf_check_add(c, "", WF_M(M_HOSTS_BLOCKS_UPDATE), WF_SEV_ERROR, true, found,
                                             WF_M(M_NO_LINE_FOR_WINDOWS_UPDATE));
        if (pr)
            pr->remedy = WF_M(M_WUFIX_REPAIR_COMMENTS_THOSE_LINES);
    }
    free(t);
}

wf_err wf_hosts_plan(const struct wf_host *h, struct wf_fix *f)
{
    uint8_t *t = NULL, *o = NULL;
    size_t n, on, count = 0;
    char now[32], stamp[24];
    memset(f, 0, sizeof(*f));
    f->kind = WF_FIX_HOSTS;
    f->was.type = f->will.type = WF_REG_SZ;
    wf_err e = wf_hosts_path(h, f->was.str, sizeof(f->was.str));
    if (e == WF_OK)
        e = load(h, f->was.str, &t, &n);
    if (e != WF_OK)
        return e;
    o = commented(t, n, &count, &on);
    e = !o ? WF_E_NOMEM : !count ? WF_E_NO_SERVICE : WF_E_LIMIT;
    if (e == WF_E_LIMIT) {
        wf_sha256_of(t, n, f->key);
        wf_sha256_of(o, on, f->value);
        f->bytes = n;
        f->files = count;
        h->ops->utc_now(h->self, now, sizeof(now));
        wf_aside_stamp(now, stamp, sizeof(stamp));
        /* A name not taken: .wufix-STAMP, else -2 ... -9, as reset names them. */
        for (unsigned k = 1; k < 10 && e != WF_OK; k++) {
            int m = snprintf(f->will.str, sizeof(f->will.str) - 3, WF_M(M_S_WUFIX_S), f->was.str, stamp);
            if (k > 1 && m > 0)
                snprintf(f->will.str + m, 3, "-%u", k);
            if (h->ops->path_exists(h->self, f->will.str) != WF_OK)
                e = WF_OK;
        }
    }
    free(t);
    free(o);
    return e;
}

/* The content to write: the file with its lines commented out (its copy
 * set aside first when there is none), or else the copy set aside. */
static wf_err go(const struct wf_host *h, const struct wf_fix *f, bool back, bool write, char *why,
                 size_t size)
{
    const char *from = back ? f->value : f->key, *to = back ? f->key : f->value, *say = NULL;
    char hex[WF_SHA256_HEX], chex[WF_SHA256_HEX] = "";
    uint8_t *t = NULL, *c = NULL, *o = NULL;
    size_t n, cn = 0, on = 0, count;
    wf_err e = load(h, f->was.str, &t, &n), ce = WF_E_NO_SERVICE;
    if (e != WF_OK) {
        say = WF_M(M_CANNOT_BE_READ);
    } else if (wf_sha256_of(t, n, hex), strcmp(hex, to) != 0) {
        if (strcmp(hex, from) != 0)
            say = WF_M(M_CHANGED_SINCE_WUFIX_WROTE_IT);
        else if (!(o = commented(t, n, &count, &on)))
            say = WF_M(M_CANNOT_BE_READ);
        else if ((ce = load(h, f->will.str, &c, &cn)) == WF_OK)
            wf_sha256_of(c, cn, chex);
        if (!say && (wf_sha256_of(o, on, hex), strcmp(hex, to) == 0)) {
            if (ce != WF_E_NO_SERVICE && strcmp(chex, from) != 0)
                say = WF_M(M_HAS_A_COPY_SET_ASIDE);
            else if (write &&
                     (ce != WF_E_NO_SERVICE ||
                      (e = h->ops->write_file(h->self, f->will.str, t, n, true)) == WF_OK) &&
                     (e = h->ops->write_file(h->self, f->was.str, o, on, false)) != WF_OK)
                h->ops->write_file(h->self, f->was.str, t, n, false); /* as it was */
        } else if (!say && strcmp(chex, to) == 0) {
            if (write)
                e = h->ops->write_file(h->self, f->was.str, c, cn, false);
        } else if (!say) {
            say = WF_M(M_HAS_NO_COPY_OF_ITS);
        }
        if (say)
            e = WF_E_GONE;
    }
    if (say && why)
        snprintf(why, size, WF_M(M_THE_HOSTS_FILE_700S_S), f->was.str, say);
    free(t);
    free(c);
    free(o);
    return e;
}

wf_err wf_hosts_set(const struct wf_host *h, const struct wf_fix *f, bool back, char *why, size_t size)
{
    return go(h, f, back, true, why, size);
}

wf_err wf_hosts_ready(const struct wf_host *h, const struct wf_fix *f, char *why, size_t size)
{
    return go(h, f, false, false, why, size);
}

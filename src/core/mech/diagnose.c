/* SPDX-License-Identifier: MIT */
/* diagnose.c - why Windows Update failed (SPEC 5a).
 *
 * Evidence a program can read (../shared/research/why-updates-fail.md):
 *   - %windir%\SoftwareDistribution\ReportingEvents.log: each update's
 *     failures that no later success of the same update followed (how many,
 *     since when), a scan's until a later good scan; the latest successful
 *     scan and install;
 *   - the update source: a WSUS server (UseWUServer=1 and WUServer, as
 *     Microsoft's "Configure Windows Update client" settings page names
 *     them) and the WinHTTP proxy (WinHttpSettings, its layout as Wine's
 *     winhttp and Microsoft's netsh write it), each probed within a short
 *     deadline; Microsoft's own endpoints only when the last failure is of
 *     the network class (Microsoft Learn, "Connection endpoints for Windows
 *     10 Enterprise": *.delivery.mp.microsoft.com over HTTPS,
 *     *.windowsupdate.com over HTTP), so an offline machine that is healthy
 *     is never called broken;
 *   - updates paused (UX\Settings, an expiry in the future; pause.c: one
 *     Settings cannot make is a warning);
 *   - why a feature update is held back (holds.c): a safeguard hold, a
 *     policy pinning or deferring it, SetupDiag's last result.
 * A probe from this machine says nothing of another one: there, the source
 * is not probed, and that is said. */
#include "wufix/mech/diagnose.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/hresult.h"
#include "wufix/base/wulog.h"
#include "wufix/mech/holds.h"
#include "wufix/mech/machine.h"
#include "wufix/mech/pause.h"
#include "wufix/mech/traces.h"

static int64_t num(const char *s, size_t n);

static const char *const fail_code[WF_WU_KINDS] = {"last_scan_failed", "last_download_failed",
                                                   "last_install_failed"};

static const struct {
    const char *host;
    unsigned port;
} endpoints[] = {{"fe3.delivery.mp.microsoft.com", 443}, {"download.windowsupdate.com", 80}};

static bool host_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
           ch == '-' || ch == '_';
}

static bool space(char ch)
{
    return ch == ' ' || ch == '\t';
}

static char lower(char ch)
{
    return (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
}

/* `p` starts with `word`, whatever the case of its letters. */
static bool starts_nocase(const char *p, const char *word)
{
    for (; *word; p++, word++) {
        if (lower(*p) != *word)
            return false;
    }
    return true;
}

/* As WinHTTP and the Windows Update agent read the URL (RFC 3986 section 3):
 * the scheme in any case; spaces around it; a user name ("user@") before the
 * host; a port of any number of digits ("008530" is 8530); a path, a query
 * ("?") or a fragment ("#") after it. */
bool wf_diagnose_url(const char *url, char *host, size_t size, unsigned *port)
{
    const char *p = url;
    while (space(*p))
        p++;
    size_t len = strlen(p);
    while (len && space(p[len - 1]))
        len--;
    const char *stop = p + len;
    *port = 80;
    if (starts_nocase(p, "http://")) {
        p += 7;
    } else if (starts_nocase(p, "https://")) {
        p += 8;
        *port = 443;
    } else {
        const char *sep = strstr(p, "://");
        if (sep && sep < stop)
            return false;
    }
    /* The authority ends at the path, the query or the fragment. */
    const char *auth_end = p;
    while (auth_end < stop && *auth_end != '/' && *auth_end != '?' && *auth_end != '#')
        auth_end++;
    for (const char *at = auth_end; at > p; at--)
        if (at[-1] == '@') { /* user information: not the host */
            p = at;
            break;
        }
    size_t n = 0;
    if (*p == '[') {
        p++;
        while (p + n < auth_end && p[n] != ']')
            if (!strchr(WF_M(M_0123456789ABCDEFABCDEF), p[n++]))
                return false;
        if (p + n >= auth_end || p[n] != ']' || !n || n >= size)
            return false;
        memcpy(host, p, n);
        p += n + 1;
    } else {
        while (p + n < auth_end && host_char(p[n]))
            n++;
        if (!n || n >= size || n > 253)
            return false;
        memcpy(host, p, n);
        p += n;
    }
    host[n] = '\0';
    if (p < auth_end && *p == ':') {
        unsigned long v = 0;
        size_t d = 0;
        for (p++; p + d < auth_end && p[d] >= '0' && p[d] <= '9'; d++)
            if ((v = v * 10 + (unsigned long)(p[d] - '0')) > 65535)
                return false;
        if (d && !v)
            return false;
        if (d) /* "wsus:" is the scheme's port */
            *port = (unsigned)v;
        p += d;
    }
    return p == auth_end;
}

static uint32_t le32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

bool wf_diagnose_proxy(const uint8_t *b, size_t n, char *host, size_t size, unsigned *port)
{
    char list[512], pick[512] = "";
    if (n < 16 || !(le32(b + 8) & 2u))
        return false;
    uint32_t len = le32(b + 12);
    if (!len || len > n - 16 || len >= sizeof(list))
        return false;
    for (uint32_t i = 0; i < len; i++) {
        if (b[16 + i] < 0x20 || b[16 + i] > 0x7E)
            return false;
        list[i] = (char)b[16 + i];
    }
    list[len] = '\0';
    /* Entries "([<scheme>=][<scheme>"://"]<server>[":"<port>])" separated by
     * semicolons or whitespace (Microsoft Learn, WINHTTP_PROXY_INFO): the one
     * for https (Windows Update's scans), else http, else one for all. An
     * empty entry ("https=", or nothing between two ';') names no proxy and
     * is passed over; the scheme is read in any case. */
    int best = 0;
    for (char *tok = list; *tok;) {
        size_t t = strcspn(tok, "; \t");
        char one[512];
        snprintf(one, sizeof(one), "%.*s", (int)t, tok);
        tok += t + (tok[t] != '\0');
        char *eq = strchr(one, '=');
        const char *server = eq ? eq + 1 : one;
        int rank = !eq                                             ? 1
                   : eq - one == 5 && starts_nocase(one, "https=") ? 3
                   : eq - one == 4 && starts_nocase(one, "http=")  ? 2
                                                                   : 0;
        if (!server[0] || rank <= best)
            continue;
        best = rank;
        wf_strlcpy(pick, server, sizeof(pick));
    }
    if (!best)
        return false;
    if (starts_nocase(pick, "https://"))
        memmove(pick + 4, pick + 5,
                strlen(pick + 5) + 1); /* "http://": a proxy's port defaults to 80 either way */
    if (!strstr(pick, "://")) {
        char url[520];
        snprintf(url, sizeof(url), "http://%s", pick);
        return wf_diagnose_url(url, host, size, port);
    }
    return wf_diagnose_url(pick, host, size, port);
}

bool wf_diagnose_needs_reset(const struct wf_problem *pr)
{
    const struct wf_hr *r = pr->has_hresult ? wf_hr_find(pr->hresult) : NULL;
    return r && r->cls == WF_HRC_CACHE;
}

/* From this many failures of one update, another reset does not help. */
#define WF_FAILS_REPEATED 3

/* What to do when one update keeps failing: the component store first, then
 * an in-place repair. "Fix problems using Windows Update" (Settings > System
 * > Recovery) exists only on newer Windows 11 builds, and public sources
 * disagree which (../shared/research/what-users-ask.md, item 7): it is named
 * where Settings offers it, with install media as the way everywhere: the
 * words are M_REPEATED_RESET_REMEDY (messages.inc). */

/* One update's failures, not followed by its success, as a problem. */
static void failure(struct wf_check *c, const struct wf_wu_fail *f)
{
    const struct wf_hr *r = wf_hr_find(f->hresult);
    char found[WF_TEXT_MAX], expected[64], what[96];
    if (r)
        wf_strlcpy(what, wf_hr_name(r), sizeof(what));
    else
        wf_hr_facility(f->hresult, what, sizeof(what));
    snprintf(found, sizeof(found), WF_M(M_0X_08X_S_S_S), (unsigned)f->hresult, r ? "" : "(", what,
             r ? "" : ")", f->when, f->kb[0] ? ", " : "", f->kb, f->count, f->count == 1 ? "" : "s",
             f->since);
    snprintf(expected, sizeof(expected), WF_M(M_A_LATER_SUCCESSFUL_S_S), wf_wu_kind_word(f->kind),
             f->kind == WF_WU_SCAN ? "" : WF_M(M_OF_THE_SAME_UPDATE));
    struct wf_problem *pr = wf_check_add(c, "", fail_code[f->kind], WF_SEV_ERROR, false, found, expected);
    if (!pr)
        return;
    pr->has_hresult = true;
    pr->hresult = f->hresult;
    wf_strlcpy(pr->when, f->when, sizeof(pr->when));
    wf_strlcpy(pr->kb, f->kb, sizeof(pr->kb));
    wf_strlcpy(pr->title, f->title, sizeof(pr->title));
    pr->failures = f->count;
    wf_strlcpy(pr->since, f->since, sizeof(pr->since));
    pr->remedy = r && wf_hr_remedy(r)[0] ? wf_hr_remedy(r) : NULL;
    if (f->count >= WF_FAILS_REPEATED && f->kind != WF_WU_SCAN)
        pr->remedy = WF_M(M_REPEATED_RESET_REMEDY);
}

/* The log's failures not followed by a success of the same update, and its
 * latest successes; whether a failure is of the network class. */
static bool history(const struct wf_host *h, struct wf_check *c)
{
    char path[WF_TEXT_MAX];
    size_t n = 0;
    uint64_t total = 0;
    bool network = false;
    if (h->no_files || h->ops->expand(h->self, WF_WULOG_PATH, path, sizeof(path)) != WF_OK)
        return false;
    uint8_t *tail = malloc(WF_WULOG_TAIL);
    struct wf_wu_history *wu = malloc(sizeof(*wu));
    if (!tail || !wu) {
        free(tail);
        free(wu);
        return false;
    }
    wf_err e = h->ops->read_tail(h->self, path, tail, WF_WULOG_TAIL, &n, &total);
    if (e == WF_OK) {
        wf_wulog_parse(tail, n, total, wu);
        for (size_t i = 0; i < wu->nfail; i++) {
            failure(c, &wu->fail[i]);
            const struct wf_hr *r = wf_hr_find(wu->fail[i].hresult);
            network |= r && wf_hr_network(r->cls);
        }
        struct wf_updating *u = &c->updating;
        u->log_read = !wu->unreadable;
        if (wu->ok[WF_WU_SCAN].found)
            wf_strlcpy(u->scan, wu->ok[WF_WU_SCAN].when, sizeof(u->scan));
        if (wu->ok[WF_WU_INSTALL].found) {
            wf_strlcpy(u->install, wu->ok[WF_WU_INSTALL].when, sizeof(u->install));
            wf_strlcpy(u->install_kb, wu->ok[WF_WU_INSTALL].kb, sizeof(u->install_kb));
        }
        if (wu->unreadable)
            wf_check_add(c, "", WF_M(M_UPDATE_LOG_UNREADABLE), WF_SEV_INFO, false, path,
                         WF_M(M_WINDOWS_UPDATE_S_EVENT_LOG));
    } else if (e != WF_E_NO_SERVICE) {
        char found[WF_TEXT_MAX];
        snprintf(found, sizeof(found), WF_M(M_900S_S), path, wf_err_token(e));
        wf_check_add(c, "", WF_M(M_UPDATE_LOG_UNREADABLE), WF_SEV_INFO, false, found, "readable");
    }
    free(wu);
    free(tail);
    return network;
}

/* After a reset: the log set aside with SoftwareDistribution
 * (SoftwareDistribution.wufix-YYYYMMDD-HHMMSS, aside.c) still says when
 * Windows Update last succeeded, where the current log does not; its old
 * failures are not current, and are not told. */
static void before_reset(const struct wf_host *h, struct wf_check *c)
{
    struct wf_updating *u = &c->updating;
    char root[WF_TEXT_MAX], path[WF_TEXT_MAX + WF_NAME_MAX + 32], names[16][WF_NAME_MAX];
    size_t n = 0, best = 0;
    if ((u->scan[0] && u->install[0]) || h->no_files || !h->ops->list_folders ||
        h->ops->expand(h->self, WF_M(M_SYSTEMROOT), root, sizeof(root)) != WF_OK ||
        h->ops->list_folders(h->self, root, WF_M(M_SOFTWAREDISTRIBUTION_WUFIX), names, 16, &n) != WF_OK || !n)
        return;
    for (size_t i = 1; i < n; i++) /* the latest reset: its stamp sorts */
        if (strcmp(names[i], names[best]) > 0)
            best = i;
    const char *stamp = names[best] + strlen(WF_M(M_SOFTWAREDISTRIBUTION_WUFIX_2));
    char date[16];
    if (strlen(stamp) < 8 || num(stamp, 8) < 0)
        return;
    snprintf(date, sizeof(date), WF_M(M_4S_2S_2S), stamp, stamp + 4, stamp + 6);
    snprintf(path, sizeof(path), WF_M(M_S_S_REPORTINGEVENTS_LOG), root, names[best]);
    uint8_t *tail = malloc(WF_WULOG_TAIL);
    struct wf_wu_history *wu = malloc(sizeof(*wu));
    size_t got = 0;
    uint64_t total = 0;
    if (tail && wu && h->ops->read_tail(h->self, path, tail, WF_WULOG_TAIL, &got, &total) == WF_OK) {
        wf_wulog_parse(tail, got, total, wu);
        if (!u->scan[0] && wu->ok[WF_WU_SCAN].found) {
            wf_strlcpy(u->scan, wu->ok[WF_WU_SCAN].when, sizeof(u->scan));
            wf_strlcpy(u->scan_reset, date, sizeof(u->scan_reset));
        }
        if (!u->install[0] && wu->ok[WF_WU_INSTALL].found) {
            wf_strlcpy(u->install, wu->ok[WF_WU_INSTALL].when, sizeof(u->install));
            wf_strlcpy(u->install_kb, wu->ok[WF_WU_INSTALL].kb, sizeof(u->install_kb));
            wf_strlcpy(u->install_reset, date, sizeof(u->install_reset));
        }
        u->log_read |= !wu->unreadable;
    }
    free(wu);
    free(tail);
}

/* Probe host:port; unreachable is a problem naming them and the setting. */
/* `unknown_name`: the remedy when DNS says the name does not exist (the
 * name or the setting is wrong, not the network); NULL: `remedy` for both.
 * With `reply` (WF_HTTP_REPLY bytes), a HEAD's reply there, "" for none. */
static bool reach(const struct wf_host *h, struct wf_check *c, const char *code, const char *host,
                  unsigned port, const char *setting, const char *remedy, const char *unknown_name,
                  char *reply)
{
    char why[WF_TEXT_MAX], found[WF_TEXT_MAX];
    wf_err e = reply && h->ops->head
                   ? h->ops->head(h->self, host, port, WF_PROBE_MS, why, sizeof(why), reply, WF_HTTP_REPLY)
                   : h->ops->probe(h->self, host, port, WF_PROBE_MS, why, sizeof(why));
    if (e == WF_OK)
        return true;
    if (e == WF_E_NO_SERVICE && unknown_name)
        remedy = unknown_name;
    snprintf(found, sizeof(found), WF_M(M_S_PORT_U_S_S), (int)wf_utf8_cut(host, 253), host, port,
             (int)wf_utf8_cut(setting, 400), setting, (int)wf_utf8_cut(why, 300), why);
    struct wf_problem *pr = wf_check_add(c, "", code, WF_SEV_ERROR, false, found, "reachable");
    if (pr)
        pr->remedy = remedy;
    return false;
}

static void not_probed(struct wf_check *c, const char *what)
{
    wf_check_add(c, "", WF_M(M_UPDATE_SOURCE_NOT_PROBED), WF_SEV_INFO, false, what,
                 WF_M(M_PROBED_FROM_THE_MACHINE_ITSELF));
}

/* An IPv4 address as inet_addr reads it (Microsoft Learn, "inet_addr
 * function": "a", "a.b", "a.b.c" or "a.b.c.d", each part decimal, octal
 * with a leading 0 or hexadecimal with 0x; the last part fills the bytes
 * left): "127.1" is 127.0.0.1. */
static bool ipv4_loose(const char *s, uint32_t *out)
{
    unsigned long part[4];
    size_t n = 0;
    for (;;) {
        if (n == 4 || !(*s >= '0' && *s <= '9'))
            return false;
        unsigned base = 10;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
            base = 16, s += 2;
        else if (s[0] == '0')
            base = 8;
        unsigned long v = 0;
        size_t d = 0;
        for (;; s++, d++) {
            unsigned digit = *s >= '0' && *s <= '9'   ? (unsigned)(*s - '0')
                             : *s >= 'a' && *s <= 'f' ? (unsigned)(*s - 'a' + 10)
                             : *s >= 'A' && *s <= 'F' ? (unsigned)(*s - 'A' + 10)
                                                      : 99;
            if (digit >= base)
                break;
            if ((v = v * base + digit) > 0xffffffffUL)
                return false;
        }
        if (!d && base == 16)
            return false;
        part[n++] = v;
        if (*s == '\0')
            break;
        if (*s++ != '.')
            return false;
    }
    uint32_t a = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (part[i] > 255)
            return false;
        a |= (uint32_t)part[i] << (24 - 8 * i);
    }
    if (part[n - 1] > (0xffffffffUL >> (8 * (n - 1))))
        return false;
    *out = a | (uint32_t)part[n - 1];
    return true;
}

/* ::1, ::, or an IPv4-mapped address (::ffff:a.b.c.d) of a loopback or
 * unspecified IPv4 address. */
static bool ipv6_loopback(const char *s)
{
    char low[64];
    size_t n = 0;
    for (; *s && n + 1 < sizeof(low); s++)
        low[n++] = lower(*s);
    low[n] = '\0';
    static const char *const forms[] = {"::1", "::", "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:0"};
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
        if (strcmp(low, forms[i]) == 0)
            return true;
    static const char *const mapped[] = {"::ffff:", "0:0:0:0:0:ffff:"};
    for (size_t i = 0; i < 2; i++) {
        size_t m = strlen(mapped[i]);
        uint32_t a;
        if (strncmp(low, mapped[i], m) == 0 && ipv4_loose(low + m, &a))
            return a >> 24 == 127 || a == 0;
    }
    return false;
}

/* 127.0.0.0/8 (in any form inet_addr reads), localhost, ::1, :: or 0.0.0.0
 * (also IPv4-mapped) as a URL's host, or no server at all: a blocker's dead
 * update server (scripts point UseWUServer/WUServer at http://127.0.0.1:
 * hoochanlon/scripts, ajaykareer/Windows-Update-Manager). A URL wufix
 * cannot read is not called loopback: it is reported as it is. */
static bool loopback_server(const char *url)
{
    char name[256];
    unsigned port;
    const char *p = url;
    uint32_t a;
    while (space(*p))
        p++;
    if (!*p || ((starts_nocase(p, "http://") || starts_nocase(p, "https://")) &&
                !p[strspn(p + 7 + (p[4] == 's' || p[4] == 'S'), " \t/") + 7 + (p[4] == 's' || p[4] == 'S')]))
        return true; /* no server at all */
    if (!wf_diagnose_url(url, name, sizeof(name), &port))
        return false;
    if (ipv4_loose(name, &a))
        return a >> 24 == 127 || a == 0;
    return wf_name_cmp(name, "localhost") == 0 || ipv6_loopback(name);
}

/* A WSUS policy, read once: on this machine or none, a blocker's trace
 * (never changed, never probed); elsewhere, its port probed. Whether one is
 * set (then Windows Update does not go to Microsoft's servers). */
static bool wsus(const struct wf_host *h, struct wf_check *c)
{
    char host[256], setting[WF_TEXT_MAX];
    unsigned port = 0;
    struct wf_reg v;
    if (h->ops->reg_read(h->self, WF_KEY_WU_POLICY "\\AU", WF_M(M_USEWUSERVER), &v) != WF_OK ||
        v.type != WF_REG_DWORD || v.dword != 1 ||
        h->ops->reg_read(h->self, WF_KEY_WU_POLICY, "WUServer", &v) != WF_OK)
        return false;
    const char *url = v.type == WF_REG_SZ || v.type == WF_REG_EXPAND_SZ ? v.str : "";
    const char *shown = url[0] ? url : "(none)";
    snprintf(setting, sizeof(setting), WF_M(M_HKLM_POLICY_WUSERVER_S), (int)wf_utf8_cut(shown, 700), shown);
    if (loopback_server(url)) {
        char found[WF_TEXT_MAX];
        snprintf(found, sizeof(found), WF_M(M_S_USEWUSERVER_1), (int)wf_utf8_cut(setting, 900), setting);
        wf_check_add(c, "", WF_M(M_POLICY_WSUS_LOOPBACK), WF_SEV_ERROR, false, found,
                     WF_M(M_A_REACHABLE_UPDATE_SERVER_OR_DELETE));
    } else if (!wf_diagnose_url(url, host, sizeof(host), &port)) {
        struct wf_problem *pr = wf_check_add(c, "", WF_M(M_UPDATE_SERVER_UNREACHABLE), WF_SEV_ERROR, false,
                                             setting, WF_M(M_AN_HTTP_OR_HTTPS_URL));
        if (pr)
            pr->remedy = WF_M(M_CORRECT_THE_POLICY_WUSERVER_OR);
    } else if (!h->ops->probe) {
        not_probed(c, setting);
    } else {
        reach(h, c, WF_M(M_UPDATE_SERVER_UNREACHABLE), host, port, setting,
              WF_M(M_START_THE_UPDATE_SERVER_OR), WF_M(M_THE_SERVER_S_NAME_IS), NULL);
    }
    return true;
}

/* The update source: a WSUS server, the proxy; Microsoft's endpoints only
 * after a failure of the network class. */
static void source(const struct wf_host *h, struct wf_check *c, bool network)
{
    char host[256], setting[WF_TEXT_MAX];
    unsigned port = 0;
    bool set = wsus(h, c), proxy = false;
    uint8_t b[1024];
    size_t n = 0;
    if (h->ops->reg_read_bytes(h->self, WF_KEY_WINHTTP, WF_M(M_WINHTTPSETTINGS), b, sizeof(b), &n) == WF_OK &&
        wf_diagnose_proxy(b, n, host, sizeof(host), &port)) {
        proxy = true;
        snprintf(setting, sizeof(setting), WF_M(M_THE_WINHTTP_PROXY_SETTING));
        if (!h->ops->probe)
            not_probed(c, setting);
        else
            reach(h, c, WF_M(M_PROXY_UNREACHABLE), host, port, setting, WF_M(M_CORRECT_THE_MACHINE_S_PROXY),
                  NULL, NULL);
    }
    if (!network || set || proxy)
        return;
    if (!h->ops->probe) {
        not_probed(c, WF_M(M_WINDOWS_UPDATE_S_OWN_SERVERS));
        return;
    }
    /* The plain HTTP one (port 80) is asked for its Date too: the clock
     * against the server's (0x80072F8F). */
    char reply[WF_HTTP_REPLY];
    for (size_t i = 0; i < sizeof(endpoints) / sizeof(endpoints[0]); i++) {
        char *web = endpoints[i].port == 80 ? reply : NULL;
        if (reach(h, c, WF_M(M_UPDATE_ENDPOINT_UNREACHABLE), endpoints[i].host, endpoints[i].port,
                  WF_M(M_WINDOWS_UPDATE_S_OWN_SERVERS), WF_M(M_LET_THIS_MACHINE_REACH_DELIVERY), NULL, web) &&
            web && h->ops->head)
            wf_machine_clock(h, c, endpoints[i].host, reply);
    }
}

static int64_t num(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool wf_diagnose_epoch(const char *iso, int64_t *secs)
{
    long long t;
    int64_t off = 0;
    if (!wf_pause_seconds(iso, &t) || num(iso, 4) < 1601)
        return false;
    const char *z = iso + 19;
    if ((*z == '+' || *z == '-') && strlen(z) == 6 && z[3] == ':') {
        int64_t oh = num(z + 1, 2), om = num(z + 4, 2);
        if (oh < 0 || om < 0)
            return false;
        off = (oh * 60 + om) * 60 * (*z == '+' ? 1 : -1);
    } else if (strcmp(z, "Z") != 0 && *z) {
        return false;
    }
    *secs = t - off;
    return true;
}

/* The build as Windows names it: CurrentBuild.UBR, DisplayVersion, EditionID
 * (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion). */
static void build(const struct wf_host *h, struct wf_check *c)
{
    static const char key[] = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    struct wf_updating *u = &c->updating;
    struct wf_reg v, ubr;
    if (h->ops->reg_read(h->self, key, WF_M(M_CURRENTBUILD), &v) == WF_OK && v.type == WF_REG_SZ &&
        v.str[0]) {
        bool has_ubr = h->ops->reg_read(h->self, key, "UBR", &ubr) == WF_OK && ubr.type == WF_REG_DWORD;
        snprintf(u->build, sizeof(u->build), has_ubr ? "%.30s.%u" : "%.30s", v.str, (unsigned)ubr.dword);
    }
    if (h->ops->reg_read(h->self, key, WF_M(M_DISPLAYVERSION), &v) == WF_OK && v.type == WF_REG_SZ)
        wf_strlcpy(u->version, v.str, sizeof(u->version));
    if (h->ops->reg_read(h->self, key, "EditionID", &v) == WF_OK && v.type == WF_REG_SZ)
        wf_strlcpy(u->edition, v.str, sizeof(u->edition));
}

void wf_diagnose_max_age(const struct wf_host *h, struct wf_check *c, unsigned days)
{
    static const char *const code[] = {"no_recent_scan", "no_recent_install"};
    char now[32], found[WF_TEXT_MAX], expected[64];
    int64_t t1 = 0, t0 = 0;
    h->ops->utc_now(h->self, now, sizeof(now));
    if (!wf_diagnose_epoch(now, &t1))
        return;
    const struct wf_updating *u = &c->updating;
    for (int i = 0; i < 2; i++) {
        const char *when = i ? u->install : u->scan;
        if (when[0] && wf_diagnose_epoch(when, &t0) && t1 - t0 <= (int64_t)days * 86400)
            continue;
        if (when[0])
            snprintf(found, sizeof(found), WF_M(M_THE_LAST_ON_S_S), when, i && u->install_kb[0] ? ", " : "",
                     i ? u->install_kb : "");
        else
            snprintf(found, sizeof(found), "%s",
                     u->log_read ? WF_M(M_NONE_IN_WINDOWS_UPDATE_S) : WF_M(M_NOT_KNOWN_WINDOWS_UPDATE_S));
        snprintf(expected, sizeof(expected), WF_M(M_ONE_WITHIN_U_DAYS), days);
        wf_check_add(c, "", code[i], WF_SEV_ERROR, false, found, expected);
    }
}

void wf_diagnose_updating(const struct wf_host *h, struct wf_check *c)
{
    history(h, c);
    before_reset(h, c);
    if (!h->no_registry)
        build(h, c);
}

void wf_diagnose(const struct wf_host *h, struct wf_check *c)
{
    bool network = history(h, c);
    before_reset(h, c);
    wf_machine_check(h, c);
    if (h->no_registry)
        return;
    build(h, c);
    source(h, c, network);
    wf_pause_check(h, c);
    wf_holds_check(h, c);
}

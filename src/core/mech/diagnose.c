/* SPDX-License-Identifier: MIT */
/* diagnose.c - why Windows Update failed (SPEC 5a).
 *
 * Evidence a program can read (../shared/research/why-updates-fail.md):
 *   - %windir%\SoftwareDistribution\ReportingEvents.log: the latest scan,
 *     download and install failure no later success of its kind followed;
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
 *     Settings cannot make is a warning).
 * A probe from this machine says nothing of another one: there, the source
 * is not probed, and that is said. */
#include "wufix/mech/diagnose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/hresult.h"
#include "wufix/base/wulog.h"
#include "wufix/mech/pause.h"
#include "wufix/mech/traces.h"

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

bool wf_diagnose_url(const char *url, char *host, size_t size, unsigned *port)
{
    const char *p = url;
    while (*p == ' ')
        p++;
    *port = 80;
    if (strncmp(p, "http://", 7) == 0 || strncmp(p, "HTTP://", 7) == 0) {
        p += 7;
    } else if (strncmp(p, "https://", 8) == 0 || strncmp(p, "HTTPS://", 8) == 0) {
        p += 8;
        *port = 443;
    } else if (strstr(p, "://")) {
        return false;
    }
    size_t n = 0;
    if (*p == '[') {
        p++;
        while (p[n] && p[n] != ']')
            if (!strchr("0123456789abcdefABCDEF:.", p[n++]))
                return false;
        if (p[n] != ']' || !n || n >= size)
            return false;
        memcpy(host, p, n);
        p += n + 1;
    } else {
        while (host_char(p[n]))
            n++;
        if (!n || n >= size || n > 253)
            return false;
        memcpy(host, p, n);
        p += n;
    }
    host[n] = '\0';
    if (*p == ':') {
        unsigned v = 0;
        size_t d = 0;
        for (p++; p[d] >= '0' && p[d] <= '9' && d < 5; d++)
            v = v * 10 + (unsigned)(p[d] - '0');
        if (!d || !v || v > 65535)
            return false;
        *port = v;
        p += d;
    }
    return *p == '\0' || *p == '/';
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
    /* "host:port", or per scheme "http=host:port;https=host:port": the one
     * for https (Windows Update's scans), else http, else one for all. */
    int best = 0;
    for (char *tok = list; *tok;) {
        size_t t = strcspn(tok, "; ");
        char one[512];
        snprintf(one, sizeof(one), "%.*s", (int)t, tok);
        int rank = strncmp(one, "https=", 6) == 0 ? 3 : strncmp(one, "http=", 5) == 0 ? 2 : !strchr(one, '=');
        if (rank > best) {
            best = rank;
            wf_strlcpy(pick, one + (rank == 3 ? 6 : rank == 2 ? 5 : 0), sizeof(pick));
        }
        tok += t + (tok[t] != '\0');
    }
    if (!best)
        return false;
    if (strncmp(pick, "https://", 8) == 0)
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

/* One failure of the log as a problem. */
static void failure(struct wf_check *c, enum wf_wu_kind k, const struct wf_wu_fail *f)
{
    const struct wf_hr *r = wf_hr_find(f->hresult);
    char found[WF_TEXT_MAX], expected[64], what[96];
    if (r)
        wf_strlcpy(what, r->name, sizeof(what));
    else
        wf_hr_facility(f->hresult, what, sizeof(what));
    snprintf(found, sizeof(found), "0x%08X %s%s%s on %s%s%s", (unsigned)f->hresult, r ? "" : "(", what,
             r ? "" : ")", f->when, f->kb[0] ? ", " : "", f->kb);
    snprintf(expected, sizeof(expected), "a later successful %s", wf_wu_kind_word(k));
    struct wf_problem *pr = wf_check_add(c, "", fail_code[k], WF_SEV_ERROR, false, found, expected);
    if (!pr)
        return;
    pr->has_hresult = true;
    pr->hresult = f->hresult;
    wf_strlcpy(pr->when, f->when, sizeof(pr->when));
    wf_strlcpy(pr->kb, f->kb, sizeof(pr->kb));
    wf_strlcpy(pr->title, f->title, sizeof(pr->title));
    pr->remedy = r && wf_hr_remedy(r)[0] ? wf_hr_remedy(r) : NULL;
}

/* The log's latest failures; whether one is of the network class. */
static bool history(const struct wf_host *h, struct wf_check *c)
{
    char path[WF_TEXT_MAX];
    size_t n = 0;
    uint64_t total = 0;
    bool network = false;
    if (h->no_files || h->ops->expand(h->self, WF_WULOG_PATH, path, sizeof(path)) != WF_OK)
        return false;
    uint8_t *tail = malloc(WF_WULOG_TAIL);
    if (!tail)
        return false;
    wf_err e = h->ops->read_tail(h->self, path, tail, WF_WULOG_TAIL, &n, &total);
    if (e == WF_OK) {
        struct wf_wu_history wu;
        wf_wulog_parse(tail, n, total, &wu);
        for (int k = 0; k < WF_WU_KINDS; k++) {
            if (!wu.last[k].found)
                continue;
            failure(c, (enum wf_wu_kind)k, &wu.last[k]);
            const struct wf_hr *r = wf_hr_find(wu.last[k].hresult);
            network |= r && wf_hr_network(r->cls);
        }
        if (wu.unreadable)
            wf_check_add(c, "", "update_log_unreadable", WF_SEV_INFO, false, path,
                         "Windows Update's event log (UTF-16, one tab-separated event a line)");
    } else if (e != WF_E_NO_SERVICE) {
        char found[WF_TEXT_MAX];
        snprintf(found, sizeof(found), "%.900s (%s)", path, wf_err_token(e));
        wf_check_add(c, "", "update_log_unreadable", WF_SEV_INFO, false, found, "readable");
    }
    free(tail);
    return network;
}

/* Probe host:port; unreachable is a problem naming them and the setting. */
static bool reach(const struct wf_host *h, struct wf_check *c, const char *code, const char *host,
                  unsigned port, const char *setting, const char *remedy)
{
    char why[WF_TEXT_MAX], found[WF_TEXT_MAX];
    if (h->ops->probe(h->self, host, port, WF_PROBE_MS, why, sizeof(why)) == WF_OK)
        return true;
    snprintf(found, sizeof(found), "%.253s port %u (%.400s): %.300s", host, port, setting, why);
    struct wf_problem *pr = wf_check_add(c, "", code, WF_SEV_ERROR, false, found, "reachable");
    if (pr)
        pr->remedy = remedy;
    return false;
}

static void not_probed(struct wf_check *c, const char *what)
{
    wf_check_add(c, "", "update_source_not_probed", WF_SEV_INFO, false, what,
                 "probed from the machine itself (a probe from here says nothing of it)");
}

/* 127.0.0.0/8, localhost, ::1 or 0.0.0.0 as a URL's host, or no server at
 * all: a blocker's dead update server (scripts point UseWUServer/WUServer
 * at http://127.0.0.1: hoochanlon/scripts, ajaykareer/Windows-Update-Manager). */
static bool loopback_server(const char *url)
{
    const char *host = strstr(url, "://");
    host = host ? host + 3 : url;
    while (*host == ' ')
        host++;
    if (!*host)
        return true;
    char name[256];
    size_t n = 0;
    if (*host == '[') {
        host++;
        while (*host && *host != ']' && n + 1 < sizeof(name))
            name[n++] = *host++;
    } else {
        while (*host && *host != ':' && *host != '/' && n + 1 < sizeof(name))
            name[n++] = *host++;
    }
    name[n] = '\0';
    return !name[0] || strncmp(name, "127.", 4) == 0 || wf_name_cmp(name, "localhost") == 0 ||
           strcmp(name, "::1") == 0 || strcmp(name, "0.0.0.0") == 0;
}

/* A WSUS policy, read once: on this machine or none, a blocker's trace
 * (never changed, never probed); elsewhere, its port probed. Whether one is
 * set (then Windows Update does not go to Microsoft's servers). */
static bool wsus(const struct wf_host *h, struct wf_check *c)
{
    char host[256], setting[WF_TEXT_MAX];
    unsigned port = 0;
    struct wf_reg v;
    if (h->ops->reg_read(h->self, WF_KEY_WU_POLICY "\\AU", "UseWUServer", &v) != WF_OK ||
        v.type != WF_REG_DWORD || v.dword != 1 ||
        h->ops->reg_read(h->self, WF_KEY_WU_POLICY, "WUServer", &v) != WF_OK)
        return false;
    const char *url = v.type == WF_REG_SZ || v.type == WF_REG_EXPAND_SZ ? v.str : "";
    snprintf(setting, sizeof(setting), "HKLM\\" WF_KEY_WU_POLICY "\\WUServer=%.700s",
             url[0] ? url : "(none)");
    if (loopback_server(url)) {
        char found[WF_TEXT_MAX];
        snprintf(found, sizeof(found), "%.900s (UseWUServer=1)", setting);
        wf_check_add(c, "", "policy_wsus_loopback", WF_SEV_ERROR, false, found,
                     "a reachable update server, or delete HKLM\\" WF_KEY_WU_POLICY "\\AU\\UseWUServer");
    } else if (!wf_diagnose_url(url, host, sizeof(host), &port)) {
        struct wf_problem *pr = wf_check_add(c, "", "update_server_unreachable", WF_SEV_ERROR, false, setting,
                                             "an http:// or https:// URL of an update server");
        if (pr)
            pr->remedy = "correct the policy WUServer, or delete UseWUServer to use Windows Update itself";
    } else if (!h->ops->probe) {
        not_probed(c, setting);
    } else {
        reach(h, c, "update_server_unreachable", host, port, setting,
              "start the update server or let its port through the firewall; if it is gone, correct the "
              "policy WUServer or delete UseWUServer");
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
    if (h->ops->reg_read_bytes(h->self, WF_KEY_WINHTTP, "WinHttpSettings", b, sizeof(b), &n) == WF_OK &&
        wf_diagnose_proxy(b, n, host, sizeof(host), &port)) {
        proxy = true;
        snprintf(setting, sizeof(setting), "the WinHTTP proxy, HKLM\\" WF_KEY_WINHTTP "\\WinHttpSettings");
        if (!h->ops->probe)
            not_probed(c, setting);
        else
            reach(h, c, "proxy_unreachable", host, port, setting,
                  "correct the machine's proxy ('netsh winhttp set proxy HOST:PORT') or remove it ('netsh "
                  "winhttp reset proxy')");
    }
    if (!network || set || proxy)
        return;
    if (!h->ops->probe) {
        not_probed(c, "Windows Update's own servers");
        return;
    }
    for (size_t i = 0; i < sizeof(endpoints) / sizeof(endpoints[0]); i++)
        reach(h, c, "update_endpoint_unreachable", endpoints[i].host, endpoints[i].port,
              "Windows Update's own servers",
              "let this machine reach *.delivery.mp.microsoft.com (HTTPS) and *.windowsupdate.com (HTTP): "
              "the firewall, the proxy, DNS");
}

void wf_diagnose(const struct wf_host *h, struct wf_check *c)
{
    bool network = history(h, c);
    if (h->no_registry)
        return;
    source(h, c, network);
    wf_pause_check(h, c);
}

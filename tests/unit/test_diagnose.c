/* SPDX-License-Identifier: MIT */
/* test_diagnose.c - why Windows Update failed: its event log read from its
 * end, the error table, the update source probed, updates paused, and what
 * check, repair and guided mode say of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake_scm.h"
#include "wufix/base/hresult.h"
#include "wufix/base/wulog.h"
#include "wufix/mech/diagnose.h"

#define LOG_PATH "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log"
#define POLICY   "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"

/* One event line as Windows writes it (13 tab-separated fields). */
#define EVENT(when, id, hr, message)                                                                         \
    "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}\t" when "\t1\t" id                                               \
    "\t101\t{00000000-0000-0000-0000-000000000000}\t"                                                        \
    "200\t" hr "\tUpdateOrchestrator\tFailure\tContent Install\t" message                                    \
    "\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}"                                                               \
    "\r\n"

#define SCAN_OK(when)                                                                                        \
    EVENT(when, "147 [AGENT_DETECTION_FINISHED]", "0",                                                       \
          "Windows Update Client successfully detected 3 updates.")
#define SCAN_FAIL(when, hr)                                                                                  \
    EVENT(when, "148 [AGENT_DETECTION_FAILED]", hr,                                                          \
          "Windows Update Client failed to detect with error 0x" hr ".")
#define INSTALL_FAIL(when, hr, title)                                                                        \
    EVENT(when, "182 [AGENT_INSTALLING_FAILED]", hr,                                                         \
          "Installation Failure: Windows failed to install the following update with error 0x" hr ": " title \
          ".")
#define INSTALL_OK(when, title)                                                                              \
    EVENT(when, "183 [AGENT_INSTALLING_SUCCEEDED]", "0",                                                     \
          "Installation Successful: Windows successfully installed the following update: " title)

#define NOV_CU "2026-11 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5099999)"

static uint8_t logbuf[16u << 20];

/* UTF-16LE with a byte order mark, as Windows writes the file. */
static size_t utf16(const char *text, uint8_t *out)
{
    size_t n = 0;
    out[n++] = 0xFF;
    out[n++] = 0xFE;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned c = *p;
        if (c >= 0xE0 && p[1] && p[2]) { /* a three-byte UTF-8 character (the BMP) */
            c = (c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
            p += 2;
        } else if (c >= 0xC0 && p[1]) {
            c = (c & 0x1Fu) << 6 | (p[1] & 0x3Fu);
            p += 1;
        }
        out[n++] = (uint8_t)c;
        out[n++] = (uint8_t)(c >> 8);
    }
    return n;
}

static void plant(struct fake_scm *f, const char *text)
{
    struct fake_file *x = fake_file_put(f, LOG_PATH, 0);
    x->nbytes = utf16(text, logbuf);
    x->bytes = logbuf;
    x->size = x->nbytes;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_wulog_latest_failure_not_followed_by_success(void **state)
{
    (void)state;
    struct wf_wu_history h;
    size_t n = utf16(SCAN_OK("2026-11-20 13:58:02:100+0100")
                         INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU)
                             SCAN_FAIL("2026-11-21 09:00:00:000+0100", "8024402c")
                                 SCAN_OK("2026-11-21 10:00:00:000+0100"),
                     logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_false(h.unreadable);
    assert_int_equal(h.events, 4);
    assert_int_equal(h.nfail, 1); /* the later good scan clears the failed one */
    assert_int_equal(h.fail[0].kind, WF_WU_INSTALL);
    assert_int_equal(h.fail[0].hresult, 0x80073712u);
    assert_string_equal(h.fail[0].when, "2026-11-20T14:02:11+01:00");
    assert_string_equal(h.fail[0].kb, "KB5099999");
    assert_string_equal(h.fail[0].title, NOV_CU);
    assert_int_equal(h.fail[0].count, 1);
    assert_string_equal(h.ok[WF_WU_SCAN].when, "2026-11-21T10:00:00+01:00");
    assert_false(h.ok[WF_WU_INSTALL].found);
    /* A later success of the same update: nothing left. */
    n = utf16(INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU)
                  INSTALL_OK("2026-11-22 08:00:00:000-0500", NOV_CU),
              logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_int_equal(h.nfail, 0);
    assert_string_equal(h.ok[WF_WU_INSTALL].kb, "KB5099999");
    /* The latest of two failures is the one told, and both are counted. */
    n = utf16(SCAN_FAIL("2026-11-20 09:00:00:000+0000", "80072ee2")
                  SCAN_FAIL("2026-11-21 09:00:00:000+0000", "8024402C"),
              logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_int_equal(h.nfail, 1);
    assert_int_equal(h.fail[0].hresult, 0x8024402Cu);
    assert_int_equal(h.fail[0].count, 2);
    assert_string_equal(h.fail[0].since, "2026-11-20T09:00:00+00:00");
    assert_string_equal(h.fail[0].kb, "");
}

/* Lines laid out as Microsoft shows them (Microsoft Japan's WSUS support
 * team blog, 2018-02-02, via ../shared/research/why-updates-fail.md [S8]):
 * 12 fields, a scan failure 0x8024402c at 2018-01-17 20:13:28:509+0900, and
 * an install failure 0x80242015 of KB4051033 (a code wufix has no row for);
 * the GUIDs are placeholders. */
static void test_wulog_as_microsoft_shows_it(void **state)
{
    (void)state;
    struct wf_wu_history h;
    size_t n =
        utf16("{D2D0AB9E-51E3-4B05-AD4F-2C4D1AF44D36}\t2018-01-17 20:13:28:509+0900\t1\t"
              "148 [AGENT_DETECTION_FAILED]\t101\t{00000000-0000-0000-0000-000000000000}\t0\t8024402c\t"
              "UpdateOrchestrator\tFailure\tSoftware Synchronization\t"
              "Windows Update Client failed to detect with error 0x8024402c.\r\n"
              "{9A5E6E0C-1B1A-4F4E-8E5A-2C1D8E1F0B23}\t2018-01-17 21:40:02:118+0900\t1\t"
              "182 [AGENT_INSTALLING_FAILED]\t101\t{6E8B3C5A-0D5E-4C3B-9F0A-5B6E2D1C4A77}\t200\t80242015\t"
              "UpdateOrchestrator\tFailure\tContent Install\tInstallation Failure: Windows failed to "
              "install the following update with error 0x80242015: 2017-11 Cumulative Update for "
              "Windows 10 Version 1709 for x64-based Systems (KB4051033).\r\n",
              logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_false(h.unreadable);
    assert_int_equal(h.events, 2);
    assert_int_equal(h.nfail, 2);
    assert_int_equal(h.fail[0].kind, WF_WU_SCAN);
    assert_int_equal(h.fail[0].hresult, 0x8024402Cu);
    assert_string_equal(h.fail[0].when, "2018-01-17T20:13:28+09:00");
    assert_int_equal(h.fail[1].kind, WF_WU_INSTALL);
    assert_int_equal(h.fail[1].hresult, 0x80242015u);
    assert_string_equal(h.fail[1].kb, "KB4051033");
    assert_string_equal(h.fail[1].id, "{6E8B3C5A-0D5E-4C3B-9F0A-5B6E2D1C4A77}");
    assert_null(wf_hr_find(0x80242015)); /* shown raw with its facility, never guessed */
}

static void test_wulog_tail_and_garbage(void **state)
{
    (void)state;
    struct wf_wu_history h;
    /* The tail of a longer file: the cut line is skipped, an odd start kept
     * to the file's UTF-16 units. */
    size_t n = utf16(SCAN_OK("2026-11-20 13:58:02:100+0100") INSTALL_FAIL(
                         "2026-11-20 14:02:11:509+0100", "80070643", "2024-01 Security Update (KB5034441)"),
                     logbuf);
    size_t cut = 41;
    wf_wulog_parse(logbuf + cut, n - cut, n, &h);
    assert_int_equal(h.events, 1);
    assert_int_equal(h.nfail, 1);
    assert_int_equal(h.fail[0].hresult, 0x80070643u);
    wf_wulog_parse(logbuf + cut + 1, n - cut - 1, n, &h);
    assert_int_equal(h.events, 1);
    /* Not this format: without a byte order mark, or no line an event. */
    wf_wulog_parse((const uint8_t *)"hello\r\n", 7, 7, &h);
    assert_true(h.unreadable);
    n = utf16("not\tan\tevent\r\n2026-11-20\tx\r\n", logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_true(h.unreadable);
    assert_int_equal(h.events, 0);
    assert_int_equal(h.other, 2);
    /* Random bytes, 8 MB: the tail alone, no crash, unreadable. */
    uint32_t seed = 12345;
    for (size_t i = 0; i < (8u << 20); i++) {
        seed = seed * 1103515245u + 12345u;
        logbuf[i] = (uint8_t)(seed >> 16);
    }
    logbuf[0] = 0xFF;
    logbuf[1] = 0xFE;
    wf_wulog_parse(logbuf + (8u << 20) - WF_WULOG_TAIL, WF_WULOG_TAIL, 8u << 20, &h);
    assert_true(h.unreadable);
    assert_int_equal(h.events, 0);
    /* An empty file is no finding. */
    wf_wulog_parse(logbuf, 0, 0, &h);
    assert_false(h.unreadable);
}

static void test_hresult_table(void **state)
{
    (void)state;
    char buf[64];
    assert_true(wf_hr_count >= 60);
    for (size_t i = 0; i < wf_hr_count; i++) {
        const struct wf_hr *r = &wf_hr_table[i];
        assert_true(r->code & 0x80000000u);
        assert_true(wf_hr_name(r)[0]);
        assert_true(wf_hr_meaning(r)[0]);
        assert_true(r->source < wf_hr_nsources && wf_hr_source(r->source)[0]);
        for (size_t j = i + 1; j < wf_hr_count; j++)
            assert_true(wf_hr_table[j].code != r->code);
        /* Every code with a known cause says what to do. */
        if (r->cls != WF_HRC_UNKNOWN)
            assert_true(wf_hr_remedy(r)[0]);
    }
    for (int k = WF_HRC_UNKNOWN; k <= WF_HRC_NOT_APPLICABLE; k++) /* each class in plain words too */
        assert_true(wf_hr_class_plain((enum wf_hr_class)k)[0]);
    const struct wf_hr *store = wf_hr_find(0x80073712);
    assert_non_null(store);
    assert_string_equal(wf_hr_name(store), "ERROR_SXS_COMPONENT_STORE_CORRUPT");
    assert_string_equal(wf_hr_class_token(store->cls), "component_store");
    assert_non_null(strstr(wf_hr_remedy(store), "DISM /Online /Cleanup-Image /RestoreHealth"));
    assert_non_null(strstr(wf_hr_remedy(store), "sfc /scannow"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80070643)), "KB5034441"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80242006)), "wufix reset"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80070422)), "wufix repair"));
    const char *dns = wf_hr_remedy(wf_hr_find(0x8024402C));
    assert_non_null(strstr(dns, "proxy"));
    assert_non_null(strstr(dns, "name resolution"));
    /* Unknown: raw, with its facility, never guessed. */
    assert_null(wf_hr_find(0x8024A105));
    wf_hr_facility(0x8024A105, buf, sizeof(buf));
    assert_string_equal(buf, "Windows Update");
    wf_hr_facility(0x800705B5, buf, sizeof(buf));
    assert_string_equal(buf, "Win32 error 1461");
    wf_hr_facility(0x800F0999, buf, sizeof(buf));
    assert_string_equal(buf, "setup API (SETUPAPI) or component servicing (CBS)");
}

/* The rows held against Microsoft's own articles (facts-audit-2026.md). */
static void test_hresult_rows_held_against_microsoft(void **state)
{
    (void)state;
    static const uint32_t seen[] = {0x80246017, 0x80073D02, 0x8024402F, 0x8024000E, 0x8024D009, 0x800706BE};
    for (size_t i = 0; i < sizeof(seen) / sizeof(seen[0]); i++)
        assert_non_null(wf_hr_find(seen[i])); /* seen in real logs */
    const struct wf_hr *r = wf_hr_find(0x80070BC9);
    assert_non_null(strstr(wf_hr_remedy(r), "Windows Installer service"));
    assert_null(strstr(wf_hr_remedy(r), "TrustedInstaller"));
    r = wf_hr_find(0x8024001E);
    assert_int_not_equal(r->cls, WF_HRC_TRANSIENT);
    assert_non_null(strstr(wf_hr_remedy(r), "10 GB"));
    assert_non_null(strstr(wf_hr_remedy(r), "SoftwareDistribution"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80072F8F)), "date, time"));
    r = wf_hr_find(0x80244007);
    assert_non_null(strstr(wf_hr_remedy(r), "maxInstalledPrerequisites"));
    assert_null(strstr(wf_hr_remedy(r), "KB2883975"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x800F0922)), "System32\\spp"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80240020)), "sign in"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x8024A10A)), "awake"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80070003)), "CBS.log"));
    assert_non_null(strstr(wf_hr_meaning(wf_hr_find(0x80070426)), "1709 to 1803"));
    assert_string_not_equal(wf_hr_remedy(wf_hr_find(0x80240017)),
                            "nothing to do: the update is not for this Windows");
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80070570)), "chkdsk"));
    assert_non_null(strstr(wf_hr_remedy(wf_hr_find(0x80072EFE)), "cipher"));
    /* Each row's source: the DISM page for these two, the common errors page for 0x800F0825. */
    assert_non_null(strstr(wf_hr_source(wf_hr_find(0x80070002)->source), "DISM"));
    assert_non_null(strstr(wf_hr_source(wf_hr_find(0x80073712)->source), "DISM"));
    assert_non_null(strstr(wf_hr_source(wf_hr_find(0x800F0825)->source), "common errors"));
}

/* docs/problems.md lists every row of the table, as the code has it. */
static void test_hresult_table_documented(void **state)
{
    (void)state;
    FILE *f = fopen(WF_SOURCE_DIR "/docs/problems.md", "rb");
    assert_non_null(f);
    static char doc[256 * 1024];
    size_t n = fread(doc, 1, sizeof(doc) - 1, f);
    fclose(f);
    doc[n] = '\0';
    for (size_t i = 0; i < wf_hr_count; i++) {
        const struct wf_hr *r = &wf_hr_table[i];
        char row[512];
        snprintf(row, sizeof(row), "| `0x%08X` | `%s` | %s | `%s` |", (unsigned)r->code, wf_hr_name(r),
                 wf_hr_meaning(r), wf_hr_class_token((enum wf_hr_class)r->cls));
        if (!strstr(doc, row))
            print_message("docs/problems.md lacks: %s\n", row);
        assert_non_null(strstr(doc, row));
    }
    for (size_t s = 0; s < wf_hr_nsources; s++)
        assert_non_null(strstr(doc, wf_hr_source(s)));
}

static void test_diagnose_urls_and_proxy(void **state)
{
    (void)state;
    char host[256];
    unsigned port;
    assert_true(wf_diagnose_url("http://wsus.corp.example:8530", host, sizeof(host), &port));
    assert_string_equal(host, "wsus.corp.example");
    assert_int_equal(port, 8530);
    assert_true(wf_diagnose_url("https://wsus/ClientWebService", host, sizeof(host), &port));
    assert_int_equal(port, 443);
    assert_true(wf_diagnose_url("http://[fd00::5]:8531/", host, sizeof(host), &port));
    assert_string_equal(host, "fd00::5");
    assert_false(wf_diagnose_url("ftp://wsus", host, sizeof(host), &port));
    assert_false(wf_diagnose_url("http://wsus:0", host, sizeof(host), &port));
    assert_false(wf_diagnose_url("http://wsus:99999", host, sizeof(host), &port));
    assert_false(wf_diagnose_url("http://ws us", host, sizeof(host), &port));
    /* WinHttpSettings: version, counter, flags (2: a proxy), then the proxy
     * list's length and text, then the bypass list's. */
    static const uint8_t direct[] = {0x18, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assert_false(wf_diagnose_proxy(direct, sizeof(direct), host, sizeof(host), &port));
    uint8_t b[128] = {0x28, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0};
    const char *list = "http=proxy1:8080;https=proxy2.corp:3128";
    b[12] = (uint8_t)strlen(list);
    memcpy(b + 16, list, strlen(list));
    assert_true(wf_diagnose_proxy(b, 16 + strlen(list) + 4, host, sizeof(host), &port));
    assert_string_equal(host, "proxy2.corp");
    assert_int_equal(port, 3128);
    list = "proxy.corp";
    b[12] = (uint8_t)strlen(list);
    memcpy(b + 16, list, strlen(list));
    assert_true(wf_diagnose_proxy(b, 16 + strlen(list), host, sizeof(host), &port));
    assert_int_equal(port, 80);
    list = "https=https://sec.proxy";
    b[12] = (uint8_t)strlen(list);
    memcpy(b + 16, list, strlen(list));
    assert_true(wf_diagnose_proxy(b, 16 + strlen(list), host, sizeof(host), &port));
    assert_string_equal(host, "sec.proxy");
    assert_int_equal(port, 80);
    b[12] = 200; /* longer than the value */
    assert_false(wf_diagnose_proxy(b, 40, host, sizeof(host), &port));
}

/* URLs and proxy lists as WinHTTP and the Windows Update agent read them
 * (b394e12 refused each of these URLs and reported an unreachable server,
 * and read these proxy lists as no proxy). */
static bool proxy_list(const char *list, char *host, size_t size, unsigned *port)
{
    uint8_t b[160] = {0x28, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0};
    b[12] = (uint8_t)strlen(list);
    memcpy(b + 16, list, strlen(list));
    return wf_diagnose_proxy(b, 16 + strlen(list) + 4, host, size, port);
}

static void test_diagnose_urls_as_windows_reads_them(void **state)
{
    (void)state;
    char host[256];
    unsigned port;
    static const char *const urls[] = {
        "Http://wsus:8530",        "http://wsus:8530 ",  "\thttp://wsus:8530/\t",   "http://wsus:8530?x=1",
        "http://admin@wsus:8530/", "http://wsus:008530", "HTTP://u:p@wsus:8530#top"};
    for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
        port = 0;
        host[0] = '\0';
        print_message("%s\n", urls[i]);
        assert_true(wf_diagnose_url(urls[i], host, sizeof(host), &port));
        assert_string_equal(host, "wsus");
        assert_int_equal(port, 8530);
    }
    assert_true(wf_diagnose_url("hTTpS://wsus", host, sizeof(host), &port));
    assert_int_equal(port, 443);
    assert_false(wf_diagnose_url("http://wsus:8530 x", host, sizeof(host), &port));
    assert_false(wf_diagnose_url("http://wsus:065536", host, sizeof(host), &port));
    /* Proxy lists: an empty entry names no proxy; the scheme in any case. */
    assert_true(proxy_list(";proxy:8080", host, sizeof(host), &port));
    assert_string_equal(host, "proxy");
    assert_int_equal(port, 8080);
    assert_true(proxy_list("https=;http=a:1", host, sizeof(host), &port));
    assert_string_equal(host, "a");
    assert_int_equal(port, 1);
    assert_true(proxy_list("http=a:1 HTTPS=b:2", host, sizeof(host), &port));
    assert_string_equal(host, "b");
    assert_int_equal(port, 2);
}

/* A WSUS policy on this machine in the forms Windows reads as loopback
 * (inet_addr reads "127.1"; ::ffff:127.0.0.1 maps 127.0.0.1): a blocker's
 * trace, never probed; a URL Windows reads is probed, not refused. */
static void test_check_wsus_loopback_forms(void **state)
{
    struct fake_cli *x = *state;
    static const char *const loop[] = {"http://127.1:8530",     "http://[::ffff:127.0.0.1]:8530",
                                       "http://0x7f.0.0.1",     "http://2130706433",
                                       "HTTP://LOCALHOST:8530", "http://[0:0:0:0:0:0:0:1]"};
    fake_reg_set(&x->scm, POLICY "\\AU", "UseWUServer", WF_REG_DWORD, NULL, 1);
    for (size_t i = 0; i < sizeof(loop) / sizeof(loop[0]); i++) {
        fake_reg_set(&x->scm, POLICY, "WUServer", WF_REG_SZ, loop[i], 0);
        unsigned probes = x->scm.probes;
        print_message("%s\n", loop[i]);
        assert_int_equal(FAKE_RUN(x, "check"), 1);
        assert_non_null(strstr(FAKE_OUT(x), "policy_wsus_loopback"));
        assert_int_equal(x->scm.probes, probes);
    }
    x->scm.listening = "wsus:8530";
    fake_reg_set(&x->scm, POLICY, "WUServer", WF_REG_SZ, "Http://wsus:008530/ ", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "update_server_unreachable"));
}

/* Whole logs laid out as Windows 11 writes them (13 tab-separated fields,
 * UTF-16LE with a byte order mark; ../shared/research/facts-audit-2026.md):
 * field 6 the update's ID, 9 the caller, 10 Success/Failure, 11 the phase.
 * Defender's definitions (KB2267602, caller MoUpdateOrchestrator) and Store
 * apps go through the same log, several times a day. The IDs are made up. */
#define EV(uid, when, id, hr, caller, result, phase, message)                                                \
    "{1F0B2C3D-4E5F-4061-8273-94A5B6C7D8E9}\t" when "\t1\t" id "\t101\t" uid "\t200\t" hr "\t" caller        \
    "\t" result "\t" phase "\t" message "\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n"

#define CU_ID   "{5B1E7C2A-9D43-4F0E-A1B2-C3D4E5F60718}"
#define DEF_ID1 "{0C9A8B7D-6E5F-4A3B-9C2D-1E0F2A3B4C5D}"
#define DEF_ID2 "{7D6C5B4A-3F2E-4D1C-8B0A-9F8E7D6C5B4A}"
#define APP_ID  "{2A3B4C5D-6E7F-4809-9A1B-2C3D4E5F6071}"
#define DEFS    "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.445.476.0)"
#define APP     "9WZDNCRFJ3Q2-Microsoft.BingWeather"

#define R_SCAN_OK(when)                                                                                      \
    EV("{00000000-0000-0000-0000-000000000000}", when, "147 [AGENT_DETECTION_FINISHED]", "0",                \
       "UpdateOrchestrator", "Success", "Software Synchronization",                                          \
       "Windows Update Client successfully detected 2 updates.")
#define R_CU_FAIL(when)                                                                                      \
    EV(CU_ID, when, "182 [AGENT_INSTALLING_FAILED]", "80073712", "UpdateOrchestrator", "Failure",            \
       "Content Install",                                                                                    \
       "Installation Failure: Windows failed to install the following update with error 0x80073712: " NOV_CU \
       ".")
#define R_CU_OK(when)                                                                                        \
    EV(CU_ID, when, "183 [AGENT_INSTALLING_SUCCEEDED]", "0", "UpdateOrchestrator", "Success",                \
       "Content Install",                                                                                    \
       "Installation Successful: Windows successfully installed the following update: " NOV_CU)
#define R_DEFS_OK(uid, when)                                                                                 \
    EV(uid, when, "183 [AGENT_INSTALLING_SUCCEEDED]", "0", "MoUpdateOrchestrator", "Success",                \
       "Content Install",                                                                                    \
       "Installation Successful: Windows successfully installed the following update: " DEFS)
#define R_APP_FAIL(when, hr)                                                                                 \
    EV(APP_ID, when, "182 [AGENT_INSTALLING_FAILED]", hr, "WindowsStore", "Failure", "Content Install",      \
       "Installation Failure: Windows failed to install the following update with error 0x" hr ": " APP ".")
#define R_APP_OK(when)                                                                                       \
    EV(APP_ID, when, "183 [AGENT_INSTALLING_SUCCEEDED]", "0", "WindowsStore", "Success", "Content Install",  \
       "Installation Successful: Windows successfully installed the following update: " APP)

/* A definition update's success after a failed cumulative update: the
 * cumulative update is still failed, named by its KB; a Store app's failure
 * its own later success ended is not told. */
static void test_check_definitions_do_not_hide_a_failed_update(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm,
          R_SCAN_OK("2026-11-20 02:58:01:100+0100") R_CU_FAIL("2026-11-20 03:10:44:310+0100")
              R_APP_FAIL("2026-11-20 08:02:00:000+0100", "80073D02")
                  R_DEFS_OK(DEF_ID1, "2026-11-20 09:12:13:000+0100") R_APP_OK("2026-11-20 14:00:00:000+0100")
                      R_DEFS_OK(DEF_ID2, "2026-11-21 09:12:13:000+0100"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_int_equal(count(o, "last_install_failed"), 1);
    assert_non_null(strstr(o, "Windows Update's last install failed on 2026-11-20: 0x80073712 "
                              "ERROR_SXS_COMPONENT_STORE_CORRUPT"));
    assert_non_null(strstr(o, "for KB5099999"));
    assert_null(strstr(o, "BingWeather"));
    assert_null(strstr(o, "0x80073D02"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    o = FAKE_OUT(x);
    assert_int_equal(count(o, "\"code\":\"last_install_failed\""), 1);
    assert_non_null(strstr(o, "\"kb\":\"KB5099999\""));
    /* The cumulative update's own success ends it. */
    plant(&x->scm, R_CU_FAIL("2026-11-20 03:10:44:310+0100") R_DEFS_OK(
                       DEF_ID1, "2026-11-20 09:12:13:000+0100") R_CU_OK("2026-11-21 03:10:44:310+0100"));
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "last_install_failed"));
}

/* One update failing on 5 nights, definitions installing in between: counted,
 * and from 3 failures another reset is not offered as the fix. */
static void test_check_counts_a_failure_repeated_on_five_nights(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm,
          R_SCAN_OK("2026-11-20 02:58:01:100+0100") R_CU_FAIL("2026-11-20 03:10:44:310+0100")
              R_DEFS_OK(DEF_ID1, "2026-11-20 09:12:13:000+0100") R_CU_FAIL("2026-11-21 03:11:02:000+0100")
                  R_CU_FAIL("2026-11-22 03:09:51:000+0100") R_DEFS_OK(DEF_ID2, "2026-11-22 09:12:13:000+0100")
                      R_CU_FAIL("2026-11-23 03:10:05:000+0100") R_SCAN_OK("2026-11-24 02:58:01:100+0100")
                          R_CU_FAIL("2026-11-24 03:12:40:000+0100"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_int_equal(count(o, "last_install_failed"), 1);
    assert_non_null(strstr(o, "KB5099999 failed to install 5 times since 2026-11-20 (last 0x80073712 "
                              "ERROR_SXS_COMPONENT_STORE_CORRUPT"));
    assert_non_null(strstr(o, "on 2026-11-24)"));
    assert_non_null(strstr(o, "what to do: resetting again will not help: from an elevated prompt run 'DISM "
                              "/Online /Cleanup-Image /RestoreHealth'"));
    assert_non_null(strstr(o, "Fix problems using Windows Update"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"remedy\":\"resetting again will not help"));
}

/* A tail of the log that begins exactly where a line begins keeps that line. */
static void test_check_tail_starting_on_a_line(void **state)
{
    struct fake_cli *x = *state;
    static char text[WF_WULOG_TAIL + 4096];
    static const char fail[] = R_CU_FAIL("2026-11-24 03:12:40:000+0100");
    static const char scan[] = R_SCAN_OK("2026-11-24 04:00:00:000+0100");
    size_t chars = WF_WULOG_TAIL / 2; /* the tail's UTF-16 units */
    size_t n = 0;
    /* Before the tail: a scan; then the tail: the failure, scans, a padding line. */
    n += (size_t)snprintf(text + n, sizeof(text) - n, "%s", scan);
    size_t tail_start = n;
    n += (size_t)snprintf(text + n, sizeof(text) - n, "%s", fail);
    while (tail_start + chars - n > 2 * sizeof(scan))
        n += (size_t)snprintf(text + n, sizeof(text) - n, "%s", scan);
    while (n < tail_start + chars - 2)
        text[n++] = 'x';
    memcpy(text + n, "\r\n", 3);
    n += 2;
    assert_int_equal(n - tail_start, chars);
    plant(&x->scm, text);
    assert_int_equal(fake_file_get(&x->scm, LOG_PATH)->size, 2 + 2 * n);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "last_install_failed"));
}

/* A title cut to fit is cut between characters: 60 x U+30A2 (3 bytes each in
 * UTF-8) after "2026-11 " never ends in a lone lead byte. */
static void test_check_title_cut_on_a_character(void **state)
{
    struct fake_cli *x = *state;
    char title[512] = "2026-11 ", line[2048];
    for (int i = 0; i < 60; i++)
        strcat(title, "\xE3\x82\xA2");
    strcat(title, " (KB5099999)");
    snprintf(line, sizeof(line),
             EV(CU_ID, "2026-11-20 03:10:44:310+0100", "182 [AGENT_INSTALLING_FAILED]", "80073712",
                "UpdateOrchestrator", "Failure", "Content Install",
                "Installation Failure: Windows failed to install the following update with error "
                "0x80073712: %s."),
             title);
    plant(&x->scm, line);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x), *u = strstr(o, "\"update\":\"");
    assert_non_null(u);
    u += 10;
    const char *end = strchr(u, '"');
    assert_non_null(end);
    assert_true(end - u > 8 + 3 * 40); /* cut, not emptied */
    /* Strict UTF-8 to the closing quote. */
    for (const unsigned char *q = (const unsigned char *)u; q < (const unsigned char *)end;) {
        size_t len = *q < 0x80             ? 1
                     : (*q & 0xE0) == 0xC0 ? 2
                     : (*q & 0xF0) == 0xE0 ? 3
                     : (*q & 0xF8) == 0xF0 ? 4
                                           : 0;
        assert_true(len > 0 && q + len <= (const unsigned char *)end);
        for (size_t k = 1; k < len; k++)
            assert_true((q[k] & 0xC0) == 0x80);
        q += len;
    }
}

/* "Healthy" is not "updating": the build and the latest successes, in text
 * and JSON; --max-age-days makes an old one an error. */
static void test_check_says_when_it_last_updated(void **state)
{
    struct fake_cli *x = *state;
    const char *ver = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    fake_reg_set(&x->scm, ver, "CurrentBuild", WF_REG_SZ, "26100", 0);
    fake_reg_set(&x->scm, ver, "UBR", WF_REG_DWORD, NULL, 4061);
    fake_reg_set(&x->scm, ver, "DisplayVersion", WF_REG_SZ, "24H2", 0);
    fake_reg_set(&x->scm, ver, "EditionID", WF_REG_SZ, "Professional", 0);
    plant(&x->scm, R_CU_OK("2026-11-20 03:10:44:310+0100") R_SCAN_OK("2026-11-24 02:58:01:100+0100")
                       R_DEFS_OK(DEF_ID1, "2026-11-25 09:12:13:000+0100"));
    x->scm.utc = "2026-12-02T12:00:00Z";
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "  Windows build 26100.4061, 24H2, Professional\n"));
    assert_non_null(strstr(o, "  last successful check for updates: 2026-11-24 02:58\n"));
    /* Defender's definitions are not Windows' own updates. */
    assert_non_null(strstr(o, "  last successful install: 2026-11-20 03:10 (KB5099999)\n"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"updating\":{\"build\":\"26100.4061\",\"version\":\"24H2\",\"edition\":"
                           "\"Professional\",\"log_read\":true,\"last_scan\":\"2026-11-24T02:58:01+01:"
                           "00\",\"last_install\":\"2026-11-20T03:10:44+01:00\",\"last_install_kb\":"
                           "\"KB5099999\",\"last_scan_before_reset\":null"));
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "30"), 0);
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "10"), 1); /* the install is 12 days old */
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "no_recent_install"));
    assert_non_null(strstr(o, "the last on 2026-11-20T03:10:44+01:00, KB5099999"));
    assert_null(strstr(o, "no_recent_scan"));
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "7", "--json"), 1);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"code\":\"no_recent_install\",\"severity\":\"error\""));
    assert_non_null(strstr(o, "\"code\":\"no_recent_scan\",\"severity\":\"error\""));
    /* No log at all: nothing to show for it. */
    fake_file_get(&x->scm, LOG_PATH)->nbytes = 0;
    fake_file_get(&x->scm, LOG_PATH)->size = 0;
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "30"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "none in Windows Update's log"));
    /* Bad input: a one-line usage error, nothing checked. */
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "0"), 2);
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "x"), 2);
    assert_int_equal(FAKE_RUN(x, "restart", "--max-age-days", "3"), 2);
}

/* status shows the build and the latest successes under its table, and its
 * JSON the same "updating" object check's has (on 8a0d128 only check did). */
static void test_status_says_when_it_last_updated(void **state)
{
    struct fake_cli *x = *state;
    const char *ver = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    fake_reg_set(&x->scm, ver, "CurrentBuild", WF_REG_SZ, "26100", 0);
    fake_reg_set(&x->scm, ver, "UBR", WF_REG_DWORD, NULL, 4061);
    fake_reg_set(&x->scm, ver, "DisplayVersion", WF_REG_SZ, "24H2", 0);
    fake_reg_set(&x->scm, ver, "EditionID", WF_REG_SZ, "Professional", 0);
    plant(&x->scm, R_CU_OK("2026-11-20 03:10:44:310+0100") R_SCAN_OK("2026-11-24 02:58:01:100+0100"));
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "  TrustedInstaller "));
    assert_non_null(strstr(o, "\n\n  Windows build 26100.4061, 24H2, Professional\n"
                              "  last successful check for updates: 2026-11-24 02:58\n"
                              "  last successful install: 2026-11-20 03:10 (KB5099999)\n"));
    assert_int_equal(FAKE_RUN(x, "status", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"updating\":{\"build\":\"26100.4061\",\"version\":\"24H2\",\"edition\":"
                           "\"Professional\",\"log_read\":true,\"last_scan\":\"2026-11-24T02:58:01+01:"
                           "00\",\"last_install\":\"2026-11-20T03:10:44+01:00\",\"last_install_kb\":"
                           "\"KB5099999\""));
    /* -q stays one line of states. */
    assert_int_equal(FAKE_RUN(x, "status", "-q"), 0);
    assert_null(strstr(FAKE_OUT(x), "build"));
}

/* Dates in one form across text output: "2026-11-20 03:10" (the machine's
 * clock, as the log writes it) and "2026-11-22 00:00 UTC" (the journal's);
 * the JSON keeps ISO 8601. On 8a0d128 check said "2026-11-20T03:10:44+01:00",
 * history "2026-11-20 03:10:44+01:00" and undo "2026-11-22T00:00:00Z". */
static void test_dates_in_one_form(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm, R_CU_OK("2026-11-20 03:10:44:310+0100") R_SCAN_OK("2026-11-24 02:58:01:100+0100"));
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "last successful install: 2026-11-20 03:10 (KB5099999)"));
    assert_int_equal(FAKE_RUN(x, "history"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "  2026-11-20 03:10  install  succeeded"));
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_int_equal(FAKE_RUN(x, "undo", "--list"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "  2026-11-22 00:00 UTC  repair "));
    assert_int_equal(FAKE_RUN(x, "undo", "--dry-run"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Undoing 'repair' of 2026-11-22 00:00 UTC."));
    const char *cmds[][3] = {{"check"}, {"status"}, {"history"}, {"undo", "--list"}, {"undo", "--dry-run"}};
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        FAKE_RUN(x, cmds[i][0], cmds[i][1]);
        if (strstr(FAKE_OUT(x), ":00Z") || strstr(FAKE_OUT(x), ":00+01:00") || strstr(FAKE_OUT(x), "T0"))
            fail_msg("%s: an instant not in the one form: %s", cmds[i][0], FAKE_OUT(x));
    }
    assert_int_equal(FAKE_RUN(x, "history", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "2026-11-20T03:10:44+01:00")); /* the JSON keeps ISO */
}

/* After a reset, the log set aside with SoftwareDistribution still says
 * when Windows Update last succeeded; its old failures are not current. */
static void test_check_after_reset_reads_the_log_set_aside(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm,
          R_CU_OK("2026-11-20 03:10:44:310+0100") R_SCAN_OK("2026-11-24 02:58:01:100+0100")
              INSTALL_FAIL("2026-11-25 03:10:00:000+0100", "80242006", "2026-11 Update (KB5099998)"));
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 0);
    assert_null(fake_file_get(&x->scm, LOG_PATH));
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_null(strstr(o, "last_install_failed"));
    assert_non_null(
        strstr(o, "  last successful check for updates: 2026-11-24 02:58, before the reset on 20"));
    assert_non_null(
        strstr(o, "  last successful install: 2026-11-20 03:10 (KB5099999), before the reset on 20"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"last_install_before_reset\":\"20"));
    assert_int_equal(FAKE_RUN(x, "check", "--max-age-days", "30"), 0); /* a reset does not make it stale */
}

/* check, in text and JSON, of a machine whose last install failed. */
static void test_check_says_why_the_install_failed(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm, SCAN_OK("2026-11-20 13:58:02:100+0100")
                       INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "last_install_failed"));
    assert_non_null(strstr(o, "Windows Update's last install failed on 2026-11-20: 0x80073712 "
                              "ERROR_SXS_COMPONENT_STORE_CORRUPT"));
    assert_non_null(strstr(o, "for KB5099999"));
    assert_non_null(strstr(o, "what to do: from an elevated prompt run 'DISM /Online /Cleanup-Image "
                              "/RestoreHealth', then 'sfc /scannow'"));
    assert_null(strstr(o, "last_scan_failed"));
    assert_int_equal(x->scm.probes, 0); /* not of the network class: nothing probed */
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"code\":\"last_install_failed\",\"severity\":\"error\",\"fixable\":false"));
    assert_non_null(strstr(o, "\"hresult\":\"0x80073712\",\"name\":\"ERROR_SXS_COMPONENT_STORE_CORRUPT\""));
    assert_non_null(strstr(o, "\"class\":\"component_store\""));
    assert_non_null(strstr(o, "\"date\":\"2026-11-20T14:02:11+01:00\",\"kb\":\"KB5099999\""));
    assert_non_null(strstr(o, "\"remedy\":\"from an elevated prompt run 'DISM /Online"));
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_int_equal(count(FAKE_OUT(x), "\n"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "last_install_failed"));
    /* An unknown code: raw, with its facility. */
    plant(&x->scm, SCAN_FAIL("2026-11-21 09:00:00:000+0000", "8024a105"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "0x8024A105 (Windows Update; wufix has no entry for this code)"));
    /* A file that is not the format: said once, no failure made up. */
    plant(&x->scm, "\x01\x02 not a log");
    x->scm.files[0].bytes = (const uint8_t *)"garbage with no byte order mark";
    x->scm.files[0].nbytes = 31;
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_int_equal(count(FAKE_OUT(x), "update_log_unreadable"), 1);
}

static void test_check_network_failure_probes_the_source(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm, SCAN_FAIL("2026-11-21 09:00:00:000+0000", "8024402C"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "last_scan_failed"));
    assert_non_null(strstr(o, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"));
    assert_non_null(
        strstr(o, "what to do: check the proxy ('netsh winhttp show proxy') and name resolution"));
    /* Network class: Microsoft's own endpoints are probed, and said unreachable. */
    assert_int_equal(x->scm.probes, 2);
    assert_non_null(strstr(o, "update_endpoint_unreachable"));
    assert_non_null(strstr(o, "fe3.delivery.mp.microsoft.com port 443"));
    x->scm.listening = "fe3.delivery.mp.microsoft.com:443,download.windowsupdate.com:80";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strstr(FAKE_OUT(x), "update_endpoint_unreachable"));
}

static void test_check_wsus_and_proxy_probed(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, POLICY "\\AU", "UseWUServer", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, POLICY, "WUServer", WF_REG_SZ, "http://wsus.corp.example:8530", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "update_server_unreachable"));
    assert_non_null(
        strstr(o, "wsus.corp.example port 8530 (HKLM\\" POLICY "\\WUServer=http://wsus.corp.example:8530)"));
    assert_int_equal(x->scm.probes, 1); /* no failure in the log: Microsoft's servers are not asked */
    x->scm.listening = "wsus.corp.example:8530";
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "update_server_unreachable"));
    /* A loopback server is a blocker's trace, never probed. */
    fake_reg_set(&x->scm, POLICY, "WUServer", WF_REG_SZ, "http://127.0.0.1:8530", 0);
    unsigned probes = x->scm.probes;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "policy_wsus_loopback"));
    assert_int_equal(x->scm.probes, probes);
    fake_reg_set(&x->scm, POLICY "\\AU", "UseWUServer", WF_REG_DWORD, NULL, 0);
    /* The WinHTTP proxy. */
    uint8_t b[64] = {0x28, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, 15, 0, 0, 0};
    memcpy(b + 16, "proxy.corp:3128", 15);
    fake_reg_set_bin(&x->scm, WF_KEY_WINHTTP, "WinHttpSettings", b, 35);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"code\":\"proxy_unreachable\""));
    assert_non_null(strstr(o, "proxy.corp port 3128"));
    assert_non_null(strstr(o, "netsh winhttp"));
}

/* Remedies follow their evidence: a WSUS name DNS does not know points at the
 * name, the policy and DNS, not the firewall; with nothing fixable, check never
 * offers 'wufix repair' (b394e12 said "let its port through the firewall" and
 * "'wufix repair' fixes 0"). */
static void test_check_remedy_follows_the_evidence(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, POLICY "\\AU", "UseWUServer", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, POLICY, "WUServer", WF_REG_SZ, "http://wsus.corp.invalid:8530", 0);
    x->scm.unresolved = "wsus.corp.invalid";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "its name does not resolve (DNS)"));
    assert_non_null(strstr(o, "not in DNS: correct the name in the policy WUServer"));
    assert_null(strstr(o, "firewall"));
    assert_null(strstr(o, "'wufix repair' fixes"));
    assert_non_null(strstr(o, "1 problem; wufix cannot fix it itself"));
    /* A name DNS knows whose port does not answer: the server and the firewall. */
    x->scm.unresolved = NULL;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "let its port through the firewall"));
}

static void test_check_paused_updates(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, WF_KEY_UX, "PauseUpdatesExpiryTime", WF_REG_SZ, "2026-12-30T08:00:00Z", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0); /* information, not a problem */
    assert_non_null(
        strstr(FAKE_OUT(x), "updates are paused (until 2026-12-30T08:00:00Z (PauseUpdatesExpiryTime))"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"updates_paused\",\"severity\":\"info\""));
    x->scm.utc = "2027-01-01T00:00:00Z"; /* the pause is over */
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "updates_paused"));
}

static void test_repair_says_reset_is_the_fix(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm, EVENT("2026-11-20 14:02:11:509+0100", "182 [AGENT_INSTALLING_FAILED]", "80242006",
                         "Installation Failure: Windows failed to install the following update with error "
                         "0x80242006: " NOV_CU "."));
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 1); /* the failure is still the last: an error left */
    const char *o = FAKE_OUT(x);
    assert_non_null(
        strstr(o, "Windows Update's last failure (0x80242006) is in its caches: 'wufix reset' is the fix"));
    assert_null(fake_file_get(&x->scm, "C:\\Windows\\SoftwareDistribution.wufix-"));
    assert_non_null(fake_file_get(&x->scm, LOG_PATH)); /* never reset by itself */
}

static void test_guided_says_the_failure_in_plain_words(void **state)
{
    struct fake_cli *x = *state;
    plant(&x->scm, INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU));
    x->fp.pf.alone = x->fp.pf.interactive = true;
    x->fp.answer = "";
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o,
                           "  1. Windows Update could not install the November 2026 update (KB5099999) on\n"
                           "     20 November 2026: some of Windows' own files are damaged.\n"));
    assert_non_null(strstr(o, "     To fix it: from an elevated prompt run"));
    assert_non_null(
        strstr(o, "\n         DISM /Online /Cleanup-Image /RestoreHealth\n         sfc /scannow\n"));
    assert_non_null(strstr(o, "wufix cannot fix this problem itself. Nothing was changed."));
    /* A title is the update source's text: nothing of it but digits reaches the screen. */
    plant(&x->scm, INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", "\x1b[2J-11 Update (KB5099999)"));
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    assert_null(strchr(FAKE_OUT(x), '\x1b'));
    assert_non_null(strstr(FAKE_OUT(x), "could not install an update (KB5099999)"));
}

/* A repair's changes in the JSON name their kind: the account too. */
static void test_repair_json_names_an_account_change(void **state)
{
    struct fake_cli *x = *state;
    wf_strlcpy(fake_scm_get(&x->scm, "wuauserv")->account, ".\\blocker", WF_TEXT_MAX);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "--json"), 0);
    assert_non_null(
        strstr(FAKE_OUT(x), "{\"kind\":\"account\",\"service\":\"wuauserv\",\"was\":\".\\\\blocker\""));
    assert_null(strstr(FAKE_OUT(x), "(null)"));
}

/* Why a feature update is held back. The hold IDs and the key name are
 * those of Gary Blok's public scripts (garytown, Feature-Updates/
 * SafeGuardHolds): 41332279, devices with a printer on the Microsoft IPP
 * Class Driver, for NI22H2 (Windows 11 22H2); 40667045, Secure Launch data
 * not migrated. */
#define INDICATORS                                                                                           \
    "SOFTWARE\\Microsoft\\Windows "                                                                          \
    "NT\\CurrentVersion\\AppCompatFlags\\TargetVersionUpgradeExperienceIndicators"
#define SETUPDIAG "C:\\Windows\\Logs\\SetupDiag\\SetupDiagResults.xml"

static void held_machine(struct fake_scm *f)
{
    fake_reg_set(f, INDICATORS "\\NI22H2", "GatedBlockId", WF_REG_SZ, "41332279", 0);
    fake_reg_set(f, INDICATORS "\\NI22H2", "GatedBlockReason", WF_REG_SZ, "Printer", 0);
    fake_reg_set(f, INDICATORS "\\NI22H2", "UpgEx", WF_REG_SZ, "Red", 0);
    fake_reg_set(f, INDICATORS "\\CO21H2", "GatedBlockId", WF_REG_SZ, "40667045", 0);
    fake_reg_set(f, INDICATORS "\\UNV", "GatedBlockId", WF_REG_SZ, "1", 0); /* no release in its name */
}

/* A Windows 10 22H2 machine held back from Windows 11 22H2: check names
 * the hold of the target alone, as information (exit 0), in text and JSON. */
static void test_check_names_a_safeguard_hold(void **state)
{
    struct fake_cli *x = *state;
    held_machine(&x->scm);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "held back by a safeguard hold"));
    assert_non_null(strstr(o, "(ID 41332279, for NI22H2 (GatedBlockReason=Printer, UpgEx=Red))"));
    assert_null(strstr(o, "40667045")); /* an older release's key is not the target */
    assert_null(strstr(o, "ID 1,"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"code\":\"safeguard_hold\",\"severity\":\"info\""));
    assert_non_null(strstr(o, "\"found\":\"ID 41332279, for NI22H2 (GatedBlockReason=Printer, UpgEx=Red)\""));
    /* "None" is no hold; RedReason alone says why the appraiser holds it. */
    fake_reg_set(&x->scm, INDICATORS "\\NI22H2", "GatedBlockId", WF_REG_SZ, "None", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "safeguard_hold"));
    assert_null(strstr(FAKE_OUT(x), "upgrade_blocked"));
    fake_reg_set(&x->scm, INDICATORS "\\NI22H2", "RedReason", WF_REG_SZ, "Tpm UefiSecureBoot", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "upgrade_blocked"));
    assert_non_null(
        strstr(FAKE_OUT(x), "NI22H2: GatedBlockReason=Printer, UpgEx=Red, RedReason=Tpm UefiSecureBoot"));
}

/* A policy pins a version: its release is the target, and the pin, the
 * deferral and safeguards turned off are said as information. */
static void test_check_says_the_policies_that_hold_a_version(void **state)
{
    struct fake_cli *x = *state;
    held_machine(&x->scm);
    fake_reg_set(&x->scm, POLICY, "TargetReleaseVersion", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, POLICY, "TargetReleaseVersionInfo", WF_REG_SZ, "21H2", 0);
    fake_reg_set(&x->scm, POLICY, "ProductVersion", WF_REG_SZ, "Windows 11", 0);
    fake_reg_set(&x->scm, POLICY, "DeferFeatureUpdatesPeriodInDays", WF_REG_DWORD, NULL, 365);
    fake_reg_set(&x->scm, POLICY, "DisableWUfBSafeguards", WF_REG_DWORD, NULL, 1);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(
        strstr(o, "a policy pins Windows to a version (Windows 11 21H2: TargetReleaseVersionInfo)"));
    assert_non_null(strstr(o, "a policy defers feature updates (365 days: DeferFeatureUpdatesPeriodInDays)"));
    assert_non_null(strstr(o, "safeguard holds off"));
    assert_non_null(strstr(o, "ID 40667045, for CO21H2"));
    assert_null(strstr(o, "41332279"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"code\":\"feature_update_pinned\""));
    assert_non_null(strstr(o, "\"code\":\"feature_updates_deferred\""));
    assert_non_null(strstr(o, "\"code\":\"safeguard_holds_off\""));
    /* A pin Windows does not read as a release: no key is its target. */
    fake_reg_set(&x->scm, POLICY, "TargetReleaseVersionInfo", WF_REG_SZ, "Windows 11, version 2x", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "safeguard_hold "));
    /* Without TargetReleaseVersion=1 the version named is no pin. */
    fake_reg_set(&x->scm, POLICY, "TargetReleaseVersion", WF_REG_DWORD, NULL, 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "feature_update_pinned"));
}

/* On Windows 11 22H2, the key of 22H2 speaks of the version installed. */
static void test_check_hold_of_the_version_installed_is_not_told(void **state)
{
    struct fake_cli *x = *state;
    held_machine(&x->scm);
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber", WF_REG_SZ,
                 "22621", 0);
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "DisplayVersion", WF_REG_SZ,
                 "22H2", 0);
    FAKE_RUN(x, "check");
    assert_null(strstr(FAKE_OUT(x), "safeguard_hold"));
    fake_reg_set(&x->scm, INDICATORS "\\GE24H2", "GatedBlockId", WF_REG_SZ, "56318982", 0);
    FAKE_RUN(x, "check");
    assert_non_null(strstr(FAKE_OUT(x), "ID 56318982, for GE24H2"));
}

/* SetupDiag's result laid out as Microsoft's sample (Microsoft Learn,
 * "SetupDiag": XML log sample); the codes from "Resolution procedures"
 * (0xC1900101 - 0x20017: a driver, in the SafeOS phase). */
static const char setupdiag_xml[] =
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n"
    "<SetupDiag xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
    "xmlns=\"https://docs.microsoft.com/windows/deployment/upgrade/setupdiag\">\n"
    "  <Version>1.6.0.0</Version>\n"
    "  <ProfileName>FindRollbackFailure</ProfileName>\n"
    "  <ProfileGuid>3A43C9B5-05B3-4F7C-A955-88F991BB5A48</ProfileGuid>\n"
    "  <FailureData>\nError: SetupDiag reports rollback failure found.\nLast Phase = Safe OS\n"
    "Error: 0xC1900101 - 0x20017</FailureData>\n"
    "  <FailureDetails>Err = 0xC1900101, LastOperation = Boot, LastPhase = Safe OS</FailureDetails>\n"
    "</SetupDiag>\n";

static void test_check_reads_setupdiag(void **state)
{
    struct fake_cli *x = *state;
    fake_file_put(&x->scm, SETUPDIAG, sizeof(setupdiag_xml))->content = setupdiag_xml;
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "SetupDiag says why a feature update failed (FindRollbackFailure: "
                              "Err = 0xC1900101, LastOperation = Boot, LastPhase = Safe OS; 0xC1900101 "
                              "MOSETUP_E_SETUP_PLATFORM, extend code 0x20017: phase 2 (SAFE_OS), operation "
                              "0x17 (BOOT))"));
    assert_non_null(strstr(o, "what to do: update or remove the driver"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"setupdiag_failure\""));
    /* Microsoft's own sample: a Win32 code in FailureDetails, no extend code. */
    static const char sample[] =
        "<SetupDiag><ProfileName>FindSPFatalError</ProfileName><FailureData>\nError: SetupDiag reports "
        "Fatal Error.\nLast Setup Phase = Downlevel\nError: 0x00000057</FailureData><FailureDetails>Err = "
        "0x00000057, LastOperation = Gather data, scope: EVERYTHING, LastPhase = Downlevel</FailureDetails>"
        "</SetupDiag>";
    fake_file_get(&x->scm, SETUPDIAG)->content = sample;
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "(FindSPFatalError: Err = 0x00000057, LastOperation = Gather data, "
                                        "scope: EVERYTHING, LastPhase = Downlevel; 0x00000057)"));
    /* A pair that is not two hex numbers is not read as one: FailureDetails' code is. */
    fake_file_get(&x->scm, SETUPDIAG)->content =
        "<ProfileName>R</ProfileName>Error: 0xC19Z0101 - 0x20017, 0x1 - 0x2<FailureDetails>Err = 0xC190020E, "
        "LastPhase = Downlevel</FailureDetails>";
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "(R: Err = 0xC190020E, LastPhase = Downlevel; 0xC190020E "
                                        "MOSETUP_E_INSTALLDISKSPACE_BLOCK)"));
    /* Hostile text: escaped; a tag never closed, nothing; no rule, nothing. */
    fake_file_get(&x->scm, SETUPDIAG)->content =
        "<ProfileName>Ru\x1b[31mle \"x\"\r\n</ProfileName><FailureDetails>Err = 0xZZ";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"found\":\"Ru [31mle \\\"x\\\"\""));
    fake_file_get(&x->scm, SETUPDIAG)->content = "<ProfileName>Rule";
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "setupdiag_failure"));
    /* Over the bound: said, not read. */
    static char big[(128u << 10) + 16];
    memset(big, 'x', sizeof(big) - 1);
    fake_file_get(&x->scm, SETUPDIAG)->content = big;
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "SetupDiagResults.xml: over 128 KB, not read"));
}

static void test_hresult_extend_codes(void **state)
{
    (void)state;
    char buf[128];
    wf_hr_extend(0x4000D, buf, sizeof(buf)); /* the page's own example */
    assert_string_equal(buf, "phase 4 (OOBE_BOOT), operation 0x0D (MIGRATE_DATA)");
    wf_hr_extend(0x20004, buf, sizeof(buf));
    assert_string_equal(buf, "phase 2 (SAFE_OS), operation 0x04 (INSTALL_RECOVERY_ENVIRONMENT)");
    wf_hr_extend(0x30018, buf, sizeof(buf));
    assert_string_equal(buf, "phase 3 (FIRST_BOOT), operation 0x18 (SYSPREP)");
    wf_hr_extend(0x50020, buf, sizeof(buf));
    assert_string_equal(buf, "phase 5 (UNINSTALL), operation 0x20 (ADD_PROVISIONING_PACKAGE)");
    wf_hr_extend(0x90021, buf, sizeof(buf));
    assert_string_equal(buf, "phase 9 (not known), operation 0x21 (not known)");
    assert_string_equal(wf_hr_name(wf_hr_find(0xC1900208)), "MOSETUP_E_COMPAT_INSTALLREQ_BLOCK");
    wf_hr_facility(0xC1900999, buf, sizeof(buf));
    assert_string_equal(buf, "Windows Setup (MOSETUP)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wulog_latest_failure_not_followed_by_success),
        cmocka_unit_test(test_wulog_as_microsoft_shows_it),
        cmocka_unit_test(test_wulog_tail_and_garbage),
        cmocka_unit_test(test_hresult_table),
        cmocka_unit_test(test_hresult_rows_held_against_microsoft),
        cmocka_unit_test(test_hresult_table_documented),
        cmocka_unit_test(test_hresult_extend_codes),
        cmocka_unit_test_setup_teardown(test_check_names_a_safeguard_hold, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_says_the_policies_that_hold_a_version, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_hold_of_the_version_installed_is_not_told, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_reads_setupdiag, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test(test_diagnose_urls_and_proxy),
        cmocka_unit_test(test_diagnose_urls_as_windows_reads_them),
        cmocka_unit_test_setup_teardown(test_check_says_why_the_install_failed, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_definitions_do_not_hide_a_failed_update, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_counts_a_failure_repeated_on_five_nights, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_tail_starting_on_a_line, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_title_cut_on_a_character, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_says_when_it_last_updated, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_status_says_when_it_last_updated, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_dates_in_one_form, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_after_reset_reads_the_log_set_aside, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_network_failure_probes_the_source, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_wsus_and_proxy_probed, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_remedy_follows_the_evidence, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_wsus_loopback_forms, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_paused_updates, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_repair_says_reset_is_the_fix, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_says_the_failure_in_plain_words, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_repair_json_names_an_account_change, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

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
    for (const char *p = text; *p; p++) {
        out[n++] = (uint8_t)*p;
        out[n++] = 0;
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
    assert_false(h.last[WF_WU_SCAN].found); /* the later good scan clears the failed one */
    assert_false(h.last[WF_WU_DOWNLOAD].found);
    assert_true(h.last[WF_WU_INSTALL].found);
    assert_int_equal(h.last[WF_WU_INSTALL].hresult, 0x80073712u);
    assert_string_equal(h.last[WF_WU_INSTALL].when, "2026-11-20T14:02:11+01:00");
    assert_string_equal(h.last[WF_WU_INSTALL].kb, "KB5099999");
    assert_string_equal(h.last[WF_WU_INSTALL].title, NOV_CU);
    /* A later success of the same kind: nothing left. */
    n = utf16(INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU)
                  INSTALL_OK("2026-11-22 08:00:00:000-0500", NOV_CU),
              logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_false(h.last[WF_WU_INSTALL].found);
    /* The latest of two failures is the one told. */
    n = utf16(SCAN_FAIL("2026-11-20 09:00:00:000+0000", "80072ee2")
                  SCAN_FAIL("2026-11-21 09:00:00:000+0000", "8024402C"),
              logbuf);
    wf_wulog_parse(logbuf, n, n, &h);
    assert_int_equal(h.last[WF_WU_SCAN].hresult, 0x8024402Cu);
    assert_string_equal(h.last[WF_WU_SCAN].kb, "");
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
    assert_int_equal(h.last[WF_WU_SCAN].hresult, 0x8024402Cu);
    assert_string_equal(h.last[WF_WU_SCAN].when, "2018-01-17T20:13:28+09:00");
    assert_int_equal(h.last[WF_WU_INSTALL].hresult, 0x80242015u);
    assert_string_equal(h.last[WF_WU_INSTALL].kb, "KB4051033");
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
    assert_int_equal(h.last[WF_WU_INSTALL].hresult, 0x80070643u);
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
        assert_non_null(r->name);
        assert_true(r->meaning && r->meaning[0]);
        assert_true(r->source < 8 && wf_hr_sources[r->source]);
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
    assert_string_equal(store->name, "ERROR_SXS_COMPONENT_STORE_CORRUPT");
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
    assert_string_equal(buf, "component servicing (CBS)");
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
        snprintf(row, sizeof(row), "| `0x%08X` | `%s` | %s | `%s` |", (unsigned)r->code, r->name, r->meaning,
                 wf_hr_class_token((enum wf_hr_class)r->cls));
        if (!strstr(doc, row))
            print_message("docs/problems.md lacks: %s\n", row);
        assert_non_null(strstr(doc, row));
    }
    for (size_t s = 0; s < 8; s++)
        assert_non_null(strstr(doc, wf_hr_sources[s]));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wulog_latest_failure_not_followed_by_success),
        cmocka_unit_test(test_wulog_as_microsoft_shows_it),
        cmocka_unit_test(test_wulog_tail_and_garbage),
        cmocka_unit_test(test_hresult_table),
        cmocka_unit_test(test_hresult_table_documented),
        cmocka_unit_test(test_diagnose_urls_and_proxy),
        cmocka_unit_test_setup_teardown(test_check_says_why_the_install_failed, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_network_failure_probes_the_source, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_wsus_and_proxy_probed, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_check_paused_updates, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_repair_says_reset_is_the_fix, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_says_the_failure_in_plain_words, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_repair_json_names_an_account_change, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

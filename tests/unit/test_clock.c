/* SPDX-License-Identifier: MIT */
/* test_clock.c - the clock's service: the Windows Time service disabled or
 * told never to synchronize is a warning naming the value; reported, never
 * changed. The clock against the Date of Windows Update's plain HTTP
 * server, when the endpoints are probed anyway. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/machine.h"

#define W32TIME "SYSTEM\\CurrentControlSet\\Services\\W32Time"

static void test_clock_time_service_disabled_is_a_warning(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, W32TIME, "Start", WF_REG_DWORD, NULL, 3);
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NTP", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "Windows Time"));
    fake_reg_set(&x->scm, W32TIME, "Start", WF_REG_DWORD, NULL, 4);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "the Windows Time service is disabled: a wrong clock fails HTTPS "
                                        "(0x80072F8F) (HKLM\\" W32TIME "\\Start=4 (disabled))"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"time_service_disabled\",\"severity\":\"warning\""));
    /* Reported only: repair changes nothing of it. */
    FAKE_RUN(x, "repair", "--yes");
    assert_int_equal(fake_reg_get(&x->scm, W32TIME, "Start")->dword, 4);
}

static void test_clock_nosync_is_a_warning(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "nosync", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "the Windows Time service does not set the clock from any source "
                                        "(0x80072F8F) (HKLM\\" W32TIME "\\Parameters\\Type=NoSync)"));
    assert_non_null(strstr(FAKE_OUT(x), "w32tm /resync"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"time_sync_off\",\"severity\":\"warning\""));
    /* A domain member's NT5DS, or a value no source names as NoSync: nothing. */
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NT5DS", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NoSyncX", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_DWORD, NULL, 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
}

/* Guided mode says it in plain words. */
static void test_clock_guided_plain_words(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NoSync", 0);
    x->fp.pf.alone = x->fp.pf.interactive = true;
    x->fp.answer = "";
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    /* The lines unwrapped. */
    static char o[1 << 16];
    size_t n = 0;
    for (const char *p = FAKE_OUT(x); *p && n + 1 < sizeof(o); p++)
        if (*p == '\n') {
            while (p[1] == ' ')
                p++;
            o[n++] = ' ';
        } else
            o[n++] = *p;
    o[n] = '\0';
    assert_non_null(strstr(o,
                           "The Windows Time service is told never to set the clock, so downloads can fail. "
                           "wufix leaves it."));
}

/* One failed install in Windows Update's log. */
static void fail_with(struct fake_scm *f, const char *hr)
{
    fake_wulog_failure(f, hr, "2026-11 Cumulative Update (KB5099999)");
}

static const char *date_of(const char *reply)
{
    static char out[21];
    return wf_http_date(reply, 2026, out) ? out : "none";
}

/* RFC 9110's examples (section 5.6.7), each of the three formats; the
 * field's name in any case, whitespace around the value. */
static void test_clock_http_date_formats(void **state)
{
    (void)state;
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n"),
                        "1994-11-06T08:49:37Z");
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Sunday, 06-Nov-94 08:49:37 GMT\r\n\r\n"),
                        "1994-11-06T08:49:37Z");
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Sun Nov  6 08:49:37 1994\r\n\r\n"),
                        "1994-11-06T08:49:37Z");
    assert_string_equal(
        date_of("HTTP/1.0 404 Not Found\nServer: x\ndate:\t Wed, 02 Dec 2026 12:00:00 GMT \t\n\n"),
        "2026-12-02T12:00:00Z");
    /* A two-digit year: within 50 years ahead it is this century's. */
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Wednesday, 02-Dec-26 12:00:00 GMT\r\n\r\n"),
                        "2026-12-02T12:00:00Z");
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Thursday, 01-Jan-76 00:00:00 GMT\r\n\r\n"),
                        "2076-01-01T00:00:00Z");
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Friday, 01-Jan-77 00:00:00 GMT\r\n\r\n"),
                        "1977-01-01T00:00:00Z");
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Thu, 29 Feb 2024 23:59:60 GMT\r\n\r\n"),
                        "2024-02-29T23:59:60Z");
    assert_string_equal(date_of("HTTP/1.1 200 OK\r\nDate: Fri, 31 Dec 9999 23:59:59 GMT\r\n\r\n"),
                        "9999-12-31T23:59:59Z");
}

/* A reply no one vouches for: anything but a whole, well-formed Date line
 * in the header section gives no date. */
static void test_clock_http_date_hostile(void **state)
{
    static char huge[WF_HTTP_REPLY * 2];
    (void)state;
    const char *bad[] = {
        "",
        "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n",                      /* no status line */
        "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n",                             /* no Date */
        "HTTP/1.1 200 OK\r\n\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n",   /* in the body */
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT",           /* a line cut */
        "HTTP/1.1 200 OK\r\nDate : Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n",  /* space before the colon */
        "HTTP/1.1 200 OK\r\nX-Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n", /* another field */
        "HTTP/1.1 200 OK\r\nDate: garbage\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: \x1b[2J\x1b]0;owned\a\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 nov 1994 08:49:37 GMT\r\n\r\n", /* months are case-sensitive */
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 UTC\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 6 Nov 1994 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 32 Nov 1994 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 00 Nov 1994 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Wed, 29 Feb 2023 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Mon, 29 Feb 1900 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 24:00:00 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:60:00 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:61 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov -994 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT trailing\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun Nov  6 08:49:37 1994 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Su, 06 Nov 1994 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: , 06 Nov 1994 08:49:37 GMT\r\n\r\n",
        "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:3",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (strcmp(date_of(bad[i]), "none") != 0)
            fail_msg("read a date from reply %zu", i);
    }
    /* A header longer than what is read: the Date past it is never seen,
     * nor one cut; a value as long as the line allows is refused. */
    size_t n = (size_t)snprintf(huge, sizeof(huge), "HTTP/1.1 200 OK\r\nX-Filler: ");
    memset(huge + n, 'x', WF_HTTP_REPLY - 40 - n);
    snprintf(huge + WF_HTTP_REPLY - 40, 40, "\r\nDate: Sun, 06 Nov 19");
    assert_string_equal(date_of(huge), "none");
    n = (size_t)snprintf(huge, sizeof(huge), "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT");
    memset(huge + n, ' ', sizeof(huge) - n - 8);
    memcpy(huge + sizeof(huge) - 8, "x\r\n\r\n", 6);
    assert_string_equal(date_of(huge), "none");
}

static void test_clock_skew_against_the_server(void **state)
{
    struct fake_cli *x = *state;
    fail_with(&x->scm, "80072F8F");
    x->scm.listening = "fe3.delivery.mp.microsoft.com:443,download.windowsupdate.com:80";
    x->scm.utc = "2026-12-02T12:00:00Z";
    /* Within 5 minutes either way: nothing said. */
    x->scm.http_reply = "HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 12:04:59 GMT\r\n\r\n";
    assert_int_equal(FAKE_RUN(x, "check"), 1); /* the failure itself */
    assert_null(strstr(FAKE_OUT(x), "clock_skew"));
    x->scm.http_reply = "HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 11:55:00 GMT\r\n\r\n";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strstr(FAKE_OUT(x), "clock_skew"));
    /* Ahead of the server. */
    x->scm.http_reply = "HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 11:50:00 GMT\r\n\r\n";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x),
                           "this machine's clock says 2026-12-02T12:00:00Z, "
                           "download.windowsupdate.com's Date 2026-12-02T11:50:00Z: 600 s ahead; "
                           "the likely cause of the failure 0x80072F8F"));
    assert_non_null(strstr(FAKE_OUT(x), "'w32tm /resync'"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"clock_skew\",\"severity\":\"warning\""));
    /* Behind it, far: the RFC 850 form, a year away. */
    x->scm.http_reply = "HTTP/1.1 301 Moved\r\nDate: Thursday, 02-Dec-27 12:00:00 GMT\r\n\r\n";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "Date 2027-12-02T12:00:00Z: 31536000 s behind;"));
    /* Another network failure: the skew said, not as its cause. */
    fail_with(&x->scm, "80072EE2");
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "31536000 s behind)"));
    assert_null(strstr(FAKE_OUT(x), "likely cause"));
    /* Garbage, no reply, or the server unreachable: nothing said of the clock. */
    x->scm.http_reply = "HTTP/1.1 200 OK\r\nDate: \x1b[2J 9999\r\n\r\n";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strstr(FAKE_OUT(x), "clock_skew"));
    assert_null(strchr(FAKE_OUT(x), '\x1b'));
    x->scm.http_reply = NULL;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strstr(FAKE_OUT(x), "clock_skew"));
    x->scm.http_reply = "HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 11:50:00 GMT\r\n\r\n";
    x->scm.listening = "fe3.delivery.mp.microsoft.com:443";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strstr(FAKE_OUT(x), "clock_skew"));
    /* A failure not of the network class: the endpoints are not asked. */
    x->scm.listening = "fe3.delivery.mp.microsoft.com:443,download.windowsupdate.com:80";
    fail_with(&x->scm, "80070643");
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strstr(FAKE_OUT(x), "clock_skew"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_clock_time_service_disabled_is_a_warning, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_clock_nosync_is_a_warning, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_clock_guided_plain_words, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test(test_clock_http_date_formats),
        cmocka_unit_test(test_clock_http_date_hostile),
        cmocka_unit_test_setup_teardown(test_clock_skew_against_the_server, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

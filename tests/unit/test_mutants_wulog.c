/* SPDX-License-Identifier: MIT */
/* test_mutants_wulog.c - ReportingEvents.log read whole through the public
 * parser (wf_wulog_parse), where a small change to wulog.c would go unnoticed
 * otherwise (tests/mutation): 201 ("installed, a restart pending") clears an
 * install failure; a line is an event only when every field checked is as
 * Windows writes it. Whole logs in, history out: these hold for any parser
 * behind wulog.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "wufix/base/wulog.h"

#define GUID "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}"
#define ZERO "{00000000-0000-0000-0000-000000000000}"

/* One event line as Windows writes it: 13 tab-separated fields. */
#define LINE(when, id, hr, msg)                                                                              \
    GUID "\t" when "\t1\t" id "\t101\t" ZERO "\t200\t" hr                                                    \
         "\tUpdateOrchestrator\tFailure\tContent Install\t" msg                                              \
         "\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n"

#define T1 "2026-11-20 14:02:11:509+0100"
#define T2 "2026-11-21 09:00:00:000+0100"

#define INSTALL_FAIL(when)                                                                                   \
    LINE(when, "182 [AGENT_INSTALLING_FAILED]", "80073712",                                                  \
         "Installation Failure: Windows failed to install the following update with error 0x80073712: "      \
         "2026-11 Cumulative Update (KB5099999).")

static uint8_t buf[1 << 16];
static struct wf_wu_history h;

/* UTF-16LE; with the byte order mark when `bom`. */
static size_t utf16(const char *text, bool bom)
{
    size_t n = 0;
    if (bom) {
        buf[n++] = 0xFF;
        buf[n++] = 0xFE;
    }
    for (const char *p = text; *p; p++) {
        buf[n++] = (uint8_t)*p;
        buf[n++] = 0;
    }
    return n;
}

/* The newest failure of a kind still standing, or NULL. */
static const struct wf_wu_fail *last_of(const struct wf_wu_history *r, enum wf_wu_kind k)
{
    for (size_t i = r->nfail; i-- > 0;)
        if (r->fail[i].kind == k)
            return &r->fail[i];
    return NULL;
}

static const struct wf_wu_history *parse(const char *text)
{
    size_t n = utf16(text, true);
    wf_wulog_parse(buf, n, n, &h);
    return &h;
}

static void test_wulog_201_clears_an_install_failure(void **state)
{
    (void)state;
    const struct wf_wu_history *r = parse(INSTALL_FAIL(T1));
    assert_non_null(last_of(r, WF_WU_INSTALL));
    assert_int_equal(last_of(r, WF_WU_INSTALL)->hresult, 0x80073712u);
    assert_string_equal(last_of(r, WF_WU_INSTALL)->kb, "KB5099999");
    assert_string_equal(last_of(r, WF_WU_INSTALL)->title, "2026-11 Cumulative Update (KB5099999)");
    assert_string_equal(last_of(r, WF_WU_INSTALL)->when, "2026-11-20T14:02:11+01:00");
    r = parse(INSTALL_FAIL(T1) LINE(T2, "201 [AGENT_INSTALLING_PENDING]", "0",
                                    "Installation Pending: restart to finish KB5099999"));
    assert_null(last_of(r, WF_WU_INSTALL));
    assert_int_equal(r->events, 2);
}

static void test_wulog_each_kind_and_its_success(void **state)
{
    (void)state;
    const struct wf_wu_history *r =
        parse(LINE(T1, "148 [AGENT_DETECTION_FAILED]", "8024402C", "failed with error 0x8024402C.")
                  LINE(T1, "161 [AGENT_DOWNLOAD_FAILED]", "80246008", "Download failed.")
                      LINE(T2, "162 [AGENT_DOWNLOAD_SUCCEEDED]", "0", "Download succeeded."));
    assert_non_null(last_of(r, WF_WU_SCAN));
    assert_int_equal(last_of(r, WF_WU_SCAN)->hresult, 0x8024402Cu);
    assert_null(last_of(r, WF_WU_DOWNLOAD));
    assert_null(last_of(r, WF_WU_INSTALL));
    /* A time zone west of Greenwich. */
    r = parse(LINE("2026-11-20 14:02:11:509-0500", "148 [AGENT_DETECTION_FAILED]", "8024402c", "x"));
    assert_non_null(last_of(r, WF_WU_SCAN));
    assert_string_equal(last_of(r, WF_WU_SCAN)->when, "2026-11-20T14:02:11-05:00");
    assert_int_equal(last_of(r, WF_WU_SCAN)->hresult, 0x8024402Cu);
}

/* Lines that are not events, each one field off: counted as other lines,
 * never a failure. */
static void test_wulog_strict_fields(void **state)
{
    (void)state;
    static const char *const bad[] = {
        LINE(T1, "182[AGENT_INSTALLING_FAILED]", "80073712", "x"),        /* no space */
        LINE(T1, "182 AGENT_INSTALLING_FAILED", "80073712", "x"),         /* no bracket */
        LINE(T1, "182x[AGENT_INSTALLING_FAILED]", "80073712", "x"),       /* a letter for the space */
        LINE(T1, " [AGENT_INSTALLING_FAILED]", "80073712", "x"),          /* no number */
        LINE("2026-11-20T14:02:11:509+0100", "182 [A]", "80073712", "x"), /* a T for the space */
        LINE("2026-11-20 14:02:11:509", "182 [A]", "80073712", "x"),      /* no offset */
        LINE("2026-11-20 14:02:11:509 0100", "182 [A]", "80073712", "x"), /* no sign */
        LINE(T1, "182 [A]", "180073712", "x"),                            /* nine hex digits */
        LINE(T1, "182 [A]", "", "x"),                                     /* no code */
        LINE(T1, "182 [A]", "8007371G", "x"),                             /* not hex */
        GUID "\t" T1 "\t1\t182 [A]\t101\t" ZERO "\t200\r\n",              /* seven fields */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const struct wf_wu_history *r = parse(bad[i]);
        assert_null(last_of(r, WF_WU_INSTALL));
        assert_int_equal(r->events, 0);
        assert_int_equal(r->other, 1);
        assert_true(r->unreadable);
    }
    /* Seven fields after a line of thirteen: the code the first had is not the second's. */
    const struct wf_wu_history *s7 = parse(LINE(T1, "148 [AGENT_DETECTION_FAILED]", "8024402C", "x") GUID
                                           "\t" T1 "\t1\t182 [A]\t101\t" ZERO "\t200\r\n");
    assert_non_null(last_of(s7, WF_WU_SCAN));
    assert_null(last_of(s7, WF_WU_INSTALL));
    assert_int_equal(s7->events, 1);
    /* Eight fields are enough: the code without a message. */
    const struct wf_wu_history *r = parse(GUID "\t" T1 "\t1\t182 [A]\t101\t" ZERO "\t200\t80073712\r\n");
    assert_non_null(last_of(r, WF_WU_INSTALL));
    assert_string_equal(last_of(r, WF_WU_INSTALL)->kb, "");
}

/* The update's name: KB and 6 to 8 digits standing alone; the title
 * without its full stop. */
static void test_wulog_kb_and_title(void **state)
{
    (void)state;
    const struct wf_wu_history *r =
        parse(LINE(T1, "182 [A]", "80073712", "failed with error 0x80073712: Update KB12345 xKB1234567."));
    assert_string_equal(last_of(r, WF_WU_INSTALL)->kb, "");
    assert_string_equal(last_of(r, WF_WU_INSTALL)->title, "Update KB12345 xKB1234567");
    r = parse(LINE(T1, "182 [A]", "80073712", "failed with error 0x80073712: (KB123456) done"));
    assert_string_equal(last_of(r, WF_WU_INSTALL)->kb, "KB123456");
    assert_string_equal(last_of(r, WF_WU_INSTALL)->title, "(KB123456) done");
}

/* The whole file needs its byte order mark; an empty file is not unreadable. */
static void test_wulog_byte_order_mark(void **state)
{
    (void)state;
    size_t n = utf16(INSTALL_FAIL(T1), false);
    wf_wulog_parse(buf, n, n, &h);
    assert_true(h.unreadable);
    assert_null(last_of(&h, WF_WU_INSTALL));
    buf[0] = 0xFF;
    buf[1] = 0x00;
    wf_wulog_parse(buf, n, n, &h);
    assert_true(h.unreadable);
    wf_wulog_parse(buf, 0, 0, &h);
    assert_false(h.unreadable);
    /* Only blank lines: nothing unreadable in it. */
    parse("\r\n\r\n");
    assert_false(h.unreadable);
}

/* The tail of a longer file: the line it cuts is skipped, an odd start
 * keeps to the file's UTF-16 units, the last line needs no line end. */
static void test_wulog_tail_of_a_longer_file(void **state)
{
    (void)state;
    const char *text = "partial line\r\n" INSTALL_FAIL(T1);
    size_t n = utf16(text, true);
    /* The tail from inside "partial line": it is skipped. */
    wf_wulog_parse(buf + 6, n - 6, n + 1000, &h);
    assert_non_null(last_of(&h, WF_WU_INSTALL));
    assert_int_equal(h.other, 0);
    assert_int_equal(h.events, 1);
    /* Cut at an odd byte of the file: the first byte is half a unit. */
    wf_wulog_parse(buf + 5, n - 5, n + 1000, &h);
    assert_non_null(last_of(&h, WF_WU_INSTALL));
    /* A tail starting exactly at a whole event keeps it (issue 24: it was skipped). */
    const char *two = INSTALL_FAIL(T1) LINE(T2, "183 [AGENT_INSTALLING_SUCCEEDED]", "0", "ok");
    n = utf16(two, false);
    wf_wulog_parse(buf, n, n + 2, &h);
    assert_int_equal(h.events, 2);
    /* No line end after the last line. */
    char last[1024];
    snprintf(last, sizeof(last), "%s", INSTALL_FAIL(T1));
    last[strlen(last) - 2] = '\0';
    parse(last);
    assert_non_null(last_of(&h, WF_WU_INSTALL));
}

/* A line longer than the parser keeps is no event (its end could be anything). */
static void test_wulog_long_line(void **state)
{
    (void)state;
    static char text[20000];
    size_t n = (size_t)snprintf(text, sizeof(text), "%s", INSTALL_FAIL(T1));
    n -= 2; /* before the line end */
    memset(text + n, 'x', 8000);
    snprintf(text + n + 8000, sizeof(text) - n - 8000, "\r\n");
    parse(text);
    assert_null(last_of(&h, WF_WU_INSTALL));
    assert_int_equal(h.other, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wulog_201_clears_an_install_failure),
        cmocka_unit_test(test_wulog_each_kind_and_its_success),
        cmocka_unit_test(test_wulog_strict_fields),
        cmocka_unit_test(test_wulog_kb_and_title),
        cmocka_unit_test(test_wulog_byte_order_mark),
        cmocka_unit_test(test_wulog_tail_of_a_longer_file),
        cmocka_unit_test(test_wulog_long_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

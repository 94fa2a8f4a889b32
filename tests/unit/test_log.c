/* SPDX-License-Identifier: MIT */
/* test_log.c - --log FILE: a record of the run in CMTrace's line format,
 * appended, written when the run fails too; a file that cannot be opened is
 * a usage error before anything changes. Every line is read back with a
 * parser of the format, as CMTrace reads it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/cmtrace.h"
#include "wufix/cli.h"

struct entry {
    char text[1024];
    int type;
    unsigned thread;
    char time[16], date[16];
};

/* One entry at *p (advanced past its CR LF); false when it is not one. */
static bool parse_entry(const char **p, struct entry *e)
{
    const char *s = *p, *end = strstr(s, "\r\n");
    if (!end || strncmp(s, "<![LOG[", 7) != 0)
        return false;
    const char *close = strstr(s, "]LOG]!><time=\"");
    if (!close || close > end || (size_t)(close - s - 7) >= sizeof(e->text))
        return false;
    memcpy(e->text, s + 7, (size_t)(close - s - 7));
    e->text[close - s - 7] = '\0';
    char component[16], file[16];
    int used = 0;
    if (sscanf(close,
               "]LOG]!><time=\"%12[0-9:.]+000\" date=\"%10[0-9-]\" component=\"%15[^\"]\" context=\"\" "
               "type=\"%d\" thread=\"%u\" file=\"%15[^\"]\">%n",
               e->time, e->date, component, &e->type, &e->thread, file, &used) != 6 ||
        close + used != end)
        return false;
    if (strcmp(component, "wufix") != 0 || strlen(e->time) != 12 || strlen(e->date) != 10 || e->type < 1 ||
        e->type > 3)
        return false;
    *p = end + 2;
    return true;
}

/* Every line of the log is an entry; how many, and the first and last. */
static size_t read_log(const char *log, struct entry *first, struct entry *last)
{
    size_t n = 0;
    struct entry e;
    while (*log) {
        if (!parse_entry(&log, &e))
            fail_msg("not a CMTrace line: %.200s", log);
        if (n++ == 0)
            *first = e;
        *last = e;
    }
    return n;
}

static bool has_entry(const char *log, int type, const char *needle)
{
    struct entry e;
    while (*log && parse_entry(&log, &e))
        if (e.type == type && strstr(e.text, needle))
            return true;
    return false;
}

#define LOG(x) wf_buf_str(&(x)->fp.log)

static void test_log_cmtrace_line(void **state)
{
    (void)state;
    struct wf_buf b;
    struct entry e;
    wf_buf_init(&b);
    wf_cmtrace_line(&b, "2026-11-22T10:15:07Z", 4242, WF_CMTRACE_WARNING, "a ]LOG]!> in the text");
    assert_string_equal(wf_buf_str(&b), "<![LOG[a ]LOG] !> in the text]LOG]!><time=\"10:15:07.000+000\" "
                                        "date=\"11-22-2026\" component=\"wufix\" context=\"\" type=\"2\" "
                                        "thread=\"4242\" file=\"wufix\">\r\n");
    const char *p = wf_buf_str(&b);
    assert_true(parse_entry(&p, &e));
    assert_int_equal(e.type, 2);
    assert_string_equal(e.text, "a ]LOG] !> in the text");
    wf_buf_release(&b);
}

/* A display name and an image path holding escape sequences and line breaks
 * (issue: text from the SCM reached the terminal raw): clearing the screen
 * (CSI 2J), setting the clipboard (OSC 52), a forged "exit code 0" line. On
 * the console and in the log each comes out escaped, on the line it belongs to. */
#define EVIL "Evil\x1b[2J\x1b]52;c;aGk=\x07\r\nwufix ended: exit code 0 (success)\xc2\x9b"
static void no_raw_control(const char *out)
{
    for (const char *t = out; *t; t++)
        if ((*t != '\n' && (unsigned char)*t < 0x20) || (unsigned char)*t == 0x7f ||
            ((unsigned char)t[0] == 0xc2 && (unsigned char)t[1] == 0x9b))
            fail_msg("a raw control byte %#x reached the output:\n%s", (unsigned)(unsigned char)*t, out);
}

static void test_log_text_from_the_system_is_escaped(void **state)
{
    struct fake_cli *x = *state;
    struct entry first, last;
    wf_strlcpy(fake_scm_get(&x->scm, "BITS")->display, EVIL, WF_TEXT_MAX);
    wf_strlcpy(fake_scm_get(&x->scm, "UsoSvc")->image, "C:\\x.exe\r\nfix reg sz 0 evil", WF_TEXT_MAX);
    assert_int_equal(FAKE_RUN(x, "status", "--all", "--log", "C:\\logs\\wufix.log"), 0);
    no_raw_control(FAKE_OUT(x));
    assert_non_null(strstr(FAKE_OUT(x), "Evil\\x1b[2J\\x1b]52;c;aGk=\\x07\\x0d\\x0awu"));
    assert_int_equal(FAKE_RUN(x, "check", "--all", "--log", "C:\\logs\\wufix.log"), 1);
    no_raw_control(FAKE_OUT(x));
    assert_non_null(strstr(FAKE_OUT(x), "found: C:\\x.exe\\x0d\\x0afix reg sz 0 evil; expected:"));
    assert_int_equal(FAKE_RUN(x, "repair", "--all", "--yes", "--dry-run", "--log", "C:\\logs\\wufix.log"), 0);
    no_raw_control(FAKE_OUT(x));
    assert_non_null(strstr(FAKE_OUT(x), "UsoSvc: image path \"C:\\x.exe\\x0d\\x0afix reg sz 0 evil\" -> "));
    /* The log: the records of three runs, each ended by wufix's own last line. */
    const char *log = LOG(x);
    size_t n = read_log(log, &first, &last), ended = 0;
    assert_true(n > 3);
    for (const char *p = strstr(log, "wufix ended:"); p; p = strstr(p + 1, "wufix ended:"))
        ended++;
    assert_int_equal(ended, 3);
    assert_false(has_entry(log, 1, "\x1b"));
    assert_true(has_entry(log, 1, "Evil\\x1b[2J"));
}

static void test_log_records_a_restart(void **state)
{
    struct fake_cli *x = *state;
    struct entry first, last;
    assert_int_equal(FAKE_RUN(x, "restart", "--log", "C:\\logs\\wufix.log"), 0);
    size_t n = read_log(LOG(x), &first, &last);
    assert_true(n > 8);
    assert_string_equal(first.text, "wufix " WF_VERSION " started: wufix restart --log C:\\logs\\wufix.log");
    assert_string_equal(last.text, "wufix ended: exit code 0 (success)");
    assert_int_equal(last.type, 1);
    assert_int_equal(first.thread, 4242);
    assert_string_equal(first.date, "11-22-2026");
    assert_true(has_entry(LOG(x), 1, "Plan (4 steps"));
    assert_true(has_entry(LOG(x), 1, "1. stop UsoSvc"));
    assert_true(has_entry(LOG(x), 1, "stopped  wuauserv"));
    assert_true(has_entry(LOG(x), 1, "started  UsoSvc"));
    assert_true(has_entry(LOG(x), 1, "Done: 4 steps in "));
    /* The screen got the same run. */
    assert_non_null(strstr(FAKE_OUT(x), "Done: 4 steps in "));
    /* Appended: a second run adds its own record. */
    assert_int_equal(FAKE_RUN(x, "check", "--log", "C:\\logs\\wufix.log"), 0);
    size_t m = read_log(LOG(x), &first, &last);
    assert_true(m > n + 2);
    assert_string_equal(last.text, "wufix ended: exit code 0 (success)");
    assert_true(has_entry(LOG(x), 1, "started: wufix check --log"));
}

static void test_log_records_a_failure_and_the_rollback(void **state)
{
    struct fake_cli *x = *state;
    struct entry first, last;
    fake_scm_get(&x->scm, "CryptSvc")->fail_start_code = 2;
    assert_int_equal(FAKE_RUN(x, "restart", "--all", "--log", "C:\\wufix.log"), 4);
    read_log(LOG(x), &first, &last);
    assert_string_equal(last.text,
                        "wufix ended: exit code 4 (a service failed to reach its state or timed out)");
    assert_int_equal(last.type, 3);
    assert_true(has_entry(LOG(x), 3, "CryptSvc"));
    assert_true(has_entry(LOG(x), 1, "Putting back what was changed:"));
}

static void test_log_with_json_keeps_stdout_one_object(void **state)
{
    struct fake_cli *x = *state;
    struct entry first, last;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "restart", "--json", "--log", "C:\\wufix.log"), 5);
    assert_int_equal(strchr(FAKE_OUT(x), '\n') - FAKE_OUT(x) + 1, (long)strlen(FAKE_OUT(x)));
    read_log(LOG(x), &first, &last);
    assert_true(has_entry(LOG(x), 1, "{\"command\":\"restart\""));
    assert_true(has_entry(LOG(x), 3, "cannot restart 'wuauserv': the service is disabled"));
    assert_string_equal(last.text, "wufix ended: exit code 5 (blocked by configuration)");
}

static void test_log_that_cannot_be_opened_is_a_usage_error(void **state)
{
    struct fake_cli *x = *state;
    x->fp.log_refuse = "C:\\Windows\\no.log";
    assert_int_equal(FAKE_RUN(x, "restart", "--log", "C:\\Windows\\no.log"), 2);
    assert_string_equal(FAKE_ERR(x),
                        "wufix: --log: cannot open 'C:\\Windows\\no.log' to append to it: Access is "
                        "denied.; nothing was changed\n");
    assert_int_equal(x->scm.opens, 0);
    assert_int_equal(x->fp.locks, 0);
    assert_int_equal(FAKE_RUN(x, "restart", "--json", "--log", "C:\\Windows\\no.log"), 2);
    assert_non_null(strstr(FAKE_OUT(x), "{\"command\":\"restart\",\"computer\":null,\"exit_code\":2,"));
    assert_string_equal(LOG(x), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_cmtrace_line),
        cmocka_unit_test_setup_teardown(test_log_text_from_the_system_is_escaped, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_log_records_a_restart, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_log_records_a_failure_and_the_rollback, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_log_with_json_keeps_stdout_one_object, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_log_that_cannot_be_opened_is_a_usage_error, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
